"""The API: the same services, so the same four eyes; approval needs a current TOTP code;
numbers masked per role."""

from __future__ import annotations

import pytest

from chengxin.banking.models import BankAccount, State
from chengxin.parties.models import Channel
from chengxin.testing import API, api_client, api_post, make_user, totp_code, totp_device
from chengxin.testing.banking import IBAN_DE, IBAN_GB, IBAN_NL, make_account

pytestmark = pytest.mark.django_db


OURS = {"side": "ours", "purpose": "receiving", "holder_name": "Chengxin Trading",
        "iban": IBAN_GB, "currency": "GBP"}  # fmt: skip


def _verified_ours(proposer, verifier) -> int:
    response = api_post(api_client(proposer), "/bank-accounts", OURS)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    response = api_post(
        api_client(verifier),
        f"/bank-accounts/{pk}/verify",
        {"method": "bank_letter", "outcome": "confirmed", "notes": "Letter ref 9"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "verified"
    return pk


def test_the_life_cycle_through_the_api(finance, manager):
    pk = _verified_ours(finance, finance)
    device = totp_device(manager)
    client = api_client(manager)
    assert api_post(client, f"/bank-accounts/{pk}/approve", {}).status_code == 422  # no otp
    response = api_post(client, f"/bank-accounts/{pk}/approve", {"otp": "000000"})
    assert response.status_code == 403 and "second factor" in response.json()["detail"]
    assert BankAccount.objects.get(pk=pk).state == State.VERIFIED
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    response = api_post(client, f"/bank-accounts/{pk}/approve", {"otp": totp_code(device)})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "active" and body["approved_by"] == "manager"
    assert [s["kind"] for s in body["steps"]] == ["proposed", "verified", "approved"]
    response = api_post(client, f"/bank-accounts/{pk}/retire", {"reason": "Lower fees elsewhere"})
    assert response.json()["state"] == "retired"


def test_the_proposer_and_the_verifier_cannot_approve_through_the_api(finance, manager):
    pk = _verified_ours(finance, manager)
    for user in (finance, manager):
        device = totp_device(user)
        response = api_post(
            api_client(user), f"/bank-accounts/{pk}/approve", {"otp": totp_code(device)}
        )
        assert response.status_code == 403
    assert BankAccount.objects.get(pk=pk).state == State.VERIFIED
    other = make_user("finance", username="finance2")
    response = api_post(
        api_client(other), f"/bank-accounts/{pk}/approve", {"otp": totp_code(totp_device(other))}
    )
    assert response.status_code == 200


def test_a_wrong_step_and_bad_input_answer_422(finance, manager):
    response = api_post(
        api_client(finance), "/bank-accounts", {**OURS, "iban": "GB29NWBK60161331926818"}
    )
    assert response.status_code == 422 and "iban" in response.json()["errors"]
    pk = api_post(api_client(finance), "/bank-accounts", OURS).json()["id"]
    device = totp_device(manager)
    response = api_post(
        api_client(manager), f"/bank-accounts/{pk}/approve", {"otp": totp_code(device)}
    )
    assert response.status_code == 422


def test_numbers_are_masked_per_role(finance, owner, manager):
    account = make_account(proposed_by=finance, iban=IBAN_DE)
    sales = api_client(owner).get(f"{API}/bank-accounts/{account.pk}").json()
    assert sales["number"] == "···· 3000" and sales["number_is_masked"] is True
    full = api_client(manager).get(f"{API}/bank-accounts/{account.pk}").json()
    assert full["number"] == "DE89 3704 0044 0532 0130 00" and full["number_is_masked"] is False
    listed = api_client(owner).get(f"{API}/bank-accounts").json()
    assert [a["number"] for a in listed] == ["···· 3000"]


def test_counterparty_accounts_follow_the_customer_rules(owner, colleague, company):
    body = {"side": "counterparty", "company_id": company.pk, "purpose": "refund",
            "holder_name": "Müller Maschinenbau GmbH", "iban": IBAN_NL, "currency": "EUR"}  # fmt: skip
    assert api_post(api_client(colleague), "/bank-accounts", body).status_code == 404
    response = api_post(api_client(owner), "/bank-accounts", body)
    assert response.status_code == 201
    pk = response.json()["id"]
    assert api_client(colleague).get(f"{API}/bank-accounts/{pk}").status_code == 404
    later = Channel.objects.create(
        contact=company.contacts.get(), kind="phone", value="+4930111111"
    )
    response = api_post(
        api_client(owner),
        f"/bank-accounts/{pk}/verify",
        {"method": "call_on_file", "outcome": "confirmed", "channel_id": later.pk},
    )
    assert response.status_code == 422 and "channel" in response.json()["errors"]
    phone = Channel.objects.get(
        contact__company=company, kind="phone", value__startswith="+4930901"
    )
    response = api_post(
        api_client(owner),
        f"/bank-accounts/{pk}/verify",
        {"method": "call_on_file", "outcome": "denied", "channel_id": phone.pk},
    )
    assert response.status_code == 200 and response.json()["state"] == "rejected"


def test_payments_through_the_api(finance, owner, company):
    account = make_account(proposed_by=finance, iban=IBAN_DE)
    unapproved = make_account(proposed_by=finance, iban=IBAN_GB, state=State.VERIFIED)
    body = {"account_id": account.pk, "company_id": company.pk, "amount": "980.00",
            "currency": "EUR", "received_on": "2026-11-20", "reference": "PI-7"}  # fmt: skip
    assert api_post(api_client(owner), "/payments-received", body).status_code == 403
    response = api_post(
        api_client(finance), "/payments-received", {**body, "account_id": unapproved.pk}
    )
    assert response.status_code == 422
    response = api_post(api_client(finance), "/payments-received", body)
    assert response.status_code == 201 and response.json()["amount"] == "980.00"
    assert len(api_client(owner).get(f"{API}/payments-received").json()) == 1


def test_anonymous_gets_401_and_side_filter(finance):
    make_account(proposed_by=finance, iban=IBAN_DE)
    assert api_client().get(f"{API}/bank-accounts").status_code == 401
    assert api_post(api_client(), "/bank-accounts", OURS).status_code == 401
    rows = api_client(finance).get(f"{API}/bank-accounts?side=counterparty").json()
    assert rows == []
