"""A buyer claims the intermediary-bank fee in a real browser: from their personal link,
without logging in, they upload the PDF voucher and are thanked. Finance then signs in
(with the second factor), finds the claim in the list, downloads nothing inline, and
approves it: the buyer's customer page shows the credit."""

from __future__ import annotations

import datetime
import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from chengxin.compensation.models import ClaimState, Credit, FeeClaim
from chengxin.compensation.tests.conftest import today, voucher_pdf
from chengxin.testing import PASSWORD, totp_code

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_buyer_uploads_a_voucher_and_finance_approves_it(new_page, link, finance):
    paid_on = today() - datetime.timedelta(days=2)
    page = new_page()
    page.goto(f"/compensation/claim/{link.token}/")
    # The buyer's language (English) although the browser asks for German.
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_test_id("offer")).to_contain_text("up to USD 35.00 per payment")
    page.locator("#id_paid_on").fill(paid_on.isoformat())
    page.locator("#id_payment_amount").fill("12500.00")
    expect(page.locator("#id_payment_currency")).to_have_value("EUR")
    page.locator("#id_fee_amount").fill("28.00")
    expect(page.locator("#id_fee_currency")).to_have_value("USD")
    page.locator("#id_payment_reference").fill("PI-2026-118")
    page.locator("#id_voucher").set_input_files(
        files=[{"name": "MT103.pdf", "mimeType": "application/pdf", "buffer": voucher_pdf()}]
    )
    page.get_by_role("button", name="Send the claim").click()
    page.wait_for_url(re.compile(r"/thanks/(\?lang=\w+)?$"))
    expect(page.get_by_test_id("thanks")).to_contain_text("your claim has been received")
    expect(page.get_by_test_id("your-claim")).to_contain_text("Received: being checked")
    claim = FeeClaim.objects.get()
    assert (claim.paid_on, claim.voucher_content_type) == (paid_on, "application/pdf")

    # Finance signs in with the second factor and finds the claim.
    device = TOTPDevice.objects.create(user=finance, name="phone", confirmed=True)
    staff = new_page()
    staff.goto("/accounts/login/?next=/compensation/")
    staff.locator("#id_username").fill("finance")
    staff.locator("#id_password").fill(PASSWORD)
    staff.locator("#id_password").press("Enter")
    staff.wait_for_url(re.compile(r"/two-factor|/2fa|verify"))
    staff.locator("#id_token").fill(totp_code(device))
    staff.locator("#id_token").press("Enter")
    staff.wait_for_url(re.compile(r"/compensation/$"))
    row = staff.get_by_test_id("claim-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Müller Maschinenbau GmbH")
    expect(row).to_contain_text("USD 28.00")
    row.get_by_role("link").click()
    staff.wait_for_url(re.compile(r"/compensation/\d+/$"))
    expect(staff.get_by_test_id("voucher")).to_have_text("MT103.pdf")
    expect(staff.locator("#id_approved_amount")).to_have_value("28.00")
    staff.get_by_role("button", name="Approve and credit").click()
    expect(staff.get_by_test_id("credit")).to_contain_text("USD 28.00")
    claim.refresh_from_db()
    assert claim.state == ClaimState.APPROVED
    assert Credit.objects.get().company == link.recipient.company
