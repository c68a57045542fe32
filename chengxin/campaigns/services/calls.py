"""The rep's side: the outcome of the call to a buyer, and the perk a cooperative buyer
gets."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import snapshot
from chengxin.campaigns.models import (
    CallOutcome,
    Perk,
    PlanState,
    Recipient,
    Touch,
    TouchKind,
    TouchState,
)
from chengxin.campaigns.permissions import require_record
from chengxin.core.lengths import check_lengths
from chengxin.todos.services import can_act_on_todo, todo_complete
from chengxin.workflow.services import advance, locked, require_state


def _locked_for_record(actor, recipient: Recipient) -> Recipient:
    """The recipient again under a lock, once ``actor`` may record for them and the
    campaign is out (launched or completed)."""
    recipient = locked(Recipient.objects.select_related("plan", "company"), recipient.pk)
    require_record(actor, recipient)
    require_state(recipient.plan, PlanState.LAUNCHED, PlanState.COMPLETED)
    return recipient


def _close_call_tasks(recipient: Recipient, *, actor: User, outcome: str, notes: str, now):
    for touch in Touch.objects.filter(
        recipient=recipient,
        kind=TouchKind.CALL,
        todo__isnull=False,
        todo__done_at__isnull=True,
    ).select_related("todo"):
        todo = touch.todo
        closer = actor if can_act_on_todo(actor, todo) else None
        todo_complete(actor=closer, todo=todo, outcome=outcome, notes=notes, now=now)
    Touch.objects.filter(
        recipient=recipient,
        kind=TouchKind.CALL,
        state__in=(TouchState.SCHEDULED, TouchState.QUEUED),
    ).update(state=TouchState.DONE, done_at=now)


def recipient_call_record(
    *,
    actor: User,
    recipient: Recipient,
    outcome: str,
    notes: str = "",
    now: datetime.datetime | None = None,
) -> Recipient:
    """The call's outcome: "heard and understood" (what counts), not understood, or not
    reached. Closes the open call task."""
    now = now or timezone.now()
    if outcome not in CallOutcome.values:
        raise ValidationError({"outcome": [_("Choose the call's outcome.")]})
    with transaction.atomic():
        recipient = _locked_for_record(actor, recipient)
        before = snapshot(recipient)
        recipient.call_outcome, recipient.call_notes, recipient.called_at = outcome, notes, now
        fields = ["call_outcome", "call_notes", "called_at"]
        if outcome != CallOutcome.UNREACHABLE and recipient.reached_at is None:
            recipient.reached_at = now
            fields.append("reached_at")
        advance(recipient, actor=actor, before=before, now=now, fields=fields)
        _close_call_tasks(recipient, actor=actor, outcome=outcome, notes=notes, now=now)
    return recipient


def recipient_perk_record(
    *, actor: User, recipient: Recipient, perk: str, notes: str = ""
) -> Recipient:
    """The perk given to a cooperative buyer (or none: ``perk=""``)."""
    if perk and perk not in Perk.values:
        raise ValidationError({"perk": [_("Choose a perk.")]})
    with transaction.atomic():
        recipient = _locked_for_record(actor, recipient)
        check_lengths(Recipient, perk_notes=(notes or "").strip())
        before = snapshot(recipient)
        recipient.perk, recipient.perk_notes = perk, (notes or "").strip()
        advance(
            recipient, actor=actor, before=before, now=timezone.now(), fields=["perk", "perk_notes"]
        )
    return recipient
