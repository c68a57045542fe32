"""The API: the same rules as the pages."""

import datetime

import pytest

from chengxin.commitments import services
from chengxin.commitments.models import DelayWarning, Milestone, ProductionUpdate
from chengxin.outbox.models import OutboundMessage
from chengxin.testing import API, Api, api_client

from .conftest import NOW, picture

D = datetime.date


def test_create_forecast_send_and_done_through_the_api(owner, order):
    api = Api(owner)
    created = api.post(
        f"/orders/{order.pk}/milestones", {"kind": "shipped", "promised_on": "2027-04-30"}
    )
    assert created.status_code == 200, created.json()
    milestone = created.json()
    assert (milestone["state"], milestone["promised_by"]) == ("open", "owner")
    assert [s["kind"] for s in milestone["steps"]] == ["promised"]
    moved = api.post(
        f"/milestones/{milestone['id']}/forecast", {"forecast_on": "2027-05-20", "note": "Vessel"}
    )
    body = moved.json()
    assert body["state"] == "at_risk" and body["open_warning_id"]
    warning = api.get(f"/delay-warnings/{body['open_warning_id']}").json()
    assert warning["language"] == "de" and warning["due_on"] == "2027-04-16"
    channel = services.sendable_channels(order).get()
    sent = api.post(f"/delay-warnings/{warning['id']}/send",
                    {"channel_id": channel.pk, "subject": warning["subject"], "body": warning["body"]})  # fmt: skip
    assert sent.status_code == 200 and sent.json()["state"] == "sent"
    again = api.post(f"/delay-warnings/{warning['id']}/send",
                     {"channel_id": channel.pk, "subject": "x", "body": "y"})  # fmt: skip
    assert again.status_code == 422
    listed = api.get(f"/orders/{order.pk}/milestones").json()
    assert listed[0]["warned_at"] is not None and listed[0]["open_warning_id"] is None
    future = api.post(f"/milestones/{milestone['id']}/done", {"done_on": "2031-01-01"})
    assert future.status_code == 422 and "done_on" in future.json()["errors"]


def test_bad_input_is_422_and_nothing_written(owner, order):
    api = Api(owner)
    for body in (
        {"kind": "sometime", "promised_on": "2027-04-30"},
        {"kind": "other", "promised_on": "2027-04-30"},
        {"kind": "ready", "promised_on": "2027-02-30"},
        {"kind": "ready", "promised_on": "2027-04-30", "promised_to_id": 999999},
        {"kind": "ready", "promised_on": "2027-04-30", "label": "x" * 101},
    ):
        answer = api.post(f"/orders/{order.pk}/milestones", body)
        assert answer.status_code == 422, (body, answer.json())
    assert Milestone.objects.count() == 0


def test_who_may(owner, colleague, finance, order):
    milestone = services.milestone_create(
        actor=owner, order=order, kind="ready", promised_on=D(2027, 4, 30), now=NOW
    )
    assert Api(colleague).get(f"/orders/{order.pk}/milestones").status_code == 404
    assert Api(colleague).get(f"/milestones/{milestone.pk}").status_code == 404
    assert Api(None).get(f"/milestones/{milestone.pk}").status_code == 401
    assert Api(finance).get(f"/milestones/{milestone.pk}").status_code == 200
    denied = Api(finance).post(
        f"/milestones/{milestone.pk}/forecast", {"forecast_on": "2027-05-20"}
    )
    assert denied.status_code == 403
    assert Api(owner).client.delete(f"{API}/milestones/{milestone.pk}").status_code == 405


def test_production_update_with_photos(owner, colleague, order):
    client = api_client(owner)
    channel = services.sendable_channels(order).get()
    url = f"{API}/orders/{order.pk}/production-updates"
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\nnot really", content_type="image/png")
    refused = client.post(url, {"text": "Cast", "photos": [fake]})
    assert refused.status_code == 422 and "photos" in refused.json()["errors"]
    real = SimpleUploadedFile("cast.jpg", picture("JPEG"), content_type="image/jpeg")
    made = client.post(url, {"text": "Cast", "photos": [real], "channel_id": channel.pk})
    assert made.status_code == 200, made.json()
    body = made.json()
    assert body["photos"][0]["content_type"] == "image/jpeg" and body["sent_at"]
    assert OutboundMessage.objects.get().attachments.count() == 1
    assert len(client.get(url).json()) == 1
    assert api_client(colleague).get(url).status_code == 404
    assert ProductionUpdate.objects.count() == 1


@pytest.mark.django_db
def test_the_list_takes_few_queries(owner, order, django_assert_max_num_queries):
    for n in range(5):
        services.milestone_create(
            actor=owner,
            order=order,
            kind="other",
            label=f"Promise {n}",
            promised_on=D(2027, 4, 1 + n),
            now=NOW,
        )
    DelayWarning.objects.all()  # none needed
    api = Api(owner)
    with django_assert_max_num_queries(8):
        assert len(api.get(f"/orders/{order.pk}/milestones").json()) == 5


def test_redraft_dismiss_and_check(owner, order, contact):
    api = Api(owner)
    milestone = api.post(
        f"/orders/{order.pk}/milestones", {"kind": "arrival", "promised_on": "2027-04-30"}
    ).json()
    warning_id = api.post(
        f"/milestones/{milestone['id']}/forecast", {"forecast_on": "2027-05-09"}
    ).json()["open_warning_id"]
    redrafted = api.post(
        f"/delay-warnings/{warning_id}/redraft",
        {"alternative": "cost_share", "contact_id": contact.pk},
    )
    assert redrafted.status_code == 200 and redrafted.json()["alternative"] == "cost_share"
    assert "einen Teil davon" in redrafted.json()["body"]  # the buyer reads German
    assert (
        api.post(f"/delay-warnings/{warning_id}/redraft", {"alternative": "teleport"}).status_code
        == 422
    )
    assert api.post(f"/delay-warnings/{warning_id}/dismiss", {"reason": ""}).status_code == 422
    dismissed = api.post(f"/delay-warnings/{warning_id}/dismiss", {"reason": "Told by phone"})
    assert (
        dismissed.json()["state"] == "dismissed"
        and dismissed.json()["closed_reason"] == "Told by phone"
    )
    checked = api.post(f"/orders/{order.pk}/milestones/check")
    assert checked.status_code == 200 and checked.json()["milestones"][0]["state"] == "at_risk"
