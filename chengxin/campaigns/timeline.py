"""The timeline of a change of our receiving bank account, as each buyer gets it.

Four milestones: the decision and its reason; the new account opened and verified; the
parallel period in which both accounts receive; the old account's last day. Drawn three
ways from the same facts, in the buyer's language:

* ``timeline_svg``: a self-contained SVG picture (web pages, the PDF);
* ``timeline_html``: a table for the body of an email (mail clients drop SVG);
* ``timeline_pdf``: the A4 notice attached to the email (WeasyPrint), with both
  accounts' details, the public record link and its QR code.

Words go through gettext (``translation.override(language)``), dates through Babel, so a
new language needs only its translations. A language the site does not offer falls back
to English rather than mixing languages in one letter.

No database here: the caller builds ``TimelineFacts`` from the change plan.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import segno
from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import get_currency_name
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template import Engine
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from lxml import etree

from chengxin.core.buyer_language import buyer_language, page_direction

# Babel locale for dates where the language alone would pick a poor one: plain "en" is
# American ("December 1, 2026"); buyers abroad read "1 December 2026" without doubt.
_DATE_LOCALES = {"en": "en_GB"}

# Characters XML 1.0 does not allow (most C0 controls, surrogates, U+FFFE/U+FFFF), and
# the bidi embeddings/overrides/isolates that can reorder how an account number reads.
_NOT_SHOWN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_IBAN_LIKE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]+$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
MASK = "****"


def mask_account_number(number: str) -> str:
    """``"DE89 3704 0044 0532 0130 00"`` → ``"DE **** 3000"``; ``"6222 0210 0112 3456"``
    → ``"**** 3456"``. Only the last four characters (and an IBAN's country) show."""
    compact = re.sub(r"[\s-]", "", number).upper()
    if len(compact) < 6:
        raise ValidationError(
            _("This account number is too short to mask: it needs six characters or more."),
            code="short_number",
        )
    prefix = f"{compact[:2]} " if _IBAN_LIKE.match(compact) else ""
    return f"{prefix}{MASK} {compact[-4:]}"


@dataclass(frozen=True)
class AccountFacts:
    """One receiving account as buyers may see it: never the full number."""

    bank_name: str
    bic: str
    masked_number: str
    currency: str
    holder: str

    def __post_init__(self) -> None:
        if sum(ch.isdigit() for ch in self.masked_number) > 4:
            raise ValidationError(
                _("Show at most the last four digits of an account number (got %(number)s)."),
                code="unmasked_number",
                params={"number": self.masked_number},
            )
        if not _CURRENCY.match(self.currency):
            raise ValidationError(
                _("%(currency)s is not an ISO 4217 currency code."),
                code="currency",
                params={"currency": self.currency},
            )


@dataclass(frozen=True)
class TimelineFacts:
    company_name: str
    decided_on: date
    reason: str
    new_account: AccountFacts
    new_verified_on: date
    parallel_from: date
    parallel_until: date
    old_account: AccountFacts
    old_closes_on: date
    public_record_url: str

    def __post_init__(self) -> None:
        steps = [
            (_("the decision"), self.decided_on),
            (_("the new account's verification"), self.new_verified_on),
            (_("the start of the parallel period"), self.parallel_from),
            (_("the end of the parallel period"), self.parallel_until),
            (_("the old account's last day"), self.old_closes_on),
        ]
        for (before, earlier), (after, later) in zip(steps, steps[1:], strict=False):
            if later < earlier:
                raise ValidationError(
                    _("%(after)s (%(later)s) comes before %(before)s (%(earlier)s)."),
                    code="timeline_order",
                    params={"after": after, "later": later, "before": before, "earlier": earlier},
                )
        URLValidator(schemes=["https", "http"])(self.public_record_url)


@dataclass(frozen=True)
class Milestone:
    key: str  # decision | new-account | parallel | old-account
    when: str
    title: str
    lines: tuple[str, ...]


def timeline_language(language: str) -> str:
    """The language to write in: the buyer's (one of the twelve buyer languages,
    ``"zh-Hans"`` → ``"zh-hans"``), else English."""
    return buyer_language(language)


def _locale(language: str) -> Locale:
    return Locale.parse(_DATE_LOCALES.get(language, translation.to_locale(language)))


def format_day(day: date, language: str) -> str:
    """``2026-12-01`` → "1 December 2026" / "2026年12月1日"."""
    return format_date(day, "long", locale=_locale(timeline_language(language)))


def format_period(start: date, end: date, language: str) -> str:
    """From ``start`` to ``end``: "1–31 Dec 2026" / "2026年12月1日至31日"."""
    return format_interval(start, end, "yMMMMd", locale=_locale(timeline_language(language)))


def clean_text(text: str) -> str:
    """One line of user text, safe for XML and for reading: no control characters, no
    bidi overrides, runs of white space as one space."""
    return " ".join(_NOT_SHOWN.sub("", text).split())


def _account_line(account: AccountFacts) -> str:
    return _("Account %(number)s (%(currency)s)") % {
        "number": clean_text(account.masked_number),
        "currency": account.currency,
    }


def timeline_milestones(facts: TimelineFacts, language: str) -> list[Milestone]:
    """The four milestones' words in ``language``: one source for the SVG, HTML and PDF."""
    language = timeline_language(language)
    with translation.override(language):
        new, old = facts.new_account, facts.old_account
        return [
            Milestone(
                "decision",
                format_day(facts.decided_on, language),
                _("Decision to change our account"),
                (clean_text(facts.reason),),
            ),
            Milestone(
                "new-account",
                format_day(facts.new_verified_on, language),
                _("New account opened and verified"),
                (
                    clean_text(new.bank_name),
                    _("SWIFT/BIC %(bic)s") % {"bic": clean_text(new.bic)},
                    _account_line(new),
                ),
            ),
            Milestone(
                "parallel",
                format_period(facts.parallel_from, facts.parallel_until, language),
                _("Both accounts receive payments"),
                (_("Please prefer the new account."),),
            ),
            Milestone(
                "old-account",
                format_day(facts.old_closes_on, language),
                _("Last day of the old account"),
                (
                    clean_text(old.bank_name),
                    _account_line(old),
                    _("Do not pay into it after this day."),
                ),
            ),
        ]


def _verify_sentence() -> str:
    """Contains ``%(url)s`` for the caller to fill (plain text, or a link)."""
    return _("Verify this account yourself at %(url)s before paying.")


# --- Text measuring and wrapping (for the SVG, which has no line breaking of its own) ---

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


def _clip(lines: list[str], most: int, width: float, font_size: float) -> list[str]:
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    while last and text_width(last + "…", font_size) > width:
        last = last[:-1]
    return [*lines[: most - 1], last.rstrip() + "…"]


# --- The SVG ---

SVG_NS = "http://www.w3.org/2000/svg"
_FONTS = "'Helvetica Neue', Helvetica, Arial, 'Noto Sans', 'Noto Sans CJK SC', sans-serif"
_FONTS_CJK = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
_INK = "#1d2b3a"
_MUTED = "#55636f"
_AXIS = "#c9d1d9"
_COLOURS = {
    "decision": "#2c4f7c",
    "new-account": "#1b7a4b",
    "parallel": "#1b7a4b",
    "old-account": "#a8482a",
}
_BAND_FILL = "#dff1e7"

_WIDTH = 760
_MARGIN = 14
_COLUMN = (_WIDTH - 2 * _MARGIN) / 4
_TEXT_WIDTH = _COLUMN - 16
_MAX_DETAIL_LINES = 7


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: object):
    element = etree.SubElement(
        parent,
        f"{{{SVG_NS}}}{tag}",
        {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()},
    )
    if text is not None:
        element.text = text
    return element


def _text_lines(
    parent: etree._Element,
    lines: list[str],
    *,
    x: float,
    y: float,
    size: float,
    leading: float,
    **attrs: object,
) -> float:
    """Writes ``lines`` from baseline ``y``; returns the baseline after the last."""
    for line in lines:
        _el(parent, "text", line, x=round(x, 1), y=round(y, 1), font_size=size, **attrs)
        y += leading
    return y


def _period_lines(facts: TimelineFacts, language: str) -> list[str]:
    """The parallel period on one line if it fits, else its two days one under the
    other ("1 December 2026 –" / "15 January 2027"), never cut inside a date."""
    whole = format_period(facts.parallel_from, facts.parallel_until, language)
    if text_width(whole, 13.5, True) <= _TEXT_WIDTH:
        return [whole]
    pattern = _locale(language).interval_formats.get(None) or "{0} – {1}"
    head, _sep, tail = pattern.partition("{1}")
    lines = [
        head.format(format_day(facts.parallel_from, language)).rstrip(),
        format_day(facts.parallel_until, language) + tail,
    ]
    return [part for line in lines for part in wrap_text(line, _TEXT_WIDTH, 13.5, True)]


def timeline_svg(facts: TimelineFacts, language: str, *, framed: bool = True) -> str:
    """A self-contained SVG (no scripts, links, images or web fonts) of the four milestones
    left to right, the parallel period as a band on the axis.

    ``framed`` adds a heading with the company's name and the line on how to verify, for
    the picture shown on its own; the PDF, which says both in its text, leaves them out.
    """
    language = timeline_language(language)
    milestones = timeline_milestones(facts, language)
    with translation.override(language):
        heading = _("%(company)s: change of our receiving bank account") % {
            "company": clean_text(facts.company_name)
        }
        band_label = _("Both accounts receive")
        verify = _verify_sentence() % {"url": clean_text(facts.public_record_url)}
        caption = " ".join(f"{m.when}: {m.title}. {' '.join(m.lines)}" for m in milestones)
    fonts = _FONTS_CJK if language.startswith(("zh", "ja", "ko")) else _FONTS

    root = etree.Element(
        f"{{{SVG_NS}}}svg",
        {
            "version": "1.1",
            "role": "img",
            "aria-labelledby": "timeline-title timeline-desc",
            "font-family": fonts,
            "{http://www.w3.org/XML/1998/namespace}lang": language,
        },
        nsmap={None: SVG_NS},
    )
    _el(root, "title", heading, id="timeline-title")
    _el(root, "desc", caption, id="timeline-desc")
    background = _el(root, "rect", x=0, y=0, width=_WIDTH, fill="#ffffff")

    y = 6.0
    if framed:
        y = 34.0
        for line in _clip(
            wrap_text(heading, _WIDTH - 2 * _MARGIN, 17, True), 2, _WIDTH - 2 * _MARGIN, 17
        ):
            _el(root, "text", line, x=_MARGIN, y=y, font_size=17, font_weight="bold", fill=_INK)
            y += 22

    # Dates above the axis, in each milestone's colour.
    xs = [_MARGIN + i * _COLUMN for i in range(4)]
    date_lines = [
        _period_lines(facts, language)
        if m.key == "parallel"
        else wrap_text(m.when, _TEXT_WIDTH, 13.5, True)
        for m in milestones
    ]
    dates_top = y + 14
    axis_y = dates_top + 17 * max(len(lines) for lines in date_lines) + 18

    axis = _el(root, "g", class_="axis")
    _el(
        axis,
        "line",
        x1=xs[0],
        y1=axis_y,
        x2=_WIDTH - _MARGIN - 6,
        y2=axis_y,
        stroke=_AXIS,
        stroke_width=3,
        stroke_linecap="round",
    )
    tip = _WIDTH - _MARGIN
    _el(
        axis,
        "path",
        d=f"M{tip - 10},{axis_y - 6} L{tip},{axis_y} L{tip - 10},{axis_y + 6} Z",
        fill=_AXIS,
    )
    band = _el(root, "g", class_="parallel-band")
    band_x, band_end = xs[2], xs[3]
    _el(
        band,
        "rect",
        x=band_x,
        y=axis_y - 11,
        width=band_end - band_x,
        height=22,
        rx=11,
        fill=_BAND_FILL,
        stroke=_COLOURS["parallel"],
        stroke_width=1.2,
    )
    # The label sits between the two markers (each 16 wide, at x + 8).
    room = band_end - band_x - 36
    label = _clip(wrap_text(band_label, room, 10.5, True), 1, room, 10.5)
    _el(
        band,
        "text",
        label[0] if label else "",
        x=round((band_x + 16 + band_end) / 2, 1),
        y=axis_y + 3.8,
        font_size=10.5,
        font_weight="bold",
        fill=_COLOURS["parallel"],
        text_anchor="middle",
    )

    bottom = axis_y
    for x, milestone, when_lines in zip(xs, milestones, date_lines, strict=True):
        colour = _COLOURS[milestone.key]
        group = _el(root, "g", class_="milestone", data_milestone=milestone.key)
        _text_lines(
            group,
            when_lines,
            x=x,
            y=dates_top + 13,
            size=13.5,
            leading=17,
            font_weight="bold",
            fill=colour,
        )
        _el(
            group, "circle", cx=x + 8, cy=axis_y, r=8, fill="#ffffff", stroke=colour, stroke_width=3
        )
        _el(group, "circle", cx=x + 8, cy=axis_y, r=3.5, fill=colour)
        ty = _text_lines(
            group,
            wrap_text(milestone.title, _TEXT_WIDTH, 13, True),
            x=x,
            y=axis_y + 34,
            size=13,
            leading=17,
            font_weight="bold",
            fill=_INK,
        )
        details: list[str] = []
        for line in milestone.lines:
            details += wrap_text(line, _TEXT_WIDTH, 12)
        ty = _text_lines(
            group,
            _clip(details, _MAX_DETAIL_LINES, _TEXT_WIDTH, 12),
            x=x,
            y=ty + 3,
            size=12,
            leading=16,
            fill=_MUTED,
        )
        bottom = max(bottom, ty)

    y = bottom
    if framed:
        y += 14
        _el(
            root,
            "line",
            x1=_MARGIN,
            y1=y,
            x2=_WIDTH - _MARGIN,
            y2=y,
            stroke="#e3e8ed",
            stroke_width=1,
        )
        y = _text_lines(
            root,
            wrap_text(verify, _WIDTH - 2 * _MARGIN, 11.5),
            x=_MARGIN,
            y=y + 22,
            size=11.5,
            leading=15,
            fill=_MUTED,
        )
    height = round(y + 4)
    background.set("height", str(height))
    root.set("width", str(_WIDTH))
    root.set("height", str(height))
    root.set("viewBox", f"0 0 {_WIDTH} {height}")
    return etree.tostring(root, encoding="unicode")


# --- The email snippet and the PDF (Django templates, autoescaped) ---


@cache
def _engine() -> Engine:
    """Our own template engine: the notice renders the same whether or not the app's
    templates are on the project's loaders (workers, shells, tests)."""
    return Engine(
        dirs=[str(Path(__file__).resolve().parent / "templates")],
        libraries={"i18n": "django.templatetags.i18n"},
    )


def _accounts(facts: TimelineFacts, language: str) -> list[dict[str, str]]:
    locale = _locale(language)
    rows = []
    for account in (facts.new_account, facts.old_account):
        rows.append(
            {
                "bank_name": clean_text(account.bank_name),
                "holder": clean_text(account.holder),
                "bic": clean_text(account.bic),
                "masked_number": clean_text(account.masked_number),
                "currency": f"{account.currency} · "
                f"{get_currency_name(account.currency, locale=locale)}",
            }
        )
    return rows


def _context(facts: TimelineFacts, language: str) -> dict[str, object]:
    url = facts.public_record_url
    with translation.override(language):
        link = format_html('<a href="{}">{}</a>', url, clean_text(url))
        verify = mark_safe(conditional_escape(_verify_sentence()) % {"url": link})  # noqa: S308
    new, old = _accounts(facts, language)
    direction = page_direction(language)
    return {
        "language": language,
        "direction": direction,
        "start": "right" if direction == "rtl" else "left",
        "company_name": clean_text(facts.company_name),
        "reason": clean_text(facts.reason),
        "milestones": timeline_milestones(facts, language),
        "new": new,
        "old": old,
        "new_from": format_day(facts.parallel_from, language),
        "old_until": format_day(facts.old_closes_on, language),
        "public_record_url": url,
        "verify": verify,
    }


def timeline_html(facts: TimelineFacts, language: str) -> str:
    """The timeline as an HTML table with inline styles, for the body of an email."""
    language = timeline_language(language)
    with translation.override(language):
        return _engine().render_to_string(
            "campaigns/timeline_email.html", _context(facts, language)
        )


def timeline_pdf_html(facts: TimelineFacts, language: str) -> str:
    """The HTML document that ``timeline_pdf`` prints (also handy to preview)."""
    language = timeline_language(language)
    context = _context(facts, language)
    context["svg"] = timeline_svg(facts, language, framed=False)
    context["qr"] = segno.make(facts.public_record_url, error="m").svg_data_uri(
        scale=4, border=2, dark=_INK
    )
    with translation.override(language):
        return _engine().render_to_string("campaigns/timeline_pdf.html", context)


def timeline_pdf(facts: TimelineFacts, language: str) -> bytes:
    """The A4 notice: title, company, the timeline picture, both accounts, how to verify."""
    from weasyprint import HTML  # heavy import (pango): only when a PDF is made
    from weasyprint.urls import URLFetcher

    html = timeline_pdf_html(facts, language)
    # Everything is inline: WeasyPrint may read data: URIs only, never the network or
    # the file system, and a resource it cannot read fails the PDF instead of leaving
    # a hole in it.
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return HTML(string=html, url_fetcher=fetcher).write_pdf()
