"""The layout a user meets first: the top bar is one row on a laptop in English and
in Chinese, the menu works on a phone, and a very long text wraps instead of
making the page wider than the screen."""

import pytest
from playwright.sync_api import Page, expect

from chengxin.accounts.models import Role
from chengxin.campaigns.models import ChangePlan
from chengxin.campaigns.services import plan_create
from chengxin.testing import make_user
from chengxin.testing.campaigns import NEW_IBAN, OLD_IBAN, TODAY, our_account, plan_input

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def top_bar_rows(page: Page) -> int:
    """How many rows the top bar's items take (their distinct vertical centres)."""
    return page.evaluate(
        """() => {
            const bar = document.querySelector('.topbar');
            const items = bar.querySelectorAll(
                ':scope > .brand, :scope > .menu-toggle, :scope > nav > a, '
                + ':scope > nav > details > summary, :scope > .topbar-end > *');
            const rows = new Set();
            for (const item of items) {
                const box = item.getBoundingClientRect();
                if (box.width && box.height) rows.add(Math.round((box.top + box.bottom) / 20));
            }
            return rows.size;
        }"""
    )


def page_is_no_wider_than_the_screen(page: Page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("role", [Role.SALES, Role.MANAGER])
def test_the_top_bar_is_one_row_on_a_laptop(signed_in_page, language, role):
    user = make_user(role, username="wang.qiang", first_name="王强", language=language)
    page = signed_in_page(user, LAPTOP)
    page.goto("/companies/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    nav = page.get_by_role("navigation")
    expect(nav).to_be_visible()
    expect(page.get_by_test_id("menu-toggle")).to_be_hidden()
    assert top_bar_rows(page) == 1
    assert page.locator(".topbar").bounding_box()["height"] < 60
    # The links that do not fit are one click away, under "More".
    more = page.get_by_test_id("more-menu")
    more.locator("summary").click()
    more.locator("a[href='/imports/']").click()
    page.wait_for_url("**/imports/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_menu_is_usable_on_a_phone(signed_in_page, language):
    user = make_user(Role.SALES, username="li.na", first_name="李娜", language=language)
    page = signed_in_page(user, PHONE)
    page.goto("/companies/")
    nav = page.locator("nav#main-nav")
    toggle = page.get_by_test_id("menu-toggle")
    # Folded: one button, not a column of single letters.
    expect(toggle).to_be_visible()
    expect(nav).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert page_is_no_wider_than_the_screen(page)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    links = nav.locator("a")
    expect(links.first).to_be_visible()
    # Every link is listed full width, one per line, the "More" ones included.
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["width"] > 300 and box["height"] < 60, links.nth(index).inner_text()
    expect(nav.locator("a[href='/imports/']")).to_be_visible()
    nav.locator("a[href='/bank-accounts/']").click()
    page.wait_for_url("**/bank-accounts/")
    expect(nav).to_be_hidden()
    # Escape folds it again.
    toggle.click()
    expect(nav).to_be_visible()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366", "390"])
def test_a_very_long_reason_does_not_widen_the_page(signed_in_page, viewport):
    finance = make_user(Role.FINANCE, username="zhao.finance", language="en")
    old = our_account(actor=finance, iban=OLD_IBAN, bank_name="Deutsche Bank Berlin")
    new = our_account(actor=finance, iban=NEW_IBAN, bank_name="Barclays London")
    plan = plan_create(actor=finance, data=plan_input(old, new), today=TODAY)
    # 20,000 characters without a space, as one arrived before the forms had a limit.
    reason = "Neue Bank: " + "X" * 20_000
    ChangePlan.objects.filter(pk=plan.pk).update(reason=reason)
    page = signed_in_page(finance, viewport)
    page.goto(f"/campaigns/{plan.pk}/")
    expect(page.get_by_text("Neue Bank:", exact=False).first).to_be_visible()
    assert page_is_no_wider_than_the_screen(page)
    assert top_bar_rows(page) <= (1 if viewport is LAPTOP else 2)
