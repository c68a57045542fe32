import datetime

import pytest

from chengxin.banking.models import State
from chengxin.campaigns.models import ChangePlan, PlanState
from chengxin.testing import API, api_client, user_today
from chengxin.testing.campaigns import our_account

pytestmark = pytest.mark.django_db
TODAY = user_today()  # the date the requests below run in


def body(old, new, **overrides):
    data = {
        "old_account_id": old.pk,
        "new_account_id": new.pk,
        "reason": "Lower fees for USD receipts.",
        "decided_on": TODAY.isoformat(),
        "parallel_from": (TODAY + datetime.timedelta(days=35)).isoformat(),
        "old_closes_on": (TODAY + datetime.timedelta(days=90)).isoformat(),
        "audience": "all_active",
    }
    data.update(overrides)
    return data


def test_finance_plans_launches_and_reads_the_recipients(
    finance, owner, old_account, new_account, buyers, no_whatsapp
):
    client = api_client(finance)
    response = client.post(
        f"{API}/campaigns/plans", body(old_account, new_account), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    plan = response.json()
    assert plan["state"] == "draft" and plan["rule_breaches"] == []
    assert client.get(f"{API}/campaigns/plans").json()[0]["id"] == plan["id"]
    assert client.get(f"{API}/campaigns/plans/{plan['id']}").status_code == 200
    launched = client.post(f"{API}/campaigns/plans/{plan['id']}/launch")
    assert launched.status_code == 200 and launched.json()["state"] == "launched"
    recipients = client.get(f"{API}/campaigns/plans/{plan['id']}/recipients").json()
    assert sorted(r["company_name"] for r in recipients) == [
        "Gulf Lights FZE",
        "Harbour Imports Pty Ltd",
        "Hudson Trading LLC",
        "Müller Maschinenbau GmbH",
    ]
    berlin = next(r for r in recipients if r["company_name"] == "Müller Maschinenbau GmbH")
    assert {t["kind"] for t in berlin["touches"]} >= {"email_notice", "call", "post_change"}
    # The owner records the call.
    called = api_client(owner).post(
        f"{API}/campaigns/recipients/{berlin['id']}/call",
        {"outcome": "heard_and_understood", "notes": "Fine"},
        content_type="application/json",
    )
    assert called.status_code == 200 and called.json()["call_outcome"] == "heard_and_understood"
    cancelled = client.post(f"{API}/campaigns/plans/{plan['id']}/cancel")
    assert cancelled.json()["state"] == "cancelled"


def test_who_may_call_the_campaigns_api(
    owner, colleague, finance, outsider, old_account, new_account, buyers
):
    payload = body(old_account, new_account)
    assert api_client().get(f"{API}/campaigns/plans").status_code == 401
    assert (
        api_client(owner)
        .post(f"{API}/campaigns/plans", payload, content_type="application/json")
        .status_code
        == 403
    )
    response = api_client(finance).post(
        f"{API}/campaigns/plans", payload, content_type="application/json"
    )
    plan_id = response.json()["id"]
    assert api_client(owner).post(f"{API}/campaigns/plans/{plan_id}/launch").status_code == 403
    assert api_client(finance).get(f"{API}/campaigns/plans/9999").status_code == 404
    assert api_client(finance).post(f"{API}/campaigns/plans/{plan_id}/launch").status_code == 200
    recipient_id = (
        api_client(finance).get(f"{API}/campaigns/plans/{plan_id}/recipients").json()[0]["id"]
    )
    # A colleague cannot see the owner's buyers: 404, and an empty list.
    assert api_client(colleague).get(f"{API}/campaigns/plans/{plan_id}/recipients").json() == []
    response = api_client(colleague).post(
        f"{API}/campaigns/recipients/{recipient_id}/call",
        {"outcome": "unreachable"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert api_client(finance).get(f"{API}/campaigns/plans/{plan_id}/launch").status_code == 405


def test_bad_plans_answer_422_with_field_errors(finance, old_account, new_account):
    proposed = our_account(actor=finance, number="6222021001124444", state=State.PROPOSED)
    client = api_client(finance)
    response = client.post(
        f"{API}/campaigns/plans", body(old_account, proposed), content_type="application/json"
    )
    assert response.status_code == 422
    assert "new_account" in response.json()["errors"]
    short = body(
        old_account, new_account, parallel_from=(TODAY + datetime.timedelta(days=5)).isoformat()
    )
    plan = client.post(f"{API}/campaigns/plans", short, content_type="application/json").json()
    assert plan["rule_breaches"] == [
        {"code": "short_notice", "params": {"days": 5, "required": 30}}
    ]
    refused = client.post(f"{API}/campaigns/plans/{plan['id']}/launch")
    assert refused.status_code == 422
    assert ChangePlan.objects.get(pk=plan["id"]).state == PlanState.DRAFT
