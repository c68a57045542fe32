"""Every periodic task of Chengxin, in one place.

The worker (``chengxin worker``) calls ``scheduler_tick`` every few seconds;
each schedule that is due is claimed by a conditional UPDATE and its task is
enqueued through Django's Tasks API, so several workers never double it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.module_loading import import_string

from chengxin.core.models import ScheduleState


@dataclass(frozen=True)
class Schedule:
    name: str
    task: str  # dotted path of a @task
    every: datetime.timedelta


SCHEDULES: tuple[Schedule, ...] = (
    Schedule(
        "database_optimize",
        "chengxin.core.tasks.database_optimize_task",
        datetime.timedelta(hours=24),
    ),
    Schedule(
        "pool_return_stale",
        "chengxin.parties.tasks.pool_return_stale_task",
        datetime.timedelta(hours=1),
    ),
    Schedule(
        "mail_poll",
        "chengxin.inbound.tasks.mail_poll_task",
        datetime.timedelta(minutes=5),
    ),
    Schedule(
        "guard_assess_pending",
        "chengxin.inbound.tasks.messages_process_pending_task",
        datetime.timedelta(minutes=15),
    ),
    Schedule(
        "changes_review_open_due",
        "chengxin.changes.tasks.changes_review_open_due_task",
        datetime.timedelta(hours=1),
    ),
    Schedule(
        "outbox_send_due",
        "chengxin.outbox.tasks.outbox_send_due_task",
        datetime.timedelta(minutes=1),
    ),
    Schedule(
        "audit_checkpoint",
        "chengxin.audit.tasks.audit_checkpoint_task",
        datetime.timedelta(hours=1),
    ),
    Schedule(
        "audit_checkpoint_mail",
        "chengxin.audit.tasks.audit_checkpoint_mail_task",
        datetime.timedelta(hours=24),
    ),
    Schedule(
        "campaigns_send_due",
        "chengxin.campaigns.tasks.campaigns_send_due_task",
        datetime.timedelta(minutes=5),
    ),
)


def scheduler_tick(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue every schedule that is due; return the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for schedule in SCHEDULES:
        ScheduleState.objects.get_or_create(name=schedule.name, defaults={"next_run_at": now})
        claimed = ScheduleState.objects.filter(name=schedule.name, next_run_at__lte=now).update(
            next_run_at=now + schedule.every, last_enqueued_at=now
        )
        if claimed:
            import_string(schedule.task).enqueue()
            enqueued.append(schedule.name)
    return enqueued
