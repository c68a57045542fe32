"""The company's working calendar: when the clocks of an inquiry run.

Pure logic, no Django: a :class:`WorkingCalendar` is a time zone, the daily working
spans ("09:00-12:00,13:30-18:00"), the working weekdays (Monday to Friday), the public
holidays of a country from the ``holidays`` package, the weekend days that country makes
working days (China's adjusted days, ``weekend_workdays``), and the days the company set
itself (which win over the package). Times given and returned are aware datetimes;
results are in UTC.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import holidays as holidays_package

WEEKDAYS = frozenset(range(5))  # Monday to Friday
# The name of a weekend day the country makes a working day (translated by the pages).
ADJUSTED_WORKDAY = "adjusted working day"
# A year of days without any working time: the calendar is broken, not merely busy.
_SEARCH_DAYS = 800
_ZERO = datetime.timedelta(0)
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")

Span = tuple[datetime.time, datetime.time]


class CalendarError(ValueError):
    """A calendar setting that cannot be used, with the reason in plain words."""


def parse_working_hours(text: str) -> tuple[Span, ...]:
    """``"09:00-12:00,13:30-18:00"`` → ((09:00, 12:00), (13:30, 18:00)). Spans must be
    real times, each ending after it starts, in order and not overlapping."""
    if not isinstance(text, str) or not text.strip():
        raise CalendarError("Working hours are empty: write them as 09:00-12:00,13:30-18:00.")
    spans: list[Span] = []
    for part in text.split(","):
        match = _SPAN.match(part)
        if match is None:
            raise CalendarError(
                f"Working hours: {part.strip()!r} is not a span like 09:00-12:00 "
                "(spans are separated by commas)."
            )
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if not (h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60):
            raise CalendarError(f"Working hours: {part.strip()!r} is not a time of day.")
        start, end = datetime.time(h1, m1), datetime.time(h2, m2)
        if end <= start:
            raise CalendarError(f"Working hours: {part.strip()!r} ends before it starts.")
        if spans and start < spans[-1][1]:
            raise CalendarError(
                f"Working hours: {part.strip()!r} overlaps or precedes the span before it."
            )
        spans.append((start, end))
    return tuple(spans)


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise CalendarError(f"Unknown time zone {name!r}.") from exc


def _country_holidays(country: str):
    if not country:
        return None
    try:
        return holidays_package.country_holidays(country.upper())
    except NotImplementedError as exc:
        raise CalendarError(f"No public holidays are known for the country {country!r}.") from exc


@dataclass(frozen=True)
class WorkingCalendar:
    """When the company works. ``days``: the company's own days, date → (working, name);
    they win over the country's holidays and adjusted working days."""

    zone_name: str
    spans: tuple[Span, ...]
    country: str = ""
    weekdays: frozenset[int] = WEEKDAYS
    days: Mapping[datetime.date, tuple[bool, str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        zone: str,
        working_hours: str,
        country: str = "",
        days: Mapping[datetime.date, tuple[bool, str]] | None = None,
    ) -> WorkingCalendar:
        """A calendar from the settings' words; :class:`CalendarError` when one is wrong."""
        calendar = cls(
            zone_name=zone,
            spans=parse_working_hours(working_hours),
            country=country,
            days=dict(days or {}),
        )
        _ = calendar.zone, calendar._holidays  # fail now, not at the first deadline
        return calendar

    @cached_property
    def zone(self) -> zoneinfo.ZoneInfo:
        return _zone(self.zone_name)

    @cached_property
    def _holidays(self):
        return _country_holidays(self.country)

    # --- Days ------------------------------------------------------------------------

    def day_status(self, day: datetime.date) -> tuple[bool, str]:
        """Whether ``day`` is a working day, and the name that makes it so ("" for an
        ordinary weekday or weekend)."""
        if day in self.days:
            return self.days[day]
        holidays = self._holidays
        if holidays is not None:
            name = holidays.get(day)
            if name:
                return False, name
            if day in holidays.weekend_workdays:
                return True, ADJUSTED_WORKDAY
        return day.weekday() in self.weekdays, ""

    def is_working_day(self, day: datetime.date) -> bool:
        return self.day_status(day)[0]

    def spans_on(self, day: datetime.date) -> list[tuple[datetime.datetime, datetime.datetime]]:
        """The day's working spans in UTC (none on a day off). A span's ends are read as
        wall-clock times in the zone (a daylight-saving change shortens or lengthens it)."""
        if not self.is_working_day(day):
            return []
        out = []
        for start, end in self.spans:
            a = datetime.datetime.combine(day, start, tzinfo=self.zone).astimezone(datetime.UTC)
            b = datetime.datetime.combine(day, end, tzinfo=self.zone).astimezone(datetime.UTC)
            if b > a:
                out.append((a, b))
        return out

    def _spans_from(
        self, day: datetime.date
    ) -> Iterator[tuple[datetime.datetime, datetime.datetime]]:
        for offset in range(_SEARCH_DAYS):
            yield from self.spans_on(day + datetime.timedelta(days=offset))
        raise CalendarError(
            f"The working calendar has no working time in the {_SEARCH_DAYS} days "
            f"from {day.isoformat()}."
        )

    def _local_day(self, moment: datetime.datetime) -> datetime.date:
        return moment.astimezone(self.zone).date()

    # --- Time ------------------------------------------------------------------------

    def add(self, start: datetime.datetime, amount: datetime.timedelta) -> datetime.datetime:
        """The moment (UTC) when ``amount`` of working time has passed after ``start``.
        Zero: ``start`` itself. A deadline that falls on the end of a span is that end."""
        start = _aware(start)
        if amount < _ZERO:
            raise ValueError("Working time to add cannot be negative.")
        if amount == _ZERO:
            return start
        remaining = amount
        for a, b in self._spans_from(self._local_day(start)):
            if b <= start:
                continue
            begin = max(a, start)
            available = b - begin
            if remaining <= available:
                return begin + remaining
            remaining -= available
        raise AssertionError("unreachable")  # pragma: no cover

    def between(self, a: datetime.datetime, b: datetime.datetime) -> datetime.timedelta:
        """The working time from ``a`` to ``b``; negative when ``b`` is before ``a``."""
        a, b = _aware(a), _aware(b)
        if b < a:
            return -self.between(b, a)
        total = _ZERO
        day = self._local_day(a)
        last = self._local_day(b)
        while day <= last:
            for start, end in self.spans_on(day):
                lo, hi = max(start, a), min(end, b)
                if hi > lo:
                    total += hi - lo
            day += datetime.timedelta(days=1)
        return total

    def is_working_at(self, moment: datetime.datetime) -> bool:
        moment = _aware(moment)
        return any(a <= moment < b for a, b in self.spans_on(self._local_day(moment)))


def _aware(moment: datetime.datetime) -> datetime.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("A moment without a time zone cannot be placed in the calendar.")
    return moment.astimezone(datetime.UTC)


def add_working_time(
    start_utc: datetime.datetime, amount: datetime.timedelta, *, calendar: WorkingCalendar
) -> datetime.datetime:
    """The deadline (UTC): ``amount`` of working time after ``start_utc``."""
    return calendar.add(start_utc, amount)


def working_time_between(
    a_utc: datetime.datetime, b_utc: datetime.datetime, *, calendar: WorkingCalendar
) -> datetime.timedelta:
    """The working time from ``a_utc`` to ``b_utc`` (negative when ``b`` is earlier)."""
    return calendar.between(a_utc, b_utc)
