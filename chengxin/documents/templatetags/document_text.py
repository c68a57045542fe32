"""``{{ text|isolated }}``: a piece of free text in its own direction.

A buyer's name, an address or a line's description may be Arabic in an English
document, or Latin in an Arabic one, or both at once ("مضخة مياه WP-200X بقدرة 750 واط").
Each such text is set in a block of its own whose base direction comes from its first
strong character (HTML's ``dir="auto"``), so the Unicode bidi algorithm orders its runs
from the right starting point and nothing around it (a table's direction, a colon) can
move them. WeasyPrint gives each block its own paragraph; browsers also honour
``unicode-bidi: isolate``. Line breaks in the text are kept.
"""

from __future__ import annotations

import unicodedata

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_RTL = {"R", "AL"}
_LTR = {"L"}


def text_direction(text: str, default: str = "ltr") -> str:
    """``"rtl"`` or ``"ltr"`` from the first character with a strong direction."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RTL:
            return "rtl"
        if kind in _LTR:
            return "ltr"
    return default


@register.filter
def isolated(value: object) -> SafeString:
    text = "" if value is None else str(value)
    lines = mark_safe("<br>".join(conditional_escape(line) for line in text.split("\n")))  # noqa: S308
    return format_html('<div class="isolated" dir="{}">{}</div>', text_direction(text), lines)


@register.filter
def direction(value: object) -> str:
    """The ``dir`` of an element holding this text alone (a table cell): one block less
    per cell than ``isolated``, which counts in a long table."""
    return text_direction("" if value is None else str(value))
