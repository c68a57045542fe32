import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from chengxin.core.http import or_404


def input_from[T](cls: type[T], cleaned_data: Mapping[str, Any], /, **given: Any) -> T:
    """A service's input ``cls`` (a dataclass) from a valid form: each of its fields from the
    form field of the same name, except those ``given`` (e.g. a text split into lines)."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    taken = {f.name: cleaned_data[f.name] for f in fields if f.name not in given}
    return cls(**taken, **given)


def apply_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: field errors on their
    fields where the form has them, everything else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def run_form(
    request: HttpRequest,
    form: forms.Form,
    call: Callable[[dict], Any],
    *,
    success: str | Callable[[Any], str],
    then: Any,
) -> HttpResponse | None:
    """The POST of a page with a form. When the form is valid, ``call(form.cleaned_data)``
    runs the service; if it refuses (a ValidationError), its messages go onto the form.
    Else: the message ``success`` and a redirect to ``then`` (a URL or a view's name);
    either may be a function of what the call returned (e.g. the record it created).

    None (on a GET, an invalid form or a refusal) means: show the page again, with the
    form. A record gone meanwhile is a 404.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = or_404(call, form.cleaned_data)
    except ValidationError as exc:
        apply_errors(form, exc)
        return None
    messages.success(request, success(result) if callable(success) else success)
    return redirect(then(result) if callable(then) else then)


def _current_zone_description() -> str:
    """The active time zone (the user's, activated by the middleware) as a person
    reads it: its name and today's offset, e.g. "Asia/Shanghai, UTC+08:00"."""
    now = timezone.localtime()
    offset = now.strftime("%z")
    return f"{timezone.get_current_timezone_name()}, UTC{offset[:3]}:{offset[3:]}"


current_zone_description = lazy(_current_zone_description, str)


class LocalDateTimeField(forms.DateTimeField):
    """A moment entered in the user's own time zone and stored in UTC.

    Django reads a naive input in the current time zone, which the middleware
    sets to the user's; the help text names that zone so nobody converts by hand.
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, *, empty_means_now: bool = False, **kwargs):
        if empty_means_now:
            text = _("Your time zone: {zone}. Leave empty for now.")
        else:
            text = _("Your time zone: {zone}.")
        kwargs.setdefault("help_text", format_lazy(text, zone=current_zone_description()))
        super().__init__(**kwargs)


#: Limits for free text typed on the pages (the API and imports check their own).
SHORT_TEXT_LIMIT = 2_000  # a reason, a note: one or two paragraphs
LETTER_LIMIT = 20_000  # a letter or message to a buyer


class LongTextField(forms.CharField):
    """Free text with a limit that is stated up front and enforced with a clear
    error. The browser is not told the limit (``maxlength``): it would silently cut
    a pasted text short, and the person would send half a sentence."""

    def __init__(self, *, max_length: int = SHORT_TEXT_LIMIT, rows: int = 3, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        kwargs.setdefault(
            "help_text",
            format_lazy(_("At most {limit} characters."), limit=_grouped(max_length)),
        )
        super().__init__(max_length=max_length, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


_grouped = lazy(lambda number: number_format(number, force_grouping=True), str)
