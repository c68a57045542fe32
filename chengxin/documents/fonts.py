"""Fonts for documents, and what keeps CJK documents fast.

Noto Sans CJK comes as a 20 MB font collection of 65,000 glyphs per face. For every
document WeasyPrint copies the whole collection out of HarfBuzz (``Font.file_content``)
and subsets it with HarfBuzz keeping glyph ids: 60 to 80 ms per document, whether the
document is Chinese or an English one with a Chinese seller's name. Two fixes, measured
in ``bench/documents_render.py``:

1. One WeasyPrint ``FontConfiguration`` per process (per thread), not one per document:
   Pango keeps the fonts it opened, their metrics and shaping data between documents.
2. Compact CJK fonts, made once by ``chengxin documents fonts``: Noto Sans CJK SC, JP and
   KR (regular and bold) cut down to the characters of GB 2312, JIS X 0208 (Shift JIS)
   and KS X 1001 plus every Hangul syllable, Latin, Greek, Cyrillic, punctuation and
   full-width forms (9,000 to 19,000 glyphs, 3 to 7 MB), renumbered so that each glyph's
   CID is its glyph id (see ``_number_cids_by_glyph_id``). Subsetting them takes 13 to
   24 ms. Documents name them first and the full Noto Sans CJK right after, so a rare
   character outside the compact set still prints, from the full font.

Without the compact fonts (a fresh machine), documents use Noto Sans CJK directly.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

NOTO_CJK = {
    "regular": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "bold": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
# Our family name for each compact font, the Noto family it is cut from, and the legacy
# character set whose characters it keeps.
COMPACT = {
    "SC": ("Chengxin CJK SC", "Noto Sans CJK SC", "gb2312"),
    "JP": ("Chengxin CJK JP", "Noto Sans CJK JP", "shift_jis"),
    "KR": ("Chengxin CJK KR", "Noto Sans CJK KR", "euc_kr"),
}
WEIGHTS = {"regular": 400, "bold": 700}

_local = threading.local()


def fonts_dir() -> Path:
    """Where the compact fonts live: the setting ``CHENGXIN_DOCUMENT_FONTS_DIR``, else the
    user's cache directory."""
    from django.conf import settings

    if settings.CHENGXIN_DOCUMENT_FONTS_DIR:
        return Path(settings.CHENGXIN_DOCUMENT_FONTS_DIR)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "chengxin" / "document-fonts"


def compact_font_path(region: str, weight: str) -> Path:
    return fonts_dir() / f"ChengxinCJK{region}-{weight.capitalize()}.otf"


def compact_fonts_ready(region: str) -> bool:
    return all(compact_font_path(region, weight).is_file() for weight in WEIGHTS)


def cjk_families(region: str) -> str:
    """The CSS families for one CJK variant: the compact font if made, then Noto."""
    family, noto, _charset = COMPACT[region]
    if compact_fonts_ready(region):
        return f'"{family}", "{noto}"'
    return f'"{noto}"'


def _characters(charset: str) -> set[int]:
    """Every character a document in that language commonly needs."""
    keep = set(range(0x20, 0x7F)) | set(range(0xA0, 0x250))  # Latin
    keep |= set(range(0x370, 0x400)) | set(range(0x400, 0x530))  # Greek, Cyrillic
    keep |= set(range(0x2000, 0x2070)) | set(range(0x20A0, 0x20C1))  # punctuation, €
    keep |= set(range(0x2100, 0x2200)) | set(range(0x2460, 0x2500))  # ℃ №, ① ②
    keep |= set(range(0x2190, 0x2200)) | set(range(0x25A0, 0x2700))  # arrows, ※ ■ ○
    keep |= set(range(0x3000, 0x3100)) | set(range(0x3200, 0x3400))  # CJK punctuation, kana
    keep |= set(range(0xFF00, 0xFFF0))  # full-width forms
    for codepoint in range(0x2E80, 0xA000):
        try:
            chr(codepoint).encode(charset)
        except UnicodeEncodeError:
            continue
        keep.add(codepoint)
    if charset == "euc_kr":
        keep |= set(range(0xAC00, 0xD7A4)) | set(range(0x1100, 0x1200))  # Hangul
    return keep


def _collection_index(path: str, family: str) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(path, lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == family:
            return index
    raise LookupError(f"{family} is not in {path}")


def build_compact_fonts(
    progress: Callable[[str], object] | None = None,
) -> Iterator[Path]:
    """Make the compact CJK fonts (about 20 seconds each, once per machine)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    target = fonts_dir()
    target.mkdir(parents=True, exist_ok=True)
    for region, (family, noto, charset) in COMPACT.items():
        characters = _characters(charset)
        for weight in WEIGHTS:
            path = compact_font_path(region, weight)
            source = NOTO_CJK[weight]
            if progress:
                progress(f"{family} {weight}: {len(characters)} characters from {noto}")
            font = TTFont(source, fontNumber=_collection_index(source, noto), lazy=False)
            options = subset.Options()
            options.layout_features = ["*"]
            options.name_IDs = ["*"]
            options.name_languages = ["*"]
            options.notdef_outline = True
            options.hinting = False
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=characters)
            subsetter.subset(font)
            _rename(font, family, weight)
            partial = path.with_suffix(".tmp")
            font.save(str(partial))
            _number_cids_by_glyph_id(partial)
            partial.replace(path)
            yield path


def _number_cids_by_glyph_id(path: Path) -> None:
    """Give every glyph the CID equal to its glyph id.

    Noto Sans CJK is a CID-keyed CFF font, and WeasyPrint writes glyph ids as CIDs
    (``CIDToGIDMap /Identity``). In the full font CID and glyph id are the same; after
    subsetting, glyph 7 may still carry CID 12345, and a PDF reader would draw the glyph
    of CID 7, another one or none. Only the CFF charset changes: every other table
    addresses glyphs by id and is copied as it is (the font is opened lazily)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    order = font.getGlyphOrder()
    names = [".notdef", *(f"cid{index:05d}" for index in range(1, len(order)))]
    renamed = dict(zip(order, names, strict=True))
    top = font["CFF "].cff.topDictIndex[0]
    top.CharStrings.charStrings = {
        renamed[name]: index for name, index in top.CharStrings.charStrings.items()
    }
    top.charset = [renamed[name] for name in top.charset]
    font.setGlyphOrder(names)
    rewritten = path.with_suffix(".cid")
    font.save(str(rewritten))
    rewritten.replace(path)


def _rename(font, family: str, weight: str) -> None:
    """Our own family name, so that the compact font never stands in for Noto."""
    style = "Bold" if weight == "bold" else "Regular"
    postscript = family.replace(" ", "") + "-" + style
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(
                f"{family} {style}", 4, record.platformID, record.platEncID, record.langID
            )
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]


def font_configuration():
    """This thread's WeasyPrint font configuration, with the compact CJK fonts added
    (once). Documents rendered one after the other share it."""
    config = getattr(_local, "config", None)
    if config is not None:
        return config
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    config = FontConfiguration()
    fetcher = URLFetcher(allowed_protocols={"file"})
    for region, (family, _noto, _charset) in COMPACT.items():
        if not compact_fonts_ready(region):
            continue
        for weight, css_weight in WEIGHTS.items():
            descriptors = {
                "font_family": family,
                "src": [("external", compact_font_path(region, weight).as_uri())],
                "font_weight": css_weight,
            }
            config.add_font_face(descriptors, fetcher)
    _local.config = config
    # Let WeasyPrint clean its temporary font folder while Python can still run it
    # (its __del__ at interpreter shutdown, modules gone, prints a TypeError).
    atexit.register(_local.__dict__.pop, "config", None)
    return config
