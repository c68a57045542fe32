"""What a PDF shows: its characters with their position, font and glyph id (pdfminer),
and its text in reading lines. For the document tests."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage


@dataclass(frozen=True)
class Glyph:
    text: str
    x: float
    y: float
    font: str  # the embedded font's name without its subset tag: "Noto-Naskh-Arabic"
    cid: int  # the glyph id (WeasyPrint keeps the font's own ids)
    page: int


class _Collector(PDFPageAggregator):
    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
        advance = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        self.cur_item._objs[-1].cid = cid  # type: ignore[attr-defined]
        return advance


def _chars(item):
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)


def glyphs(pdf: bytes) -> list[Glyph]:
    manager = PDFResourceManager()
    device = _Collector(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    found = []
    for number, page in enumerate(PDFPage.get_pages(io.BytesIO(pdf))):
        interpreter.process_page(page)
        for char in _chars(device.get_result()):
            found.append(
                Glyph(
                    text=char.get_text(),
                    x=round(char.x0, 2),
                    y=round(char.matrix[5], 1),  # the baseline
                    font=char.fontname.split("+", 1)[-1],
                    cid=getattr(char, "cid", -1),
                    page=number,
                )
            )
    return found


def lines(found: list[Glyph]) -> list[str]:
    """The text of each visual line, glyphs ordered left to right (so an Arabic line
    reads reversed, as it is drawn)."""
    rows: dict[tuple[int, float], list[Glyph]] = {}
    for glyph in found:
        rows.setdefault((glyph.page, glyph.y), []).append(glyph)
    return [
        "".join(glyph.text for glyph in sorted(row, key=lambda g: g.x))
        for _key, row in sorted(rows.items(), key=lambda item: (item[0][0], -item[0][1]))
    ]


def plain(text: str) -> str:
    """Spaces of every kind folded, so formatted numbers compare with the PDF's text."""
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text).strip()
