"""The timeline as a self-contained SVG picture (web pages, the PDF)."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from lxml import etree

from chengxin.campaigns.timeline.facts import (
    Milestone,
    TimelineFacts,
    clean_text,
    date_locale,
    format_day,
    format_period,
    timeline_language,
    timeline_milestones,
    verify_sentence,
)
from chengxin.campaigns.timeline.text import clip_lines, text_width, wrap_text

SVG_NS = "http://www.w3.org/2000/svg"
_FONTS = "'Helvetica Neue', Helvetica, Arial, 'Noto Sans', 'Noto Sans CJK SC', sans-serif"
_FONTS_CJK = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
INK = "#1d2b3a"
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
    pattern = date_locale(language).interval_formats.get(None) or "{0} – {1}"
    head, _sep, tail = pattern.partition("{1}")
    lines = [
        head.format(format_day(facts.parallel_from, language)).rstrip(),
        format_day(facts.parallel_until, language) + tail,
    ]
    return [part for line in lines for part in wrap_text(line, _TEXT_WIDTH, 13.5, True)]


def _svg_root(language: str, heading: str, caption: str):
    """The <svg> element with its title and description (what a screen reader says),
    and its white background (sized at the end)."""
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
    return root, background


def _draw_heading(root, heading: str) -> float:
    """The company's name and what changes, on two lines at most; the baseline after."""
    y = 34.0
    width = _WIDTH - 2 * _MARGIN
    for line in clip_lines(wrap_text(heading, width, 17, True), 2, width, 17):
        _el(root, "text", line, x=_MARGIN, y=y, font_size=17, font_weight="bold", fill=INK)
        y += 22
    return y


def _draw_axis(root, xs: list[float], axis_y: float) -> None:
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


def _draw_band(root, xs: list[float], axis_y: float, band_label: str) -> None:
    """The parallel period: a band on the axis from its start to the old account's end."""
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
    label = clip_lines(wrap_text(band_label, room, 10.5, True), 1, room, 10.5)
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


def _draw_milestone(
    root, milestone: Milestone, when_lines: list[str], *, x: float, dates_top: float, axis_y
) -> float:
    """One milestone's column: its date above the axis, its marker on it, its title and
    details below. Returns the baseline after the last line."""
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
    _el(group, "circle", cx=x + 8, cy=axis_y, r=8, fill="#ffffff", stroke=colour, stroke_width=3)
    _el(group, "circle", cx=x + 8, cy=axis_y, r=3.5, fill=colour)
    ty = _text_lines(
        group,
        wrap_text(milestone.title, _TEXT_WIDTH, 13, True),
        x=x,
        y=axis_y + 34,
        size=13,
        leading=17,
        font_weight="bold",
        fill=INK,
    )
    details: list[str] = []
    for line in milestone.lines:
        details += wrap_text(line, _TEXT_WIDTH, 12)
    return _text_lines(
        group,
        clip_lines(details, _MAX_DETAIL_LINES, _TEXT_WIDTH, 12),
        x=x,
        y=ty + 3,
        size=12,
        leading=16,
        fill=_MUTED,
    )


def _draw_footer(root, verify: str, y: float) -> float:
    """A rule and the line on how to verify; the baseline after."""
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
    return _text_lines(
        root,
        wrap_text(verify, _WIDTH - 2 * _MARGIN, 11.5),
        x=_MARGIN,
        y=y + 22,
        size=11.5,
        leading=15,
        fill=_MUTED,
    )


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
        verify = verify_sentence() % {"url": clean_text(facts.public_record_url)}
        caption = " ".join(f"{m.when}: {m.title}. {' '.join(m.lines)}" for m in milestones)
    root, background = _svg_root(language, heading, caption)
    y = _draw_heading(root, heading) if framed else 6.0

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
    _draw_axis(root, xs, axis_y)
    _draw_band(root, xs, axis_y, band_label)
    bottom = axis_y
    for x, milestone, when_lines in zip(xs, milestones, date_lines, strict=True):
        end = _draw_milestone(root, milestone, when_lines, x=x, dates_top=dates_top, axis_y=axis_y)
        bottom = max(bottom, end)

    y = _draw_footer(root, verify, bottom) if framed else bottom
    height = round(y + 4)
    background.set("height", str(height))
    root.set("width", str(_WIDTH))
    root.set("height", str(height))
    root.set("viewBox", f"0 0 {_WIDTH} {height}")
    return etree.tostring(root, encoding="unicode")
