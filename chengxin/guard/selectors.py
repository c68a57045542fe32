"""Reading the guard's verdicts, always through what the user may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from chengxin.accounts.models import User
from chengxin.accounts.roles import may_see_full_number
from chengxin.core import bank_numbers as numbers
from chengxin.core.crypto import DecryptionError, decrypt
from chengxin.guard.models import ALARMING_LEVELS, AlertStep, Assessment, FoundBankDetail
from chengxin.guard.permissions import (
    awaits_safe_confirmation,
    can_confirm_fraud,
    can_confirm_safe,
    can_warn_buyer,
    safe_confirmers,
)
from chengxin.guard.sentences import sentences
from chengxin.mail.models import Message
from chengxin.mail.permissions import visible_messages_q
from chengxin.parties.models import Company
from chengxin.parties.selectors import company_history_ids
from chengxin.workflow.four_eyes import Eligibility


@dataclass(frozen=True)
class BankDetailView:
    kind: str
    number: str
    masked: bool
    attachment: str
    on_file: bool
    country: str
    bank: str


@dataclass(frozen=True)
class AssessmentView:
    assessment: Assessment
    sentences: list[str]
    can_propose: bool
    can_confirm: bool
    can_confirm_fraud: bool
    can_warn: bool
    steps: list[AlertStep]
    bank_details: list[BankDetailView]
    # Who may confirm a proposed "safe" (None: nothing waits for a confirmation).
    confirmers: Eligibility | None = None


def bank_detail_views(*, user: User, assessment: Assessment) -> list[BankDetailView]:
    """The bank identifiers the message names, as ``user`` may see them: numbers in full for
    finance, managers and administrators, their last four digits for everyone else (as on
    bank accounts); a SWIFT/BIC code, which names a bank and not an account, in full."""
    full = may_see_full_number(user)
    rows = []
    for row in assessment.bank_details.all():
        number = f"···· {row.last4}"
        masked = True
        if row.kind == "bic" or full:
            try:
                value = decrypt(row.value_encrypted)
            except DecryptionError:
                value = ""
            if value:
                number = value if row.kind == "bic" else numbers.formatted(value)
                masked = False
        rows.append(
            BankDetailView(
                kind=row.kind,
                number=number,
                masked=masked,
                attachment=row.attachment,
                on_file=row.on_file,
                country=row.country,
                bank=row.bank,
            )
        )
    return rows


def _steps(assessment: Assessment) -> list[AlertStep]:
    """The alert's steps; a warning letter's step carries its outbox message (``outbound``),
    so the page says whether it actually left, not only that it was queued."""
    from chengxin.outbox.models import OutboundMessage

    steps = list(assessment.steps.select_related("actor"))
    ids = [s.details.get("outbound_id") for s in steps if s.details.get("outbound_id")]
    outbound = OutboundMessage.objects.in_bulk(ids) if ids else {}
    for step in steps:
        step.outbound = outbound.get(step.details.get("outbound_id"))
    return steps


def assessment_view(*, user: User, message: Message) -> AssessmentView | None:
    """The message's assessment with its reasons in the user's language (None: not yet)."""
    assessment = (
        Assessment.objects.filter(message=message)
        .select_related("safe_proposed_by", "safe_confirmed_by", "fraud_confirmed_by")
        .first()
    )
    if assessment is None:
        return None
    assessment.message = message
    is_open = assessment.is_open_alert
    return AssessmentView(
        assessment=assessment,
        sentences=sentences(assessment),
        can_propose=is_open and assessment.safe_proposed_by_id is None,
        can_confirm=is_open and can_confirm_safe(user, assessment),
        can_confirm_fraud=is_open and can_confirm_fraud(user, assessment),
        can_warn=can_warn_buyer(user, assessment),
        steps=_steps(assessment),
        bank_details=bank_detail_views(user=user, assessment=assessment),
        confirmers=(safe_confirmers(assessment) if awaits_safe_confirmation(assessment) else None),
    )


def _open_alert_q() -> Q:
    return Q(
        assessment__level__in=ALARMING_LEVELS,
        assessment__safe_confirmed_at__isnull=True,
        assessment__fraud_confirmed_at__isnull=True,
    )


def alarming_messages(*, user: User) -> QuerySet[Message]:
    """Open alerts (high and critical messages closed neither as safe nor as fraud) that the
    user may read. Finance may read every alert that names bank details (see
    ``chengxin.mail.permissions``)."""
    return (
        Message.objects.filter(visible_messages_q(user))
        .filter(_open_alert_q())
        .select_related("assessment", "company", "assessment__safe_proposed_by")
        .order_by("-dated_at", "-id")
    )


def company_alarming_messages(*, company: Company) -> QuerySet[Message]:
    """The company's open alerts (the caller can see it)."""
    return (
        Message.objects.filter(_open_alert_q(), company_id__in=company_history_ids(company))
        .select_related("assessment")
        .only("id", "subject", "from_address", "dated_at", "assessment__level", "assessment__score")
        .order_by("-dated_at", "-id")
    )


def assessment_get(*, user: User, pk: int) -> Assessment:
    """The assessment, if the user may read its message; Assessment.DoesNotExist otherwise."""
    assessment = Assessment.objects.select_related("message").get(pk=pk)
    if not Message.objects.filter(visible_messages_q(user), pk=assessment.message_id).exists():
        raise Assessment.DoesNotExist
    return assessment


def assessments_awaiting_confirmation() -> QuerySet[Assessment]:
    """Alarming messages one person proposed as safe, waiting for the second person."""
    return (
        Assessment.objects.filter(
            level__in=ALARMING_LEVELS,
            safe_proposed_by__isnull=False,
            safe_confirmed_at__isnull=True,
            fraud_confirmed_at__isnull=True,
        )
        .select_related(
            "message__company__owner", "message__mailbox__owner", "message__uploaded_by"
        )
        .order_by("safe_proposed_at", "id")
    )


def flagged_bank_details(*, digests: list[str]) -> QuerySet[FoundBankDetail]:
    """Found bank numbers (not SWIFT codes) matching any of ``digests`` in messages that are
    flagged: high or critical and not marked safe by two people (open, or confirmed fraud)."""
    digests = [d for d in digests if d]
    if not digests:
        return FoundBankDetail.objects.none()
    return (
        FoundBankDetail.objects.filter(
            Q(number_digest__in=digests) | Q(domestic_digest__in=digests),
            kind__in=("iban", "account_number"),
            assessment__level__in=ALARMING_LEVELS,
            assessment__safe_confirmed_at__isnull=True,
        )
        .select_related("assessment__message")
        .order_by("-assessment__message__dated_at", "-id")
    )
