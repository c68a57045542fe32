"""The buyer's personal acknowledgement page: no login, opened and acknowledged recorded
once, masked numbers, the buyer's language, the same 404 for every wrong link."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from chengxin.campaigns.models import PlanState, TouchKind, TouchState
from chengxin.campaigns.services.closing import plan_cancel
from chengxin.campaigns.services.launch import plan_launch
from chengxin.campaigns.tokens import new_token, token_of
from chengxin.testing.campaigns import NEW_IBAN, NOW, OLD_IBAN

pytestmark = pytest.mark.django_db


def link(recipient, suffix=""):
    return f"/ack/{token_of(recipient.token_encrypted)}/{suffix}"


def recipient_of(plan, name):
    return plan.recipients.get(company__legal_name=name)


def test_opening_the_link_shows_the_plan_and_records_the_first_opening(client, launched):
    berlin = recipient_of(launched, "Müller Maschinenbau GmbH")
    response = client.get(link(berlin))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert "Müller Maschinenbau GmbH" in page
    assert "<svg" in page and 'data-milestone="old-account"' in page
    # Both numbers masked, the last four shown; the full numbers nowhere.
    assert "GB **** 5555" in page and "DE **** 3000" in page
    assert NEW_IBAN not in page and OLD_IBAN not in page
    assert "http://127.0.0.1:8000/trust/accounts/" in page
    assert response["Cache-Control"] == "no-store"
    berlin.refresh_from_db()
    first = berlin.opened_at
    assert first is not None
    client.get(link(berlin))
    berlin.refresh_from_db()
    assert berlin.opened_at == first
    assert not client.session.keys()  # no session needed


def test_the_buyers_language_and_the_switch(client, launched):
    sydney = recipient_of(launched, "Harbour Imports Pty Ltd")
    page = client.get(link(sydney)).content.decode()
    assert '<html lang="zh-hans" dir="ltr">' in page
    assert "2026年12月7日" in page  # the timeline's dates in Chinese
    page = client.get(link(sydney) + "?lang=en").content.decode()
    assert '<html lang="en" dir="ltr">' in page and "7 December 2026" in page
    assert "We have updated our records" in page
    page = client.get(link(sydney) + "?lang=xx").content.decode()
    assert '<html lang="zh-hans" dir="ltr">' in page


def test_acknowledging_records_time_address_and_browser_once(launched):
    berlin = recipient_of(launched, "Müller Maschinenbau GmbH")
    client = Client(enforce_csrf_checks=True, HTTP_USER_AGENT="Outlook/16.0")
    page = client.get(link(berlin))
    token = page.cookies["csrftoken"].value
    # Without the CSRF token: refused.
    assert client.post(link(berlin)).status_code == 403
    response = client.post(link(berlin), {"csrfmiddlewaretoken": token}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    berlin.refresh_from_db()
    first = berlin.acknowledged_at
    assert first is not None
    assert berlin.acknowledged_ip == "203.0.113.7"
    assert berlin.acknowledged_user_agent == "Outlook/16.0"
    # Reminders not yet sent are dropped.
    states = set(berlin.touches.filter(kind=TouchKind.ACK_REMINDER).values_list("state", flat=True))
    assert states == {TouchState.CANCELLED}
    client.post(link(berlin), {"csrfmiddlewaretoken": token}, REMOTE_ADDR="198.51.100.1")
    berlin.refresh_from_db()
    assert berlin.acknowledged_at == first and berlin.acknowledged_ip == "203.0.113.7"
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="acknowledged"' in page and 'data-testid="acknowledge"' not in page


def test_the_timeline_pdf_downloads_and_counts_as_opened(client, launched):
    dubai = recipient_of(launched, "Gulf Lights FZE")
    response = client.get(link(dubai, "timeline.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="account-change-2026-12-07.pdf"' in response["Content-Disposition"]
    dubai.refresh_from_db()
    assert dubai.opened_at is not None


def test_wrong_links_all_get_the_same_404(client, launched):
    unknown = client.get(f"/ack/{new_token().token}/")
    malformed = client.get("/ack/not-a-token!!/")
    too_long = client.get("/ack/" + "a" * 200 + "/")
    pdf = client.get(f"/ack/{new_token().token}/timeline.pdf")
    for response in (unknown, malformed, too_long, pdf):
        assert response.status_code == 404
    assert unknown.content == malformed.content == too_long.content == pdf.content
    assert client.post(f"/ack/{new_token().token}/").status_code in (403, 404)
    assert not launched.recipients.filter(opened_at__isnull=False).exists()


def test_a_cancelled_plan_says_so_and_takes_no_acknowledgement(client, finance, launched):
    berlin = recipient_of(launched, "Müller Maschinenbau GmbH")
    plan_cancel(actor=finance, plan=launched)
    page = client.get(link(berlin)).content.decode()
    assert 'data-testid="withdrawn"' in page and 'data-testid="acknowledge"' not in page
    client.post(link(berlin))
    berlin.refresh_from_db()
    assert berlin.acknowledged_at is None
    launched.refresh_from_db()
    assert launched.state == PlanState.CANCELLED


def test_the_fee_claim_link_only_when_the_plan_offers_compensation(
    client, finance, old_account, new_account, buyers, no_whatsapp
):
    from decimal import Decimal

    from chengxin.campaigns.services.plans import plan_create
    from chengxin.testing.campaigns import TODAY, plan_input

    offering = plan_create(
        actor=finance,
        data=plan_input(
            old_account,
            new_account,
            fee_offer_until=datetime.date(2027, 1, 31),
            fee_cap=Decimal("35.00"),
        ),
        today=TODAY,
    )
    plan_launch(actor=finance, plan=offering, now=NOW)
    berlin = recipient_of(offering, "Müller Maschinenbau GmbH")
    page = client.get(link(berlin)).content.decode()
    claim = reverse("compensation:claim_submit", kwargs={"token": token_of(berlin.token_encrypted)})
    assert 'data-testid="fee-offer"' in page and claim in page


def test_no_fee_claim_link_without_an_offer(client, launched):
    page = client.get(link(recipient_of(launched, "Müller Maschinenbau GmbH"))).content.decode()
    assert 'data-testid="fee-offer"' not in page
