"""A buyer opens their personal acknowledgement link in a real browser, reads the plan in
their own language (Chinese for the Sydney importer, English for the Berlin one), switches
language, downloads nothing they should not see, and confirms with one click."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from chengxin.campaigns.models import Recipient
from chengxin.campaigns.services.launch import plan_launch
from chengxin.campaigns.tokens import token_of
from chengxin.testing.campaigns import NEW_IBAN, NOW

pytestmark = pytest.mark.browser


def _link(recipient: Recipient) -> str:
    return f"/ack/{token_of(recipient.token_encrypted)}/"


@pytest.mark.django_db(transaction=True)
def test_a_chinese_buyer_reads_switches_to_english_and_acknowledges(
    new_page, finance, plan, buyers, no_whatsapp
):
    plan_launch(actor=finance, plan=plan, now=NOW)
    sydney = plan.recipients.get(company__legal_name="Harbour Imports Pty Ltd")
    page = new_page()
    page.goto(_link(sydney))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_test_id("timeline").locator("svg")).to_be_visible()
    expect(page.get_by_test_id("timeline")).to_contain_text("2026年12月7日")
    expect(page.get_by_test_id("new-number")).to_have_text("GB **** 5555")
    assert NEW_IBAN not in page.content()

    # The page's own switch: English.
    page.get_by_test_id("languages").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_test_id("timeline")).to_contain_text("7 December 2026")
    page.get_by_test_id("acknowledge").click()
    expect(page.get_by_test_id("acknowledged")).to_contain_text("you have updated your records")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    sydney.refresh_from_db()
    assert sydney.acknowledged_at is not None and sydney.opened_at is not None
    assert sydney.acknowledged_ip == "127.0.0.1"
    assert "Chrome" in sydney.acknowledged_user_agent


@pytest.mark.django_db(transaction=True)
def test_an_english_buyer_reads_in_english_and_switches_to_chinese(
    new_page, finance, plan, buyers, no_whatsapp
):
    plan_launch(actor=finance, plan=plan, now=NOW)
    berlin = plan.recipients.get(company__legal_name="Müller Maschinenbau GmbH")
    page = new_page()
    page.goto(_link(berlin))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="We have updated our records")).to_be_visible()
    expect(page.get_by_test_id("public-record")).to_have_attribute(
        "href", "http://127.0.0.1:8000/trust/accounts/"
    )
    page.get_by_test_id("languages").get_by_role("link", name="简体中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_test_id("timeline")).to_contain_text("2027年1月31日")
    page.get_by_test_id("acknowledge").click()
    expect(page.get_by_test_id("acknowledged")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    berlin.refresh_from_db()
    assert berlin.acknowledged_at is not None

    # A made-up link: the same "not valid" page, nothing recorded.
    page.goto("/ack/made-up-token/")
    expect(page.get_by_test_id("not-found")).to_be_visible()
