"""The working calendar alone: weekends, China's holidays and adjusted working days, the
company's own days, zones; and the consistency of its two functions (property tests)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chengxin.inquiries.working_time import (
    CalendarError,
    WorkingCalendar,
    add_working_time,
    parse_working_hours,
    working_time_between,
)

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
H = datetime.timedelta(hours=1)


def cn(**days) -> WorkingCalendar:
    return WorkingCalendar.build(
        zone="Asia/Shanghai", working_hours="09:00-12:00,13:30-18:00", country="CN", **days
    )


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=SHANGHAI)


def test_hours_are_parsed_strictly():
    assert parse_working_hours("09:00-12:00, 13:30-18:00") == (
        (datetime.time(9), datetime.time(12)),
        (datetime.time(13, 30), datetime.time(18)),
    )
    for bad, words in [
        ("", "empty"),
        ("9-12", "not a span"),
        ("09:00-12:00;13:30-18:00", "not a span"),
        ("25:00-26:00", "not a time of day"),
        ("12:00-09:00", "ends before it starts"),
        ("09:00-12:00,11:00-18:00", "overlaps"),
    ]:
        with pytest.raises(CalendarError, match=words):
            parse_working_hours(bad)


def test_unknown_zone_or_country_is_a_clear_error():
    with pytest.raises(CalendarError, match="time zone"):
        WorkingCalendar.build(zone="Mars/Olympus", working_hours="09:00-18:00")
    with pytest.raises(CalendarError, match="country"):
        WorkingCalendar.build(zone="UTC", working_hours="09:00-18:00", country="XX")


def test_naive_moments_are_refused():
    with pytest.raises(ValueError, match="time zone"):
        cn().add(datetime.datetime(2026, 3, 2, 9), H)  # noqa: DTZ001


def test_within_one_day_the_lunch_break_does_not_count():
    # Monday 2 March 2026, 11:00 + 4 working hours: 1 h before lunch, 3 h after 13:30.
    assert cn().add(local(2026, 3, 2, 11), 4 * H) == local(2026, 3, 2, 16, 30)


def test_a_deadline_at_the_end_of_a_span_is_that_end():
    assert cn().add(local(2026, 3, 2, 9), 3 * H) == local(2026, 3, 2, 12)


def test_friday_afternoon_runs_into_monday():
    # Friday 6 March 2026 17:00 + 4 h: 1 h on Friday, 3 h on Monday morning.
    deadline = cn().add(local(2026, 3, 6, 17), 4 * H)
    assert deadline == local(2026, 3, 9, 12)
    assert deadline.tzinfo == datetime.UTC


def test_received_at_night_starts_the_next_morning():
    assert cn().add(local(2026, 3, 2, 22, 15), H) == local(2026, 3, 3, 10)


def test_national_day_2026_is_skipped_and_the_adjusted_saturday_works():
    # Wednesday 30 September 17:00 + 4 h: 1 h that day; 1-7 October are off (National Day
    # and the days moved to it); Thursday 8 October is working; 10 October (a Saturday)
    # is a working day, 9 October (Friday) too.
    calendar = cn()
    assert not calendar.is_working_day(datetime.date(2026, 10, 1))
    assert not calendar.is_working_day(datetime.date(2026, 10, 7))
    assert calendar.is_working_day(datetime.date(2026, 10, 10))  # Saturday, adjusted
    assert calendar.add(local(2026, 9, 30, 17), 4 * H) == local(2026, 10, 8, 12)


def test_the_adjusted_saturday_counts():
    # Friday 9 October 2026 17:00 + 2 h: 1 h Friday, 1 h on Saturday the 10th (working).
    assert cn().add(local(2026, 10, 9, 17), 2 * H) == local(2026, 10, 10, 10)
    # and Sunday 20 September 2026 is a working day too (moved to 6 October).
    assert cn().is_working_day(datetime.date(2026, 9, 20))


def test_spring_festival_2026():
    # Friday 13 February 2026 17:00: Saturday 14 February is an adjusted working day; the
    # holiday runs from 15 to 23 February; 24 February is the next working day.
    calendar = cn()
    assert calendar.is_working_day(datetime.date(2026, 2, 14))
    assert calendar.add(local(2026, 2, 13, 17), 8 * H) == local(2026, 2, 14, 17, 30)
    # 30 minutes on the Saturday, 90 minutes on Tuesday 24 February.
    assert calendar.add(local(2026, 2, 14, 17, 30), 2 * H) == local(2026, 2, 24, 10, 30)
    assert calendar.between(local(2026, 2, 14, 18), local(2026, 2, 24, 9)) == datetime.timedelta(0)


def test_a_company_holiday_wins_over_the_country_and_a_company_working_day_too():
    plain = cn()
    own = cn(days={datetime.date(2026, 3, 9): (False, "Factory anniversary"),
                   datetime.date(2026, 10, 2): (True, "Export fair")})  # fmt: skip
    assert plain.add(local(2026, 3, 6, 17), 4 * H) == local(2026, 3, 9, 12)
    assert own.add(local(2026, 3, 6, 17), 4 * H) == local(2026, 3, 10, 12)
    assert own.day_status(datetime.date(2026, 3, 9)) == (False, "Factory anniversary")
    assert own.add(local(2026, 9, 30, 17), 4 * H) == local(2026, 10, 2, 12)


def test_between_is_signed_and_counts_only_working_time():
    calendar = cn()
    a, b = local(2026, 3, 6, 17), local(2026, 3, 9, 12)
    assert calendar.between(a, b) == 4 * H
    assert calendar.between(b, a) == -4 * H
    assert working_time_between(a, b, calendar=calendar) == 4 * H
    assert add_working_time(a, 4 * H, calendar=calendar) == b


def test_a_calendar_in_a_zone_with_daylight_saving():
    berlin = WorkingCalendar.build(zone="Europe/Berlin", working_hours="09:00-17:00", country="DE")
    zone = zoneinfo.ZoneInfo("Europe/Berlin")
    # Friday 27 March 2026 16:00 CET + 2 h: Monday 30 March 10:00 CEST (after the change).
    start = datetime.datetime(2026, 3, 27, 16, tzinfo=zone)
    assert berlin.add(start, 2 * H) == datetime.datetime(2026, 3, 30, 10, tzinfo=zone)
    # Good Friday and Easter Monday 2026 (3 and 6 April) are German holidays.
    assert berlin.add(datetime.datetime(2026, 4, 2, 16, tzinfo=zone), 2 * H) == (
        datetime.datetime(2026, 4, 7, 10, tzinfo=zone)
    )


def test_a_calendar_without_working_time_says_so():
    never = WorkingCalendar.build(zone="UTC", working_hours="09:00-17:00", days={})
    never = WorkingCalendar(zone_name="UTC", spans=never.spans, weekdays=frozenset())
    with pytest.raises(CalendarError, match="no working time"):
        never.add(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), H)


# --- Properties --------------------------------------------------------------------------

CALENDARS = {
    "cn": cn(days={datetime.date(2026, 5, 12): (False, "Own holiday")}),
    "berlin": WorkingCalendar.build(
        zone="Europe/Berlin", working_hours="08:00-12:00,12:45-16:30", country="DE"
    ),
    "new_york": WorkingCalendar.build(
        zone="America/New_York", working_hours="09:00-17:00", country="US"
    ),
}
moments = st.datetimes(
    min_value=datetime.datetime(2025, 12, 1),  # noqa: DTZ001 (hypothesis wants naive bounds)
    max_value=datetime.datetime(2027, 2, 1),  # noqa: DTZ001
    timezones=st.just(datetime.UTC),
)
amounts = st.timedeltas(min_value=datetime.timedelta(0), max_value=datetime.timedelta(hours=120))
calendars = st.sampled_from(sorted(CALENDARS))


@settings(max_examples=150, deadline=None)
@given(calendars, moments, amounts)
def test_the_working_time_to_a_deadline_is_the_time_added(name, start, amount):
    calendar = CALENDARS[name]
    deadline = calendar.add(start, amount)
    assert deadline >= start
    assert calendar.between(start, deadline) == amount


@settings(max_examples=150, deadline=None)
@given(calendars, moments, amounts, amounts)
def test_adding_twice_is_adding_the_sum(name, start, first, second):
    calendar = CALENDARS[name]
    once = calendar.add(start, first + second)
    twice = calendar.add(calendar.add(start, first), second)
    if second > datetime.timedelta(0):
        assert once == twice
    else:
        assert twice == calendar.add(start, first)


@settings(max_examples=150, deadline=None)
@given(calendars, moments, moments, moments)
def test_between_adds_up_and_is_antisymmetric(name, a, b, c):
    calendar = CALENDARS[name]
    assert calendar.between(a, b) + calendar.between(b, c) == calendar.between(a, c)
    assert calendar.between(a, b) == -calendar.between(b, a)


@settings(max_examples=150, deadline=None)
@given(calendars, moments, st.timedeltas(min_value=datetime.timedelta(seconds=1),
                                         max_value=datetime.timedelta(hours=80)))  # fmt: skip
def test_a_deadline_falls_in_working_time_and_grows_with_the_amount(name, start, amount):
    calendar = CALENDARS[name]
    deadline = calendar.add(start, amount)
    assert calendar.is_working_at(deadline - datetime.timedelta(microseconds=1))
    assert calendar.add(start, amount + datetime.timedelta(minutes=1)) > deadline
