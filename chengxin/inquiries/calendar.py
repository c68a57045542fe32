"""The company's working calendar as the settings and the company's own days make it."""

from __future__ import annotations

import datetime

from django.conf import settings

from chengxin.inquiries.models import CalendarDay
from chengxin.inquiries.working_time import WorkingCalendar


def company_calendar() -> WorkingCalendar:
    """The calendar now: CHENGXIN_COMPANY_TIME_ZONE, CHENGXIN_WORKING_HOURS, the holidays
    and adjusted working days of CHENGXIN_COMPANY_COUNTRY, and the company's own days
    (one query). Raises ``working_time.CalendarError`` for a setting that cannot be used."""
    days = {
        day.date: (day.is_working, day.name)
        for day in CalendarDay.objects.only("date", "is_working", "name")
    }
    return WorkingCalendar.build(
        zone=settings.CHENGXIN_COMPANY_TIME_ZONE,
        working_hours=settings.CHENGXIN_WORKING_HOURS,
        country=settings.CHENGXIN_COMPANY_COUNTRY,
        days=days,
    )


def add_working_time(
    start_utc: datetime.datetime,
    amount: datetime.timedelta,
    *,
    calendar: WorkingCalendar | None = None,
) -> datetime.datetime:
    """The deadline (UTC): ``amount`` of the company's working time after ``start_utc``."""
    return (calendar or company_calendar()).add(start_utc, amount)


def working_time_between(
    a_utc: datetime.datetime,
    b_utc: datetime.datetime,
    *,
    calendar: WorkingCalendar | None = None,
) -> datetime.timedelta:
    """The company's working time from ``a_utc`` to ``b_utc`` (negative when earlier)."""
    return (calendar or company_calendar()).between(a_utc, b_utc)


def first_response_hours() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.CHENGXIN_INQUIRY_FIRST_RESPONSE_HOURS)


def full_answer_hours() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.CHENGXIN_INQUIRY_FULL_ANSWER_HOURS)


def remind_before() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.CHENGXIN_INQUIRY_REMIND_MINUTES)
