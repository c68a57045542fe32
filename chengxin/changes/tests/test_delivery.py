"""The confirmation goes to the address on file and stays there; Apply waits until it has
actually left (handed to a real SMTP server on loopback) and the contact's confirmation or an
out-of-band check is recorded; the steps say what happened, when it happened."""

from __future__ import annotations

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from chengxin.accounts.services import api_token_create
from chengxin.changes.models import State
from chengxin.changes.tests.conftest import NEW_EMAIL, OLD_EMAIL
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.services import outbox_enqueue, outbox_send_due
from chengxin.parties.models import Channel

LETTER = {"subject": "Ihre neue E-Mail-Adresse", "body": f"Ist {NEW_EMAIL} richtig?"}


def _kinds(change) -> list[str]:
    return list(change.steps.values_list("kind", flat=True))


def _verify_by_phone(client, change):
    phone = Channel.objects.get(contact=change.contact, kind="phone")
    response = client.post(
        reverse("changes:change_verify", args=[change.pk]),
        {"channel": phone.pk, "outcome": "confirmed", "notes": "Called Anna; she confirmed."},
    )
    assert response.status_code == 302


def test_apply_waits_until_the_confirmation_has_left(client_for, owner, change, smtp_server):
    client = client_for(owner)
    detail = reverse("changes:change_detail", args=[change.pk])
    client.post(reverse("changes:change_confirm", args=[change.pk]), LETTER)
    # The mail server is down: the letter stays queued, and the steps say so.
    now = timezone.now()
    assert outbox_send_due(now=now) == {Status.QUEUED: 1}
    change.refresh_from_db()
    assert _kinds(change) == ["opened", "confirm_queued"]
    page = client.get(detail).content.decode()
    assert 'data-testid="step-confirm_queued"' in page and "Confirmation queued" in page
    assert 'data-testid="step-confirm_sent"' not in page
    _verify_by_phone(client, change)

    # Apply: refused on the page and through the API, with the reason.
    response = client.post(reverse("changes:change_apply", args=[change.pk]), follow=True)
    assert "The confirmation has not left yet" in response.content.decode()
    assert 'data-testid="apply-blocker"' in response.content.decode()
    _token, raw = api_token_create(actor=owner, name="pytest")
    api = Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"})
    refused = api.post(f"/api/v1/changes/{change.pk}/apply", {}, content_type="application/json")
    assert refused.status_code == 422
    assert "has not left yet" in refused.json()["errors"]["__all__"][0]
    assert api.get(f"/api/v1/changes/{change.pk}").json()["confirmation_status"] == "queued"
    change.refresh_from_db()
    assert change.state == State.VERIFIED
    assert not Channel.objects.filter(value=NEW_EMAIL).exists()

    # The server is back: the letter leaves, to the old address, and the step records it.
    smtp_server.start()
    later = now + datetime.timedelta(minutes=2)
    assert outbox_send_due(now=later) == {Status.SENT: 1}
    [(recipients, letter)] = smtp_server.inbox.messages
    assert recipients == [OLD_EMAIL] and NEW_EMAIL in letter.get_content()
    change.refresh_from_db()
    assert _kinds(change) == ["opened", "confirm_queued", "verification", "confirm_sent"]
    sent = change.steps.get(kind="confirm_sent")
    assert sent.details["to"] == OLD_EMAIL and sent.at == later and sent.actor is None
    page = client.get(detail).content.decode()
    assert "Confirmation handed to the mail server" in page
    assert 'data-testid="apply-blocker"' not in page
    assert client.post(reverse("changes:change_apply", args=[change.pk])).status_code == 302
    change.refresh_from_db()
    assert change.state == State.APPLIED


def test_a_refused_confirmation_is_recorded_and_written_again(
    client_for, owner, change, smtp_server
):
    smtp_server.inbox.refuse[OLD_EMAIL] = "550 5.1.1 Mailbox unavailable"
    smtp_server.start()
    client = client_for(owner)
    client.post(reverse("changes:change_confirm", args=[change.pk]), LETTER)
    outbox_send_due(now=timezone.now())
    _verify_by_phone(client, change)
    change.refresh_from_db()
    assert _kinds(change) == ["opened", "confirm_queued", "confirm_failed", "verification"]
    failed = change.steps.get(kind="confirm_failed")
    assert failed.details["to"] == OLD_EMAIL and "550" in failed.details["error"]
    response = client.post(reverse("changes:change_apply", args=[change.pk]), follow=True)
    assert "could not be delivered" in response.content.decode()
    page = client.get(reverse("changes:change_detail", args=[change.pk])).content.decode()
    assert 'data-testid="resend"' in page

    # Anna's mailbox works again; the letter is written again and leaves.
    del smtp_server.inbox.refuse[OLD_EMAIL]
    client.post(reverse("changes:change_confirm", args=[change.pk]), LETTER)
    outbox_send_due(now=timezone.now())
    change.refresh_from_db()
    assert change.state == State.VERIFIED
    assert _kinds(change)[-2:] == ["confirm_queued", "confirm_sent"]
    assert [r for r, _m in smtp_server.inbox.messages] == [[OLD_EMAIL]]
    assert client.post(reverse("changes:change_apply", args=[change.pk])).status_code == 302
    change.refresh_from_db()
    assert change.state == State.APPLIED
    assert OutboundMessage.objects.filter(purpose="change_confirm").count() == 2


def test_a_queued_letter_still_goes_to_the_address_it_was_written_for(
    client_for, owner, change, smtp_server
):
    """A proforma written to Anna's old address waits in the outbox (her working hours) while
    the change is applied: it leaves later, still to the old address."""
    smtp_server.start()
    client = client_for(owner)
    client.post(reverse("changes:change_confirm", args=[change.pk]), LETTER)
    outbox_send_due(now=timezone.now())
    _verify_by_phone(client, change)
    proforma = outbox_enqueue(actor=owner, to=OLD_EMAIL, subject="Proforma PI-2026-031",
                              body_text="Attached.", contact=change.contact,
                              in_working_hours=True,
                              now=timezone.now() + datetime.timedelta(days=3))  # fmt: skip
    assert client.post(reverse("changes:change_apply", args=[change.pk])).status_code == 302
    proforma.refresh_from_db()
    assert proforma.to_address == OLD_EMAIL
    OutboundMessage.objects.filter(pk=proforma.pk).update(
        status=Status.QUEUED, next_attempt_at=timezone.now(), in_working_hours=False
    )
    outbox_send_due(now=timezone.now())
    assert smtp_server.inbox.messages[-1][0] == [OLD_EMAIL]
    change.refresh_from_db()
    assert change.steps.get(kind="applied").details["queued_to_old_value"] == 1


def test_the_migration_calls_old_sent_steps_queued_and_adds_what_the_outbox_proves(owner, change):
    import importlib

    from django.apps import apps

    from chengxin.changes.models import ChangeStep
    from chengxin.changes.services import confirmation
    from chengxin.changes.tests.conftest import deliver_confirmation

    confirmation.change_confirm_send(actor=owner, request=change)
    deliver_confirmation(change)
    # As the old code recorded it: "confirm_sent" when the letter was queued, nothing after.
    ChangeStep.objects.filter(request=change, kind="confirm_sent").delete()
    ChangeStep.objects.filter(request=change, kind="confirm_queued").update(kind="confirm_sent")
    migration = importlib.import_module(
        "chengxin.changes.migrations.0002_change_actions_and_delivery_steps"
    )
    migration.steps_say_what_happened(apps, None)
    change.refresh_from_db()
    assert _kinds(change) == ["opened", "confirm_queued", "confirm_sent"]
    sent = change.steps.get(kind="confirm_sent")
    letter = OutboundMessage.objects.get(pk=change.confirm_message_id)
    assert (sent.at, sent.details["to"]) == (letter.sent_at, OLD_EMAIL)
