"""The documents' HTML in Chromium: the Arabic, Japanese and Chinese proforma invoices
are drawn (not blank), in fonts that have their script, and Arabic from the right."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from chengxin.documents.render import render_html
from chengxin.documents.spec import DocumentSpec
from chengxin.documents.tests.documents import document, gulf_document

pytestmark = pytest.mark.browser

PRIMARY_FONT = {
    "ar": ("Noto Naskh Arabic", "فاتورة مبدئية"),
    "ja": ("Noto Sans CJK JP", "プロフォーマインボイス"),
    "zh-hans": ("Noto Sans CJK SC", "形式发票"),
}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 900, "height": 1270})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", ["ar", "ja", "zh-hans"])
def test_the_proforma_is_drawn_in_fonts_that_have_its_script(page, language, tmp_path):
    data = gulf_document("ar") if language == "ar" else document("proforma", language)
    html = render_html(DocumentSpec.from_dict(data))
    page.set_content(html)
    family, sample = PRIMARY_FONT[language]
    # The font is there and has every character of the title (no box glyphs).
    assert page.evaluate(f"() => document.fonts.check('16px \"{family}\"', {sample!r})")
    title = page.locator("h1")
    assert title.inner_text() == sample
    shot = page.screenshot(full_page=True)
    (tmp_path / f"proforma-{language}.png").write_bytes(shot)
    image = Image.open(io.BytesIO(shot)).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 0.01 * image.width * image.height  # text drawn, not a blank page


def test_arabic_page_reads_from_the_right(page):
    page.set_content(render_html(DocumentSpec.from_dict(gulf_document("ar"))))
    assert page.evaluate("() => getComputedStyle(document.documentElement).direction") == "rtl"
    headers = page.locator("table.lines thead th")
    first, last = headers.first.bounding_box(), headers.last.bounding_box()
    assert first is not None and last is not None
    assert first["x"] > last["x"]  # "No." on the right, "Amount" on the left
    description = page.locator("table.lines tbody td.text").first
    assert description.get_attribute("dir") == "rtl"
    assert "WP-200X" in description.inner_text()
