"""Who may do what with fee claims and credits: the one place these rules live."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chengxin.accounts.models import Role
from chengxin.parties.permissions import can_edit_company
from chengxin.workflow.four_eyes import RECORDED, ROLE, Eligibility, Refusal, evaluate


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


def decision_refusal(user, claim) -> Refusal | None:
    """Why ``user`` may not decide ``claim`` (None: they may): finance only, and never the
    person who recorded the claim."""
    if not can_decide_claims(user):
        return Refusal(ROLE, _("Only finance may decide fee claims."))
    if claim.submitted_by_id == user.pk:
        return Refusal(RECORDED, _("You recorded this claim: someone else in finance decides it."))
    return None


def claim_deciders(claim, *, people=None) -> Eligibility:
    """Who may check and decide ``claim``, and why nobody can when nobody."""
    return evaluate(lambda user: decision_refusal(user, claim), roles=[Role.FINANCE], people=people)


def can_use_credits(user) -> bool:
    return _active(user) and user.role in (Role.FINANCE, Role.MANAGER, Role.ADMIN)
