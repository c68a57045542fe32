import datetime

import pytest

from chengxin.outbox.models import Status
from chengxin.outbox.services import outbox_enqueue
from chengxin.testing import API, api_client

UTC = datetime.UTC


@pytest.fixture
def message(owner, company):
    return outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="Packing list for order 4711",
        body_text="Dear Anna, ...",
        contact=company.contacts.get(),
        in_working_hours=True,
        now=datetime.datetime(2026, 11, 24, 1, 0, tzinfo=UTC),
    )


@pytest.mark.django_db
def test_owner_lists_reads_sends_now_and_cancels(owner, message):
    client = api_client(owner)
    listed = client.get(f"{API}/outbox?status=waiting_for_window").json()
    assert listed["count"] == 1
    assert listed["items"][0]["subject"] == "Packing list for order 4711"
    assert client.get(f"{API}/outbox?status=sent").json()["count"] == 0

    detail = client.get(f"{API}/outbox/{message.pk}").json()
    assert detail["next_attempt_at"] == "2026-11-24T08:00:00Z"
    assert detail["message_id"] == message.message_id

    sent_now = client.post(f"{API}/outbox/{message.pk}/send-now")
    assert sent_now.status_code == 200
    assert sent_now.json()["status"] == Status.QUEUED
    cancelled = client.post(f"{API}/outbox/{message.pk}/cancel")
    assert cancelled.json()["status"] == Status.CANCELLED
    again = client.post(f"{API}/outbox/{message.pk}/cancel")
    assert again.status_code == 422


@pytest.mark.django_db
def test_who_may_call_the_outbox_api(colleague, finance, outsider, message):
    assert api_client().get(f"{API}/outbox").status_code == 401
    assert api_client(outsider).get(f"{API}/outbox/{message.pk}").status_code == 401
    assert api_client(colleague).get(f"{API}/outbox/{message.pk}").status_code == 404
    assert api_client(colleague).get(f"{API}/outbox").json()["count"] == 0
    assert api_client(colleague).post(f"{API}/outbox/{message.pk}/cancel").status_code == 404
    assert api_client(finance).get(f"{API}/outbox/{message.pk}").status_code == 200
    assert api_client(finance).post(f"{API}/outbox/{message.pk}/cancel").status_code == 403
    assert api_client(finance).get(f"{API}/outbox/{message.pk}/cancel").status_code == 405
    message.refresh_from_db()
    assert message.status == Status.WAITING_FOR_WINDOW
