"""``{{ code|language_label }}``: a language code ("de", "zh-hans", "pt-BR") as the
language's name in the reader's language; a code Django does not know stays as it is."""

from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def language_label(code: str) -> str:
    if not code:
        return ""
    for candidate in (code, code.split("-")[0].split("_")[0]):
        try:
            return str(get_language_info(candidate.lower())["name_translated"])
        except KeyError:
            continue
    return code
