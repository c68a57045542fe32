"""The campaigns API: the same selectors and services as the pages. Not visible → 404;
visible but not allowed → 403; a rule or a state that forbids it → 422."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema, Status

from chengxin.banking.models import BankAccount
from chengxin.campaigns import permissions, selectors
from chengxin.campaigns.models import Audience, CallOutcome, ChangePlan, PlanState, Recipient
from chengxin.campaigns.services import calls, closing, launch, plans
from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, ErrorOut, RecordId, path_id
from chengxin.core.http import or_404
from chengxin.workflow.api import ApprovalBlockedReason, Approvers, approval_out
from chengxin.workflow.four_eyes import candidates

router = Router(tags=["campaigns"])

PlanId = path_id("The change plan's id.")
RecipientId = path_id("The campaign recipient's id.")


class BreachOut(Schema):
    code: str = Field(description="short_notice, third_account or second_change.")
    params: dict = Field(description="The figures: days and required, count and limit, other.")


class PlanOut(Schema):
    """A change plan. A draft that breaks a rule no override covers awaits a manager's override."""

    id: int = Field(description="The plan's id.")
    state: str = Field(description="One of: " + ", ".join(PlanState.values) + ".")
    old_account_id: int = Field(description="Our receiving account that closes.")
    new_account_id: int = Field(description="Our new receiving account (active).")
    reason: str = Field(description="Why the account changes (buyers read it).")
    decided_on: datetime.date = Field(description="The day of the decision.")
    parallel_from: datetime.date = Field(description="The change: both accounts receive from.")
    old_closes_on: datetime.date = Field(description="The old account's last day.")
    audience: str = Field(description="One of: " + ", ".join(Audience.values) + ".")
    audience_paid_from: datetime.date | None = Field(description="Paid into the old from.")
    audience_paid_until: datetime.date | None = Field(description="… until (inclusive).")
    rule_breaches: list[BreachOut] = Field(description="The rules the plan breaks.")
    overridden_breaches: list[str] = Field(description="The breaches a manager overrode.")
    override_reason: str = Field(description="The manager's reason, if overridden.")
    fee_offer_until: datetime.date | None = Field(description="Extra fees paid back until.")
    fee_cap: Decimal | None = Field(description="The most paid back per payment.")
    fee_cap_currency: str = Field(description="The cap's currency.")
    reminder_after_days: int = Field(description="Days after the notice before reminding.")
    launched_at: datetime.datetime | None = Field(description="When the buyers were told.")
    approvers: Approvers
    approval_blocked_reason: ApprovalBlockedReason

    @staticmethod
    def resolve_approvers(obj: ChangePlan) -> list:
        return _approval(obj)["approvers"]

    @staticmethod
    def resolve_approval_blocked_reason(obj: ChangePlan) -> str | None:
        return _approval(obj)["approval_blocked_reason"]


def _approval(plan: ChangePlan, *, people=None) -> dict:
    """Who may override the plan, computed once per plan (a list shares ``people``)."""
    if not hasattr(plan, "_approval"):
        plan._approval = approval_out(
            permissions.plan_overriders(plan, people=people)
            if selectors.awaits_override(plan)
            else None
        )
    return plan._approval


class PlanIn(Schema):
    old_account_id: RecordId = Field(description="Our active receiving account that closes.")
    new_account_id: RecordId = Field(description="Our active receiving account that replaces it.")
    reason: str = Field(max_length=2000, description="Why the account changes.")
    decided_on: datetime.date = Field(description="The day of the decision.")
    parallel_from: datetime.date = Field(description="The change: both accounts receive from.")
    old_closes_on: datetime.date = Field(description="The old account's last day.")
    audience: Audience = Field(Audience.PAID_INTO_OLD, description="Who is told.")
    audience_paid_from: datetime.date | None = Field(None, description="Paid into the old from.")
    audience_paid_until: datetime.date | None = Field(None, description="… until.")
    fee_offer_until: datetime.date | None = Field(None, description="Extra fees paid back until.")
    fee_cap: Decimal | None = Field(
        None, max_digits=12, decimal_places=2, description="The most paid back per payment."
    )
    fee_cap_currency: str = Field("", max_length=3, description="The cap's currency.")
    reminder_after_days: int = Field(3, ge=1, le=30, description="Remind after this many days.")


class TouchOut(Schema):
    kind: str = Field(description="email_notice, chat_reminder, post_change, call, ack_reminder.")
    channel: str = Field(description="email, whatsapp, wechat, sms or task.")
    due_at: datetime.datetime = Field(description="Its moment (UTC), in the buyer's hours.")
    state: str = Field(description="scheduled, queued, sent, failed, done or cancelled.")
    error: str = Field(description="Why it failed, if it did.")


class RecipientOut(Schema):
    id: int = Field(description="The recipient's id.")
    company_id: int = Field(description="The buyer.")
    company_name: str = Field(description="The buyer's legal name.")
    contact_id: int | None = Field(description="The contact written to.")
    language: str = Field(description="The language the buyer is written to in.")
    reached_at: datetime.datetime | None = Field(description="First message delivered.")
    opened_at: datetime.datetime | None = Field(description="First opened the link.")
    acknowledged_at: datetime.datetime | None = Field(description="Confirmed the update.")
    called_at: datetime.datetime | None = Field(description="When the call was recorded.")
    call_outcome: str = Field(description="One of: " + ", ".join(CallOutcome.values) + ".")
    perk: str = Field(description="The perk recorded, if any.")
    touches: list[TouchOut] = Field(description="Every touch, in time order.")

    @staticmethod
    def resolve_company_name(obj: Recipient) -> str:
        return obj.company.legal_name

    @staticmethod
    def resolve_touches(obj: Recipient) -> list:
        return list(obj.touches.all())


class CallIn(Schema):
    outcome: CallOutcome = Field(description="heard_and_understood, not_understood, unreachable.")
    notes: str = Field("", max_length=2000, description="What was said.")


def _plan(request, pk: int) -> ChangePlan:
    return or_404(selectors.plan_get, user=request.auth, pk=pk)


def _account(pk: int, field: str) -> BankAccount:
    account = BankAccount.objects.filter(pk=pk).first()
    if account is None:
        raise ValidationError({field: ["No such account."]})
    return account


@router.get("/campaigns/plans", response={200: list[PlanOut], 401: ErrorOut}, summary="Plans")
def plan_list(request):
    """Every account change plan, the latest change first."""
    every = list(selectors.plans_for(user=request.auth))
    if any(selectors.awaits_override(plan) for plan in every):
        people = candidates()
        for plan in every:
            _approval(plan, people=people)
    return every


@router.get("/campaigns/plans/{pk}", response={200: PlanOut, **READ_ERRORS}, summary="One plan")
def plan_detail(request, pk: PlanId):
    """A plan with the rules it breaks and its override."""
    return _plan(request, pk)


@router.post("/campaigns/plans", response={201: PlanOut, **WRITE_ERRORS}, summary="Plan a change")
def plan_create(request, payload: PlanIn):
    """A draft plan (finance, managers). Both accounts must be our active receiving ones,
    different, in one currency; the rules it breaks are recorded."""
    data = payload.dict()
    data["old_account"] = _account(data.pop("old_account_id"), "old_account_id")
    data["new_account"] = _account(data.pop("new_account_id"), "new_account_id")
    data["audience"] = str(data["audience"])
    plan = plans.plan_create(actor=request.auth, data=plans.PlanInput(**data))
    return Status(201, plan)


@router.post(
    "/campaigns/plans/{pk}/launch", response={200: PlanOut, **WRITE_ERRORS}, summary="Launch"
)
def plan_launch(request, pk: PlanId):
    """Tell the buyers: recipients and their touches are made. 422 while a broken rule has
    no manager's override."""
    return launch.plan_launch(actor=request.auth, plan=_plan(request, pk))


@router.post(
    "/campaigns/plans/{pk}/cancel", response={200: PlanOut, **WRITE_ERRORS}, summary="Cancel"
)
def plan_cancel(request, pk: PlanId):
    """Stop the plan: waiting messages are cancelled and open tasks closed."""
    return closing.plan_cancel(actor=request.auth, plan=_plan(request, pk))


@router.get(
    "/campaigns/plans/{pk}/recipients",
    response={200: list[RecipientOut], **READ_ERRORS},
    summary="Recipients and their status",
)
def plan_recipients(request, pk: PlanId):
    """The buyers of the plan you may see: reached, opened, acknowledged, called, touches."""
    return list(selectors.recipients_for(user=request.auth, plan=_plan(request, pk)))


@router.post(
    "/campaigns/recipients/{pk}/call",
    response={200: RecipientOut, **WRITE_ERRORS},
    summary="Record a call's outcome",
)
def recipient_call(request, pk: RecipientId, payload: CallIn):
    """The customer's owner (or finance, a manager) records whether the buyer heard and
    understood; the call task is closed."""
    recipient = or_404(selectors.recipient_get, user=request.auth, pk=pk)
    calls.recipient_call_record(
        actor=request.auth, recipient=recipient, outcome=str(payload.outcome), notes=payload.notes
    )
    return selectors.recipients_for(user=request.auth, plan=recipient.plan).get(pk=recipient.pk)
