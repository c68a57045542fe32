"""Reading inquiries, filtered by who may see them; their clocks in working time; the
response times kept per buyer (what the trust figures read)."""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from chengxin.inquiries.calendar import company_calendar, remind_before
from chengxin.inquiries.models import COUNTED_STATES, RUNNING_STATES, Inquiry, State
from chengxin.inquiries.working_time import WorkingCalendar
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q

LIST_SIZE = 100


def visible_inquiries(
    user, *, owner: int | None = None, state: str = "", late: bool | None = None, now=None
) -> QuerySet[Inquiry]:
    """Inquiries of the customers ``user`` may see, newest first. ``owner``: only that
    user's; ``state``: only in that state; ``late``: only those whose running clock ran
    out or that were answered late (True), or neither (False)."""
    if not (user.is_authenticated and user.is_active):
        return Inquiry.objects.none()
    qs = Inquiry.objects.select_related("company", "contact", "owner")
    if not user.sees_all_customers:
        qs = qs.filter(company__in=Company.objects.filter(visible_companies_q(user)).values("pk"))
    if owner is not None:
        qs = qs.filter(owner_id=owner)
    if state:
        qs = qs.filter(state=state)
    if late is not None:
        late_q = late_query(now or timezone.now())
        qs = qs.filter(late_q) if late else qs.exclude(late_q)
    return qs


def late_query(now: datetime.datetime) -> Q:
    """Late: a running clock past its deadline, or a clock stopped (or marked) late."""
    running = Q(state__in=RUNNING_STATES)
    return (
        Q(first_response_late=True)
        | Q(full_answer_late=True)
        | (running & Q(first_responded_at__isnull=True, first_response_due__lte=now))
        | (running & Q(full_answered_at__isnull=True, full_answer_due__lte=now))
    )


def inquiry_get(*, user, pk: int) -> Inquiry:
    """The inquiry if ``user`` may see it; Inquiry.DoesNotExist otherwise."""
    return visible_inquiries(user).select_related("message").get(pk=pk)


@dataclass(frozen=True)
class Clock:
    """One of an inquiry's clocks as a reader sees it."""

    due: datetime.datetime
    stopped_at: datetime.datetime | None
    via: str
    running: bool
    left: datetime.timedelta | None  # working time left (negative: overdue); None: stopped
    took: datetime.timedelta | None  # working time it took; None: running
    late: bool

    @property
    def soon(self) -> bool:
        """Running with no more working time left than the reminder's."""
        return self.running and self.left is not None and self.left <= remind_before()

    @property
    def overdue(self) -> bool:
        return self.running and self.left is not None and self.left <= datetime.timedelta(0)


def clocks(inquiry: Inquiry, *, calendar: WorkingCalendar, now: datetime.datetime) -> dict:
    """The inquiry's two clocks: ``{"first": Clock, "full": Clock}``."""
    out = {}
    for key, due, stopped, via, late in (
        ("first", inquiry.first_response_due, inquiry.first_responded_at,
         inquiry.get_first_response_via_display(), inquiry.first_response_late),
        ("full", inquiry.full_answer_due, inquiry.full_answered_at,
         inquiry.get_full_answer_via_display(), inquiry.full_answer_late),
    ):  # fmt: skip
        running = stopped is None and inquiry.state in RUNNING_STATES
        left = calendar.between(now, due) if running else None
        took = calendar.between(inquiry.received_at, stopped) if stopped is not None else None
        out[key] = Clock(
            due=due,
            stopped_at=stopped,
            via=via,
            running=running,
            left=left,
            took=took,
            late=late or (stopped is not None and stopped > due) or (running and due <= now),
        )
    return out


def with_clocks(inquiries, *, calendar: WorkingCalendar | None = None, now=None) -> list[Inquiry]:
    """The inquiries, each with ``clocks`` and ``next_clock`` (the running one due first)."""
    calendar = calendar or company_calendar()
    now = now or timezone.now()
    rows = list(inquiries)
    for inquiry in rows:
        inquiry.clocks = clocks(inquiry, calendar=calendar, now=now)
        running = [c for c in inquiry.clocks.values() if c.running]
        inquiry.next_clock = min(running, key=lambda c: c.due) if running else None
    return rows


def inquiry_sections(user, *, owner: int | None = None, now=None) -> dict[str, list[Inquiry]]:
    """The inquiries page: proposed, late, due soon (running, nearest deadline first),
    and recently answered, each with its clocks. One query per section and one for the
    calendar."""
    now = now or timezone.now()
    calendar = company_calendar()
    base = visible_inquiries(user, owner=owner)
    running = base.filter(state__in=RUNNING_STATES)
    overdue = Q(first_responded_at__isnull=True, first_response_due__lte=now) | Q(
        full_answered_at__isnull=True, full_answer_due__lte=now
    )
    sections = {
        "proposed": running.filter(state=State.PROPOSED).order_by("first_response_due", "id"),
        "late": running.filter(state=State.OPEN).filter(overdue).order_by("full_answer_due", "id"),
        "due": running.filter(state=State.OPEN)
        .exclude(overdue)
        .order_by("first_response_due", "full_answer_due", "id"),
        "answered": base.filter(state=State.ANSWERED).order_by("-full_answered_at", "-id"),
    }
    return {
        name: with_clocks(qs[:LIST_SIZE], calendar=calendar, now=now)
        for name, qs in sections.items()
    }


def company_inquiries(*, company: Company, limit: int = 10) -> list[Inquiry]:
    """The customer's latest inquiries with their clocks (the page has checked that the
    user may see ``company``)."""
    qs = (
        Inquiry.objects.filter(company=company)
        .exclude(state=State.DISMISSED)
        .select_related("owner", "contact")
        .order_by("-received_at", "-id")[:limit]
    )
    return with_clocks(qs)


def _median(values: list[datetime.timedelta]) -> datetime.timedelta | None:
    if not values:
        return None
    return datetime.timedelta(seconds=statistics.median(v.total_seconds() for v in values))


def response_times(company: Company, *, calendar: WorkingCalendar | None = None, now=None) -> dict:
    """How fast we answer this buyer, in the company's working time. Keys:
    ``inquiries`` (counted: not proposed or dismissed), ``first_responses`` and
    ``first_response_median`` (timedelta or None), ``full_answers`` and
    ``full_answer_median`` (timedelta or None), ``late`` (inquiries with a clock that
    ran out or was stopped after its deadline)."""
    calendar = calendar or company_calendar()
    now = now or timezone.now()
    rows = list(
        Inquiry.objects.filter(company=company, state__in=COUNTED_STATES).only(
            "received_at",
            "first_response_due",
            "full_answer_due",
            "first_responded_at",
            "full_answered_at",
            "first_response_late",
            "full_answer_late",
            "state",
        )  # fmt: skip
    )
    first = [calendar.between(r.received_at, r.first_responded_at) for r in rows
             if r.first_responded_at is not None]  # fmt: skip
    full = [calendar.between(r.received_at, r.full_answered_at) for r in rows
            if r.full_answered_at is not None]  # fmt: skip
    late = 0
    for r in rows:
        running = r.state in RUNNING_STATES
        if (
            r.first_response_late
            or r.full_answer_late
            or (r.first_responded_at is not None and r.first_responded_at > r.first_response_due)
            or (r.full_answered_at is not None and r.full_answered_at > r.full_answer_due)
            or (running and r.first_responded_at is None and r.first_response_due <= now)
            or (running and r.full_answered_at is None and r.full_answer_due <= now)
        ):
            late += 1
    return {
        "inquiries": len(rows),
        "first_responses": len(first),
        "first_response_median": _median(first),
        "full_answers": len(full),
        "full_answer_median": _median(full),
        "late": late,
    }
