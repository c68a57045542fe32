"""When each buyer is touched, in their own working hours: pure time arithmetic over
``outbox.windows`` (no database).

The change moment is 00:00 of the first day of the parallel period in the buyer's time
zone. Before it: the formal email at the latest working moment at or before
change − 72 h, the chat reminder at the latest working moment at or before change − 24 h.
After it: the payment instructions at the first working moment at or after it. A call
for key accounts between the email and the change, and reminders to acknowledge
``reminder_after_days`` after the email (at most twice).

"Working moment" means inside the buyer's window on a working day that is not a public
holiday of the buyer's country. A touch that must go *before* a moment is placed at least
``SEND_MARGIN`` before its window closes, so a worker that comes a little late still finds
the window open.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from chengxin.outbox.windows import SEARCH_DAYS, Window, is_working_day, next_send_time, zone_for

UTC = datetime.UTC
SEND_MARGIN = datetime.timedelta(minutes=30)
REMINDERS = 2


def change_moment(parallel_from: datetime.date, tz: str) -> datetime.datetime:
    """00:00 of ``parallel_from`` in the zone ``tz``, in UTC."""
    local = datetime.datetime.combine(parallel_from, datetime.time(0, 0), tzinfo=zone_for(tz))
    return local.astimezone(UTC)


def latest_working_moment(
    at_or_before: datetime.datetime, tz: str, window: Window, country: str
) -> datetime.datetime | None:
    """The latest moment at or before ``at_or_before`` inside the window (and at least
    ``SEND_MARGIN`` before it closes), in UTC; None if there is none within a year."""
    zone = zone_for(tz)
    local = at_or_before.astimezone(zone)
    day = local.date()
    for _offset in range(SEARCH_DAYS):
        if is_working_day(day, window, country):
            opens = datetime.datetime.combine(day, window.start, tzinfo=zone)
            closes = datetime.datetime.combine(day, window.end, tzinfo=zone)
            latest = min(closes - SEND_MARGIN, local)
            if latest >= opens:
                return latest.astimezone(UTC)
        day -= datetime.timedelta(days=1)
    return None


def first_working_moment(
    at_or_after: datetime.datetime, tz: str, window: Window, country: str
) -> datetime.datetime:
    """The first moment at or after ``at_or_after`` inside the window, in UTC."""
    return next_send_time(at_or_after, zone_for(tz), window, country)


@dataclass(frozen=True)
class TouchTimes:
    change_at: datetime.datetime
    email_at: datetime.datetime
    chat_at: datetime.datetime
    call_at: datetime.datetime
    post_change_at: datetime.datetime
    reminders: tuple[datetime.datetime, ...]


def touch_times(
    *,
    parallel_from: datetime.date,
    tz: str,
    window: Window,
    country: str,
    email_hours: int,
    chat_hours: int,
    reminder_after_days: int,
    not_before: datetime.datetime,
) -> TouchTimes:
    """Every touch's moment for one buyer (UTC). ``not_before`` (the launch) bounds them
    from below: a touch whose ideal moment has passed goes at the next working moment."""
    change_at = change_moment(parallel_from, tz)

    def before(offset_hours: int) -> datetime.datetime:
        ideal = latest_working_moment(
            change_at - datetime.timedelta(hours=offset_hours), tz, window, country
        )
        if ideal is None or ideal < not_before:
            return first_working_moment(not_before, tz, window, country)
        return ideal

    email_at = before(email_hours)
    chat_at = max(before(chat_hours), email_at)
    # The call: a day after the email, in working hours, and before the change.
    call_at = first_working_moment(email_at + datetime.timedelta(days=1), tz, window, country)
    if call_at >= change_at:
        call_at = max(
            latest_working_moment(change_at - datetime.timedelta(minutes=1), tz, window, country)
            or email_at,
            email_at,
        )
    post_change_at = first_working_moment(max(change_at, not_before), tz, window, country)
    reminders = tuple(
        first_working_moment(
            email_at + datetime.timedelta(days=reminder_after_days * n), tz, window, country
        )
        for n in range(1, REMINDERS + 1)
    )
    return TouchTimes(
        change_at=change_at,
        email_at=email_at,
        chat_at=chat_at,
        call_at=call_at,
        post_change_at=post_change_at,
        reminders=reminders,
    )
