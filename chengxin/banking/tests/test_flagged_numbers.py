"""A bank account whose number appeared in a message the guard flagged (the fraudster's
"new account"): proposing it is allowed (the four-eyes life cycle stays the same), but the
account shows that message and only a manager may approve it: finance is refused on the
page and through the API. Matched by the keyed digests banking stores, never by
decrypting."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from chengxin.banking import permissions, services
from chengxin.banking.models import BankAccount, State
from chengxin.guard.models import Assessment
from chengxin.guard.services.closing import assessment_confirm_safe, assessment_propose_safe
from chengxin.parties.models import Channel
from chengxin.testing import api_client, api_post, totp_code, totp_device
from chengxin.testing.banking import IBAN_DE, IBAN_NL
from chengxin.testing.mail import make_raw

LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"
FRAUD_TEXT = (
    "Dear Li Na,\n\nplease note that we changed our bank account. Pay the balance for order "
    "4711 to our new account IBAN DE89 3704 0044 0532 0130 00 today.\n\nAnna"
)
THEIRS = {"purpose": "refund", "holder_name": "Müller Maschinenbau GmbH", "iban": IBAN_DE,
          "currency": "EUR"}  # fmt: skip


@pytest.fixture
def flagged(ingest, company):
    message = ingest(make_raw(sender=LOOKALIKE, subject="New account", text=FRAUD_TEXT)).message
    assert Assessment.objects.get(message=message).is_alarming
    return message


def _phone(company) -> Channel:
    return Channel.objects.get(contact__company=company, kind="phone")


def _verify(account, actor, company):
    return services.bank_account_verify(
        actor=actor, account=account, method="call_on_file", outcome="confirmed",
        channel=_phone(company), notes="Anna confirmed it by phone.",
    )  # fmt: skip


def test_on_the_pages_the_proposal_shows_the_alert_and_needs_a_manager(
    client_for, owner, finance, manager, company, flagged
):
    response = client_for(owner).post(
        reverse("banking:propose_for_company", args=[company.pk]), THEIRS
    )
    assert response.status_code == 302
    account = BankAccount.objects.get()
    assert account.flagged_message == flagged and account.approval_needs_manager
    assert account.steps.get().details["flagged_message_ids"] == [flagged.pk]
    detail = client_for(owner).get(response["Location"]).content.decode()
    banner = detail.split('data-testid="flagged-number"', 1)[1].split("</div>", 1)[0]
    assert reverse("mail:message_detail", args=[flagged.pk]) in banner
    assert "Only a manager may approve this account." in banner

    _verify(account, owner, company)
    approve = reverse("banking:account_approve", args=[account.pk])
    finance_page = client_for(finance).get(response["Location"]).content.decode()
    assert 'data-testid="approve"' not in finance_page
    assert client_for(finance).post(approve).status_code == 403
    awaiting = client_for(finance).get(reverse("banking:approval_list")).content.decode()
    assert "awaiting-row" not in awaiting
    account.refresh_from_db()
    assert account.state == State.VERIFIED
    awaiting = client_for(manager).get(reverse("banking:approval_list")).content.decode()
    assert "awaiting-row" in awaiting
    assert client_for(manager).post(approve).status_code == 302
    account.refresh_from_db()
    assert account.state == State.ACTIVE and account.approved_by == manager


def test_through_the_api_the_same(owner, finance, manager, company, flagged):
    response = api_post(
        api_client(owner), "/bank-accounts", {"side": "counterparty", "company_id": company.pk,
                                           **THEIRS},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["approval_needs_manager"] is True
    assert body["flagged_message_ids"] == [flagged.pk]
    pk = body["id"]
    response = api_post(
        api_client(owner),
        f"/bank-accounts/{pk}/verify",
        {"method": "call_on_file", "outcome": "confirmed", "channel_id": _phone(company).pk},
    )
    assert response.status_code == 200 and response.json()["state"] == "verified"
    response = api_post(
        api_client(finance),
        f"/bank-accounts/{pk}/approve",
        {"otp": totp_code(totp_device(finance))},
    )
    assert response.status_code == 403
    assert "only a manager" in response.json()["detail"]
    response = api_post(
        api_client(manager),
        f"/bank-accounts/{pk}/approve",
        {"otp": totp_code(totp_device(manager))},
    )
    assert response.status_code == 200 and response.json()["state"] == "active"


def test_another_number_is_approved_by_finance_as_before(owner, finance, company, flagged):
    account = services.bank_account_propose(
        actor=owner, side="counterparty", company=company, **{**THEIRS, "iban": IBAN_NL}
    )
    assert not account.approval_needs_manager and account.flagged_message is None
    _verify(account, owner, company)
    services.bank_account_approve(actor=finance, account=account, second_factor_passed=True)
    account.refresh_from_db()
    assert account.state == State.ACTIVE


def test_the_domestic_number_of_the_flagged_iban_matches_too(
    ingest, owner, finance, company, flagged
):
    # The message named an IBAN; someone proposes the same account as a local number.
    assert flagged.pk
    account = services.bank_account_propose(
        actor=owner, side="counterparty", company=company, purpose="refund",
        holder_name="Müller Maschinenbau GmbH", account_number="0532013000",
        bank_country="DE", routing_code="37040044", currency="EUR", bank_name="Commerzbank",
    )  # fmt: skip
    assert account.approval_needs_manager


def test_a_message_marked_safe_by_two_people_no_longer_counts(
    owner, manager, finance, company, flagged
):
    assessment = Assessment.objects.get(message=flagged)
    assessment_propose_safe(actor=owner, assessment=assessment, reason="Anna confirmed.")
    assessment_confirm_safe(actor=manager, assessment=assessment, reason="Agreed.")
    account = services.bank_account_propose(
        actor=owner, side="counterparty", company=company, **THEIRS
    )
    assert not account.approval_needs_manager


def test_a_flagged_message_after_the_proposal_raises_it_too(
    ingest, owner, finance, manager, company
):
    account = services.bank_account_propose(
        actor=owner, side="counterparty", company=company, **THEIRS
    )
    _verify(account, owner, company)
    assert permissions.can_approve(finance, account)
    ingest(make_raw(sender=LOOKALIKE, subject="New account", text=FRAUD_TEXT))
    assert not permissions.can_approve(finance, account)
    with pytest.raises(PermissionDenied):
        services.bank_account_approve(actor=finance, account=account, second_factor_passed=True)
    services.bank_account_approve(actor=manager, account=account, second_factor_passed=True)
    account.refresh_from_db()
    assert account.state == State.ACTIVE


def test_the_api_list_says_it_without_a_query_per_account(owner, finance, company, flagged):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from chengxin.testing.banking import IBAN_CH, IBAN_ES, make_account

    flagged_account = services.bank_account_propose(
        actor=owner, side="counterparty", company=company, **THEIRS
    )
    make_account(proposed_by=finance, iban=IBAN_NL)
    client = api_client(finance)
    with CaptureQueriesContext(connection) as few:
        listed = client.get("/api/v1/bank-accounts").json()
    assert {a["id"]: (a["flagged_message_ids"], a["approval_needs_manager"]) for a in listed} == {
        flagged_account.pk: ([flagged.pk], True),
        BankAccount.objects.get(number_last4="4300").pk: ([], False),
    }
    make_account(proposed_by=finance, iban=IBAN_CH)
    make_account(proposed_by=finance, iban=IBAN_ES)
    with CaptureQueriesContext(connection) as more:
        assert len(client.get("/api/v1/bank-accounts").json()) == 4

    def lookups(queries):
        return [q for q in queries.captured_queries if "guard_foundbankdetail" in q["sql"]]

    assert len(lookups(few)) == len(lookups(more)) == 1
