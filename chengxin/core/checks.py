"""System checks: bad configuration is reported at start, not at first use."""

import zoneinfo

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def chengxin_settings_check(app_configs, **kwargs):
    problems = []
    try:
        zoneinfo.ZoneInfo(settings.CHENGXIN_DEFAULT_USER_TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problems.append(
            Error(
                f"CHENGXIN_DEFAULT_USER_TIME_ZONE={settings.CHENGXIN_DEFAULT_USER_TIME_ZONE!r} "
                "is not a time zone.",
                id="chengxin.E001",
            )
        )
    if not settings.DEBUG and "insecure" in settings.SECRET_KEY:
        problems.append(
            Warning(
                "SECRET_KEY is the development default; set SECRET_KEY (or SECRET_KEY_FILE).",
                id="chengxin.W001",
            )
        )
    return problems
