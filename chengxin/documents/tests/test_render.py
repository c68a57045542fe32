"""Every kind of document in every buyer language, printed to PDF and read back: the
labels, amounts and words a buyer reads; Arabic right to left and shaped; every script
in a font that has its glyphs."""

from __future__ import annotations

import re
import unicodedata

import pytest
from django.utils import translation
from fontTools.ttLib import TTFont

from chengxin.core.money import format_money
from chengxin.documents.render import document_title, render_html, render_pdf
from chengxin.documents.spec import DocumentSpec
from chengxin.documents.tests.documents import (
    JAPAN_REGISTRATION,
    KINDS,
    LANGUAGES,
    MIXED_ARABIC,
    document,
    gulf_document,
    japan_document,
)
from chengxin.documents.tests.pdf_text import Glyph, glyphs
from chengxin.documents.words import amount_in_words

NASKH = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"
CJK_REGION = {"zh-hans": "SC", "ja": "JP", "ko": "KR"}


class Printed:
    """A rendered document: its spec, its PDF and the glyphs read back."""

    def __init__(self, spec: DocumentSpec) -> None:
        self.spec = spec
        self.pdf = render_pdf(spec)
        self.glyphs = glyphs(self.pdf)
        self.stream = "".join(glyph.text for glyph in self.glyphs)

    def shows(self, text: str) -> bool:
        """Whether the PDF draws ``text`` (spaces aside; right-to-left text as drawn)."""
        if self.spec.language == "ar" and _has_arabic(text):
            # Each Arabic run reads reversed as drawn, each Latin or digit run forward.
            runs = re.findall(r"[\u0600-\u06ff][\u0600-\u06ff\s]*|[^\u0600-\u06ff]+", text)
            stream = _arabic_key(self.stream)
            return all(
                (_arabic_key(run)[::-1] if _has_arabic(run) else _arabic_key(run)) in stream
                for run in runs
                if _squeeze(run)
            )
        return _squeeze(text) in _squeeze(self.stream)


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f\u2009\u200e\u200f]+", "", text)


def _arabic_key(text: str) -> str:
    # A lam-alef ligature is one glyph standing for two letters, kept in their logical
    # order when the rest of the line reads reversed: leave lam and alef out.
    return re.sub("[لاأإآ]", "", _squeeze(text))


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


@pytest.fixture(scope="module")
def printed():
    """Each kind in each language, rendered once for the module."""
    cache: dict[tuple[str, str], Printed] = {}

    def get(kind: str, language: str) -> Printed:
        if (kind, language) not in cache:
            cache[kind, language] = Printed(DocumentSpec.from_dict(document(kind, language)))
        return cache[kind, language]

    return get


IN_CONTEXT = {"Buyer", "Description", "Due", "Total"}  # {% translate … context "trade document" %}


def label(text: str) -> str:
    """A label as the document prints it, in the active language."""
    if text in IN_CONTEXT:
        return translation.pgettext("trade document", text)
    return translation.gettext(text)


def _labels(kind: str) -> list[str]:
    common = ["Date", "Buyer", "Description", "Quantity"]
    if kind == "packing_list":
        return [*common, "Packages", "Net weight (kg)", "Gross weight (kg)", "Marks"]
    labels = [*common, "Total", "Amount in words", "Payment terms", "Payment schedule"]
    labels.append("Exchange rate")
    if kind == "proforma":
        labels += ["Pay to this account only", "Intermediary bank", "Check this account:"]
    if kind == "quotation":
        labels.append("Valid until")
    return labels


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_in_every_language(printed, kind, language):
    document_ = printed(kind, language)
    spec = document_.spec
    assert document_.pdf.startswith(b"%PDF-")
    with translation.override(language):
        title = document_title(kind)
        labels = [label(text) for text in _labels(kind)]
    missing = [text for text in [title, *labels] if not document_.shows(text)]
    assert not missing, f"{kind}/{language}: not in the PDF: {missing}"
    for text in (spec.seller.name.split(" 宁波")[0], spec.buyer.name, spec.number):
        assert document_.shows(text), text
    if kind == "packing_list":
        assert document_.shows("1,864") or document_.shows("1.864") or document_.shows("1 864")
        return
    total = format_money(spec.total, spec.currency, language=language)
    digits = re.sub(r"[^\d.,\u00a0\u202f ]", "", total).strip()
    assert document_.shows(digits), (total, digits)
    words = amount_in_words(spec.total, spec.currency, language)
    assert document_.shows(words), words
    if kind == "proforma":
        assert document_.shows("351258369147") and document_.shows("BKCHCNBJ92A")
        assert document_.shows(spec.account.verify_url)  # type: ignore[union-attr]


def test_labels_are_translated_not_english(printed):
    """A label a translator left out would print in English: none does."""
    english = set(_labels("proforma"))
    for language in LANGUAGES:
        if language == "en":
            continue
        with translation.override(language):
            untranslated = [text for text in english if label(text) == text]
            assert document_title("proforma") != "Proforma invoice", language
        # "Total" and "Date" are the same words in French, Spanish, Portuguese.
        assert set(untranslated) <= {"Total", "Date"}, (language, untranslated)


def test_chinese_total_in_capital_numerals(printed):
    document_ = printed("proforma", "zh-hans")
    assert amount_in_words(document_.spec.total, "USD", "zh-hans") == "美元壹万贰仟壹佰伍拾元整"
    assert document_.shows("美元壹万贰仟壹佰伍拾元整")
    assert document_.shows("形式发票") and document_.shows("大写金额")


def test_totals_in_words_per_language():
    from decimal import Decimal

    amount = Decimal("1234.56")
    assert amount_in_words(amount, "CNY", "zh-hans") == "人民币壹仟贰佰叁拾肆元伍角陆分"
    assert amount_in_words(amount, "EUR", "de").startswith(
        "eintausendzweihundertvierunddreißig Euro"
    )
    assert amount_in_words(amount, "USD", "en") == (
        "one thousand, two hundred and thirty-four US dollars and 56/100"
    )
    assert amount_in_words(amount, "EUR", "fr") == "mille deux cent trente-quatre euros et 56/100"
    assert amount_in_words(Decimal(1818), "JPY", "ja") == "千八百十八円"
    assert amount_in_words(Decimal("1.5"), "KWD", "en").endswith("and 500/1000")


def _script_font(language: str, char: str) -> str | None:
    """The font family a character of this script must be drawn with, or None."""
    code = ord(char)
    if "\u0600" <= char <= "\u06ff":
        return "Naskh-Arabic"
    if 0x4E00 <= code <= 0x9FFF:
        return f"CJK-{CJK_REGION.get(language, 'SC')}"
    if 0x3040 <= code <= 0x30FF:
        return "CJK-JP"
    if 0xAC00 <= code <= 0xD7A3:
        return "CJK-KR"
    return None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_script_is_drawn_in_a_font_that_has_it(printed, language):
    document_ = printed("proforma", language)
    drawn = [glyph for glyph in document_.glyphs if not glyph.text.isspace()]
    assert drawn
    notdef = [glyph.text for glyph in drawn if glyph.cid == 0]
    assert not notdef, f"missing glyphs (.notdef) for {notdef}"
    wrong = {
        (char, glyph.font)
        for glyph in drawn
        for char in glyph.text  # a ligature ("fi") stands for several characters
        if (expected := _script_font(language, char)) and expected not in glyph.font
    }
    assert not wrong
    fonts = {glyph.font for glyph in drawn}
    if language in CJK_REGION:
        assert any(f"CJK-{CJK_REGION[language]}" in font for font in fonts), fonts
    elif language == "ar":
        assert any("Naskh-Arabic" in font for font in fonts), fonts
    else:
        assert any(font.startswith("Noto-Sans") for font in fonts), fonts
    # The Chinese part of the seller's name on every document: in a CJK font.
    assert any("CJK" in glyph.font and glyph.text == "诚" for glyph in drawn)


@pytest.fixture(scope="module")
def gulf():
    return Printed(DocumentSpec.from_dict(gulf_document("ar")))


def _run(found: list[Glyph], text: str) -> list[Glyph]:
    """The glyphs drawing ``text`` in this order (left to right as drawn)."""
    chars = [glyph.text for glyph in found]
    for start in range(len(chars) - len(text) + 1):
        if "".join(chars[start : start + len(text)]) == text:
            return found[start : start + len(text)]
    raise AssertionError(f"{text!r} is not drawn")


def test_arabic_reads_right_to_left(gulf):
    html = render_html(gulf.spec)
    assert '<html lang="ar" dir="rtl">' in html
    title = _run(gulf.glyphs, "فاتورة مبدئية"[::-1])  # drawn from the left: reversed
    assert title[0].x < title[-1].x
    # The table starts on the right: "No." is right of "Description", which is right
    # of "Amount".
    with translation.override("ar"):
        number, description = label("No."), label("Description")
        quantity = label("Quantity")
    header = _run(gulf.glyphs, description[::-1])
    row = sorted((g for g in gulf.glyphs if g.y == header[0].y), key=lambda g: g.page)
    x_description = header[0].x
    x_number = _run(row, number[::-1])[0].x
    x_quantity = _run(row, quantity[::-1])[0].x
    assert x_number > x_description > x_quantity
    # The totals are on the right side of the page, their label right of the amount.
    with translation.override("ar"):
        total_label = label("Total")
    total = _run(gulf.glyphs, total_label[::-1])
    assert total[0].x > 300


def test_a_mixed_arabic_and_latin_line_reads_in_the_right_order(gulf):
    model = _run(gulf.glyphs, "WP-200X")
    line = [glyph for glyph in gulf.glyphs if glyph.y == model[0].y and glyph.page == 0]
    # Left to right inside the model number: W P - 2 0 0 X.
    assert [glyph.x for glyph in model] == sorted(glyph.x for glyph in model)
    # مضخة طراز | WP-200X | قدرة 750 واط : the Arabic before it stands to its right, the
    # Arabic after it to its left.
    line.sort(key=lambda glyph: glyph.x)
    drawn = "".join(glyph.text for glyph in line)
    # Drawn from the left: 750, قدرة (reversed), WP-200X, طراز, مضخة (reversed).
    assert "750 " + "قدرة"[::-1] + " WP-200X " + "طراز"[::-1] + " " + "مضخة"[::-1] in drawn
    assert MIXED_ARABIC in render_html(gulf.spec)


def test_arabic_letters_are_shaped(gulf):
    """Joined letters use their initial/medial/final forms, not the isolated glyph."""
    word = _run(gulf.glyphs, "مضخة"[::-1])  # ة خ ض م as drawn
    nominal = TTFont(NASKH).getBestCmap()
    glyph_ids = TTFont(NASKH).getReverseGlyphMap()
    assert all("Naskh-Arabic" in glyph.font for glyph in word)
    shaped = [glyph for glyph in word if glyph.cid != glyph_ids[nominal[ord(glyph.text)]]]
    # م (initial), ض (medial), خ (medial) and ة (final) all change form.
    assert len(shaped) == 4, [(g.text, g.cid) for g in word]
    assert unicodedata.bidirectional(word[0].text) == "AL"


def test_gulf_lines_print_hs_code_and_origin(gulf):
    assert gulf.shows("8413.70") and gulf.shows("9032.89")
    assert gulf.shows("الصين")  # China, the country of origin


def test_japanese_qualified_invoice_prints_tax_per_rate():
    spec = DocumentSpec.from_dict(japan_document("ja"))
    printed_ = Printed(spec)
    for text in (
        "登録番号",
        JAPAN_REGISTRATION,
        "適格請求書",
        "10%対象",
        "8%対象（軽減税率 ※）",
        "消費税（10%）",
        "消費税（8%）",
        "※は軽減税率（8%）対象品目です。",
        "軽減税率対象",
        "￥1,818",
    ):
        assert printed_.shows(text) or printed_.shows(text.replace("￥", "JPY ")), text
    assert printed_.shows("千八百十八円")


def test_japanese_export_without_tax_says_so():
    printed_ = Printed(DocumentSpec.from_dict(japan_document("en", taxed=False)))
    assert printed_.shows(
        "Export transaction: exempt from Japanese consumption tax (Consumption Tax Act, Article 7)."
    )
    assert not printed_.shows("Registration number")


def test_reverse_charge_wording_in_the_buyers_language():
    data = document("commercial_invoice", "fr")
    data["tax"] = {"reverse_charge": True}
    printed_ = Printed(DocumentSpec.from_dict(data))
    assert printed_.shows("Autoliquidation : TVA due par le preneur")
    assert printed_.shows("DE136695976")


def test_text_is_escaped():
    data = document("proforma", "en")
    data["buyer"]["name"] = "<script>alert(1)</script> & Co"
    html = render_html(DocumentSpec.from_dict(data))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_spanish_one_is_shortened_before_the_currency_and_agrees_with_it():
    from decimal import Decimal

    assert amount_in_words(Decimal("21001"), "USD", "es").startswith(
        "veintiún mil un dólares estadounidenses"
    )
    assert amount_in_words(Decimal("1"), "EUR", "es").startswith("un euro")
    assert amount_in_words(Decimal("31"), "GBP", "es").startswith("treinta y una libras")
    # A word that merely contains "uno" is left alone.
    assert "noventa" in amount_in_words(Decimal("91"), "USD", "es")
