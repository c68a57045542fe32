"""A rep in Berlin answers a buyer's inquiry in a real browser: the list shows it with
the time left and the deadline in Berlin time; on its page she sends the full answer
(MOQ, lead time, price, payment methods); the clocks stop and it moves to "Answered"."""

from __future__ import annotations

import os
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chengxin.inquiries import services
from chengxin.inquiries.models import Inquiry, State
from chengxin.outbox.models import OutboundMessage
from chengxin.testing import PASSWORD, make_company, make_user

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_rep_sends_the_full_answer_from_the_inquiry_page(new_page, settings, tmp_path):
    settings.LANGUAGE_CODE = "en"
    rep = make_user(username="li.na", first_name="Li", last_name="Na", language="en",
                    time_zone="Europe/Berlin")  # fmt: skip
    company = make_company(actor=rep, owner=rep, name="Müller Maschinen GmbH",
                           email="anna.schmidt@mueller-maschinen.de")  # fmt: skip
    inquiry = services.inquiry_create(
        actor=rep, company=company, subject="LED panels 600x600, 2000 pcs",
        text="Please quote your best price, MOQ and lead time.",
        contact=company.contacts.get(), received_at=timezone.now(),
    )  # fmt: skip
    page = new_page()
    page.goto("/accounts/login/?next=/inquiries/")
    page.locator("#id_username").fill("li.na")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/inquiries/$"))
    due = page.get_by_test_id("due").get_by_test_id("inquiry-row").first
    expect(due).to_contain_text("LED panels 600x600")
    expect(due.get_by_test_id("due").first).to_contain_text(re.compile(r"CES?T"))
    if os.environ.get("INQUIRY_SCREENSHOTS"):
        page.screenshot(path=os.environ["INQUIRY_SCREENSHOTS"] + "/list.png", full_page=True)

    due.get_by_role("link", name="LED panels 600x600, 2000 pcs").click()
    page.wait_for_url(re.compile(rf"/inquiries/{inquiry.pk}/$"))
    form = page.get_by_test_id("answer-form")
    form.locator("#id_moq").fill("500 pcs")
    form.locator("#id_lead_time").fill("25 days after deposit")
    form.locator("#id_price").fill("USD 12.40 per piece FOB Ningbo")
    form.locator("#id_payment_methods").fill("30% T/T deposit, 70% against B/L copy")
    if os.environ.get("INQUIRY_SCREENSHOTS"):
        page.screenshot(path=os.environ["INQUIRY_SCREENSHOTS"] + "/detail.png", full_page=True)
    form.get_by_role("button", name="Send the full answer").click()
    expect(page.get_by_test_id("state")).to_have_text("Answered")
    expect(page.get_by_test_id("full-clock").get_by_test_id("stopped")).to_have_text("in time")
    inquiry.refresh_from_db()
    assert inquiry.state == State.ANSWERED
    letter = OutboundMessage.objects.get(related_type="inquiry", related_id=str(inquiry.pk))
    assert "USD 12.40 per piece FOB Ningbo" in letter.body_text
    page.goto("/inquiries/")
    expect(page.get_by_test_id("answered").get_by_test_id("inquiry-row")).to_have_count(1)
    assert Inquiry.objects.count() == 1
