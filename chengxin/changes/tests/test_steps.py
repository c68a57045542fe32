"""The rules of the loop, through the services: no step skipped, reordered or repeated;
verification only through what was on file before; a second person approves a high-risk
change; applying moves every reference; a denied change is rejected as a fraud attempt."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chengxin.accounts.models import Role
from chengxin.changes.models import ChangeRequest, State
from chengxin.changes.services import (
    applying,
    approval,
    confirmation,
    notice,
    opening,
    rejection,
    review,
    verification,
)
from chengxin.changes.tests.conftest import (
    NEW_EMAIL,
    OLD_EMAIL,
    add_colleague,
    deliver_confirmation,
)
from chengxin.guard.models import Assessment
from chengxin.notifications.models import Notification
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.services import outbox_enqueue
from chengxin.parties.models import Channel
from chengxin.parties.services.channels import channel_verify
from chengxin.parties.services.companies import company_share
from chengxin.testing import make_user
from chengxin.testing.mail import make_raw


def _phone(change):
    return Channel.objects.get(contact=change.contact, kind="phone", is_active=True)


def _to_verified(owner, change):
    confirmation.change_confirm_send(actor=owner, request=change)
    deliver_confirmation(change)
    return verification.change_verify(
        actor=owner, request=change, channel=_phone(change), outcome="confirmed"
    )


def test_steps_cannot_be_skipped(owner, change):
    with pytest.raises(ValidationError, match="not possible now"):
        verification.change_verify(
            actor=owner, request=change, channel=_phone(change), outcome="confirmed"
        )
    with pytest.raises(ValidationError, match="not possible now"):
        applying.change_apply(actor=owner, request=change)
    with pytest.raises(ValidationError, match="not possible now"):
        notice.change_notice_send(actor=owner, request=change)
    with pytest.raises(ValidationError, match="not possible now"):
        review.change_review_close(actor=owner, request=change)
    change.refresh_from_db()
    assert change.state == State.OPENED
    assert Channel.objects.get(contact=change.contact, value=OLD_EMAIL).is_primary


def test_steps_cannot_be_repeated(owner, change):
    confirmation.change_confirm_send(actor=owner, request=change)
    with pytest.raises(ValidationError, match="already written"):
        confirmation.change_confirm_send(actor=owner, request=change)
    assert OutboundMessage.objects.filter(purpose="change_confirm").count() == 1
    _change = verification.change_verify(
        actor=owner, request=change, channel=_phone(change), outcome="confirmed"
    )
    deliver_confirmation(change)
    with pytest.raises(ValidationError, match="not possible now"):
        verification.change_verify(
            actor=owner, request=change, channel=_phone(change), outcome="denied"
        )
    applying.change_apply(actor=owner, request=change)
    with pytest.raises(ValidationError, match="not possible now"):
        applying.change_apply(actor=owner, request=change)
    assert Channel.objects.filter(contact=change.contact, value=NEW_EMAIL).count() == 1


def test_an_unreachable_contact_is_recorded_and_the_check_can_be_tried_again(owner, change):
    confirmation.change_confirm_send(actor=owner, request=change)
    verification.change_verify(
        actor=owner, request=change, channel=_phone(change), outcome="unreachable"
    )
    change.refresh_from_db()
    assert change.state == State.CONFIRM_SENT
    verification.change_verify(
        actor=owner, request=change, channel=_phone(change), outcome="confirmed"
    )
    change.refresh_from_db()
    assert change.state == State.VERIFIED
    assert [s.details["outcome"] for s in change.steps.filter(kind="verification")] == [
        "unreachable", "confirmed",
    ]  # fmt: skip


def test_a_number_from_the_change_message_is_refused_for_verification(owner, company, change):
    confirmation.change_confirm_send(actor=owner, request=change)
    # The message gave "my colleague's mobile"; someone entered that colleague after the
    # request and even marked the number verified: it was not on file before the request.
    colleague = add_colleague(owner, company, ("phone", "+49 151 23456789"))
    added = colleague.channels.get()
    with pytest.raises(ValidationError) as refused:
        verification.change_verify(actor=owner, request=change, channel=added, outcome="confirmed")
    assert "on file (verified) before this" in str(refused.value)
    channel_verify(
        actor=owner, channel=added, method="in_person", note="Met Jörg at the Hannover fair."
    )
    with pytest.raises(ValidationError):
        verification.change_verify(actor=owner, request=change, channel=added, outcome="confirmed")
    assert added not in verification.verification_channels(change)
    change.refresh_from_db()
    assert change.state == State.CONFIRM_SENT and change.verified_by is None


def test_the_new_address_itself_is_refused_for_verification(owner, company, change):
    confirmation.change_confirm_send(actor=owner, request=change)
    new = add_colleague(owner, company, ("email", NEW_EMAIL)).channels.get()
    with pytest.raises(ValidationError):
        verification.change_verify(actor=owner, request=change, channel=new, outcome="confirmed")


def test_an_unverified_channel_on_file_before_the_request_never_counts(owner, company):
    """Entered before the request, but never verified: not "on file"."""
    colleague = add_colleague(owner, company, ("phone", "+49 151 23456789"))
    unverified = colleague.channels.get()
    change = opening.change_open(
        actor=owner, contact=company.contacts.get(name="Anna Schmidt"), kind="email",
        new_value=NEW_EMAIL,
    )  # fmt: skip
    confirmation.change_confirm_send(actor=owner, request=change)
    assert unverified not in verification.verification_channels(change)
    with pytest.raises(ValidationError, match="never verified"):
        verification.change_verify(
            actor=owner, request=change, channel=unverified, outcome="confirmed"
        )


@pytest.fixture
def risky_change(ingest, company, owner):
    """A change from a message the guard rated high (lookalike sender)."""
    message = ingest(
        make_raw(
            sender="Anna Schmidt <anna.schmidt@mueIler-maschinen.de>",
            text="Dear Li Na,\n\nmy email address has changed, please write to "
            + NEW_EMAIL
            + " from now on and pay the balance today.\n\nAnna",
        )
    ).message
    assessment = Assessment.objects.get(message=message)
    assert assessment.level in ("high", "critical")
    message.refresh_from_db()
    ChangeRequest.objects.filter(source_message=message).delete()  # the guard's proposal
    ChangeRequest.objects.all().delete()
    return opening.change_open(
        actor=owner, contact=company.contacts.get(), kind="email", new_value=NEW_EMAIL,
        source_message=message,
    )  # fmt: skip


def test_a_high_risk_change_needs_another_manager_to_approve(owner, manager, risky_change):
    assert risky_change.needs_approval
    confirmation.change_confirm_send(actor=owner, request=risky_change)
    deliver_confirmation(risky_change)
    verification.change_verify(
        actor=manager, request=risky_change, channel=_phone(risky_change), outcome="confirmed"
    )
    with pytest.raises(ValidationError, match="manager must approve"):
        applying.change_apply(actor=owner, request=risky_change)
    with pytest.raises(PermissionDenied, match="another manager"):
        approval.change_approve(actor=manager, request=risky_change)
    with pytest.raises(PermissionDenied):
        approval.change_approve(actor=owner, request=risky_change)
    second = make_user(Role.MANAGER, username="manager2")
    approval.change_approve(actor=second, request=risky_change)
    with pytest.raises(ValidationError, match="not possible now"):
        approval.change_approve(actor=second, request=risky_change)
    applying.change_apply(actor=owner, request=risky_change)
    risky_change.refresh_from_db()
    assert (risky_change.state, risky_change.approved_by) == (State.APPLIED, second)


def test_the_opener_cannot_approve_either(manager, risky_change, owner):
    ChangeRequest.objects.filter(pk=risky_change.pk).update(opened_by=manager)
    confirmation.change_confirm_send(actor=owner, request=risky_change)
    verification.change_verify(
        actor=owner, request=risky_change, channel=_phone(risky_change), outcome="confirmed"
    )
    with pytest.raises(PermissionDenied, match="opened this request"):
        approval.change_approve(actor=manager, request=risky_change)


def test_a_low_risk_change_needs_no_approval(owner, manager, change):
    _to_verified(owner, change)
    with pytest.raises(ValidationError, match="needs no approval"):
        approval.change_approve(actor=manager, request=change)


def test_a_queued_message_keeps_the_address_it_was_written_for(owner, change):
    """Applying the change once moved a letter still queued for the old address (the
    confirmation among them) to the new one. Now every message keeps its address."""
    contact = change.contact
    waiting = outbox_enqueue(
        actor=owner, to=OLD_EMAIL, subject="Proforma PI-2025-031", body_text="Attached.",
        contact=contact,
    )  # fmt: skip
    _to_verified(owner, change)
    applying.change_apply(actor=owner, request=change)
    waiting.refresh_from_db()
    assert waiting.to_address == OLD_EMAIL and waiting.status == Status.QUEUED
    letter = OutboundMessage.objects.get(pk=change.confirm_message_id)
    assert letter.to_address == OLD_EMAIL
    change.refresh_from_db()
    applied = change.steps.get(kind="applied").details
    assert applied["queued_to_old_value"] == 1 and applied["action"] == "replace"
    primary = Channel.objects.get(contact=contact, kind="email", is_primary=True, is_active=True)
    assert primary.value == NEW_EMAIL
    assert primary.source == "change_request" and primary.source_change_id == change.pk
    assert primary.verification_method == "change_request" and primary.verified_at is not None


def test_apply_waits_until_the_confirmation_has_left(owner, change):
    """Verified by phone, but the confirmation is still in the outbox: apply is refused."""
    confirmation.change_confirm_send(actor=owner, request=change)
    verification.change_verify(
        actor=owner, request=change, channel=_phone(change), outcome="confirmed"
    )
    with pytest.raises(ValidationError, match="has not left yet"):
        applying.change_apply(actor=owner, request=change)
    change.refresh_from_db()
    OutboundMessage.objects.filter(pk=change.confirm_message_id).update(
        status=Status.FAILED_PERMANENTLY, last_error="550 mailbox unavailable"
    )
    with pytest.raises(ValidationError, match="could not be delivered"):
        applying.change_apply(actor=owner, request=change)
    change.refresh_from_db()
    assert change.state == State.VERIFIED
    assert not Channel.objects.filter(contact=change.contact, value=NEW_EMAIL).exists()
    # Written again, and this time handed to the server: now it may be applied.
    confirmation.change_confirm_send(actor=owner, request=change)
    change.refresh_from_db()
    assert change.state == State.VERIFIED
    assert deliver_confirmation(change) == Status.SENT
    applying.change_apply(actor=owner, request=change)
    change.refresh_from_db()
    assert change.state == State.APPLIED


def test_a_delivered_confirmation_cannot_be_written_again(owner, change):
    _to_verified(owner, change)
    with pytest.raises(ValidationError, match="already written"):
        confirmation.change_confirm_send(actor=owner, request=change)
    assert OutboundMessage.objects.filter(purpose="change_confirm").count() == 1


def test_a_denied_change_is_rejected_as_fraud_and_everyone_is_warned(
    ingest, owner, manager, colleague, finance, company, django_capture_on_commit_callbacks
):
    company_share(actor=owner, company=company, users=[colleague])
    message = ingest(
        make_raw(
            text="Dear Li Na,\n\nplease note my new email address is " + NEW_EMAIL + ".\n\nAnna"
        )
    ).message
    change = ChangeRequest.objects.get(source_message=message)
    confirmation.change_confirm_send(actor=owner, request=change)
    with django_capture_on_commit_callbacks(execute=True):
        verification.change_verify(
            actor=owner, request=change, channel=_phone(change), outcome="denied",
            notes="Anna says she never wrote this.",
        )  # fmt: skip
    change.refresh_from_db()
    assert change.state == State.REJECTED and change.fraud_attempt
    warned = set(
        Notification.objects.filter(kind="changes.rejected").values_list(
            "user__username", flat=True
        )
    )
    assert warned == {"owner", "manager", "colleague"}
    old = Channel.objects.get(contact=change.contact, value=OLD_EMAIL)
    assert old.is_active and old.is_primary
    with pytest.raises(ValidationError):
        applying.change_apply(actor=owner, request=change)


def test_the_guard_proposes_a_request_for_a_contact_change_message(ingest, company, owner):
    message = ingest(
        make_raw(text="Dear Li Na,\n\nmy email address has changed, please reply to this new address.\n\nAnna",
                 reply_to=NEW_EMAIL)
    ).message  # fmt: skip
    change = ChangeRequest.objects.get(source_message=message)
    assert change.proposed_by_guard and change.opened_by is None
    assert (change.old_value, change.new_value, change.state) == (OLD_EMAIL, NEW_EMAIL, "opened")
    assert change.assessment == Assessment.objects.get(message=message)
    # An ordinary message proposes nothing.
    ingest(make_raw(text="Dear Li Na,\n\nthe drawings are attached.\n\nAnna"))
    assert ChangeRequest.objects.count() == 1


def test_only_one_open_request_per_contact_and_kind(owner, change):
    with pytest.raises(ValidationError, match="already open"):
        opening.change_open(
            actor=owner, contact=change.contact, kind="email", new_value="anna@elsewhere.de"
        )


def test_a_colleague_cannot_act_and_finance_may_not_change(colleague, finance, change):
    with pytest.raises(ChangeRequest.DoesNotExist):
        confirmation.change_confirm_send(actor=colleague, request=change)
    with pytest.raises(PermissionDenied):
        confirmation.change_confirm_send(actor=finance, request=change)


def test_the_confirmation_must_restate_the_new_value(owner, change):
    with pytest.raises(ValidationError, match="restate the new value"):
        confirmation.change_confirm_send(
            actor=owner, request=change, subject="Thanks", body="Thanks, noted."
        )


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("en", "Please confirm your new email address"),
        ("zh-hans", "请确认您的新邮箱地址"),
        ("de", "Bitte bestätigen Sie Ihre neue E-Mail-Adresse"),
        ("es", "Por favor, confirme su nuevo dato: dirección de correo electrónico"),
        ("fr", "Merci de confirmer votre nouvelle donnée : adresse e-mail"),
        ("ja", "新しいメールアドレスのご確認のお願い"),
        ("sw", "Please confirm your new email address"),  # not a buyer language: English
    ],
)
def test_the_confirmation_is_drafted_in_the_contacts_language(owner, change, language, phrase):
    change.contact.language = language
    draft = confirmation.change_confirm_draft(request=change, actor=owner)
    assert draft.subject == phrase
    assert NEW_EMAIL in draft.body


def test_a_proposal_can_be_withdrawn_before_anything_is_sent(owner, change):
    with pytest.raises(ValidationError):
        rejection.change_withdraw(actor=owner, request=change, notes="  ")
    rejection.change_withdraw(actor=owner, request=change, notes="Only her signature changed.")
    change.refresh_from_db()
    assert change.state == State.REJECTED and not change.fraud_attempt
    assert change.steps.last().details == {"withdrawn": True, "fraud_attempt": False}
    assert Channel.objects.get(contact=change.contact, value=OLD_EMAIL).is_primary


def test_a_request_cannot_be_withdrawn_once_the_contact_was_asked(owner, change):
    confirmation.change_confirm_send(actor=owner, request=change)
    with pytest.raises(ValidationError, match="not possible now"):
        rejection.change_withdraw(actor=owner, request=change, notes="changed my mind")
