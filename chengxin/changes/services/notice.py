"""Step 4: the effective notice, the first letter to the new value (for a new email; to
the email on file otherwise). The review falls due a set number of days later."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from chengxin.accounts.models import User
from chengxin.changes import drafts
from chengxin.changes.models import ChangeRequest, State, StepKind
from chengxin.changes.services.letters import (
    emails_on_file,
    letter_or_draft,
    letter_step,
    sender_signature,
)
from chengxin.changes.services.review import review_days
from chengxin.changes.services.steps import change_to_act_on
from chengxin.parties.models import ChannelKind


def open_orders_lines(request: ChangeRequest) -> list[str]:
    """The buyer's open orders, one line each. Chengxin keeps no orders yet: none."""
    return []


def change_notice_draft(*, request: ChangeRequest, actor: User | None) -> drafts.Letter:
    contact = request.contact
    return drafts.notice_letter(
        language=contact.language,
        name=contact.name,
        kind=request.kind,
        new_value=request.new_value,
        sender=sender_signature(actor, contact.language),
        open_orders=open_orders_lines(request),
    )


def change_notice_recipient(request: ChangeRequest) -> str:
    if request.kind == ChannelKind.EMAIL:
        return request.new_value
    channel = emails_on_file(request.contact, before=timezone.now()).first()
    return channel.value if channel else ""


@transaction.atomic
def change_notice_send(
    *,
    actor: User,
    request: ChangeRequest,
    subject: str = "",
    body: str = "",
    now: datetime.datetime | None = None,
) -> ChangeRequest:
    now = now or timezone.now()
    request = change_to_act_on(actor=actor, request=request, states=(State.APPLIED,))
    draft = change_notice_draft(request=request, actor=actor)
    subject, body = letter_or_draft(draft, subject=subject, body=body)
    to = change_notice_recipient(request)
    letter_step(
        request,
        actor=actor,
        to=to,
        subject=subject,
        body=body,
        purpose="change_notice",
        message_field="notice_message_id",
        state=State.NOTICE_SENT,
        step=StepKind.NOTICE_QUEUED,
        now=now,
        review_due_at=now + datetime.timedelta(days=review_days()),
    )
    return request
