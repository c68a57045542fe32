"""Who may see and act on a change request: the customer's rules (chengxin.parties.permissions)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.workflow.four_eyes import OPENED, ROLE, VERIFIED, Eligibility, Refusal, evaluate
from chengxin.accounts.models import Role
from chengxin.changes.models import State
from chengxin.parties.permissions import can_edit_company, can_view_company


def can_view_change(user, request) -> bool:
    return can_view_company(user, request.contact.company)


def can_act_on_change(user, request) -> bool:
    return can_edit_company(user, request.contact.company)


def require_act(user, request) -> None:
    if not can_act_on_change(user, request):
        raise PermissionDenied(_("You may not change this customer's contact details."))


def approval_refusal(user, request) -> Refusal | None:
    """Why ``user`` may not give a high-risk change the manager's approval (None: they
    may): a manager who neither opened nor verified it."""
    if not (user.is_authenticated and user.is_active and user.edits_all_customers):
        return Refusal(ROLE, _("Only a manager may do this."))
    if user.pk == request.verified_by_id:
        return Refusal(VERIFIED, _("You verified this change; another manager must approve it."))
    if user.pk == request.opened_by_id:
        return Refusal(OPENED, _("You opened this request; another manager must approve it."))
    return None


def awaits_approval(request) -> bool:
    return request.state == State.VERIFIED and request.needs_approval


def change_approvers(request, *, people=None) -> Eligibility:
    """Who may approve ``request`` (managers and administrators who did not open or
    verify it)."""
    return evaluate(
        lambda user: approval_refusal(user, request),
        roles=(Role.MANAGER, Role.ADMIN),
        people=people,
    )
