"""The Arabic, Japanese and Chinese proforma invoices as pages in a real Chromium: a rep
drafts one from the order's Documents panel, issues it, opens it as a page; screenshots
of each go to a temporary folder (``DOCUMENT_SCREENSHOTS`` keeps them elsewhere) and are
checked to be rendered: the title in the language's script drawn with a font that has
it (Chromium's own report of the fonts it used), right to left for Arabic, and the
screenshot far from blank."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from chengxin.documents import services
from chengxin.documents.models import Document
from chengxin.documents.tests.conftest import NOW, USD_NUMBER
from chengxin.testing import speak_english

pytestmark = pytest.mark.browser

# The language, its direction, the script the title must be drawn in, and fonts that
# have that script.
CASES = {
    "ar": ("rtl", re.compile(r"[\u0600-\u06ff]"), ("Arabic", "Naskh", "Kufi", "DejaVu")),
    "ja": ("ltr", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"), ("CJK", "JP")),
    "zh-hans": ("ltr", re.compile(r"[\u4e00-\u9fff]"), ("CJK", "SC")),
}


def _ink(path: Path) -> tuple[float, int]:
    """The share of pixels that are not background, and the number of distinct colours."""
    from PIL import Image

    image = Image.open(path).convert("L")
    pixels = list(image.getdata())
    background = max(set(pixels), key=pixels.count)
    inked = sum(1 for value in pixels if abs(value - background) > 40)
    return inked / len(pixels), len(set(pixels))


def _fonts_of(page, selector: str) -> list[str]:
    """The fonts Chromium used to draw the text of ``selector``'s element."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [font["familyName"] for font in fonts if font["glyphCount"]]


@pytest.mark.django_db(transaction=True)
def test_arabic_japanese_and_chinese_proformas_render_as_pages(
    signed_in_page, owner, order, tmp_path
):
    speak_english(owner)
    folder = Path(os.environ.get("DOCUMENT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page = signed_in_page(owner)

    # From the order's Documents panel: draft the Arabic proforma, issue it.
    page.goto(f"/orders/{order.pk}/")
    panel = page.get_by_test_id("documents")
    panel.get_by_label("Document").select_option("proforma")
    panel.get_by_label("Language").select_option("ar")
    panel.get_by_role("button", name="Draft").click()
    page.wait_for_url(re.compile(r"/documents/\d+/$"))
    page.get_by_test_id("issue").click()
    expect(page.get_by_test_id("state")).to_have_text("Issued")
    expect(page.get_by_test_id("hash")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    page.screenshot(path=str(folder / "document-detail.png"), full_page=True)
    page.goto(f"/orders/{order.pk}/#documents")
    row = page.get_by_test_id("document-row")
    expect(row).to_contain_text("PI-2026-")
    expect(row.get_by_test_id("document-download")).to_be_visible()
    page.get_by_test_id("documents").screenshot(path=str(folder / "order-panel.png"))
    arabic = Document.objects.get()
    # The Japanese and Chinese ones through the same services.
    documents = {"ar": arabic}
    for language in ("ja", "zh-hans"):
        draft = services.document_draft(
            actor=owner, kind="proforma", order=order, language=language, now=NOW
        )
        documents[language] = services.document_issue(actor=owner, document=draft, now=NOW)

    for language, document in documents.items():
        direction, script, font_words = CASES[language]
        page.goto(f"/documents/{document.pk}/page/")
        html = page.locator("html")
        expect(html).to_have_attribute("lang", language)
        expect(html).to_have_attribute("dir", direction)
        title = page.locator("h1").first
        expect(title).to_be_visible()
        assert script.search(title.inner_text()), (language, title.inner_text())
        assert document.number in page.content()
        assert USD_NUMBER in re.sub(r"\s", "", page.locator("body").inner_text())
        fonts = _fonts_of(page, "h1")
        assert fonts, language
        assert any(word in font for font in fonts for word in font_words), (language, fonts)
        shot = folder / f"proforma-{language}.png"
        page.screenshot(path=str(shot), full_page=True)
        inked, colours = _ink(shot)
        assert 0.01 < inked < 0.6, (language, inked)  # text and rules on a white page
        assert colours > 20, (language, colours)
        if direction == "rtl":
            # the lines table reads from the right: its first column on the right half
            first = page.locator("table:has(td:has-text('LED panel')) th").first
            box = first.bounding_box()
            assert box is not None
            assert box["x"] > page.viewport_size["width"] / 2, box
