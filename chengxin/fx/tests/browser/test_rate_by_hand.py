"""Finance types a rate the ECB does not publish: it is kept with its source and day and
shows in the currency's history."""

import pytest
from playwright.sync_api import expect

from chengxin.fx.models import Rate
from chengxin.testing import speak_english, user_today

pytestmark = pytest.mark.browser


def test_finance_enters_a_rate_by_hand(signed_in_page, finance):
    speak_english(finance)
    page = signed_in_page(finance)
    page.goto("/rates/new/")
    page.locator("[name=currency]").select_option("AED")
    page.locator("[name=quote]").select_option("CNY")
    page.locator("[name=rate]").fill("1,9412")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".errorlist")).to_be_visible()  # a comma is refused with a reason
    assert not Rate.objects.filter(currency="AED").exists()
    page.locator("[name=rate]").fill("1.9412")
    page.get_by_role("button", name="Save").click()
    row = page.get_by_test_id("history-row").first
    expect(row).to_contain_text("1 AED = 1.9412 CNY")
    expect(row).to_contain_text(user_today(finance).isoformat())  # the day in their zone
    rate = Rate.objects.get(currency="AED", quote="CNY")
    assert rate.entered_by == finance
