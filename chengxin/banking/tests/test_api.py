"""The API: the same services, so the same four eyes; approval needs a current TOTP code;
numbers masked per role."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts.services import api_token_create
from chengxin.banking.models import BankAccount, State
from chengxin.banking.tests.factories import IBAN_DE, IBAN_GB, IBAN_NL, make_account
from chengxin.parties.models import Channel
from chengxin.testing import make_user

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _client(user=None) -> Client:
    headers = {"Accept-Language": "en"}
    if user is not None:
        _token, raw = api_token_create(actor=user, name="pytest")
        headers["Authorization"] = f"Bearer {raw}"
    return Client(headers=headers)


def _post(client, path, body=None):
    return client.post(API + path, body or {}, content_type="application/json")


def _device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def _code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


OURS = {"side": "ours", "purpose": "receiving", "holder_name": "Chengxin Trading",
        "iban": IBAN_GB, "currency": "GBP"}  # fmt: skip


def _verified_ours(proposer, verifier) -> int:
    response = _post(_client(proposer), "/bank-accounts", OURS)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    response = _post(
        _client(verifier),
        f"/bank-accounts/{pk}/verify",
        {"method": "bank_letter", "outcome": "confirmed", "notes": "Letter ref 9"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "verified"
    return pk


def test_the_life_cycle_through_the_api(finance, manager):
    pk = _verified_ours(finance, finance)
    device = _device(manager)
    client = _client(manager)
    assert _post(client, f"/bank-accounts/{pk}/approve", {}).status_code == 422  # no otp
    response = _post(client, f"/bank-accounts/{pk}/approve", {"otp": "000000"})
    assert response.status_code == 403 and "second factor" in response.json()["detail"]
    assert BankAccount.objects.get(pk=pk).state == State.VERIFIED
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    response = _post(client, f"/bank-accounts/{pk}/approve", {"otp": _code(device)})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "active" and body["approved_by"] == "manager"
    assert [s["kind"] for s in body["steps"]] == ["proposed", "verified", "approved"]
    response = _post(client, f"/bank-accounts/{pk}/retire", {"reason": "Lower fees elsewhere"})
    assert response.json()["state"] == "retired"


def test_the_proposer_and_the_verifier_cannot_approve_through_the_api(finance, manager):
    pk = _verified_ours(finance, manager)
    for user in (finance, manager):
        device = _device(user)
        response = _post(_client(user), f"/bank-accounts/{pk}/approve", {"otp": _code(device)})
        assert response.status_code == 403
    assert BankAccount.objects.get(pk=pk).state == State.VERIFIED
    other = make_user("finance", username="finance2")
    response = _post(_client(other), f"/bank-accounts/{pk}/approve", {"otp": _code(_device(other))})
    assert response.status_code == 200


def test_a_wrong_step_and_bad_input_answer_422(finance, manager):
    response = _post(_client(finance), "/bank-accounts", {**OURS, "iban": "GB29NWBK60161331926818"})
    assert response.status_code == 422 and "iban" in response.json()["errors"]
    pk = _post(_client(finance), "/bank-accounts", OURS).json()["id"]
    device = _device(manager)
    response = _post(_client(manager), f"/bank-accounts/{pk}/approve", {"otp": _code(device)})
    assert response.status_code == 422


def test_numbers_are_masked_per_role(finance, owner, manager):
    account = make_account(proposed_by=finance, iban=IBAN_DE)
    sales = _client(owner).get(f"{API}/bank-accounts/{account.pk}").json()
    assert sales["number"] == "···· 3000" and sales["number_is_masked"] is True
    full = _client(manager).get(f"{API}/bank-accounts/{account.pk}").json()
    assert full["number"] == "DE89 3704 0044 0532 0130 00" and full["number_is_masked"] is False
    listed = _client(owner).get(f"{API}/bank-accounts").json()
    assert [a["number"] for a in listed] == ["···· 3000"]


def test_counterparty_accounts_follow_the_customer_rules(owner, colleague, company):
    body = {"side": "counterparty", "company_id": company.pk, "purpose": "refund",
            "holder_name": "Müller Maschinenbau GmbH", "iban": IBAN_NL, "currency": "EUR"}  # fmt: skip
    assert _post(_client(colleague), "/bank-accounts", body).status_code == 404
    response = _post(_client(owner), "/bank-accounts", body)
    assert response.status_code == 201
    pk = response.json()["id"]
    assert _client(colleague).get(f"{API}/bank-accounts/{pk}").status_code == 404
    later = Channel.objects.create(
        contact=company.contacts.get(), kind="phone", value="+4930111111"
    )
    response = _post(
        _client(owner),
        f"/bank-accounts/{pk}/verify",
        {"method": "call_on_file", "outcome": "confirmed", "channel_id": later.pk},
    )
    assert response.status_code == 422 and "channel" in response.json()["errors"]
    phone = Channel.objects.get(
        contact__company=company, kind="phone", value__startswith="+4930901"
    )
    response = _post(
        _client(owner),
        f"/bank-accounts/{pk}/verify",
        {"method": "call_on_file", "outcome": "denied", "channel_id": phone.pk},
    )
    assert response.status_code == 200 and response.json()["state"] == "rejected"


def test_payments_through_the_api(finance, owner, company):
    account = make_account(proposed_by=finance, iban=IBAN_DE)
    unapproved = make_account(proposed_by=finance, iban=IBAN_GB, state=State.VERIFIED)
    body = {"account_id": account.pk, "company_id": company.pk, "amount": "980.00",
            "currency": "EUR", "received_on": "2026-11-20", "reference": "PI-7"}  # fmt: skip
    assert _post(_client(owner), "/payments-received", body).status_code == 403
    response = _post(_client(finance), "/payments-received", {**body, "account_id": unapproved.pk})
    assert response.status_code == 422
    response = _post(_client(finance), "/payments-received", body)
    assert response.status_code == 201 and response.json()["amount"] == "980.00"
    assert len(_client(owner).get(f"{API}/payments-received").json()) == 1


def test_anonymous_gets_401_and_side_filter(finance):
    make_account(proposed_by=finance, iban=IBAN_DE)
    assert _client().get(f"{API}/bank-accounts").status_code == 401
    assert _post(_client(), "/bank-accounts", OURS).status_code == 401
    rows = _client(finance).get(f"{API}/bank-accounts?side=counterparty").json()
    assert rows == []
