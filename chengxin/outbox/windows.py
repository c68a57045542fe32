"""When a contact may be written to: pure time arithmetic, no Django.

A contact's communication window is a daily span in their own local time
(default 09:00-18:00) on their working days (default Monday-Friday). Public
holidays of their country (the ``holidays`` package) are not working days.
``next_send_time`` answers: given "now" in UTC, when does the next window
open (or "now" itself, if we are inside one)? The answer is in UTC.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache

import holidays

UTC = datetime.UTC
# Monday=0 ... Sunday=6, as datetime.weekday().
DEFAULT_WORKING_DAYS: tuple[int, ...] = (0, 1, 2, 3, 4)
# A window never opens further ahead than this (guards against a window with no days).
SEARCH_DAYS = 400


@dataclass(frozen=True)
class Window:
    start: datetime.time = datetime.time(9, 0)
    end: datetime.time = datetime.time(18, 0)
    working_days: tuple[int, ...] = DEFAULT_WORKING_DAYS


DEFAULT_WINDOW = Window()


def zone_for(name: str) -> zoneinfo.ZoneInfo:
    """The named zone; UTC for an empty or unknown name."""
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


@lru_cache(maxsize=512)
def _country_holidays(country: str, year: int, language: str = "") -> dict[datetime.date, str]:
    """The holidays of ``country`` in ``year``, named in ``language`` (e.g.
    "zh_CN", "en_US") where the package has it, else in English, else in the
    country's own language."""
    if not country:
        return {}
    try:
        supported = holidays.country_holidays(country.upper()).supported_languages
    except NotImplementedError:
        return {}
    chosen = next((lang for lang in (language, "en_US") if lang and lang in supported), None)
    return dict(holidays.country_holidays(country.upper(), years=year, language=chosen))


@lru_cache(maxsize=512)
def names_holidays_in(country: str, language: str) -> bool:
    """Whether the package names ``country``'s holidays in ``language`` itself."""
    try:
        return language in holidays.country_holidays(country.upper()).supported_languages
    except NotImplementedError:
        return False


def holiday_name(country: str, day: datetime.date) -> str | None:
    """The public holiday's name on ``day`` in ``country`` (ISO 3166 alpha-2), or None."""
    return _country_holidays(country, day.year).get(day)


def is_working_day(day: datetime.date, window: Window, country: str) -> bool:
    return day.weekday() in window.working_days and holiday_name(country, day) is None


def next_send_time(
    now_utc: datetime.datetime, tz: str | datetime.tzinfo, window: Window, country: str
) -> datetime.datetime:
    """The earliest moment at or after ``now_utc`` inside the contact's window, in UTC."""
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    zone = zone_for(tz) if isinstance(tz, str) else tz
    local_now = now_utc.astimezone(zone)
    day = local_now.date()
    for _offset in range(SEARCH_DAYS):
        if is_working_day(day, window, country):
            opens = datetime.datetime.combine(day, window.start, tzinfo=zone)
            closes = datetime.datetime.combine(day, window.end, tzinfo=zone)
            if local_now < closes:
                return max(opens, local_now).astimezone(UTC)
        day += datetime.timedelta(days=1)
    # No working day found in a year (e.g. no working days chosen): send now
    # rather than hold the message forever.
    return now_utc.astimezone(UTC)


def upcoming_holidays(
    country: str,
    from_day: datetime.date,
    count: int = 3,
    within_days: int = 120,
    language: str = "",
) -> list[tuple[datetime.date, str]]:
    """The next ``count`` public holidays of ``country`` from ``from_day`` on."""
    found: list[tuple[datetime.date, str]] = []
    last = from_day + datetime.timedelta(days=within_days)
    for year in range(from_day.year, last.year + 1):
        for day, name in sorted(_country_holidays(country, year, language).items()):
            if from_day <= day <= last:
                found.append((day, name))
    return found[:count]
