"""Measuring and wrapping text for the SVG, which has no line breaking of its own."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from chengxin.campaigns.timeline.facts import clean_text

# Closing punctuation that must not start a line, opening that must not end one.
_NO_LINE_START = set("、。，．,.:;!?！？：；)]}）］｝〕〉》」』】〙〗〟’”›»ー々〻…‥")
_NO_LINE_END = set("([{（［｛〔〈《「『【〘〖〝‘“‹«")
_NARROW = set("iIjlft.,:;!|'’()[] ")


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def text_width(text: str, font_size: float, bold: bool = False) -> float:
    """An estimate, in user units, of ``text`` set in a sans-serif font: CJK characters
    are one em, Latin letters about 0.6 em (DejaVu Sans, the widest common fallback).
    Errs on the wide side."""
    return sum(_char_em(ch) for ch in text) * font_size * (1.12 if bold else 1.0)


def _char_em(ch: str) -> float:
    if unicodedata.combining(ch):
        return 0.0
    if _is_wide(ch):
        return 1.0
    if ch in _NARROW:
        return 0.32
    if ch in "mwMW@%&":
        return 0.9
    if ch.isupper():
        return 0.7
    return 0.62


def _fitting_length(text: str, width: float, font_size: float, bold: bool = False) -> int:
    """How many leading characters of ``text`` fit in ``width`` (at least one). Reads
    only as far as the line reaches, so cutting a very long word stays linear."""
    limit = width / (font_size * (1.12 if bold else 1.0))
    em = 0.0
    for index, ch in enumerate(text):
        em += _char_em(ch)
        if em > limit:
            return max(index, 1)
    return len(text)


def _break_units(text: str) -> Iterator[str]:
    """Pieces between which a line may break: each CJK character alone (with the
    punctuation that sticks to it), Latin words with the space after them."""
    unit = ""
    for ch in text:
        if unit and (
            (_is_wide(ch) and ch not in _NO_LINE_START and unit[-1] not in _NO_LINE_END)
            or (not _is_wide(ch) and not ch.isspace() and unit[-1].isspace())
            or (not _is_wide(ch) and ch not in _NO_LINE_START and _is_wide(unit[-1]))
        ):
            yield unit
            unit = ""
        unit += ch
    if unit:
        yield unit


def wrap_text(text: str, width: float, font_size: float, bold: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``width``: CJK breaks between characters, Latin
    between words; a word longer than the line (a URL) is cut by characters."""
    lines: list[str] = []
    line = ""
    for unit in _break_units(clean_text(text)):
        if text_width((line + unit).rstrip(), font_size, bold) <= width:
            line += unit
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = unit.lstrip()
        while len(line) > 1:
            stripped = line.rstrip()
            fits = _fitting_length(stripped, width, font_size, bold)
            if fits >= len(stripped):
                break
            cut = max(1, min(fits, len(line) - 1))
            if cut > 1 and line[cut] in _NO_LINE_START:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def clip_lines(lines: list[str], most: int, width: float, font_size: float) -> list[str]:
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    while last and text_width(last + "…", font_size) > width:
        last = last[:-1]
    return [*lines[: most - 1], last.rstrip() + "…"]
