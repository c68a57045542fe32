"""Who may do what with fee claims and credits: the one place these rules live."""

from __future__ import annotations

from chengxin.accounts.models import Role
from chengxin.parties.permissions import can_edit_company


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_see_all_claims(user) -> bool:
    """Finance, managers and administrators see every claim; sales their customers'."""
    return _active(user) and user.sees_all_customers


def can_record_claim(user, company) -> bool:
    """A rep who may edit the buyer, or finance, may record a claim for them."""
    return _active(user) and (user.role == Role.FINANCE or can_edit_company(user, company))


def can_decide_claims(user) -> bool:
    """Finance checks and decides claims (managers do not: the issue says finance)."""
    return _active(user) and user.role == Role.FINANCE


def can_use_credits(user) -> bool:
    return _active(user) and user.role in (Role.FINANCE, Role.MANAGER, Role.ADMIN)
