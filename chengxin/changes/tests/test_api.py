"""The API walks the same steps through the same services: same order, same refusals."""

from __future__ import annotations

import pytest

from chengxin.changes.models import State
from chengxin.changes.tests.conftest import (
    NEW_EMAIL,
    OLD_EMAIL,
    add_colleague,
    deliver_confirmation,
)
from chengxin.parties.models import Channel
from chengxin.testing import API, api_client, api_post


def _change(pk):
    from chengxin.changes.models import ChangeRequest

    return ChangeRequest.objects.get(pk=pk)


def test_the_loop_through_the_api_in_order_only(owner, contact):
    client = api_client(owner)
    response = api_post(
        client, f"/contacts/{contact.pk}/changes", {"kind": "email", "new_value": NEW_EMAIL.upper()}
    )
    assert response.status_code == 201
    change = response.json()
    assert (change["old_value"], change["new_value"], change["state"]) == (
        OLD_EMAIL,
        NEW_EMAIL,
        "opened",
    )
    pk = change["id"]
    phone = Channel.objects.get(contact=contact, kind="phone")

    # Skipping ahead: 422, nothing changes.
    for step, body in [
        ("apply", None),
        ("verify", {"channel_id": phone.pk, "outcome": "confirmed"}),
        ("notice", {}),
    ]:
        response = api_post(client, f"/changes/{pk}/{step}", body)
        assert response.status_code == 422, step
        assert "not possible now" in response.json()["errors"]["__all__"][0]
    assert client.get(f"{API}/changes/{pk}").json()["state"] == "opened"

    assert api_post(client, f"/changes/{pk}/confirm", {}).json()["state"] == State.CONFIRM_SENT
    assert api_post(client, f"/changes/{pk}/confirm", {}).status_code == 422  # not twice
    response = api_post(
        client,
        f"/changes/{pk}/verify",
        {"channel_id": phone.pk, "outcome": "confirmed", "notes": "called"},
    )
    assert response.json()["state"] == State.VERIFIED
    assert response.json()["confirmation_status"] == "queued"
    assert (
        api_post(client, f"/changes/{pk}/approve", {}).status_code == 403
    )  # a sales rep; and not needed
    # The confirmation has not left the outbox yet: apply is refused, in the user's language.
    refused = api_post(client, f"/changes/{pk}/apply")
    assert refused.status_code == 422
    assert "has not left yet" in refused.json()["errors"]["__all__"][0]
    zh = client.post(
        f"{API}/changes/{pk}/apply", {}, content_type="application/json",
        headers={"Accept-Language": "zh-hans"},
    )  # fmt: skip
    assert zh.status_code == 422
    deliver_confirmation(_change(pk))
    assert client.get(f"{API}/changes/{pk}").json()["confirmation_status"] == "sent"
    assert api_post(client, f"/changes/{pk}/apply").json()["state"] == State.APPLIED
    assert api_post(client, f"/changes/{pk}/apply").status_code == 422
    response = api_post(client, f"/changes/{pk}/notice", {})
    assert response.json()["state"] == State.NOTICE_SENT
    assert api_post(client, f"/changes/{pk}/close", {}).status_code == 422  # review not yet due
    steps = [s["kind"] for s in response.json()["steps"]]
    assert steps == [
        "opened",
        "confirm_queued",
        "verification",
        "confirm_sent",
        "applied",
        "notice_queued",
    ]  # fmt: skip  (in the order it happened: the server took the letter after the call)
    assert [c["id"] for c in client.get(f"{API}/changes").json()] == [pk]


def test_a_channel_added_after_the_request_is_refused_by_the_api(owner, change):
    client = api_client(owner)
    api_post(client, f"/changes/{change.pk}/confirm", {})
    colleague = add_colleague(owner, change.contact.company, ("phone", "+49 151 23456789"))
    added = colleague.channels.get()
    response = api_post(
        client, f"/changes/{change.pk}/verify", {"channel_id": added.pk, "outcome": "confirmed"}
    )
    assert response.status_code == 422
    assert "on file (verified) before this" in response.json()["errors"]["channel"][0]


@pytest.mark.parametrize(("who", "status"), [("colleague", 404), ("finance", 403), (None, 401)])
def test_who_may_call_the_api(request, change, who, status):
    user = request.getfixturevalue(who) if who else None
    client = api_client(user)
    assert api_post(client, f"/changes/{change.pk}/confirm", {}).status_code == status
    detail = client.get(f"{API}/changes/{change.pk}").status_code
    assert detail == {"colleague": 404, "finance": 200, None: 401}[who]


def test_a_wrong_method_gets_405(owner, change):
    assert api_client(owner).get(f"{API}/changes/{change.pk}/apply").status_code == 405


def test_the_endpoints_are_documented(owner):
    schema = api_client(owner).get(f"{API}/openapi.json").json()
    assert "/api/v1/changes/{pk}/verify" in schema["paths"]
    assert "/api/v1/contacts/{pk}/changes" in schema["paths"]
