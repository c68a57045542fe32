"""Per-user language and time zone, and the two-factor rule for sensitive roles."""

import zoneinfo

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation


class UserPreferencesMiddleware:
    """Activate the signed-in user's saved language and time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        zone_name = settings.CHENGXIN_DEFAULT_USER_TIME_ZONE
        if user is not None and user.is_authenticated:
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
            zone_name = user.time_zone or zone_name
        try:
            timezone.activate(zoneinfo.ZoneInfo(zone_name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.deactivate()
        response = self.get_response(request)
        timezone.deactivate()
        return response


class TwoFactorRequiredMiddleware:
    """Admins, managers and finance must have passed a second factor; until
    then every page sends them to set one up or to enter their code."""

    EXEMPT_NAMES = (
        "accounts:login", "accounts:logout", "accounts:two_factor_setup",
        "accounts:two_factor_verify", "accounts:set_language",
    )  # fmt: skip

    def __init__(self, get_response):
        self.get_response = get_response
        self._exempt_paths = None

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.needs_two_factor
            and not user.is_verified()
            and not self._exempt(request.path)
        ):
            from chengxin.accounts.services import two_factor_is_on

            has_device = two_factor_is_on(user=user)
            target = "accounts:two_factor_verify" if has_device else "accounts:two_factor_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)

    def _exempt(self, path: str) -> bool:
        if self._exempt_paths is None:
            self._exempt_paths = tuple(reverse(name) for name in self.EXEMPT_NAMES) + (
                settings.STATIC_URL,
                reverse("healthz"),
                reverse("api-1.0.0:api-root"),
            )
        return path.startswith(self._exempt_paths)
