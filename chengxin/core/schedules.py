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


def _every(name: str, app: str, minutes: int) -> Schedule:
    """The schedule of the task ``chengxin.<app>.tasks.<name>_task``."""
    return Schedule(name, f"chengxin.{app}.tasks.{name}_task", datetime.timedelta(minutes=minutes))


_HOUR = 60
_DAY = 24 * _HOUR

SCHEDULES: tuple[Schedule, ...] = (
    _every("database_optimize", "core", _DAY),
    _every("pool_return_stale", "parties", _HOUR),
    _every("mail_poll", "inbound", 5),
    Schedule(
        "guard_assess_pending",
        "chengxin.inbound.tasks.messages_process_pending_task",
        datetime.timedelta(minutes=15),
    ),
    _every("changes_review_open_due", "changes", _HOUR),
    _every("outbox_send_due", "outbox", 1),
    _every("audit_checkpoint", "audit", _HOUR),
    _every("audit_checkpoint_mail", "audit", _DAY),
    _every("campaigns_send_due", "campaigns", 5),
    _every("fx_rates_update", "fx", _DAY),
    _every("inquiries_clocks_check", "inquiries", 5),
    _every("stock_inbox_read", "catalog", 5),
    _every("shipments_tracking_poll", "shipments", 30),
    _every("commitments_check", "commitments", _HOUR),
    _every("quotes_expire", "orders", _DAY),
    _every("documents_fonts_build", "documents", _DAY),
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
