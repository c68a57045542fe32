"""Who may do what with account-change campaigns: the one place these rules live.

Finance and managers (and administrators) plan, launch, cancel and complete; only a
manager (or an administrator) overrides a broken rule; the customer's owner (and whom it
is shared with, finance, managers) records a call or a perk.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role
from chengxin.campaigns.models import ChangePlan, Recipient
from chengxin.parties.permissions import can_edit_company
from chengxin.workflow.four_eyes import Eligibility, FourEyes, Refusal, evaluate


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def may_plan(user) -> bool:
    return _active(user) and user.role in (Role.FINANCE, Role.MANAGER, Role.ADMIN)


def require_plan(user) -> None:
    if not may_plan(user):
        raise PermissionDenied(_("Only finance or a manager may plan an account change."))


def _override_rule() -> FourEyes:
    """A plan's broken rules are accepted by a manager or an administrator (the planner
    may be one: the override is their own accountable decision, with its reason)."""
    return FourEyes(
        roles=frozenset((Role.MANAGER, Role.ADMIN)),
        role_message=_("Only a manager may override the rules of an account change."),
        second_factor=False,
    )


def override_refusal(user) -> Refusal | None:
    """Why ``user`` may not override a plan's broken rules (None: they may)."""
    return _override_rule().refusal(user)


def may_override(user) -> bool:
    return _active(user) and override_refusal(user) is None


def require_override(user) -> None:
    _override_rule().enforce(user)


def plan_overriders(plan: ChangePlan, *, people=None) -> Eligibility:
    """Who may override ``plan``'s broken rules (managers and administrators)."""
    return evaluate(override_refusal, roles=(Role.MANAGER, Role.ADMIN), people=people)


def may_record_for(user, recipient: Recipient) -> bool:
    """Call outcomes and perks: the customer's owner (or whom it is shared with),
    finance and managers."""
    if not _active(user):
        return False
    return user.role == Role.FINANCE or can_edit_company(user, recipient.company)


def require_record(user, recipient: Recipient) -> None:
    if not may_record_for(user, recipient):
        raise PermissionDenied(_("You may not record this for this customer."))
