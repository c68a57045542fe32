"""Time zones: checking a name someone typed, and the zone a person lives in."""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_time_zone(raw: str) -> str:
    value = (raw or "").strip()
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone (e.g. Europe/Berlin)."),
            code="tz_unknown",
            params={"value": raw},
        )
    return value


def time_zone_errors(raw: str | None) -> dict[str, list[ValidationError]]:
    """For a service that gathers its refusals: ``{"time_zone": [the error]}`` when
    ``raw`` is given and is not a time zone, else nothing."""
    if raw:
        try:
            validate_time_zone(raw)
        except ValidationError as exc:
            return {"time_zone": exc.error_list}
    return {}


def user_zone(user) -> zoneinfo.ZoneInfo:
    """The user's time zone (the default one when they have not chosen one)."""
    try:
        return zoneinfo.ZoneInfo(user.time_zone or settings.CHENGXIN_DEFAULT_USER_TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.CHENGXIN_DEFAULT_USER_TIME_ZONE)


def company_zone() -> zoneinfo.ZoneInfo:
    """Our company's zone (``CHENGXIN_COMPANY_TIME_ZONE``): its working calendar, the
    dates of its promises, stock counts written without a zone."""
    return zoneinfo.ZoneInfo(settings.CHENGXIN_COMPANY_TIME_ZONE)


def company_today(now: datetime.datetime) -> datetime.date:
    """Our company's date at ``now`` (in Shanghai it is tomorrow from 16:00 UTC)."""
    return now.astimezone(company_zone()).date()
