"""A sales rep walks Anna's change of email address through all five steps in a real
browser: open it from the customer's page, send the confirmation (edited), record the call
on the number on file, apply, send the notice, and close the review a week later."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from chengxin.accounts.models import Role
from chengxin.changes.models import ChangeRequest, State
from chengxin.changes.services.review import changes_review_open_due
from chengxin.outbox.models import OutboundMessage
from chengxin.outbox.services import outbox_send_one
from chengxin.outbox.transport import LocalTransport
from chengxin.parties.models import Channel
from chengxin.testing import PASSWORD, make_company, make_user

pytestmark = pytest.mark.browser

NEW_EMAIL = "anna.schmidt@mueller-group.de"


def settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")


@pytest.mark.django_db(transaction=True)
def test_a_change_request_walks_through_all_five_steps(new_page):
    rep = make_user(Role.SALES, username="li.na", first_name="Li", last_name="Na", language="en")
    company = make_company(
        actor=rep,
        owner=rep,
        name="Müller Maschinenbau GmbH",
        email="anna.schmidt@mueller-maschinen.de",
        phone="+49 30 901820",
    )
    page = new_page()
    page.goto("/accounts/login/")
    page.locator("#id_username").fill("li.na")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))  # my day

    # Open it from the customer's page.
    page.goto(f"/companies/{company.pk}/")
    page.get_by_test_id("open-change").click()
    page.locator("#id_kind").select_option("email")
    page.locator("#id_new_value").fill(NEW_EMAIL)
    page.get_by_role("button", name="Open the change request").click()
    page.wait_for_url(re.compile(r"/changes/\d+/$"))
    expect(page.get_by_test_id("state")).to_have_text("opened: confirmation to send")

    # 1. Confirm: the German draft restates the address; the rep adds a line.
    body = page.locator("#id_body")
    expect(body).to_contain_text(NEW_EMAIL)
    expect(page.locator("#id_subject")).to_have_value(
        "Bitte bestätigen Sie Ihre neue E-Mail-Adresse"
    )
    body.press("Control+End")
    body.type("\nPS: Wir rufen Sie kurz an.")
    page.get_by_role("button", name="Send the confirmation").click()
    expect(page.get_by_test_id("state")).to_have_text("confirmation written: verify out of band")
    expect(page.get_by_test_id("step-confirm_queued")).to_be_visible()
    settle(page)
    confirm = OutboundMessage.objects.get(purpose="change_confirm")
    assert confirm.to_address == "anna.schmidt@mueller-maschinen.de"
    assert confirm.body_text.endswith("PS: Wir rufen Sie kurz an.")

    # 2. Verify by the phone number on file.
    phone = Channel.objects.get(contact__company=company, kind="phone")
    page.locator("#id_channel").select_option(str(phone.pk))
    page.locator("#id_outcome").select_option("confirmed")
    page.locator("#id_notes").fill("Called Anna on +49 30 901820; she confirmed the new address.")
    page.get_by_role("button", name="Record the verification").click()
    expect(page.get_by_test_id("state")).to_have_text("verified")

    # 3. Apply: only once the confirmation has left the outbox (as the worker sends it).
    expect(page.get_by_test_id("apply-blocker")).to_be_visible()
    outbox_send_one(message_pk=confirm.pk, transport=LocalTransport())
    page.reload()
    expect(page.get_by_test_id("step-confirm_sent")).to_contain_text(confirm.to_address)
    page.get_by_role("button", name="Apply the change").click()
    expect(page.get_by_test_id("state")).to_have_text("applied: notice to send")

    # 4. Effective notice to the new address.
    expect(page.locator("#id_body")).to_contain_text(
        "Ab sofort senden wir alles an diese E-Mail-Adresse"
    )
    expect(page.locator("#id_body")).not_to_contain_text("offenen Aufträge")
    page.get_by_role("button", name="Send the notice").click()
    expect(page.get_by_test_id("state")).to_have_text("notice sent: review pending")
    expect(page.get_by_test_id("notice-delivery")).to_contain_text(NEW_EMAIL)
    settle(page)

    # 5. A week later the review opens; the rep closes it.
    change = ChangeRequest.objects.get()
    changes_review_open_due(now=change.applied_at + datetime.timedelta(days=7, hours=1))
    page.reload()
    expect(page.get_by_test_id("state")).to_have_text("review due")
    expect(page.get_by_test_id("current-step")).to_contain_text("phone, address and colleagues")
    page.locator("#id_notes").fill("Nothing went to the old address.")
    page.get_by_role("button", name="Close the review").click()
    expect(page.get_by_test_id("state")).to_have_text("closed")
    for kind in ("opened", "confirm_queued", "confirm_sent", "verification", "applied",
                 "notice_queued", "closed"):  # fmt: skip
        expect(page.get_by_test_id(f"step-{kind}")).to_be_visible()
    settle(page)
    change.refresh_from_db()
    assert change.state == State.CLOSED
    primary = Channel.objects.get(contact__company=company, kind="email", is_primary=True)
    assert primary.value == NEW_EMAIL
