"""Reading the guard's verdicts, always through what the user may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from chengxin.accounts.eligibility import Eligibility
from chengxin.accounts.models import User
from chengxin.guard.models import ALARMING_LEVELS, Assessment
from chengxin.guard.services import (
    awaits_safe_confirmation,
    can_confirm_safe,
    safe_confirmers,
    sentences,
)
from chengxin.mail.models import Message
from chengxin.mail.permissions import visible_messages_q
from chengxin.parties.models import Company
from chengxin.parties.selectors import company_history_ids


@dataclass(frozen=True)
class AssessmentView:
    assessment: Assessment
    sentences: list[str]
    can_propose: bool
    can_confirm: bool
    # Who may confirm a proposed "safe" (None: nothing waits for a confirmation).
    confirmers: Eligibility | None = None


def assessment_view(*, user: User, message: Message) -> AssessmentView | None:
    """The message's assessment with its reasons in the user's language (None: not yet)."""
    assessment = (
        Assessment.objects.filter(message=message)
        .select_related("safe_proposed_by", "safe_confirmed_by")
        .first()
    )
    if assessment is None:
        return None
    assessment.message = message
    open_for_marking = assessment.is_alarming and assessment.safe_confirmed_at is None
    return AssessmentView(
        assessment=assessment,
        sentences=sentences(assessment),
        can_propose=open_for_marking and assessment.safe_proposed_by_id is None,
        can_confirm=open_for_marking and can_confirm_safe(user, assessment),
        confirmers=(safe_confirmers(assessment) if awaits_safe_confirmation(assessment) else None),
    )


def alarming_messages(*, user: User) -> QuerySet[Message]:
    """High and critical messages the user may read that nobody has confirmed safe."""
    return (
        Message.objects.filter(
            visible_messages_q(user),
            assessment__level__in=ALARMING_LEVELS,
            assessment__safe_confirmed_at__isnull=True,
        )
        .select_related("assessment", "company", "assessment__safe_proposed_by")
        .order_by("-dated_at", "-id")
    )


def company_alarming_messages(*, company: Company) -> QuerySet[Message]:
    """The company's unresolved high and critical messages (the caller can see it)."""
    return (
        Message.objects.filter(
            company_id__in=company_history_ids(company),
            assessment__level__in=ALARMING_LEVELS,
            assessment__safe_confirmed_at__isnull=True,
        )
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
        )
        .select_related(
            "message__company__owner", "message__mailbox__owner", "message__uploaded_by"
        )
        .order_by("safe_proposed_at", "id")
    )
