"""Each buyer's touches land in their own working hours, at the right offset from the
change (00:00 of the change day in their zone): Berlin, New York, Dubai and Sydney, across
DST changes, weekends and the buyer's public holidays."""

import datetime
import zoneinfo

import pytest

from chengxin.campaigns.schedule import (
    SEND_MARGIN,
    change_moment,
    latest_working_moment,
    touch_times,
)
from chengxin.outbox.windows import DEFAULT_WINDOW, Window, is_working_day

UTC = datetime.UTC
LAUNCH = datetime.datetime(2026, 9, 1, 0, 0, tzinfo=UTC)
HOURS = datetime.timedelta(hours=1)


def in_window(moment, tz, country, window=DEFAULT_WINDOW) -> bool:
    local = moment.astimezone(zoneinfo.ZoneInfo(tz))
    return (
        is_working_day(local.date(), window, country)
        and window.start <= local.time()
        and local.time() < window.end
    )


def times(day, tz, country, window=DEFAULT_WINDOW, launch=LAUNCH):
    return touch_times(
        parallel_from=day,
        tz=tz,
        window=window,
        country=country,
        email_hours=72,
        chat_hours=24,
        reminder_after_days=3,
        not_before=launch,
    )


def local(moment, tz):
    return moment.astimezone(zoneinfo.ZoneInfo(tz))


def at(tz, *args):
    """A wall-clock moment in ``tz``."""
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(tz))


def test_the_change_is_midnight_in_the_buyers_zone():
    day = datetime.date(2026, 12, 7)
    assert change_moment(day, "Europe/Berlin") == datetime.datetime(2026, 12, 6, 23, 0, tzinfo=UTC)
    assert change_moment(day, "America/New_York") == datetime.datetime(2026, 12, 7, 5, tzinfo=UTC)
    assert change_moment(day, "Asia/Dubai") == datetime.datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
    assert change_moment(day, "Australia/Sydney") == datetime.datetime(2026, 12, 6, 13, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tz", "country"),
    [
        ("Europe/Berlin", "DE"),
        ("America/New_York", "US"),
        ("Asia/Dubai", "AE"),
        ("Australia/Sydney", "AU"),
    ],
)
@pytest.mark.parametrize(
    "day",
    [
        datetime.date(2026, 12, 7),  # a Monday: the email and chat move back over the weekend
        datetime.date(2026, 12, 10),  # a Thursday
        datetime.date(2026, 10, 27),  # Berlin's clocks went back on the 25th
        datetime.date(2026, 11, 3),  # New York's clocks went back on 1 November
        datetime.date(2026, 10, 6),  # Sydney's clocks went forward on 4 October
        datetime.date(2027, 1, 2),  # over New Year
    ],
)
def test_every_touch_in_working_hours_at_the_right_offset(tz, country, day):
    t = times(day, tz, country)
    change = change_moment(day, tz)
    for moment in (t.email_at, t.chat_at, t.call_at, t.post_change_at, *t.reminders):
        assert in_window(moment, tz, country), (local(moment, tz), tz)
    assert t.email_at <= change - 72 * HOURS
    assert t.chat_at <= change - 24 * HOURS
    assert t.email_at <= t.chat_at
    assert t.email_at < t.call_at < change
    assert t.post_change_at >= change
    # As late as possible before: nothing in the window between the chosen moment and
    # the offset (checked hour by hour).
    for chosen, offset in ((t.email_at, 72), (t.chat_at, 24)):
        moment = chosen + HOURS
        while moment <= change - offset * HOURS - SEND_MARGIN:
            local_moment = moment.astimezone(zoneinfo.ZoneInfo(tz))
            closes = datetime.datetime.combine(
                local_moment.date(), DEFAULT_WINDOW.end, tzinfo=local_moment.tzinfo
            )
            assert not (in_window(moment, tz, country) and moment <= closes - SEND_MARGIN)
            moment += HOURS
    assert t.reminders[0] >= t.email_at + datetime.timedelta(days=3)
    assert t.reminders[1] >= t.email_at + datetime.timedelta(days=6)


def test_berlin_monday_change_in_winter():
    t = times(datetime.date(2026, 12, 7), "Europe/Berlin", "DE")
    # Change: Mon 7 Dec 00:00 CET. −72 h = Fri 4 Dec 00:00 → Thursday 17:30.
    assert t.email_at == at("Europe/Berlin", 2026, 12, 3, 17, 30)
    # −24 h = Sun 6 Dec 00:00 → Friday 17:30.
    assert t.chat_at == at("Europe/Berlin", 2026, 12, 4, 17, 30)
    assert t.post_change_at == at("Europe/Berlin", 2026, 12, 7, 9, 0)
    assert t.call_at == at("Europe/Berlin", 2026, 12, 4, 17, 30)


def test_new_york_across_the_dst_change():
    # Change: Tue 3 Nov 2026 00:00 EST (05:00 UTC). −72 h = Sat 31 Oct 01:00 EDT: the
    # clocks went back in between, so the email goes Friday 30 Oct 17:30 EDT (21:30 UTC).
    t = times(datetime.date(2026, 11, 3), "America/New_York", "US")
    assert t.email_at == datetime.datetime(2026, 10, 30, 21, 30, tzinfo=UTC)
    # −24 h = Mon 2 Nov 00:00 EST → Friday 30 Oct again (the weekend is in between).
    assert t.chat_at == at("America/New_York", 2026, 10, 30, 17, 30)
    assert t.post_change_at == at("America/New_York", 2026, 11, 3, 9, 0)


def test_dubai_works_monday_to_friday_and_skips_national_day():
    # UAE National Day: 2 and 3 December. Change Fri 4 Dec 2026: −24 h = Thu 3 Dec 00:00
    # → Wed 2 Dec is a holiday too → Tue 1 Dec 17:30.
    t = times(datetime.date(2026, 12, 4), "Asia/Dubai", "AE")
    assert t.chat_at == at("Asia/Dubai", 2026, 12, 1, 17, 30)
    assert t.email_at == at("Asia/Dubai", 2026, 11, 30, 17, 30)


def test_sydney_christmas_is_not_a_working_day():
    # Change Mon 28 Dec 2026: −24 h = Sun 27 Dec → Fri 25 Dec is Christmas Day (and
    # summer time, AEDT) → Thu 24 Dec 17:30 AEDT.
    t = times(datetime.date(2026, 12, 28), "Australia/Sydney", "AU")
    assert t.chat_at == at("Australia/Sydney", 2026, 12, 24, 17, 30)
    assert t.chat_at == datetime.datetime(2026, 12, 24, 6, 30, tzinfo=UTC)
    # −72 h = Fri 25 Dec 00:00 → Thu 24 Dec 17:30 too.
    assert t.email_at == t.chat_at
    assert t.post_change_at == at("Australia/Sydney", 2026, 12, 28, 9, 0)


def test_the_contacts_own_window_is_used():
    early = Window(start=datetime.time(7, 0), end=datetime.time(13, 0), working_days=(0, 1, 2, 3))
    t = times(datetime.date(2026, 12, 7), "Europe/Berlin", "DE", window=early)
    # Fri 4 Dec is not a working day for them: Thursday 12:30.
    assert t.chat_at == at("Europe/Berlin", 2026, 12, 3, 12, 30)
    assert t.post_change_at == at("Europe/Berlin", 2026, 12, 7, 7, 0)


def test_a_late_launch_sends_at_the_next_working_moment():
    launch = datetime.datetime(2026, 12, 4, 8, 0, tzinfo=UTC)  # Friday 09:00 Berlin
    t = times(datetime.date(2026, 12, 7), "Europe/Berlin", "DE", launch=launch)
    assert t.email_at == launch
    assert t.chat_at >= t.email_at


def test_latest_working_moment_inside_the_window_keeps_the_time():
    tuesday_11 = datetime.datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
    assert latest_working_moment(tuesday_11, "Europe/Berlin", DEFAULT_WINDOW, "DE") == tuesday_11
