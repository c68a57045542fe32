"""Who may see and act on a change request: the customer's rules (chengxin.parties.permissions),
and the four-eyes rule of a high-risk change's approval."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role
from chengxin.changes.models import State
from chengxin.parties.permissions import can_edit_company, can_view_company
from chengxin.workflow.four_eyes import OPENED, VERIFIED, Eligibility, FourEyes, Refusal, evaluate

APPROVER_ROLES = frozenset({Role.MANAGER, Role.ADMIN})


def can_view_change(user, request) -> bool:
    return can_view_company(user, request.contact.company)


def can_act_on_change(user, request) -> bool:
    return can_edit_company(user, request.contact.company)


def require_act(user, request) -> None:
    if not can_act_on_change(user, request):
        raise PermissionDenied(_("You may not change this customer's contact details."))


def approval_rule(request) -> FourEyes:
    """A high-risk change's approval: a manager (or an administrator) who neither verified
    nor opened it; no second factor for this approval."""
    return FourEyes(
        roles=APPROVER_ROLES,
        role_message=_("Only a manager may do this."),
        not_by=(
            (request.verified_by_id,
             Refusal(VERIFIED, _("You verified this change; another manager must approve it."))),
            (request.opened_by_id,
             Refusal(OPENED, _("You opened this request; another manager must approve it."))),
        ),
        second_factor=False,
    )  # fmt: skip


def awaits_approval(request) -> bool:
    return request.state == State.VERIFIED and request.needs_approval


def change_approvers(request, *, people=None) -> Eligibility:
    """Who may approve ``request`` (managers and administrators who did not open or
    verify it)."""
    rule = approval_rule(request)
    return evaluate(rule.refusal, roles=rule.roles, people=people)
