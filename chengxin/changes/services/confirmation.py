"""Step 1: the confirmation letter, restating the new value, to an address on file (never
to the new value); written again only when it could not be delivered."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.changes import drafts
from chengxin.changes.models import ChangeRequest, State, StepKind
from chengxin.changes.services.letters import (
    emails_on_file,
    letter_or_draft,
    letter_step,
    sender_signature,
)
from chengxin.changes.services.steps import change_to_act_on
from chengxin.parties.models import ChannelKind
from chengxin.workflow.services import WRONG_STEP, require_state

CONFIRMATION_FAILED_STATUSES = ("failed_permanently", "bounced", "cancelled")


def change_confirm_draft(*, request: ChangeRequest, actor: User | None) -> drafts.Letter:
    contact = request.contact
    return drafts.confirm_letter(
        language=contact.language,
        name=contact.name,
        kind=request.kind,
        new_value=request.new_value,
        sender=sender_signature(actor, contact.language),
    )


def change_confirm_recipient(request: ChangeRequest) -> str:
    """The confirmation goes to the contact's email on file when the request was opened (the
    old address for an email change), so the real contact sees it even when the announcement
    came from an impostor; never to the new value, nor to an address that was not verified
    before the request. "" when there is none."""
    on_file = emails_on_file(request.contact, before=request.opened_at).exclude(
        value=request.new_value
    )
    if request.kind == ChannelKind.EMAIL and request.old_channel_id:
        old = on_file.filter(pk=request.old_channel_id).first()
        if old is not None:
            return old.value
    channel = on_file.first()
    return channel.value if channel else ""


def confirmation_status(request: ChangeRequest) -> str:
    """The outbox status of the request's latest confirmation ("" when none was written)."""
    from chengxin.outbox.models import OutboundMessage

    if request.confirm_message_id is None:
        return ""
    status = (
        OutboundMessage.objects.filter(pk=request.confirm_message_id)
        .values_list("status", flat=True)
        .first()
    )
    return status or ""


@transaction.atomic
def change_confirm_send(
    *,
    actor: User,
    request: ChangeRequest,
    subject: str = "",
    body: str = "",
    now: datetime.datetime | None = None,
) -> ChangeRequest:
    now = now or timezone.now()
    request = change_to_act_on(actor=actor, request=request)
    resend = request.state != State.OPENED
    if resend:
        _require_failed_confirmation(request)
    draft = change_confirm_draft(request=request, actor=actor)
    subject, body = letter_or_draft(draft, subject=subject, body=body)
    if request.new_value not in body:
        raise ValidationError(
            {
                "body": [
                    _("The letter must restate the new value exactly: %(value)s")
                    % {"value": request.new_value}
                ]
            }  # fmt: skip
        )
    to = change_confirm_recipient(request)
    if not to:
        raise ValidationError(
            _("%(contact)s has no email address that was verified before this request: the "
              "confirmation has nowhere safe to go. Verify one of their channels first (on "
              "the customer's page), then open a new request.") % {"contact": request.contact.name}
        )  # fmt: skip
    letter_step(
        request,
        actor=actor,
        to=to,
        subject=subject,
        body=body,
        purpose="change_confirm",
        message_field="confirm_message_id",
        state=request.state if resend else State.CONFIRM_SENT,
        step=StepKind.CONFIRM_QUEUED,
        details={"again": resend},
        now=now,
    )
    return request


def _require_failed_confirmation(request: ChangeRequest) -> None:
    """A confirmation that did not leave may be written again; nothing else repeats."""
    require_state(request, State.CONFIRM_SENT, State.VERIFIED, State.APPROVED)
    if confirmation_status(request) not in CONFIRMATION_FAILED_STATUSES:
        raise ValidationError(
            _("The confirmation was already written; a new one is possible only if it "
              "could not be delivered."),
            code=WRONG_STEP,
        )  # fmt: skip
