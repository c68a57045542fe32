"""System checks for the guard's settings: reported at start, not at first use."""

from django.conf import settings
from django.core.checks import Error, register

from chengxin.parties.normalize import domain_to_ascii


@register()
def guard_settings_check(app_configs, **kwargs):
    problems = []
    if settings.CHENGXIN_GUARD_DNS not in ("live", "off"):
        problems.append(
            Error(
                f"CHENGXIN_GUARD_DNS={settings.CHENGXIN_GUARD_DNS!r} must be 'live' or 'off'.",
                id="chengxin.E101",
            )
        )
    for domain in settings.CHENGXIN_OWN_DOMAINS:
        try:
            domain_to_ascii(domain)
        except Exception:
            problems.append(
                Error(f"CHENGXIN_OWN_DOMAINS: {domain!r} is not a domain.", id="chengxin.E102")
            )
    return problems
