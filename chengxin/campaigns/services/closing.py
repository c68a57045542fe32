"""The end of a campaign: cancelled (nothing more goes out), completed once the old
account has had its last day, and finance's task to complete it and retire the account."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import User
from chengxin.accounts.selectors import finance_assignee
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.campaigns.links import RELATED, plan_link
from chengxin.campaigns.models import ChangePlan, PlanState, Touch, TouchKind, TouchState
from chengxin.campaigns.permissions import require_plan
from chengxin.core.deferred_text import deferred
from chengxin.outbox.models import PENDING_STATUSES as OUTBOX_PENDING
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.todos.models import Todo
from chengxin.todos.services import todo_complete, todo_create
from chengxin.workflow.services import advance, locked, require_state

CLOSE_KIND = "campaigns.close_old_account"


def _cancel_open_touches(plan: ChangePlan, *, now: datetime.datetime) -> list[Change]:
    """Touches not yet sent are cancelled, with their waiting outbox messages (the
    audit's changes of those messages)."""
    open_touches = Touch.objects.filter(
        recipient__plan=plan, state__in=(TouchState.SCHEDULED, TouchState.QUEUED)
    )
    message_ids = [m for m in open_touches.values_list("outbound_message", flat=True) if m]
    messages = list(
        OutboundMessage.objects.select_for_update()
        .filter(pk__in=message_ids, status__in=OUTBOX_PENDING)
        .order_by("pk")
    )
    cancelled_ids = [m.pk for m in messages]
    OutboundMessage.objects.filter(pk__in=cancelled_ids, status__in=OUTBOX_PENDING).update(
        status=Status.CANCELLED
    )
    open_touches.filter(state=TouchState.SCHEDULED).update(state=TouchState.CANCELLED, done_at=now)
    # A message the outbox has already taken stays "queued" until the sync reads it.
    open_touches.filter(state=TouchState.QUEUED).filter(
        Q(outbound_message__in=cancelled_ids) | Q(todo__done_at__isnull=True, todo__isnull=False)
    ).update(state=TouchState.CANCELLED, done_at=now)
    return [
        Change(Action.UPDATE, m, {"status": m.status}, {"status": Status.CANCELLED}, m.company_id)
        for m in messages
    ]


def _close_open_tasks(plan: ChangePlan, *, now: datetime.datetime) -> None:
    for recipient_pk in plan.recipients.values_list("pk", flat=True):
        for todo in Todo.objects.filter(
            related_type=RELATED, related_id=str(recipient_pk), done_at__isnull=True
        ):
            todo_complete(actor=None, todo=todo, outcome="cancelled", now=now)


def _end(plan: ChangePlan, state: str, *, actor: User, before: dict, now) -> None:
    """The plan ends in ``state`` (cancelled or completed), with the time it did."""
    stamp = {PlanState.CANCELLED: "cancelled_at", PlanState.COMPLETED: "completed_at"}[state]
    setattr(plan, stamp, now)
    advance(plan, actor=actor, before=before, now=now, state=state, fields=[stamp])


def plan_cancel(*, actor: User, plan: ChangePlan, now: datetime.datetime | None = None):
    """Stop a plan: touches not yet sent are cancelled, with their waiting outbox messages,
    and the open tasks are closed."""
    require_plan(actor)
    now = now or timezone.now()
    with transaction.atomic():
        plan = locked(ChangePlan.objects.all(), plan.pk)
        require_state(plan, PlanState.DRAFT, PlanState.LAUNCHED)
        before = snapshot(plan)
        changes = _cancel_open_touches(plan, now=now)
        _close_open_tasks(plan, now=now)
        _end(plan, PlanState.CANCELLED, actor=actor, before=before, now=now)
        audit_record_many(actor=actor, changes=changes)
    return plan


def plan_complete(*, actor: User, plan: ChangePlan, now: datetime.datetime | None = None):
    """The old account's last day has passed: the campaign is over. Reminders not yet
    sent are dropped."""
    require_plan(actor)
    now = now or timezone.now()
    with transaction.atomic():
        plan = locked(ChangePlan.objects.all(), plan.pk)
        require_state(plan, PlanState.LAUNCHED)
        if timezone.localdate(now) <= plan.old_closes_on:
            raise ValidationError(
                _("The old account still receives until %(day)s.") % {"day": plan.old_closes_on}
            )
        before = snapshot(plan)
        Touch.objects.filter(
            recipient__plan=plan, kind=TouchKind.ACK_REMINDER, state=TouchState.SCHEDULED
        ).update(state=TouchState.CANCELLED, done_at=now)
        _end(plan, PlanState.COMPLETED, actor=actor, before=before, now=now)
    return plan


def campaigns_closing_tasks(*, now: datetime.datetime | None = None) -> int:
    """Once a plan's old account has had its last day, finance gets one task: complete
    the campaign and retire the old account (retiring is banking's four-eyes business,
    so it is a person's step, not the system's)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    made = 0
    due = ChangePlan.objects.filter(
        state=PlanState.LAUNCHED, old_closes_on__lt=today
    ).select_related("old_account", "launched_by")
    for plan in due:
        related = ("campaigns.plan", plan.pk)
        if Todo.objects.filter(
            kind=CLOSE_KIND, related_type=related[0], related_id=str(plan.pk)
        ).exists():
            continue
        assignee = finance_assignee()
        if assignee is None:
            continue
        title = deferred(
            gettext_lazy(
                "The old account %(account)s had its last day on %(day)s: complete the "
                "campaign and retire the account"
            ),
            account=str(plan.old_account),
            day=plan.old_closes_on,
        )
        todo_create(
            assignee=assignee,
            kind=CLOSE_KIND,
            title=title,
            link=plan_link(plan),
            related=related,
            due_at=now,
        )
        made += 1
    return made
