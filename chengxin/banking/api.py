"""The bank-account API: the same services as the pages, so the same four eyes. Numbers are
masked unless the token's user may see them in full (finance, managers, administrators).

A token cannot prove that a session passed two-factor, so approving through the API needs
``otp``: a current code of the approver's confirmed authenticator (TOTP) device.

Not visible → 404; visible but not allowed → 403; wrong step or bad input → 422.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from ninja import Field, Query, Router, Schema, Status

from chengxin.accounts.roles import may_see_full_number
from chengxin.banking import permissions, selectors, services
from chengxin.banking.flagged import flagged_message_ids
from chengxin.banking.models import BankAccount, Side, State
from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, RecordId, path_id
from chengxin.core.http import or_404
from chengxin.mail.selectors import message_get
from chengxin.parties.models import Company
from chengxin.parties.selectors import company_channel, company_get
from chengxin.workflow.api import ApprovalBlockedReason, Approvers, StepOut, approval_out, steps_out
from chengxin.workflow.four_eyes import candidates, otp_passed

router = Router(tags=["bank accounts"])

AccountId = path_id("The bank account's id.")


class AccountOut(Schema):
    """A bank account. A verified account awaits a second person's approval."""

    id: int = Field(description="The account's id.")
    side: str = Field(description="ours or counterparty.")
    company_id: int | None = Field(description="The counterparty (empty for ours).")
    purpose: str = Field(description="receiving, refund, commission, paying or other.")
    label: str = Field(description="A name for the account.")
    holder_name: str = Field(description="The account holder.")
    bank_name: str = Field(description="The bank.")
    bank_country: str = Field(description="The bank's country (ISO 3166 alpha-2).")
    bic: str = Field(description="SWIFT/BIC.")
    number: str = Field(description="IBAN or account number, masked unless your role sees it.")
    number_is_masked: bool = Field(description="True when only the last digits are shown.")
    number_last4: str = Field(description="The last four characters of the number.")
    routing_code: str = Field(description="Routing or clearing code of a local number.")
    currency: str = Field(description="ISO 4217 currency.")
    intermediary_bic: str = Field(description="The intermediary bank's SWIFT/BIC.")
    state: str = Field(description="proposed, verified, active, retired or rejected.")
    replaces_id: int | None = Field(description="The account this one replaces.")
    proposed_by: str = Field(description="Who proposed it.")
    verified_by: str | None = Field(description="Who verified it out of band.")
    approved_by: str | None = Field(description="Who approved it.")
    active_since: datetime.datetime | None = Field(description="When it became active (UTC).")
    retired_at: datetime.datetime | None = Field(description="When it was retired (UTC).")
    flagged_message_ids: list[int] = Field(
        description="Messages flagged as possible fraud that name this number (newest first)."
    )
    approval_needs_manager: bool = Field(
        description="Only a manager may approve it: its number appeared in a flagged message."
    )
    steps: list[StepOut] = Field(description="Every step so far, oldest first.")
    approvers: Approvers
    approval_blocked_reason: ApprovalBlockedReason


class ProposeIn(Schema):
    side: str = Field(description="ours or counterparty.")
    company_id: RecordId | None = Field(None, description="The counterparty (side counterparty).")
    purpose: str = Field(description="receiving, paying, other (ours); refund, commission, ...")
    holder_name: str = Field(description="The account holder.")
    iban: str = Field("", description="The IBAN; or give account_number instead.")
    account_number: str = Field("", description="A local account number (no IBAN).")
    routing_code: str = Field("", description="ABA, sort code, BSB, transit, IFSC or CNAPS.")
    bic: str = Field("", description="SWIFT/BIC; empty: from the registry for an IBAN.")
    bank_name: str = Field("", description="Empty: from the registry.")
    bank_address: str = Field("", description="The bank's address.")
    bank_country: str = Field("", description="Two letters; empty: from the IBAN or BIC.")
    currency: str = Field(description="ISO 4217 currency.")
    intermediary_bic: str = Field("", description="The intermediary bank's SWIFT/BIC.")
    intermediary_account: str = Field("", description="The account at the intermediary bank.")
    label: str = Field("", description="A name for the account.")
    notes: str = Field("", description="Notes.")
    replaces_id: RecordId | None = Field(None, description="An active account this one replaces.")
    source_message_id: RecordId | None = Field(None, description="The message announcing it.")


class AccountVerifyIn(Schema):
    method: str = Field(
        description="call_on_file, message_on_file, in_person (counterparty); bank_letter, "
        "bank_portal, in_person, call_on_file (ours)."
    )
    outcome: str = Field(description="confirmed or denied.")
    channel_id: RecordId | None = Field(
        None, description="Counterparty: a channel on file before the proposal."
    )
    notes: str = Field("", description="What was checked and said (required for ours).")


class AccountApproveIn(Schema):
    otp: str = Field(description="A current code of your authenticator app (TOTP).")
    notes: str = Field("", description="Notes.")


class ReasonIn(Schema):
    reason: str = Field(description="Why.")


class PaymentIn(Schema):
    account_id: RecordId = Field(description="One of our approved accounts.")
    company_id: RecordId = Field(description="The payer.")
    amount: Decimal = Field(
        max_digits=18, decimal_places=2, description="Above zero, at most two decimals."
    )
    currency: str = Field(description="ISO 4217 currency.")
    received_on: datetime.date = Field(description="The day the money arrived.")
    reference: str = Field("", description="The payment's reference.")


class PaymentOut(Schema):
    id: int = Field(description="The payment's id.")
    account_id: int = Field(description="The account of ours it arrived in.")
    company_id: int = Field(description="The payer.")
    amount: Decimal = Field(description="The amount received.")
    currency: str = Field(description="ISO 4217 currency.")
    received_on: datetime.date = Field(description="The day the money arrived.")
    reference: str = Field(description="The payment's reference.")


def _name(user) -> str | None:
    return user.username if user is not None else None


def _out(user, account: BankAccount, flagged_ids: list[int] | None = None, *, people=None) -> dict:
    full = may_see_full_number(user)
    if flagged_ids is None:
        flagged_ids = flagged_message_ids([account])[account.pk]
    approval = approval_out(
        permissions.account_approvers(
            account,
            people=people,
            needs_manager=account.approval_needs_manager or bool(flagged_ids),
        )
        if account.state == State.VERIFIED
        else None
    )
    return {
        **approval,
        "id": account.pk,
        "side": account.side,
        "company_id": account.company_id,
        "purpose": account.purpose,
        "label": account.label,
        "holder_name": account.holder_name,
        "bank_name": account.bank_name,
        "bank_country": account.bank_country,
        "bic": account.bic,
        "number": selectors.account_number_display(user, account),
        "number_is_masked": not full,
        "number_last4": account.number_last4,
        "routing_code": account.routing_code,
        "currency": account.currency,
        "intermediary_bic": account.intermediary_bic,
        "state": account.state,
        "replaces_id": account.replaces_id,
        "proposed_by": account.proposed_by.username,
        "verified_by": _name(account.verified_by),
        "approved_by": _name(account.approved_by),
        "active_since": account.active_since,
        "retired_at": account.retired_at,
        "flagged_message_ids": flagged_ids,
        # The live match is what flagged_ids holds beyond the one recorded at the proposal.
        "approval_needs_manager": account.approval_needs_manager or bool(flagged_ids),
        "steps": steps_out(account),
    }


def _get(request, pk: int) -> BankAccount:
    accounts = selectors.visible_accounts(request.auth).select_related(
        "proposed_by", "verified_by", "approved_by"
    )
    return or_404(accounts.get, pk=pk)


def _company(request, pk: int) -> Company:
    return or_404(company_get, user=request.auth, pk=pk)


def _fresh(request, pk: int) -> dict:
    return _out(request.auth, _get(request, pk))


class AccountFilters(Schema):
    state: str | None = Field(None, description="Only accounts in this state.")
    side: str | None = Field(None, description="ours or counterparty.")
    company_id: RecordId | None = Field(None, description="Only this counterparty's accounts.")


@router.get("/bank-accounts", response={200: list[AccountOut], **READ_ERRORS})
def account_list(request, filters: Query[AccountFilters]):
    """Bank accounts you may see (ours, and those of customers you may see)."""
    accounts = selectors.visible_accounts(request.auth).select_related(
        "proposed_by", "verified_by", "approved_by"
    )
    if filters.state:
        accounts = accounts.filter(state=filters.state)
    if filters.side:
        accounts = accounts.filter(side=filters.side)
    if filters.company_id:
        accounts = accounts.filter(company_id=filters.company_id)
    accounts = list(accounts.prefetch_related("steps__actor")[:500])
    flagged = flagged_message_ids(accounts)
    people = candidates()
    return [_out(request.auth, a, flagged[a.pk], people=people) for a in accounts]


@router.get("/bank-accounts/{pk}", response={200: AccountOut, **READ_ERRORS})
def account_detail(request, pk: AccountId):
    """One account with its steps."""
    return _fresh(request, pk)


@router.post("/bank-accounts", response={201: AccountOut, **WRITE_ERRORS})
def account_propose(request, payload: ProposeIn):
    """Propose an account (ours, or a counterparty's): it must then be verified out of band
    and approved by a second person."""
    data = payload.dict()
    company = replaces = message = None
    company_id = data.pop("company_id")
    if payload.side == Side.COUNTERPARTY and company_id is not None:
        company = _company(request, company_id)
    replaces_id = data.pop("replaces_id")
    if replaces_id is not None:
        replaces = _get(request, replaces_id)
    message_id = data.pop("source_message_id")
    if message_id is not None:
        message = or_404(message_get, user=request.auth, pk=message_id)
    account = services.bank_account_propose(
        actor=request.auth, company=company, replaces=replaces, source_message=message, **data
    )
    return Status(201, _fresh(request, account.pk))


@router.post("/bank-accounts/{pk}/verify", response={200: AccountOut, **WRITE_ERRORS})
def account_verify(request, pk: AccountId, payload: AccountVerifyIn):
    """Record the out-of-band verification (denied: rejected as a fraud attempt)."""
    account = _get(request, pk)
    channel = None
    if payload.channel_id is not None:
        channel = or_404(company_channel, company_id=account.company_id, pk=payload.channel_id)
    services.bank_account_verify(
        actor=request.auth,
        account=account,
        method=payload.method,
        outcome=payload.outcome,
        channel=channel,
        notes=payload.notes,
    )
    return _fresh(request, pk)


@router.post("/bank-accounts/{pk}/approve", response={200: AccountOut, **WRITE_ERRORS})
def account_approve(request, pk: AccountId, payload: AccountApproveIn):
    """The second person (finance or a manager, neither proposer nor verifier) approves with
    a current authenticator code; the account becomes active."""
    account = _get(request, pk)
    services.bank_account_approve(
        actor=request.auth,
        account=account,
        second_factor_passed=otp_passed(request.auth, payload.otp),
        notes=payload.notes,
    )
    return _fresh(request, pk)


@router.post("/bank-accounts/{pk}/reject", response={200: AccountOut, **WRITE_ERRORS})
def account_reject(request, pk: AccountId, payload: ReasonIn):
    """Reject a proposed or verified account."""
    services.bank_account_reject(
        actor=request.auth, account=_get(request, pk), reason=payload.reason
    )
    return _fresh(request, pk)


@router.post("/bank-accounts/{pk}/retire", response={200: AccountOut, **WRITE_ERRORS})
def account_retire(request, pk: AccountId, payload: ReasonIn):
    """Retire an active account (finance or a manager)."""
    services.bank_account_retire(
        actor=request.auth, account=_get(request, pk), reason=payload.reason
    )
    return _fresh(request, pk)


def _payment_out(payment) -> dict:
    return {
        "id": payment.pk,
        "account_id": payment.account_id,
        "company_id": payment.company_id,
        "amount": payment.amount,
        "currency": payment.currency,
        "received_on": payment.received_on,
        "reference": payment.reference,
    }


@router.get("/payments-received", response={200: list[PaymentOut], **READ_ERRORS})
def payment_list(request):
    """Payments received into our accounts, newest first."""
    return [_payment_out(p) for p in selectors.visible_payments(request.auth)[:500]]


@router.post("/payments-received", response={201: PaymentOut, **WRITE_ERRORS})
def payment_record(request, payload: PaymentIn):
    """Record money a buyer paid into one of our accounts (finance, managers, administrators)."""
    account = _get(request, payload.account_id)
    company = _company(request, payload.company_id)
    payment = services.payment_record(
        actor=request.auth,
        account=account,
        company=company,
        amount=payload.amount,
        currency=payload.currency,
        received_on=payload.received_on,
        reference=payload.reference,
    )
    return Status(201, _payment_out(payment))
