"""The timeline of a change of our receiving account: SVG, email HTML and PDF."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import lxml.html
import pypdf
import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from chengxin.campaigns.timeline import (
    AccountFacts,
    TimelineFacts,
    clean_text,
    format_day,
    format_period,
    mask_account_number,
    text_width,
    timeline_html,
    timeline_language,
    timeline_milestones,
    timeline_pdf,
    timeline_pdf_html,
    timeline_svg,
    wrap_text,
)

SVG = "{http://www.w3.org/2000/svg}"
URL = "https://chengxin.example.com/finance/account-changes/2026-12"
REASON_EN = (
    "To lower the fees you and we pay on international transfers, and to receive payments "
    "faster, our group finance department decided to move our main foreign-currency account."
)
REASON_ZH = (
    "为优化全球收款效率及降低手续费，经集团财务部综合评估（附内部评估摘要），"
    "决定启动主要外汇收款银行切换流程，新账户将于过渡期后成为唯一收款账户。"
)


def make_facts(**changes: object) -> TimelineFacts:
    facts = TimelineFacts(
        company_name="Ningbo Chengxin Trading Co., Ltd.",
        decided_on=date(2026, 10, 20),
        reason=REASON_EN,
        new_account=AccountFacts(
            bank_name="Bank of China, Ningbo Branch",
            bic="BKCHCNBJ92A",
            masked_number=mask_account_number("6222 0210 0112 3456 789"),
            currency="USD",
            holder="Ningbo Chengxin Trading Co., Ltd.",
        ),
        new_verified_on=date(2026, 11, 5),
        parallel_from=date(2026, 12, 1),
        parallel_until=date(2027, 1, 15),
        old_account=AccountFacts(
            bank_name="Industrial and Commercial Bank of China",
            bic="ICBKCNBJNBO",
            masked_number=mask_account_number("DE89 3704 0044 0532 0130 00"),
            currency="USD",
            holder="Ningbo Chengxin Trading Co., Ltd.",
        ),
        old_closes_on=date(2027, 1, 15),
        public_record_url=URL,
    )
    return replace(facts, **changes)


def svg_tree(facts: TimelineFacts, language: str) -> etree._Element:
    return etree.fromstring(timeline_svg(facts, language).encode())


def milestone_texts(root: etree._Element) -> dict[str, list[str]]:
    return {
        group.get("data-milestone"): [t.text or "" for t in group.iter(f"{SVG}text")]
        for group in root.iter(f"{SVG}g")
        if group.get("class") == "milestone"
    }


def pdf_text(pdf: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


# --- Facts ---


def test_account_numbers_are_masked_to_the_last_four():
    assert mask_account_number("6222 0210 0112 3456 789") == "**** 6789"
    assert mask_account_number("de89 3704 0044 0532 0130 00") == "DE **** 3000"
    with pytest.raises(ValidationError):
        mask_account_number("1234")


def test_an_account_showing_more_than_four_digits_is_refused():
    with pytest.raises(ValidationError) as error:
        AccountFacts("Bank", "BKCHCNBJ92A", "6222021001123456", "USD", "Holder")
    assert error.value.code == "unmasked_number"
    with pytest.raises(ValidationError):
        AccountFacts("Bank", "BKCHCNBJ92A", "**** 6789", "usd", "Holder")


def test_milestones_must_come_in_order():
    with pytest.raises(ValidationError) as error:
        make_facts(parallel_from=date(2026, 11, 1))  # before the new account is verified
    assert error.value.code == "timeline_order"
    with pytest.raises(ValidationError):
        make_facts(old_closes_on=date(2027, 1, 14))  # before the parallel period ends
    make_facts(new_verified_on=date(2026, 10, 20), old_closes_on=date(2027, 2, 1))


def test_the_public_record_must_be_a_web_address():
    with pytest.raises(ValidationError):
        make_facts(public_record_url="javascript:alert(1)")


def test_language_falls_back_to_english_when_not_offered():
    assert timeline_language("zh-Hans") == "zh-hans"
    assert timeline_language("zh-cn") == "zh-hans"
    assert timeline_language("en-gb") == "en"
    assert timeline_language("tlh") == "en"
    assert timeline_language("") == "en"
    assert timeline_language("de-AT") == "de"  # one of the twelve buyer languages
    # One letter, one language: a buyer writing Klingon gets all of it in English.
    decision = timeline_milestones(make_facts(), "tlh")[0]
    assert (decision.when, decision.title) == ("20 October 2026", "Decision to change our account")


def test_dates_are_written_the_way_each_language_writes_them():
    assert format_day(date(2026, 12, 1), "en") == "1 December 2026"
    assert format_day(date(2026, 12, 1), "zh-hans") == "2026年12月1日"
    assert format_period(date(2026, 12, 1), date(2026, 12, 31), "zh-hans") == "2026年12月1日至31日"
    assert (
        format_period(date(2026, 12, 1), date(2027, 1, 15), "en")
        == "1 Dec 2026\u2009–\u200915 Jan 2027"
    )


# --- Wrapping ---


def test_chinese_wraps_between_characters_and_keeps_punctuation_with_its_word():
    lines = wrap_text(REASON_ZH, 150, 12)
    assert len(lines) >= 4
    assert "".join(lines) == REASON_ZH  # nothing lost, no spaces added
    assert all(text_width(line, 12) <= 150 for line in lines)
    assert not any(line[0] in "，。、）" for line in lines)
    assert not any(line[-1] == "（" for line in lines)


def test_latin_wraps_between_words_and_cuts_only_a_word_longer_than_the_line():
    lines = wrap_text(REASON_EN, 150, 12)
    assert " ".join(lines) == REASON_EN
    assert all(text_width(line, 12) <= 150 for line in lines)
    url_lines = wrap_text(f"See {URL} today", 150, 12)
    assert url_lines[0] == "See"
    assert "".join(url_lines[1:-1]) == URL
    assert all(text_width(line, 12) <= 150 for line in url_lines)


def test_mixed_text_breaks_between_chinese_and_latin():
    lines = wrap_text("新账户开户行为Bank of China Ningbo Branch，SWIFT代码BKCHCNBJ92A。", 100, 12)
    assert (
        "".join(lines).replace(" ", "")
        == "新账户开户行为BankofChinaNingboBranch，SWIFT代码BKCHCNBJ92A。"
    )
    assert lines[-1].endswith("A。")  # the full stop is not left alone on a line
    assert all(text_width(line, 12) <= 100 for line in lines)


def test_clean_text_drops_what_xml_or_a_reader_cannot_take():
    assert clean_text("A\x00B\x1b C\u202e D\n\t E\ufffe") == "AB C D E"


# --- SVG ---


def test_svg_shows_the_four_milestones_in_order_in_english():
    root = svg_tree(make_facts(), "en")
    assert root.tag == f"{SVG}svg"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    texts = milestone_texts(root)
    assert list(texts) == ["decision", "new-account", "parallel", "old-account"]
    assert texts["decision"][0] == "20 October 2026"
    assert "Decision to change" in " ".join(texts["decision"])
    assert "To lower the fees" in " ".join(texts["decision"])
    new = " ".join(texts["new-account"])
    assert "5 November 2026" in new and "Bank of China, Ningbo Branch" in new
    assert "SWIFT/BIC BKCHCNBJ92A" in new and "Account **** 6789 (USD)" in new
    parallel = " ".join(texts["parallel"])
    assert "1 December 2026" in parallel and "15 January 2027" in parallel
    assert "Please prefer the new account." in parallel
    old = " ".join(texts["old-account"])
    assert "15 January 2027" in old and "DE **** 3000" in old
    assert "Do not pay into it after this day." in old
    band = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "parallel-band")
    assert band.find(f"{SVG}text").text == "Both accounts receive"


def test_svg_band_spans_the_parallel_period_between_its_markers():
    root = svg_tree(make_facts(), "en")
    groups = {g.get("data-milestone"): g for g in root.iter(f"{SVG}g") if g.get("data-milestone")}
    start = float(groups["parallel"].find(f"{SVG}circle").get("cx"))
    end = float(groups["old-account"].find(f"{SVG}circle").get("cx"))
    band = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "parallel-band")
    rect = band.find(f"{SVG}rect")
    assert float(rect.get("x")) <= start - 8
    assert float(rect.get("x")) + float(rect.get("width")) >= end - 8


def test_svg_uses_chinese_dates_and_cjk_fonts_for_chinese():
    facts = make_facts(reason=REASON_ZH, company_name="宁波诚信贸易有限公司")
    root = svg_tree(facts, "zh-hans")
    texts = milestone_texts(root)
    assert texts["decision"][0] == "2026年10月20日"
    assert texts["new-account"][0] == "2026年11月5日"
    assert "2027年1月15日" in texts["old-account"]
    assert "".join(texts["parallel"]).startswith("2026年12月1日")
    assert not any("October" in line for lines in texts.values() for line in lines)
    assert root.get("font-family").startswith("'Noto Sans CJK SC'")
    assert "宁波诚信贸易有限公司" in root.find(f"{SVG}title").text
    # The Chinese reason wraps by characters within its column, every character kept.
    reason_lines = [line for line in texts["decision"] if line[0] in REASON_ZH]
    assert len(reason_lines) >= 4
    assert "".join(reason_lines).endswith(REASON_ZH)
    column = 760 / 4 - 14
    assert all(text_width(line, 12) <= column for line in reason_lines)


def test_svg_is_self_contained():
    svg = timeline_svg(make_facts(), "en")
    root = etree.fromstring(svg.encode())
    tags = {etree.QName(el).localname for el in root.iter() if isinstance(el.tag, str)}
    assert tags <= {"svg", "title", "desc", "rect", "g", "line", "path", "circle", "text"}
    for element in root.iter():
        for name, value in element.attrib.items():
            assert "href" not in name
            assert "url(" not in value and "://" not in value, (name, value)
    assert "font-face" not in svg and "<script" not in svg
    assert "sans-serif" in root.get("font-family")
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"


def test_svg_framed_adds_heading_and_how_to_verify():
    framed = svg_tree(make_facts(company_name="Chengxin"), "en")
    loose = etree.fromstring(timeline_svg(make_facts(company_name="Chengxin"), "en", framed=False))
    framed_text = " ".join(t.text for t in framed.iter(f"{SVG}text"))
    loose_text = " ".join(t.text for t in loose.iter(f"{SVG}text"))
    assert "Chengxin: change of our receiving bank account" in framed_text
    assert f"Verify this account yourself at {URL} before paying." in framed_text
    assert "Chengxin" not in loose_text and "Verify" not in loose_text
    assert int(loose.get("height")) < int(framed.get("height"))


def test_svg_escapes_names_and_reasons():
    company = "Smith & Sons <Trading> \"Best\" 'Quality'"
    reason = '</text> <script> alert("x") </script> & ]]> <!-- -->'
    svg = timeline_svg(make_facts(company_name=company, reason=reason), "en")
    root = etree.fromstring(svg.encode())
    assert root.find(f"{SVG}title").text == f"{company}: change of our receiving bank account"
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert not list(root.iter(f"{SVG}script"))
    assert reason in " ".join(milestone_texts(root)["decision"])


def test_a_very_long_reason_is_cut_with_an_ellipsis_in_the_picture():
    root = svg_tree(make_facts(reason=REASON_EN * 5), "en")
    lines = milestone_texts(root)["decision"]
    assert lines[-1].endswith("…")
    assert len(lines) <= 1 + 3 + 7  # date, title, at most seven lines of reason


@settings(max_examples=150, deadline=None)
@given(company=st.text(max_size=80), reason=st.text(max_size=400))
def test_any_company_name_or_reason_gives_valid_svg(company, reason):
    facts = make_facts(company_name=company, reason=reason)
    root = etree.fromstring(timeline_svg(facts, "en").encode())
    title = root.find(f"{SVG}title").text or ""
    assert title == f"{clean_text(company)}: change of our receiving bank account"
    fragment = lxml.html.fragment_fromstring(timeline_html(facts, "zh-hans"), create_parent="div")
    assert len(fragment.xpath("//tr")) == 4
    assert clean_text(reason) in fragment.xpath("//tr")[0].text_content()


# --- Email HTML ---


def test_email_html_is_a_table_of_the_four_milestones():
    html = timeline_html(make_facts(company_name="A & B <Co>", reason="<b>cheaper</b>"), "en")
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    rows = fragment.xpath("//tr[@data-milestone]")
    assert [row.get("data-milestone") for row in rows] == [
        "decision",
        "new-account",
        "parallel",
        "old-account",
    ]
    assert (
        rows[0].text_content().split()
        == "20 October 2026 Decision to change our account <b>cheaper</b>".split()
    )
    assert "SWIFT/BIC BKCHCNBJ92A" in rows[1].text_content()
    assert "Please prefer the new account." in rows[2].text_content()
    assert "background" in rows[2].get("style")
    assert not fragment.xpath("//b | //svg | //style | //script | //*[@class]")
    link = fragment.xpath("//a")[0]
    assert link.get("href") == URL
    paragraph = fragment.xpath("//p")[0].text_content()
    assert paragraph == f"Verify this account yourself at {URL} before paying."


def test_email_html_in_chinese_uses_chinese_dates():
    html = timeline_html(make_facts(), "zh-hans")
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    assert fragment.xpath("//table")[0].get("lang") == "zh-hans"
    dates = [row.xpath("./td")[0].text_content() for row in fragment.xpath("//tr[@data-milestone]")]
    assert dates == [
        "2026年10月20日",
        "2026年11月5日",
        "2026年12月1日至2027年1月15日",
        "2027年1月15日",
    ]


# --- PDF ---


def test_pdf_notice_in_english_is_one_a4_page_with_everything_a_buyer_needs():
    company = "Smith & Sons <Trading>"
    pdf = timeline_pdf(make_facts(company_name=company), "en")
    assert pdf.startswith(b"%PDF-")
    assert 10_000 < len(pdf) < 800_000
    reader, text = pdf_text(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    flat = re.sub(r"\s+", " ", text)
    for expected in [
        "Notice of change of our receiving bank account",
        company,
        "Decision to change",  # drawn by the SVG
        "20 October 2026",
        "To lower the fees you and we pay on international transfers",
        "Bank of China, Ningbo Branch",
        "BKCHCNBJ92A",
        "ICBKCNBJNBO",
        "**** 6789",
        "DE **** 3000",
        "US Dollar",
        "Verify this account yourself at",
        "before paying.",
        "chengxin.example.com/",
    ]:
        assert expected in flat, expected
    assert reader.metadata.title.startswith("Notice of change of our receiving bank account")
    links = [
        annot.get_object()["/A"]["/URI"]
        for annot in reader.pages[0].get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert links and set(links) == {URL}  # one annotation per line of the wrapped link


def test_pdf_notice_in_chinese_renders_chinese_text():
    facts = make_facts(company_name="宁波诚信贸易有限公司", reason=REASON_ZH)
    pdf = timeline_pdf(facts, "zh-hans")
    assert len(pdf) < 800_000
    reader, text = pdf_text(pdf)
    assert len(reader.pages) == 1
    flat = re.sub(r"\s+", "", text)
    assert "宁波诚信贸易有限公司" in flat
    assert "为优化全球收款效率及降低手续费" in flat
    assert "2026年12月1日" in flat
    assert "2027年1月15日" in flat
    assert "美元" in flat  # currency name through Babel
    assert "December" not in flat


def test_pdf_document_loads_nothing_from_outside():
    html = timeline_pdf_html(make_facts(), "en")
    document = lxml.html.document_fromstring(html)
    sources = document.xpath("//@src")
    assert sources and all(src.startswith("data:image/svg+xml") for src in sources)
    assert document.xpath("//a/@href") == [URL]
    assert not document.xpath("//link | //script")


def test_a_reason_without_spaces_wraps_inside_the_pdf_page():
    """The longest reason the form accepts, one unbroken word: all of it is printed, in
    lines that fit the A4 page (176 mm of 10-point text hold fewer than 100 letters),
    never one line running off the page's edge."""
    reason = "Z" * 2_000
    pdf = timeline_pdf(make_facts(reason=reason), "en")
    reader, text = pdf_text(pdf)
    # All of it is printed (the timeline picture repeats its start, clipped).
    assert re.sub(r"\s+", "", text).count("Z") >= len(reason)
    runs = []
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        page.extract_text(visitor_text=lambda piece, *_: runs.extend(re.findall(r"Z+", piece)))
    assert runs and max(len(run) for run in runs) < 100
