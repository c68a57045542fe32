"""A buyer checks our account numbers on the public record in a real browser: first in
Chinese (the default for a browser asking for German), then in English through the
page's own language switch."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from chengxin.publicrecord.models import VerificationAttempt
from chengxin.publicrecord.tests.conftest import COMPANY, PHONE
from chengxin.todos.models import Todo

pytestmark = pytest.mark.browser


def _check(page: Page, typed: str) -> None:
    page.locator("#id_number").fill(typed)
    page.locator("#check").get_by_role("button").click()
    page.wait_for_load_state("domcontentloaded")


@pytest.mark.django_db(transaction=True)
def test_a_buyer_checks_numbers_in_chinese_and_in_english(
    new_page, settings, active_account, finance
):
    settings.LANGUAGE_CODE = "zh-hans"
    page = new_page()
    # The browser asks for German; the buyer chooses Chinese on the page's switch.
    page.goto("/trust/accounts/?lang=zh-hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_test_id("company")).to_have_text(COMPANY)
    expect(page.get_by_test_id("current-account")).to_contain_text("···· 3000")

    result = page.get_by_test_id("result")
    _check(page, "de89 3704 0044 0532 0130 00")
    expect(result).to_have_attribute("data-answer", "active")
    expect(result).to_contain_text("···· 3000")
    expect(result).to_contain_text("2025-03-01")
    expect(page.locator("#id_number")).to_have_value("")

    _check(page, "nl91 abna 0417 1643 00")
    expect(result).to_have_attribute("data-answer", "unknown")
    expect(result).to_contain_text("···· 4300")
    expect(result).to_contain_text(PHONE)

    # The page's own switch: English, without signing in.
    page.get_by_test_id("language").select_option("en")
    page.locator("form.pr-language").get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#check h2")).to_have_text("Check an account number you were given")

    _check(page, "de89 3704 0044 0532 0130 00")
    expect(result).to_have_text(f"···· 3000 is an active account of {COMPANY} since 2025-03-01.")
    _check(page, "de75 5121 0800 1245 1261 99")
    expect(result).to_contain_text(f"is not an account of {COMPANY} — call {PHONE} before paying.")

    assert list(VerificationAttempt.objects.order_by("id").values_list("language", "answer")) == [
        ("zh-hans", "active"),
        ("zh-hans", "unknown"),
        ("en", "active"),
        ("en", "unknown"),
    ]
    # Finance has a task for each unknown number.
    assert Todo.objects.filter(assignee=finance, kind="publicrecord.unknown_account").count() == 2
