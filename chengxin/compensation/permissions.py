"""Who may do what with fee claims and credits: the one place these rules live."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role
from chengxin.parties.permissions import can_edit_company
from chengxin.workflow.four_eyes import RECORDED, Eligibility, FourEyes, Refusal, evaluate


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_see_all_claims(user) -> bool:
    """Finance, managers and administrators see every claim; sales their customers'."""
    return _active(user) and user.sees_all_customers


def can_record_claim(user, company) -> bool:
    """A rep who may edit the buyer, or finance, may record a claim for them."""
    return _active(user) and (user.role == Role.FINANCE or can_edit_company(user, company))


def require_record_claim(user, company) -> None:
    if not can_record_claim(user, company):
        raise PermissionDenied(_("You may not record a claim for this customer."))


def can_decide_claims(user) -> bool:
    """Finance checks and decides claims (managers do not: the issue says finance)."""
    return _active(user) and user.role == Role.FINANCE


def require_decide_claims(user) -> None:
    if not can_decide_claims(user):
        raise PermissionDenied(_("Only finance may decide fee claims."))


def decision_rule(claim) -> FourEyes:
    """Finance decides a claim, never the person who recorded it (no second factor:
    the decision is a credit on a next order, not a payment)."""
    return FourEyes(
        roles=frozenset((Role.FINANCE,)),
        role_message=_("Only finance may decide fee claims."),
        not_by=(
            (
                claim.submitted_by_id,
                Refusal(
                    RECORDED, _("You recorded this claim: someone else in finance decides it.")
                ),
            ),
        ),
        second_factor=False,
    )


def decision_refusal(user, claim) -> Refusal | None:
    """Why ``user`` may not decide ``claim`` (None: they may)."""
    return decision_rule(claim).refusal(user)


def claim_deciders(claim, *, people=None) -> Eligibility:
    """Who may check and decide ``claim``, and why nobody can when nobody."""
    return evaluate(lambda user: decision_refusal(user, claim), roles=[Role.FINANCE], people=people)


def can_use_credits(user) -> bool:
    return _active(user) and user.role in (Role.FINANCE, Role.MANAGER, Role.ADMIN)


def require_use_credits(user) -> None:
    if not can_use_credits(user):
        raise PermissionDenied(_("Only finance or a manager may use a credit."))
