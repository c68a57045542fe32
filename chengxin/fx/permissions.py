"""Who may see and enter exchange rates: the one place these rules live.

Every active user sees rates (a sales rep quotes in the buyer's currency); finance,
managers and administrators enter and import them (money things), sales reps do not.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role

RATE_EDITORS = (Role.FINANCE, Role.MANAGER, Role.ADMIN)


def can_view_rates(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_enter_rates(user) -> bool:
    return can_view_rates(user) and user.role in RATE_EDITORS


def require_enter_rates(user) -> None:
    if not can_enter_rates(user):
        raise PermissionDenied(_("Only finance, a manager or an administrator enters rates."))
