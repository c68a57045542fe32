"""Reading fee claims and credits, filtered by who may see them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from chengxin.campaigns.models import Recipient
from chengxin.compensation.models import ClaimState, Credit, FeeClaim
from chengxin.compensation.offers import plan_offer
from chengxin.compensation.permissions import can_see_all_claims
from chengxin.parties.models import Company
from chengxin.parties.selectors import company_get


def _own_companies(user) -> QuerySet[Company, Any]:  # rows of {"pk": id}
    return Company.objects.filter(Q(owner=user) | Q(shared_with=user)).values("pk")


def visible_claims(user, *, state: str = "") -> QuerySet[FeeClaim]:
    """Claims ``user`` may see (finance, managers, administrators: all; sales: their own
    customers'), newest first, without the voucher's bytes."""
    if not (user.is_authenticated and user.is_active):
        return FeeClaim.objects.none()
    qs = FeeClaim.objects.defer("voucher").select_related(
        "recipient__company__owner", "recipient__plan", "submitted_by", "decided_by"
    )
    if not can_see_all_claims(user):
        qs = qs.filter(recipient__company__in=_own_companies(user))
    if state in ClaimState.values:
        qs = qs.filter(state=state)
    return qs


def claim_get(*, user, pk: int) -> FeeClaim:
    """The claim if ``user`` may see it; FeeClaim.DoesNotExist otherwise."""
    return visible_claims(user).select_related("credit").get(pk=pk)


def claim_voucher(*, user, pk: int) -> FeeClaim:
    """The claim with its voucher's bytes, if ``user`` may see it."""
    return FeeClaim.objects.filter(pk__in=visible_claims(user).values("pk")).get(pk=pk)


def company_credits(*, company: Company) -> QuerySet[Credit]:
    """The page has checked that the user may see ``company``."""
    return Credit.objects.filter(company=company).select_related("fee_claim", "created_by")


def credit_get(*, user, pk: int) -> Credit:
    """The credit if ``user`` may see its customer; Credit.DoesNotExist or
    Company.DoesNotExist otherwise."""
    credit = Credit.objects.select_related("company").get(pk=pk)
    company_get(user=user, pk=credit.company_id)
    return credit


def company_claims(*, company: Company) -> QuerySet[FeeClaim]:
    return FeeClaim.objects.defer("voucher").filter(recipient__company=company)


def recipients_with_offer(*, company: Company) -> list[Recipient]:
    """The company's campaign recipients whose plan offers fee compensation now."""
    recipients = Recipient.objects.filter(company=company).select_related(
        "plan__new_account", "company"
    )
    return [r for r in recipients if plan_offer(r.plan) is not None]


def recipient_claims(*, recipient: Recipient, limit: int = 20) -> list[FeeClaim]:
    """The buyer's own claims through this link, for their public page (the token
    holder is the buyer)."""
    return list(FeeClaim.objects.defer("voucher").filter(recipient=recipient)[:limit])


def claims_awaiting_decision() -> QuerySet[FeeClaim]:
    """Every claim waiting for finance's check, the oldest first, without the voucher."""
    return (
        FeeClaim.objects.defer("voucher")
        .filter(state=ClaimState.SUBMITTED)
        .select_related("recipient__company")
        .order_by("submitted_at", "id")
    )
