"""Sending the touches.

Touches are rows written at launch, each with its moment in the buyer's working hours.
``campaigns_send_due`` (every few minutes) turns the touches due within the next hour into
outbox messages (sent not before their moment, in the buyer's window) or into tasks for
the rep, and reads the outbox back into the touches. A touch is claimed under a row lock
and only while "scheduled", so two runs never make anything twice; one buyer's failure is
recorded on its touch and the others go on.
"""

from __future__ import annotations

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.campaigns import notice, rep_tasks, selectors, timeline
from chengxin.campaigns.links import RELATED, campaign_link
from chengxin.campaigns.models import (
    CallOutcome,
    PlanState,
    Recipient,
    Touch,
    TouchChannel,
    TouchKind,
    TouchState,
)
from chengxin.campaigns.services.closing import campaigns_closing_tasks
from chengxin.campaigns.tokens import token_of
from chengxin.documents.models import Document
from chengxin.documents.services import account_change_proformas, documents_sent_with
from chengxin.outbox.models import Kind, OutboundMessage, Status
from chengxin.outbox.services import chat_channel_configured, outbox_enqueue
from chengxin.todos.services import todo_create

logger = logging.getLogger(__name__)

# Messages are handed to the outbox this long before their moment (the outbox holds them
# until then); tasks for the rep are made a day ahead so they can plan the call.
MESSAGE_AHEAD = datetime.timedelta(hours=1)
TASK_AHEAD = datetime.timedelta(days=1)
SEND_BATCH = 200

# The touches that reach the buyer once sent.
_REACHING = (
    TouchKind.EMAIL_NOTICE,
    TouchKind.CHAT_REMINDER,
    TouchKind.POST_CHANGE,
    TouchKind.ACK_REMINDER,
)


def _rep_for(recipient: Recipient) -> User | None:
    owner = recipient.company.owner
    if owner is not None and owner.is_active:
        return owner
    launcher = recipient.plan.launched_by
    return launcher if launcher is not None and launcher.is_active else None


def _make_todo(touch: Touch, recipient: Recipient, token: str, *, error: str = "") -> str:
    """The touch becomes a task for the rep (to tell the buyer another way)."""
    rep = _rep_for(recipient)
    if rep is None:
        raise ValidationError(_("Nobody to give the task to: the customer has no owner."))
    kind = {
        TouchKind.CALL: "call",
        TouchKind.CHAT_REMINDER: "chat_reminder",
    }.get(touch.kind, "email_notice")
    title, body = rep_tasks.task_text(kind, recipient, token)
    todo = todo_create(
        assignee=rep,
        kind=f"campaigns.{kind}",
        title=title,
        body=body,
        link=campaign_link(recipient),
        company=recipient.company,
        contact=recipient.contact,
        related=(RELATED, recipient.pk),
        due_at=touch.due_at,
        actor=None,
    )
    touch.todo, touch.channel, touch.state, touch.error = (
        todo,
        TouchChannel.TASK,
        TouchState.QUEUED,
        error,
    )
    touch.save(update_fields=["todo", "channel", "state", "error"])
    return "task"


def _email(touch: Touch, recipient: Recipient, token: str, common: dict):
    """The touch's email in the outbox, or None when it became a task."""
    contact = recipient.contact
    # The address on file now: a change of address since the launch is followed.
    email = selectors.email_of(contact) if contact else ""
    if not email:
        if touch.kind != TouchKind.EMAIL_NOTICE:
            raise ValidationError(_("No email address on file any more."))
        _make_todo(touch, recipient, token)
        return None
    proformas: list[Document] = []
    if touch.kind == TouchKind.EMAIL_NOTICE:
        letter = notice.notice_letter(recipient, token, notice.timeline_facts(recipient.plan))
        attachments = [
            (
                notice.pdf_filename(recipient.plan),
                notice.notice_pdf(recipient.plan, recipient.language),
                "application/pdf",
            )
        ]
    elif touch.kind == TouchKind.POST_CHANGE:
        # Each open order's proforma invoice, issued now with the new account, attached.
        letter = notice.post_change_letter(recipient, token)
        proformas = account_change_proformas(
            company=recipient.company,
            account=recipient.plan.new_account,
            language=timeline.timeline_language(recipient.language),
            now=common["now"],
        )
        attachments = [(d.filename, bytes(d.pdf or b""), "application/pdf") for d in proformas]
    else:
        letter, attachments = notice.ack_reminder_letter(recipient, token), []
    message = outbox_enqueue(
        to=email,
        subject=letter.subject,
        body_text=letter.text,
        body_html=letter.html,
        kind=Kind.EMAIL,
        attachments=attachments,
        date_in_recipient_zone=True,
        **common,
    )
    if proformas:
        documents_sent_with(documents=proformas, message=message, to=email, now=common["now"])
    return message


def _chat(touch: Touch, recipient: Recipient, token: str, common: dict):
    """The touch's WhatsApp message in the outbox, or None when it became a task."""
    contact = recipient.contact
    number = selectors.chat_number(contact) if contact else ""
    if not (number and chat_channel_configured(Kind.WHATSAPP)):
        _make_todo(touch, recipient, token)
        return None
    try:
        return outbox_enqueue(
            to=number,
            body_text=notice.chat_reminder_text(recipient, token),
            kind=Kind.WHATSAPP,
            **common,
        )
    except ValidationError as exc:
        _make_todo(touch, recipient, token, error=" ".join(exc.messages))
        return None


def _materialise(touch: Touch, *, now: datetime.datetime) -> str:
    """Make the touch: an outbox message ("queued"), a task ("task"), or nothing when the
    buyer has acknowledged already ("not_needed")."""
    recipient = Recipient.objects.select_related(
        "plan__old_account", "plan__new_account", "plan__launched_by", "company__owner", "contact"
    ).get(pk=touch.recipient_id)
    token = token_of(recipient.token_encrypted)
    if touch.kind == TouchKind.ACK_REMINDER and recipient.acknowledged_at is not None:
        touch.state, touch.done_at = TouchState.CANCELLED, now
        touch.save(update_fields=["state", "done_at"])
        return "not_needed"
    common = {
        "actor": None,
        "contact": recipient.contact,
        "company": recipient.company,
        "in_working_hours": True,
        "purpose": f"campaign.{touch.kind}",
        "related_type": "campaigns.touch",
        "related_id": str(touch.pk),
        "now": max(touch.due_at, now),
    }
    message: OutboundMessage | None
    if touch.channel == TouchChannel.EMAIL:
        message = _email(touch, recipient, token, common)
    elif touch.channel == TouchChannel.WHATSAPP:
        message = _chat(touch, recipient, token, common)
    else:
        return _make_todo(touch, recipient, token)
    if message is None:
        return "task"
    touch.outbound_message, touch.state = message, TouchState.QUEUED
    touch.save(update_fields=["outbound_message", "state"])
    return "queued"


def _due_touches(now: datetime.datetime) -> list[int]:
    return list(
        Touch.objects.filter(state=TouchState.SCHEDULED, recipient__plan__state=PlanState.LAUNCHED)
        .filter(
            Q(channel=TouchChannel.TASK, due_at__lte=now + TASK_AHEAD)
            | (~Q(channel=TouchChannel.TASK) & Q(due_at__lte=now + MESSAGE_AHEAD))
        )
        .order_by("due_at", "pk")
        .values_list("pk", flat=True)[:SEND_BATCH]
    )


def _send_one(pk: int, *, now: datetime.datetime) -> str | None:
    """Make one due touch; its failure is recorded on it. None: another run has it."""
    try:
        with transaction.atomic():
            touch = (
                Touch.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, state=TouchState.SCHEDULED)
                .first()
            )
            if touch is None:
                return None  # another run has it, or it is done
            return _materialise(touch, now=now)
    except Exception as exc:  # noqa: BLE001 - one buyer's failure must not stop the rest
        logger.exception("campaigns: touch %s could not be made", pk)
        message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        Touch.objects.filter(pk=pk, state=TouchState.SCHEDULED).update(
            state=TouchState.FAILED, error=message[:2000], done_at=now
        )
        return "failed"


def campaigns_send_due(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Hand the touches due soon to the outbox (or to the reps), then read back what the
    outbox did. Counts by result."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    for pk in _due_touches(now):
        result = _send_one(pk, now=now)
        if result is not None:
            counts[result] = counts.get(result, 0) + 1
    for result, count in campaigns_sync(now=now).items():
        counts[result] = counts.get(result, 0) + count
    closing = campaigns_closing_tasks(now=now)
    if closing:
        counts["closing"] = closing
    return counts


def _reached(recipient_pk: int, at: datetime.datetime) -> None:
    Recipient.objects.filter(pk=recipient_pk).filter(
        Q(reached_at__isnull=True) | Q(reached_at__gt=at)
    ).update(reached_at=at)


def _outcome(touch: Touch, now: datetime.datetime):
    """What the outbox or the rep did with a queued touch: (state, done_at, error), the
    state None while nothing happened yet."""
    message, todo = touch.outbound_message, touch.todo
    if message is not None:
        if message.status == Status.SENT:
            return TouchState.SENT, message.sent_at or now, touch.error
        if message.status in (Status.FAILED_PERMANENTLY, Status.BOUNCED):
            return TouchState.FAILED, now, message.last_error
        if message.status == Status.CANCELLED:
            return TouchState.CANCELLED, now, touch.error
    elif todo is not None and todo.done_at is not None:
        return TouchState.DONE, todo.done_at, touch.error
    elif todo is None:
        return TouchState.FAILED, now, touch.error  # its message or task was deleted
    return None, None, touch.error


def _record_reach(touch: Touch, state: str, done_at: datetime.datetime) -> None:
    """A sent message, or a task done (a call that reached the buyer), reaches them."""
    todo = touch.todo
    if state == TouchState.SENT and touch.kind in _REACHING:
        _reached(touch.recipient_id, done_at)
        if touch.kind == TouchKind.ACK_REMINDER:
            Recipient.objects.filter(pk=touch.recipient_id).update(last_reminded_at=done_at)
    if state == TouchState.DONE and todo.outcome != "cancelled":
        if touch.kind == TouchKind.CALL and todo.outcome in CallOutcome.values:
            Recipient.objects.filter(pk=touch.recipient_id, call_outcome="").update(
                call_outcome=todo.outcome, called_at=todo.done_at
            )
            if todo.outcome != CallOutcome.UNREACHABLE:
                _reached(touch.recipient_id, done_at)
        elif touch.kind != TouchKind.CALL:
            _reached(touch.recipient_id, done_at)


def campaigns_sync(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Read the outbox and the tasks back into the touches: sent (the buyer is reached),
    failed, cancelled; a task done."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    queued = Touch.objects.filter(state=TouchState.QUEUED).select_related(
        "outbound_message", "todo"
    )
    for touch in queued:
        with transaction.atomic():
            state, done_at, error = _outcome(touch, now)
            if state is None:
                continue
            changed = Touch.objects.filter(pk=touch.pk, state=TouchState.QUEUED).update(
                state=state, done_at=done_at, error=error[:2000]
            )
            if not changed:
                continue
            _record_reach(touch, state, done_at)
            counts[state] = counts.get(state, 0) + 1
    return counts
