"""The change-request API: the same services as the pages, so the same steps in the same
order. Not visible → 404; visible but not allowed → 403; wrong step or bad input → 422."""

from __future__ import annotations

import datetime

from ninja import Field, Router, Schema, Status

from chengxin.changes import selectors
from chengxin.changes.models import ChangeRequest
from chengxin.changes.permissions import awaits_approval, change_approvers
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
from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, RecordId, path_id
from chengxin.core.http import or_404
from chengxin.mail.selectors import message_get
from chengxin.parties.selectors import company_channel, contact_get
from chengxin.workflow.api import ApprovalBlockedReason, Approvers, StepOut, approval_out, steps_out
from chengxin.workflow.four_eyes import candidates

router = Router(tags=["contact changes"])

ChangeId = path_id("The change request's id.")
ContactId = path_id("The contact's id.")


class ChangeOut(Schema):
    """A change request. A verified request that needs it awaits a manager's approval."""

    id: int = Field(description="The change request's id.")
    contact_id: int = Field(description="The contact whose channel changes.")
    company_id: int = Field(description="The contact's company.")
    kind: str = Field(description="Channel kind: email, phone, whatsapp, wechat, linkedin, other.")
    action: str = Field(
        description="replace (the old value is retired), add (a further channel) or "
        "make_primary (an existing channel becomes primary)."
    )
    make_primary: bool = Field(description="Whether the new value becomes the primary channel.")
    old_value: str = Field(
        description='The primary value of that kind when the request was opened ("" if none).'
    )
    new_value: str = Field(description="The announced new value, normalised.")
    new_value_foreign_domain: bool = Field(
        description="True for an email on a domain that is not one of the customer's domains."
    )
    confirmation_status: str = Field(
        description="The outbox status of the confirmation letter: queued, sent (the mail "
        'server took it), failed_permanently, bounced, cancelled; "" before it is written. '
        "Apply is refused until it is sent."
    )
    state: str = Field(description="Where the request stands in the loop.")
    source_message_id: int | None = Field(description="The message that announced the change.")
    risk_level: str | None = Field(description="The fraud guard's level for that message.")
    needs_approval: bool = Field(description="True when a manager must also approve.")
    fraud_attempt: bool = Field(description="True when verification showed it was fraud.")
    opened_at: datetime.datetime = Field(description="When the request was opened, in UTC.")
    steps: list[StepOut] = Field(
        description="Every step so far, oldest first. Kinds: opened, proposed, confirm_queued "
        "(the letter was written), confirm_sent (the mail server took it), confirm_failed, "
        "verification, approved, applied, notice_queued, notice_sent, notice_failed, "
        "review_opened, closed, rejected."
    )
    approvers: Approvers
    approval_blocked_reason: ApprovalBlockedReason


class ChangeOpenIn(Schema):
    kind: str = Field(description="email, phone, whatsapp, wechat, linkedin or other")
    new_value: str = Field(description="The new value as announced.")
    action: str | None = Field(
        None,
        description='"replace" (default: the old value is retired) or "add" (a further '
        "channel). A value the contact already has becomes primary.",
    )
    make_primary: bool | None = Field(
        None, description='With "add": whether the new channel becomes the primary one.'
    )
    source_message_id: RecordId | None = Field(
        None, description="The message announcing it, if any."
    )


class LetterIn(Schema):
    subject: str = Field("", max_length=500, description="Empty: the drafted subject.")
    body: str = Field("", description="Empty: the drafted letter in the contact's language.")


class ChangeVerifyIn(Schema):
    channel_id: RecordId = Field(description="A channel on file before the request was opened.")
    outcome: str = Field(description="confirmed, denied or unreachable")
    notes: str = Field("", description="Who was reached and what they said.")
    checked_at: datetime.datetime | None = Field(None, description="When; default now.")


class NotesIn(Schema):
    notes: str = Field("", description="Notes for the record.")


def _out(change: ChangeRequest, *, people=None) -> dict:
    approvers = approval_out(
        change_approvers(change, people=people) if awaits_approval(change) else None
    )
    return {
        **approvers,
        "id": change.pk,
        "contact_id": change.contact_id,
        "company_id": change.contact.company_id,
        "kind": change.kind,
        "action": change.action,
        "make_primary": change.make_primary,
        "old_value": change.old_value,
        "new_value": change.new_value,
        "new_value_foreign_domain": selectors.new_value_foreign_domain(change),
        "confirmation_status": confirmation.confirmation_status(change),
        "state": change.state,
        "source_message_id": change.source_message_id,
        "risk_level": change.assessment.level if change.assessment else None,
        "needs_approval": change.needs_approval,
        "fraud_attempt": change.fraud_attempt,
        "opened_at": change.opened_at,
        "steps": steps_out(change),
    }


def _get(request, pk: int) -> ChangeRequest:
    return or_404(selectors.change_get, user=request.auth, pk=pk)


def _fresh(request, pk: int) -> dict:
    return _out(_get(request, pk))


@router.get("/changes", response={200: list[ChangeOut], **READ_ERRORS})
def change_list(request):
    """Open change requests you may see, overdue first."""
    rows = selectors.open_changes(user=request.auth).rows
    people = candidates() if any(awaits_approval(change) for change, _due, _late in rows) else None
    return [_out(change, people=people) for change, _due, _overdue in rows]


@router.get("/changes/{pk}", response={200: ChangeOut, **READ_ERRORS})
def change_detail(request, pk: ChangeId):
    """One change request with its steps."""
    return _fresh(request, pk)


@router.post("/contacts/{pk}/changes", response={201: ChangeOut, **WRITE_ERRORS})
def change_open(request, pk: ContactId, payload: ChangeOpenIn):
    """Open a change request for a contact's email or phone (step 0)."""
    contact = or_404(contact_get, user=request.auth, pk=pk)
    message = None
    if payload.source_message_id is not None:
        message = or_404(message_get, user=request.auth, pk=payload.source_message_id)
    change = opening.change_open(
        actor=request.auth,
        contact=contact,
        kind=payload.kind,
        new_value=payload.new_value,
        source_message=message,
        action=payload.action,
        make_primary=payload.make_primary,
    )
    return Status(201, _fresh(request, change.pk))


@router.post("/changes/{pk}/confirm", response={200: ChangeOut, **WRITE_ERRORS})
def change_confirm(request, pk: ChangeId, payload: LetterIn):
    """Step 1: send the confirmation letter (restating the new value) through the outbox."""
    confirmation.change_confirm_send(
        actor=request.auth, request=_get(request, pk), subject=payload.subject, body=payload.body
    )
    return _fresh(request, pk)


@router.post("/changes/{pk}/verify", response={200: ChangeOut, **WRITE_ERRORS})
def change_verify(request, pk: ChangeId, payload: ChangeVerifyIn):
    """Step 2: record the out-of-band verification through a channel on file before the request."""
    change = _get(request, pk)
    channel = or_404(company_channel, company_id=change.contact.company_id, pk=payload.channel_id)
    verification.change_verify(
        actor=request.auth,
        request=change,
        channel=channel,
        outcome=payload.outcome,
        notes=payload.notes,
        checked_at=payload.checked_at,
    )
    return _fresh(request, pk)


@router.post("/changes/{pk}/approve", response={200: ChangeOut, **WRITE_ERRORS})
def change_approve(request, pk: ChangeId, payload: NotesIn):
    """High or critical risk only: a manager who neither opened nor verified it approves."""
    approval.change_approve(actor=request.auth, request=_get(request, pk), notes=payload.notes)
    return _fresh(request, pk)


@router.post("/changes/{pk}/apply", response={200: ChangeOut, **WRITE_ERRORS})
def change_apply(request, pk: ChangeId):
    """Step 3: write the new value as verified (primary, the old one retired for a replacement).
    Refused (422) until the confirmation was handed to the mail server and the contact's
    confirmation or an out-of-band check is recorded."""
    applying.change_apply(actor=request.auth, request=_get(request, pk))
    return _fresh(request, pk)


@router.post("/changes/{pk}/notice", response={200: ChangeOut, **WRITE_ERRORS})
def change_notice(request, pk: ChangeId, payload: LetterIn):
    """Step 4: send the first message to the new value (the effective notice)."""
    notice.change_notice_send(
        actor=request.auth, request=_get(request, pk), subject=payload.subject, body=payload.body
    )
    return _fresh(request, pk)


@router.post("/changes/{pk}/withdraw", response={200: ChangeOut, **WRITE_ERRORS})
def change_withdraw(request, pk: ChangeId, payload: NotesIn):
    """Only before the confirmation is sent; ends the request without marking fraud."""
    rejection.change_withdraw(actor=request.auth, request=_get(request, pk), notes=payload.notes)
    return _fresh(request, pk)


@router.post("/changes/{pk}/close", response={200: ChangeOut, **WRITE_ERRORS})
def change_close(request, pk: ChangeId, payload: NotesIn):
    """Step 5: close the review opened after the review period; this closes the loop."""
    review.change_review_close(actor=request.auth, request=_get(request, pk), notes=payload.notes)
    return _fresh(request, pk)
