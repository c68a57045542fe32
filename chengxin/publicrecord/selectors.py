"""Reading the public record. Everything shown to the public goes through these, and
they only ever return our APPROVED accounts (active or retired): a proposed, verified or
rejected account never appears on the public page, in its history or its proofs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, IntegerField, QuerySet, Value, When

from chengxin.banking.models import BankAccount, Side, State
from chengxin.banking.selectors import our_receiving_accounts
from chengxin.campaigns.models import ChangePlan, PlanState
from chengxin.publicrecord.models import Answer, ProofDocument, VerificationAttempt
from chengxin.publicrecord.services import can_keep_record, company_date

PUBLIC_STATES = (State.ACTIVE, State.RETIRED)


@dataclass(frozen=True)
class PublicAccount:
    """What the public sees of one of our accounts: never its id or full number."""

    bank_name: str
    bic: str
    holder_name: str
    currency: str
    masked_number: str
    active_since: datetime.date | None
    retired_on: datetime.date | None
    is_active: bool

    @classmethod
    def of(cls, account: BankAccount) -> PublicAccount:
        return cls(
            bank_name=account.bank_name,
            bic=account.bic,
            holder_name=account.holder_name,
            currency=account.currency,
            masked_number=account.masked_number,
            active_since=company_date(account.active_since or account.approved_at),
            retired_on=company_date(account.retired_at) if account.state == State.RETIRED else None,
            is_active=account.state == State.ACTIVE,
        )


@dataclass(frozen=True)
class PublicChange:
    reason: str
    decided_on: datetime.date
    parallel_from: datetime.date
    old_closes_on: datetime.date
    completed: bool
    old: PublicAccount
    new: PublicAccount


def current_accounts() -> list[PublicAccount]:
    """Our active receiving accounts."""
    return [PublicAccount.of(account) for account in our_receiving_accounts()]


def change_history() -> list[PublicChange]:
    """Launched and completed change plans between two of our approved accounts, newest
    change first."""
    plans = (
        ChangePlan.objects.filter(
            state__in=(PlanState.LAUNCHED, PlanState.COMPLETED),
            old_account__side=Side.OURS,
            old_account__state__in=PUBLIC_STATES,
            new_account__side=Side.OURS,
            new_account__state__in=PUBLIC_STATES,
        )
        .select_related("old_account", "new_account")
        .order_by("-parallel_from", "-id")
    )
    return [
        PublicChange(
            reason=plan.reason,
            decided_on=plan.decided_on,
            parallel_from=plan.parallel_from,
            old_closes_on=plan.old_closes_on,
            completed=plan.state == PlanState.COMPLETED,
            old=PublicAccount.of(plan.old_account),
            new=PublicAccount.of(plan.new_account),
        )
        for plan in plans
    ]


def public_proofs() -> QuerySet[ProofDocument]:
    """Public proof documents of our approved accounts (without their content)."""
    return (
        ProofDocument.objects.filter(
            is_public=True, account__side=Side.OURS, account__state__in=PUBLIC_STATES
        )
        .select_related("account")
        .defer("content")
        .order_by("-uploaded_at", "-id")
    )


def public_proof_get(pk: int) -> ProofDocument:
    """A public proof document with its content; DoesNotExist otherwise."""
    return ProofDocument.objects.filter(
        is_public=True, account__side=Side.OURS, account__state__in=PUBLIC_STATES
    ).get(pk=pk)


# --- Finance's view ---------------------------------------------------------------------


def proofs_for(user) -> QuerySet[ProofDocument]:
    if not can_keep_record(user):
        return ProofDocument.objects.none()
    return (
        ProofDocument.objects.select_related("account", "uploaded_by")
        .defer("content")
        .order_by("-uploaded_at", "-id")
    )


def proof_accounts(user) -> QuerySet[BankAccount]:
    """Our accounts a proof may be uploaded for (not rejected ones)."""
    if not can_keep_record(user):
        return BankAccount.objects.none()
    return (
        BankAccount.objects.filter(side=Side.OURS)
        .exclude(state=State.REJECTED)
        .order_by("state", "-active_since", "-id")
    )


def attempts_for(
    user,
    *,
    answer: str = "",
    day_from: datetime.date | None = None,
    day_until: datetime.date | None = None,
) -> QuerySet[VerificationAttempt]:
    """Logged checks, the "not ours" ones first, then newest first. Days are in the active time zone (the user's)."""
    if not can_keep_record(user):
        return VerificationAttempt.objects.none()
    qs = VerificationAttempt.objects.select_related("account")
    if answer:
        qs = qs.filter(answer=answer)
    if day_from:
        qs = qs.filter(at__date__gte=day_from)
    if day_until:
        qs = qs.filter(at__date__lte=day_until)
    unknown_first = Case(
        When(answer=Answer.UNKNOWN, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return qs.order_by(unknown_first, "-at", "-id")
