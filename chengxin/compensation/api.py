"""The fee compensation API: claims (list, one, approve, reject) and a customer's credits.
The same services as the pages. Not visible → 404; visible but not allowed → 403; bad
input or a claim already decided → 422."""

from __future__ import annotations

import datetime
from decimal import Decimal

from ninja import Field, Query, Router, Schema

from chengxin.compensation import selectors, services
from chengxin.compensation.models import ClaimState, FeeClaim
from chengxin.compensation.permissions import claim_deciders
from chengxin.core.api_types import (
    READ_ERRORS,
    WRITE_ERRORS,
    InvalidOut,
    Offset,
    PageOut,
    page_out,
    path_id,
)
from chengxin.core.http import or_404
from chengxin.parties.selectors import company_get
from chengxin.workflow.api import ApprovalBlockedReason, Approvers, approval_out
from chengxin.workflow.four_eyes import candidates

router = Router(tags=["fee compensation"])

ClaimId = path_id("The fee claim's id.")
CompanyId = path_id("The customer's id.")
CreditId = path_id("The credit's id.")


class ClaimOut(Schema):
    """A fee claim. A submitted claim awaits the check: finance's decision."""

    id: int = Field(description="The claim's id.")
    company_id: int = Field(description="The buyer.")
    plan_id: int = Field(description="The account change plan that offers the compensation.")
    paid_on: datetime.date = Field(description="The payment's date.")
    payment_amount: Decimal = Field(description="The amount paid.")
    payment_currency: str = Field(description="ISO 4217 code of the payment.")
    fee_amount: Decimal = Field(description="The extra intermediary-bank fee claimed.")
    fee_currency: str = Field(description="ISO 4217 code of the fee.")
    payment_reference: str = Field(description="The transfer's reference.")
    voucher_name: str = Field(description="The voucher's file name.")
    voucher_content_type: str = Field(description="What the voucher really is (by its bytes).")
    voucher_sha256: str = Field(description="SHA-256 of the voucher.")
    foreign_accounts: list[str] = Field(
        description="IBANs in the voucher that are not ours (masked): possible fraud."
    )
    submitted_by: str | None = Field(description="The rep who recorded it; null: the buyer.")
    submitted_at: datetime.datetime = Field(description="When, in UTC.")
    state: str = Field(description="submitted, approved or rejected.")
    decided_by: str | None = Field(description="Who in finance decided it.")
    decided_at: datetime.datetime | None = Field(description="When, in UTC.")
    approved_amount: Decimal | None = Field(description="The amount credited (cap currency).")
    approved_currency: str = Field(description="The currency of approved_amount.")
    decision_notes: str = Field(description="Finance's notes or the rejection's reason.")
    credit_id: int | None = Field(description="The credit an approval made.")
    approvers: Approvers
    approval_blocked_reason: ApprovalBlockedReason


class ClaimListQuery(Schema):
    state: str = Field("", description="Only claims in this state (empty: all).")
    limit: int = Field(50, ge=1, le=200, description="Page size, 1 to 200.")
    offset: Offset = Field(0, description="How many matching claims to skip.")


class ClaimPageOut(PageOut):
    items: list[ClaimOut] = Field(description="This page of claims, newest first.")


class ClaimApproveIn(Schema):
    approved_amount: Decimal = Field(
        max_digits=12,
        decimal_places=2,
        description="Amount to credit, in the plan's cap currency: at most the cap, and at "
        "most the fee claimed when in the same currency.",
    )
    notes: str = Field("", description="Notes (required when the voucher names a foreign IBAN).")


class RejectIn(Schema):
    reason: str = Field(description="Why: told to the buyer's owner.")


class CreditOut(Schema):
    id: int = Field(description="The credit's id.")
    company_id: int = Field(description="The customer it is owed to.")
    amount: Decimal = Field(description="The amount.")
    currency: str = Field(description="ISO 4217 code.")
    reason: str = Field(description="Why it is owed.")
    fee_claim_id: int | None = Field(description="The fee claim it came from.")
    created_at: datetime.datetime = Field(description="When, in UTC.")
    used_at: datetime.datetime | None = Field(description="When an order used it, in UTC.")
    used_reference: str = Field(description="The order or invoice it was used on.")


class CreditUseIn(Schema):
    reference: str = Field(description="The order or invoice the credit is used on.")


def _claim_out(claim: FeeClaim, *, people=None) -> dict:
    credit = getattr(claim, "credit", None) if claim.state == ClaimState.APPROVED else None
    approval = approval_out(
        claim_deciders(claim, people=people) if claim.state == ClaimState.SUBMITTED else None
    )
    return {
        **approval,
        "id": claim.pk,
        "company_id": claim.recipient.company_id,
        "plan_id": claim.recipient.plan_id,
        "paid_on": claim.paid_on,
        "payment_amount": claim.payment_amount,
        "payment_currency": claim.payment_currency,
        "fee_amount": claim.fee_amount,
        "fee_currency": claim.fee_currency,
        "payment_reference": claim.payment_reference,
        "voucher_name": claim.voucher_name,
        "voucher_content_type": claim.voucher_content_type,
        "voucher_sha256": claim.voucher_sha256,
        "foreign_accounts": claim.voucher_foreign_accounts,
        "submitted_by": claim.submitted_by.username if claim.submitted_by else None,
        "submitted_at": claim.submitted_at,
        "state": claim.state,
        "decided_by": claim.decided_by.username if claim.decided_by else None,
        "decided_at": claim.decided_at,
        "approved_amount": claim.approved_amount,
        "approved_currency": claim.recipient.plan.fee_cap_currency,
        "decision_notes": claim.decision_notes,
        "credit_id": credit.pk if credit else None,
    }


def _get(request, pk: int) -> FeeClaim:
    return or_404(selectors.claim_get, user=request.auth, pk=pk)


@router.get(
    "/fee-claims",
    response={200: ClaimPageOut, **READ_ERRORS, 422: InvalidOut},
    summary="List fee claims",
)
def claim_list(request, filters: Query[ClaimListQuery]):
    """Claims you may see (finance and managers: all; sales: their customers'), newest
    first. Pages by limit and offset."""
    claims = selectors.visible_claims(request.auth, state=filters.state).select_related("credit")
    people = candidates()
    return page_out(claims, filters, lambda claim: _claim_out(claim, people=people))


@router.get("/fee-claims/{pk}", response={200: ClaimOut, **READ_ERRORS}, summary="One fee claim")
def claim_detail(request, pk: ClaimId):
    """The claim, its voucher's facts (not its bytes) and the decision."""
    return _claim_out(_get(request, pk))


@router.post(
    "/fee-claims/{pk}/approve",
    response={200: ClaimOut, **WRITE_ERRORS},
    summary="Approve a fee claim",
)
def claim_approve(request, pk: ClaimId, payload: ClaimApproveIn):
    """Finance only, never on a claim you recorded: credits the amount to the buyer."""
    services.fee_claim_approve(
        actor=request.auth,
        claim=_get(request, pk),
        approved_amount=payload.approved_amount,
        notes=payload.notes,
    )
    return _claim_out(_get(request, pk))


@router.post(
    "/fee-claims/{pk}/reject",
    response={200: ClaimOut, **WRITE_ERRORS},
    summary="Reject a fee claim",
)
def claim_reject(request, pk: ClaimId, payload: RejectIn):
    """Finance only, with the reason; the buyer's owner is told."""
    services.fee_claim_reject(actor=request.auth, claim=_get(request, pk), reason=payload.reason)
    return _claim_out(_get(request, pk))


@router.get(
    "/companies/{pk}/credits",
    response={200: list[CreditOut], **READ_ERRORS},
    summary="A customer's credits",
)
def company_credits(request, pk: CompanyId):
    """Credits owed to the customer (used and open), newest first."""
    company = or_404(company_get, user=request.auth, pk=pk)
    return list(selectors.company_credits(company=company))


@router.post("/credits/{pk}/use", response={200: CreditOut, **WRITE_ERRORS}, summary="Use a credit")
def credit_use(request, pk: CreditId, payload: CreditUseIn):
    """Finance or a manager marks the credit used on an order."""
    credit = or_404(selectors.credit_get, user=request.auth, pk=pk)
    return services.credit_use(actor=request.auth, credit=credit, reference=payload.reference)
