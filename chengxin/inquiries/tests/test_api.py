"""The inquiries API: who sees what, bad input, the clocks in the answers."""

from __future__ import annotations

import pytest

from chengxin.inquiries import services
from chengxin.inquiries.models import Inquiry, State
from chengxin.inquiries.tests.conftest import sh
from chengxin.outbox.models import OutboundMessage
from chengxin.testing import Api

pytestmark = pytest.mark.django_db


@pytest.fixture
def inquiry(owner, company):
    return services.inquiry_create(
        actor=owner, company=company, subject="LED panels", received_at=sh(2026, 3, 6, 17),
        now=sh(2026, 3, 6, 17),
    )  # fmt: skip


def test_the_owner_lists_and_reads_with_the_clocks(owner, inquiry):
    api = Api(owner)
    page = api.get("/inquiries").json()
    assert page["count"] == 1
    item = page["items"][0]
    assert item["first_response"]["due"].startswith("2026-03-09T04:00:00")
    assert item["first_response"]["running"] is True
    assert item["first_response"]["late"] is True  # long past in the test's present
    detail = api.get(f"/inquiries/{inquiry.pk}").json()
    assert detail["steps"][0]["kind"] == "created"
    assert api.get("/inquiries", {"late": "false"}).json()["count"] == 0
    assert api.get("/inquiries", {"state": "open", "owner": owner.pk}).json()["count"] == 1


def test_unknown_state_is_422(owner, inquiry):
    assert Api(owner).get("/inquiries", {"state": "nonsense"}).status_code == 422


def test_not_visible_is_404_visible_not_allowed_is_403(colleague, finance, inquiry):
    assert Api(colleague).get(f"/inquiries/{inquiry.pk}").status_code == 404
    assert Api(colleague).get("/inquiries").json()["count"] == 0
    assert Api(finance).get(f"/inquiries/{inquiry.pk}").status_code == 200
    response = Api(finance).post(f"/inquiries/{inquiry.pk}/reply", {"body_text": "x"})
    assert response.status_code == 403
    assert Api(None).get("/inquiries").status_code == 401


def test_create_reply_and_answer(owner, company):
    api = Api(owner)
    response = api.post("/inquiries", {"company_id": company.pk, "subject": "Panels"})
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    response = api.post(f"/inquiries/{pk}/reply", {"body_text": "Prices tomorrow."})
    assert response.status_code == 200, response.content
    assert response.json()["first_response"]["via"] == "reply"
    response = api.post(f"/inquiries/{pk}/answer", {"moq": "1", "lead_time": "2", "price": "",
                                                    "payment_methods": "T/T"})  # fmt: skip
    assert response.status_code == 422
    assert "price" in response.json()["errors"]
    response = api.post(f"/inquiries/{pk}/answer", {"moq": "1", "lead_time": "2", "price": "3",
                                                    "payment_methods": "T/T"})  # fmt: skip
    assert response.json()["state"] == State.ANSWERED
    assert OutboundMessage.objects.count() == 2
    # Answered: a second full answer is a wrong step.
    response = api.post(f"/inquiries/{pk}/answer", {"moq": "1", "lead_time": "2", "price": "3",
                                                    "payment_methods": "T/T"})  # fmt: skip
    assert response.status_code == 422


def test_record_an_answer_given_elsewhere(owner, inquiry):
    api = Api(owner)
    response = api.post(
        f"/inquiries/{inquiry.pk}/answer-record", {"at": "2026-03-10T01:00:00Z", "via": "quote"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["full_answer"]["via"] == "quote"
    bad = api.post(f"/inquiries/{inquiry.pk}/answer-record", {"at": "2026-03-10T01:00:00Z",
                                                              "via": "fax"})  # fmt: skip
    assert bad.status_code == 422


def test_create_refuses_bad_input(owner, colleague, company):
    api = Api(owner)
    assert (
        api.post("/inquiries", {"company_id": company.pk, "subject": "x" * 301}).status_code == 422
    )
    assert api.post("/inquiries", {"company_id": company.pk, "subject": " "}).status_code == 422
    assert api.post("/inquiries", {"company_id": 10**12, "subject": "x"}).status_code == 404
    assert api.post("/inquiries", {"company_id": company.pk, "subject": "x",
                                   "product_ids": [999999]}).status_code == 422  # fmt: skip
    assert (
        Api(colleague).post("/inquiries", {"company_id": company.pk, "subject": "x"}).status_code
        == 404
    )
    assert not Inquiry.objects.exists()


def test_accept_and_dismiss(owner, make_message):
    from django.utils import timezone

    proposed = services.inquiry_propose_from_message(message=make_message(), now=timezone.now())
    api = Api(owner)
    assert (
        api.post(f"/inquiries/{proposed.pk}/dismiss", {"reason": "spam"}).json()["state"]
        == "dismissed"
    )
    assert api.post(f"/inquiries/{proposed.pk}/accept").status_code == 422
