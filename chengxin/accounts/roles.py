"""Role rules that more than one app applies (no domain app imports needed to read them)."""

from __future__ import annotations

from chengxin.accounts.models import Role

#: Roles that may see a bank account number in full; others see its last four digits.
FULL_NUMBER_ROLES = frozenset({Role.ADMIN, Role.MANAGER, Role.FINANCE})


def may_see_full_number(user) -> bool:
    """Whether ``user`` may see bank account numbers in full (on accounts and in the bank
    details the guard found in a message)."""
    return bool(user.is_authenticated and user.is_active and user.role in FULL_NUMBER_ROLES)
