"""Reading across the apps: a person's day on the home page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from chengxin.accounts.models import User
from chengxin.changes.selectors import changes_waiting_for
from chengxin.core.zones import user_zone
from chengxin.guard.selectors import alarming_messages
from chengxin.myday.approvals import (
    approvals_nobody_can_give,
    approvals_waiting_for,
    pending_approvals,
)
from chengxin.parties.selectors import follow_ups_due, pool_return_at
from chengxin.todos.selectors import todos_due

# Items shown per section; the count says how many there are in all.
SECTION_SIZE = 10
# A customer who returns to the pool within this many days is flagged.
POOL_WARNING = datetime.timedelta(days=7)


@dataclass
class Section:
    count: int
    items: list = field(default_factory=list)

    @property
    def more(self) -> int:
        return max(0, self.count - len(self.items))


@dataclass(frozen=True)
class FollowUpRow:
    company: object
    last_touch: datetime.datetime | None
    returns_at: datetime.datetime | None
    returns_soon: bool


@dataclass
class MyDay:
    today: datetime.date
    tasks: Section
    alerts: Section
    changes: Section
    approvals: Section
    follow_ups: Section
    # Administrators: pending items nobody may approve (None for everyone else).
    blocked: Section | None = None


def _section(queryset) -> Section:
    items = list(queryset[:SECTION_SIZE])
    count = len(items) if len(items) < SECTION_SIZE else queryset.count()
    return Section(count=count, items=items)


def my_day(*, user: User, now: datetime.datetime) -> MyDay:
    """What waits for ``user`` today: tasks due today (in their own time zone) or overdue,
    fraud alerts they may see, change requests at their step, approvals they may give, and
    their customers whose follow-up is due. A bounded number of queries, whatever the
    number of items."""
    zone = user_zone(user)
    today = now.astimezone(zone).date()
    tomorrow = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), zone)
    follow_ups = _section(follow_ups_due(user=user, now=now))
    follow_ups.items = [
        FollowUpRow(
            company=company,
            last_touch=company.last_touch,
            returns_at=pool_return_at(company),
            returns_soon=(
                pool_return_at(company) is None or pool_return_at(company) - now <= POOL_WARNING
            ),
        )
        for company in follow_ups.items
    ]
    pending = pending_approvals()
    approvals = approvals_waiting_for(user, items=pending)
    blocked = approvals_nobody_can_give(items=pending) if user.manages_users else None
    return MyDay(
        today=today,
        tasks=_section(todos_due(user=user, until=tomorrow)),
        alerts=_section(alarming_messages(user=user)),
        changes=_section(changes_waiting_for(user=user)),
        approvals=Section(count=len(approvals), items=approvals[:SECTION_SIZE]),
        follow_ups=follow_ups,
        blocked=(
            Section(count=len(blocked), items=blocked[:SECTION_SIZE])
            if blocked is not None
            else None
        ),
    )
