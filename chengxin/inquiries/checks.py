"""System checks: a working calendar that cannot be used is reported at start, not at the
first inquiry's deadline."""

from django.conf import settings
from django.core.checks import Error, register

from chengxin.inquiries.working_time import CalendarError, WorkingCalendar


@register()
def inquiries_calendar_check(app_configs, **kwargs):
    try:
        WorkingCalendar.build(
            zone=settings.CHENGXIN_COMPANY_TIME_ZONE,
            working_hours=settings.CHENGXIN_WORKING_HOURS,
            country=settings.CHENGXIN_COMPANY_COUNTRY,
        )
    except CalendarError as exc:
        return [
            Error(
                f"The company's working calendar cannot be used: {exc} (settings "
                "CHENGXIN_COMPANY_TIME_ZONE, CHENGXIN_WORKING_HOURS, CHENGXIN_COMPANY_COUNTRY).",
                id="chengxin.inquiries.E001",
            )
        ]
    return []
