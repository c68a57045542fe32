"""Two people in real browsers: finance proposes and verifies a new receiving account; a
manager signs in with the second factor, finds it awaiting approval and approves it; a
sales rep then sees it, masked."""

from __future__ import annotations

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from chengxin.accounts.models import Role
from chengxin.banking.models import BankAccount, State
from chengxin.testing import PASSWORD, make_user, totp_code

pytestmark = pytest.mark.browser

IBAN = "DE89 3704 0044 0532 0130 00"


def _sign_in(page: Page, username: str, device: TOTPDevice | None, next_url: str) -> None:
    page.goto(f"/accounts/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    if device is not None:
        page.wait_for_url(re.compile(r"/two-factor|/2fa|verify"))
        page.locator("#id_token").fill(totp_code(device))
        page.locator("#id_token").press("Enter")
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


@pytest.mark.django_db(transaction=True)
def test_four_eyes_in_the_browser(new_page):
    finance = make_user(Role.FINANCE, username="wang.fang", language="en")
    manager = make_user(Role.MANAGER, username="zhao.lei", language="en")
    make_user(Role.SALES, username="li.na", language="en")
    finance_device = TOTPDevice.objects.create(user=finance, name="phone", confirmed=True)
    manager_device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)

    page = new_page()
    _sign_in(page, "wang.fang", finance_device, "/bank-accounts/")
    page.get_by_test_id("propose-ours").click()
    page.locator("#id_purpose").select_option("receiving")
    page.locator("#id_holder_name").fill("Ningbo Chengxin Trading Co., Ltd.")
    page.locator("#id_iban").fill(IBAN)
    page.locator("#id_currency").fill("EUR")
    page.get_by_role("button", name="Propose").click()
    page.wait_for_url(re.compile(r"/bank-accounts/\d+/$"))
    expect(page.get_by_test_id("state")).to_have_text("Proposed: verify out of band")
    expect(page.locator("h1")).to_contain_text("Commerzbank")  # from the bank registry
    page.locator("#id_method").select_option("bank_letter")
    page.locator("#id_notes").fill("SWIFT confirmation letter, ref 2026-118")
    page.get_by_role("button", name="Record the verification").click()
    expect(page.get_by_test_id("state")).to_have_text(
        "Verified: awaiting a second person's approval"
    )
    expect(page.get_by_test_id("approve")).to_have_count(0)  # not for the verifier

    manager_page = new_page()
    _sign_in(manager_page, "zhao.lei", manager_device, "/bank-accounts/awaiting-approval/")
    row = manager_page.get_by_test_id("awaiting-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(IBAN)
    row.get_by_role("link").click()
    manager_page.get_by_role("button", name="Approve and activate").click()
    expect(manager_page.get_by_test_id("state")).to_have_text("Active")
    expect(manager_page.get_by_test_id("step-approved")).to_contain_text("with two-factor")
    account = BankAccount.objects.get()
    assert (account.state, account.approved_by, account.verified_by) == (
        State.ACTIVE,
        manager,
        finance,
    )

    rep = new_page()
    _sign_in(rep, "li.na", None, "/bank-accounts/")
    expect(rep.get_by_test_id("number")).to_have_text("···· 3000")
    expect(rep.locator("body")).not_to_contain_text(IBAN)
