"""The compact CJK fonts: every glyph's CID is its glyph id (WeasyPrint writes glyph ids
as CIDs), and documents use them first, the full Noto font after."""

from __future__ import annotations

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont

from chengxin.documents import fonts


def test_cids_are_renumbered_to_the_glyph_ids(tmp_path):
    font = TTFont(fonts.NOTO_CJK["regular"], fontNumber=fonts._collection_index(
        fonts.NOTO_CJK["regular"], "Noto Sans CJK SC"
    ))  # fmt: skip
    subsetter = subset.Subsetter(subset.Options(notdef_outline=True))
    subsetter.populate(unicodes=[ord(char) for char in "宁波诚信AZ"])
    subsetter.subset(font)
    path = tmp_path / "small.otf"
    font.save(str(path))
    before = TTFont(str(path)).getGlyphOrder()
    assert before[1:] != [f"cid{index:05d}" for index in range(1, len(before))]  # the bug
    fonts._number_cids_by_glyph_id(path)
    after = TTFont(str(path))
    order = after.getGlyphOrder()
    assert order[1:] == [f"cid{index:05d}" for index in range(1, len(order))]
    # The characters still map to the same outlines (cmap, glyph ids untouched).
    cmap = after.getBestCmap()
    assert {chr(code) for code in cmap} >= set("宁波诚信AZ")
    glyphs = after.getGlyphSet()
    assert all(glyphs[cmap[ord(char)]].width > 0 for char in "宁波诚信")


def test_the_compact_sets_cover_the_national_standards():
    chinese = fonts._characters("gb2312")
    assert {ord(char) for char in "诚信贸易有限公司形式发票壹贰叁￥"} <= chinese
    assert 6763 <= len([c for c in chinese if 0x4E00 <= c <= 0x9FFF]) <= 7000
    korean = fonts._characters("euc_kr")
    assert {ord(char) for char in "견적서포장명세서똠"} <= korean  # 똠: outside KS X 1001


@pytest.mark.parametrize("region", sorted(fonts.COMPACT))
def test_made_compact_fonts_are_numbered_by_glyph_id(region):
    if not fonts.compact_fonts_ready(region):
        pytest.skip("compact fonts not made on this machine (chengxin documents fonts)")
    family = fonts.COMPACT[region][0]
    assert fonts.cjk_families(region).startswith(f'"{family}", "Noto Sans CJK {region}"')
    for weight in fonts.WEIGHTS:
        font = TTFont(str(fonts.compact_font_path(region, weight)), lazy=True)
        order = font.getGlyphOrder()
        assert order[1:50] == [f"cid{index:05d}" for index in range(1, 50)]
        assert font["name"].getDebugName(1) == family
