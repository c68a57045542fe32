"""The API: the same services and the same refusals as the pages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chengxin.compensation import services
from chengxin.compensation.models import ClaimState, Credit
from chengxin.compensation.tests.conftest import FRAUD_IBAN, claim_data, voucher_pdf
from chengxin.testing import API, api_client, api_post


def test_finance_lists_reads_and_approves(finance, claim):
    client = api_client(finance)
    page = client.get(f"{API}/fee-claims", {"state": "submitted"}).json()
    assert page["count"] == 1
    item = page["items"][0]
    assert (item["id"], item["fee_amount"], item["fee_currency"]) == (claim.pk, "28.00", "USD")
    assert item["submitted_by"] is None and item["foreign_accounts"] == []
    assert "voucher" not in item  # the bytes are a page download, not JSON
    assert client.get(f"{API}/fee-claims", {"state": "approved"}).json()["count"] == 0

    over = api_post(client, f"/fee-claims/{claim.pk}/approve", {"approved_amount": "36"})
    assert over.status_code == 422
    assert "USD\xa035.00" in over.json()["errors"]["approved_amount"][0]
    response = api_post(client, f"/fee-claims/{claim.pk}/approve", {"approved_amount": "27.5"})
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "approved" and body["approved_amount"] == "27.50"
    assert body["approved_currency"] == "USD" and body["decided_by"] == "finance"
    credit = Credit.objects.get()
    assert body["credit_id"] == credit.pk
    again = api_post(client, f"/fee-claims/{claim.pk}/reject", {"reason": "late"})
    assert again.status_code == 422


def test_reject_needs_a_reason(finance, claim):
    client = api_client(finance)
    assert api_post(client, f"/fee-claims/{claim.pk}/reject", {"reason": ""}).status_code == 422
    response = api_post(client, f"/fee-claims/{claim.pk}/reject", {"reason": "No fee charged"})
    assert response.status_code == 200
    assert response.json()["decision_notes"] == "No fee charged"


@pytest.mark.parametrize("who", ["owner", "manager"])
def test_others_may_read_but_not_decide(request, claim, who):
    client = api_client(request.getfixturevalue(who))
    assert client.get(f"{API}/fee-claims/{claim.pk}").status_code == 200
    approve = api_post(client, f"/fee-claims/{claim.pk}/approve", {"approved_amount": "20"})
    reject = api_post(client, f"/fee-claims/{claim.pk}/reject", {"reason": "x"})
    assert (approve.status_code, reject.status_code) == (403, 403)
    claim.refresh_from_db()
    assert claim.state == ClaimState.SUBMITTED


def test_a_colleague_gets_404_and_an_empty_list(colleague, claim):
    client = api_client(colleague)
    assert client.get(f"{API}/fee-claims/{claim.pk}").status_code == 404
    assert client.get(f"{API}/fee-claims").json()["count"] == 0
    assert (
        api_post(client, f"/fee-claims/{claim.pk}/approve", {"approved_amount": "1"}).status_code
        == 404
    )
    assert client.get(f"{API}/companies/{claim.recipient.company_id}/credits").status_code == 404


def test_anonymous_gets_401(claim):
    client = api_client()
    assert client.get(f"{API}/fee-claims").status_code == 401
    assert client.get(f"{API}/fee-claims/{claim.pk}").status_code == 401
    assert (
        api_post(client, f"/fee-claims/{claim.pk}/approve", {"approved_amount": "1"}).status_code
        == 401
    )


def test_finance_cannot_approve_their_own_claim_through_the_api(finance, recipient):
    claim = services.fee_claim_submit(
        recipient=recipient, voucher_content=voucher_pdf(), actor=finance, **claim_data()
    )
    response = api_post(
        api_client(finance), f"/fee-claims/{claim.pk}/approve", {"approved_amount": "20"}
    )
    assert response.status_code == 403


def test_a_flagged_claim_shows_the_foreign_account(finance, recipient):
    services.fee_claim_submit(
        recipient=recipient, voucher_content=voucher_pdf(iban=FRAUD_IBAN), **claim_data()
    )
    item = api_client(finance).get(f"{API}/fee-claims").json()["items"][0]
    assert item["foreign_accounts"] == ["GB29 ···· 6819"]


def test_credits_of_a_company_and_using_one(finance, owner, claim):
    services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("20"))
    company_id = claim.recipient.company_id
    credits = api_client(owner).get(f"{API}/companies/{company_id}/credits").json()
    assert [(c["amount"], c["currency"], c["used_at"]) for c in credits] == [("20.00", "USD", None)]
    credit_id = credits[0]["id"]
    assert (
        api_post(api_client(owner), f"/credits/{credit_id}/use", {"reference": "PI-9"}).status_code
        == 403
    )
    used = api_post(api_client(finance), f"/credits/{credit_id}/use", {"reference": "PI-9"})
    assert used.status_code == 200 and used.json()["used_reference"] == "PI-9"
    assert (
        api_post(
            api_client(finance), f"/credits/{credit_id}/use", {"reference": "PI-10"}
        ).status_code
        == 422
    )


def test_wrong_methods_get_405(finance, claim):
    client = api_client(finance)
    assert client.delete(f"{API}/fee-claims/{claim.pk}").status_code == 405
    assert client.get(f"{API}/fee-claims/{claim.pk}/approve").status_code == 405
    assert client.put(f"{API}/fee-claims", {}, content_type="application/json").status_code == 405
