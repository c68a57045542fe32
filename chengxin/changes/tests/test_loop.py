"""The whole loop, as an owner walks it on the pages: a message announces Anna's new address,
the confirmation reaches a real SMTP server on loopback, Anna is called on the number on file,
the change is applied, the notice reaches her new address, and a week later the review opens
and is closed."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from chengxin.changes.models import ChangeRequest, State
from chengxin.changes.services.review import changes_review_open_due
from chengxin.changes.tests.conftest import (
    NEW_EMAIL,
    OLD_EMAIL,
    PHONE_ON_FILE,
    deliver_confirmation,
)
from chengxin.notifications.models import Notification
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.services import outbox_send_due
from chengxin.parties.models import Channel
from chengxin.testing.mail import make_raw

ANNOUNCEMENT = (
    "Dear Li Na,\n\nplease note my new email address is anna.schmidt@mueller-group.de. "
    "Please write to this new address from now on.\n\nAnna"
)


def _send_all(now=None) -> None:
    outbox_send_due(now=now or timezone.now())


def test_the_five_steps_end_to_end(
    ingest, company, contact, owner, client_for, smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.start()
    message = ingest(make_raw(text=ANNOUNCEMENT)).message
    client = client_for(owner)

    # The message page offers to open a change request; the guard already proposed one.
    page = client.get(reverse("mail:message_detail", args=[message.pk]))
    assert reverse("changes:open_for_message", args=[message.pk]) in page.content.decode()
    change = ChangeRequest.objects.get(source_message=message)
    assert change.proposed_by_guard and change.state == State.OPENED
    assert (change.old_value, change.new_value) == (OLD_EMAIL, NEW_EMAIL)

    # 1. Confirm: the draft is in Anna's language (German) and restates the new address.
    detail = reverse("changes:change_detail", args=[change.pk])
    page = client.get(detail).content.decode()
    assert "Bitte bestätigen Sie Ihre neue E-Mail-Adresse" in page
    assert NEW_EMAIL in page
    body = (
        "Guten Tag Frau Schmidt,\n\nvielen Dank! Ihre neue Adresse: " + NEW_EMAIL + "\n"
        "Stimmt das so?\n\nLi Na"
    )
    response = client.post(
        reverse("changes:change_confirm", args=[change.pk]),
        {"subject": "Ihre neue E-Mail-Adresse", "body": body},
    )
    assert response.status_code == 302
    _send_all()
    [(recipients, confirm)] = smtp_server.inbox.messages
    assert recipients == [OLD_EMAIL]
    assert confirm["Subject"] == "Ihre neue E-Mail-Adresse"
    assert NEW_EMAIL in confirm.get_content() and "Stimmt das so?" in confirm.get_content()

    # 2. Verify: the phone number on file, before the request.
    phone = Channel.objects.get(contact=contact, kind="phone")
    assert phone.value == PHONE_ON_FILE
    response = client.post(
        reverse("changes:change_verify", args=[change.pk]),
        {"channel": phone.pk, "outcome": "confirmed", "notes": "Called Anna, she confirmed."},
    )
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.state == State.VERIFIED and change.verified_by == owner

    # 3. Apply.
    assert client.post(reverse("changes:change_apply", args=[change.pk])).status_code == 302
    emails = {c.value: c for c in Channel.objects.filter(contact=contact, kind="email")}
    assert emails[NEW_EMAIL].is_primary and emails[NEW_EMAIL].is_active
    assert not emails[OLD_EMAIL].is_active and emails[OLD_EMAIL].retired_by == owner

    # 4. Effective notice, to the new address.
    response = client.post(
        reverse("changes:change_notice", args=[change.pk]), {"subject": "", "body": ""}
    )
    assert response.status_code == 422  # an empty letter is refused on the page
    change.refresh_from_db()
    assert change.state == State.APPLIED and change.notice_message_id is None
    page = client.get(detail).content.decode()
    assert "Ihre neue E-Mail-Adresse wird ab sofort verwendet" in page
    response = client.post(
        reverse("changes:change_notice", args=[change.pk]),
        {
            "subject": "Ihre neue E-Mail-Adresse ist jetzt in Gebrauch",
            "body": "Guten Tag Frau Schmidt,\n\nab jetzt schreiben wir an "
            + NEW_EMAIL
            + ".\n\nLi Na",
        },
    )
    assert response.status_code == 302
    _send_all()
    recipients, notice = smtp_server.inbox.messages[1]
    assert recipients == [NEW_EMAIL]
    assert f"ab jetzt schreiben wir an {NEW_EMAIL}." in notice.get_content()
    change.refresh_from_db()
    assert change.state == State.NOTICE_SENT
    delivered = OutboundMessage.objects.get(pk=change.notice_message_id)
    assert delivered.status == Status.SENT
    page = client.get(detail).content.decode()
    assert f"{NEW_EMAIL} · {delivered.get_status_display()}" in page

    # 5. Review: nothing happens after 6 days; after 7 the owner is asked to review.
    applied = change.applied_at
    assert changes_review_open_due(now=applied + datetime.timedelta(days=6)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert changes_review_open_due(now=applied + datetime.timedelta(days=7, minutes=1)) == 1
    change.refresh_from_db()
    assert change.state == State.REVIEW_DUE
    assert change.review_findings == {"sent_to_old": [], "bounced": []}
    note = Notification.objects.get(user=owner, kind="changes.review")
    assert NEW_EMAIL in note.title
    assert "phone, address and colleagues" in note.body

    response = client.post(
        reverse("changes:change_close", args=[change.pk]), {"notes": "All good."}
    )
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.state == State.CLOSED and change.closed_by == owner
    kinds = list(change.steps.values_list("kind", flat=True))
    assert kinds == [
        "proposed", "confirm_queued", "confirm_sent", "verification", "applied",
        "notice_queued", "notice_sent", "review_opened", "closed",
    ]  # fmt: skip
    sent = change.steps.get(kind="confirm_sent")
    assert sent.details["to"] == OLD_EMAIL and sent.actor is None
    page = client.get(detail).content.decode()
    for testid in ("step-proposed", "step-verification", "step-applied", "step-closed"):
        assert f'data-testid="{testid}"' in page


@pytest.mark.parametrize("days", [3])
def test_the_review_waits_the_configured_number_of_days(settings, owner, change, days):
    from chengxin.changes.services import applying, confirmation, notice, verification

    settings.CHENGXIN_CHANGE_REVIEW_DAYS = days
    phone = Channel.objects.get(contact=change.contact, kind="phone")
    confirmation.change_confirm_send(actor=owner, request=change)
    deliver_confirmation(change)
    verification.change_verify(actor=owner, request=change, channel=phone, outcome="confirmed")
    applying.change_apply(actor=owner, request=change)
    change = notice.change_notice_send(actor=owner, request=change)
    assert change.review_due_at == change.state_changed_at + datetime.timedelta(days=days)
    assert changes_review_open_due(now=change.review_due_at - datetime.timedelta(minutes=1)) == 0
    assert changes_review_open_due(now=change.review_due_at) == 1


def test_the_review_reports_what_still_went_to_the_old_address_and_bounces(owner, change):
    from chengxin.changes.services import applying, confirmation, notice, verification
    from chengxin.outbox.services import outbox_enqueue

    phone = Channel.objects.get(contact=change.contact, kind="phone")
    confirmation.change_confirm_send(actor=owner, request=change)
    deliver_confirmation(change)
    verification.change_verify(actor=owner, request=change, channel=phone, outcome="confirmed")
    change = applying.change_apply(actor=owner, request=change)
    change = notice.change_notice_send(actor=owner, request=change)
    # A colleague copied the old address from an old mail thread; it went out.
    stray = outbox_enqueue(
        actor=owner,
        to=OLD_EMAIL,
        subject="Invoice 88",
        body_text="...",
        company=change.contact.company,
    )
    OutboundMessage.objects.filter(pk=stray.pk).update(
        status=Status.SENT, sent_at=change.applied_at + datetime.timedelta(days=1)
    )
    OutboundMessage.objects.filter(pk=change.notice_message_id).update(
        status=Status.BOUNCED, sent_at=change.applied_at, bounced_at=change.applied_at
    )
    changes_review_open_due(now=change.review_due_at)
    change.refresh_from_db()
    assert [m["subject"] for m in change.review_findings["sent_to_old"]] == ["Invoice 88"]
    assert [m["to"] for m in change.review_findings["bounced"]] == [NEW_EMAIL]
