"""Closing an alert: safe, by two people (one proposes, a second confirms), or fraud, which
blocks the sender for the customer. Who may do which is ``chengxin.guard.permissions``'s;
each step loads the assessment under a row lock first, so two people acting at once are
served one after the other and the second finds the alert already changed."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, snapshot
from chengxin.guard.models import AlertStepKind, Assessment, BlockedSender
from chengxin.guard.permissions import (
    alert_customer,
    can_confirm_fraud,
    confirm_safe_refusal,
    safe_confirmers,
)
from chengxin.guard.services.blocks import block_candidates
from chengxin.guard.services.reassess import mail_from_blocked, reassess
from chengxin.guard.services.steps import assessment_locked, audit_label, record_step
from chengxin.workflow.four_eyes import enforce_refusal, notify_if_blocked

REASON_MAX = 2000

# What each half of "safe" records on the assessment: who, when, why.
_SAFE_FIELDS = {
    AlertStepKind.SAFE_PROPOSED: ("safe_proposed_by", "safe_proposed_at", "safe_proposed_reason"),
    AlertStepKind.SAFE_CONFIRMED: (
        "safe_confirmed_by",
        "safe_confirmed_at",
        "safe_confirmed_reason",
    ),
}


def _clean_reason(reason: str) -> str:
    reason = (reason or "").replace("\x00", "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give a reason.")]})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [_("Keep the reason under %(limit)d characters.") % {"limit": REASON_MAX}]}
        )
    return reason


def _open_alert(*, actor: User, assessment: Assessment) -> Assessment:
    """The assessment again, locked; refused unless it is an alert still open."""
    assessment = assessment_locked(actor=actor, assessment=assessment)
    if not assessment.is_alarming:
        raise ValidationError(
            _("Only a high or critical risk message is an alert to close."), code="not_alert"
        )
    if assessment.is_fraud_confirmed:
        raise ValidationError(_("This message was already confirmed as fraud."), code="closed")
    if assessment.is_marked_safe:
        raise ValidationError(_("This message was already marked safe."), code="closed")
    return assessment


def _safe_step(
    *,
    actor: User,
    assessment: Assessment,
    reason: str,
    now: datetime.datetime | None,
    kind: AlertStepKind,
    check: Callable[[Assessment], None],
) -> Assessment:
    """One half of "safe": the open alert, ``check`` (who may, in which order), then who,
    when and why recorded as the step ``kind``."""
    now = now or timezone.now()
    assessment = _open_alert(actor=actor, assessment=assessment)
    check(assessment)
    reason = _clean_reason(reason)
    before = snapshot(assessment)
    fields = _SAFE_FIELDS[kind]
    for field, value in zip(fields, (actor, now, reason), strict=True):
        setattr(assessment, field, value)
    record_step(
        actor=actor,
        assessment=assessment,
        before=before,
        fields=list(fields),
        kind=kind,
        reason=reason,
        now=now,
    )
    return assessment


def _not_proposed(assessment: Assessment) -> None:
    if assessment.safe_proposed_by_id is not None:
        raise ValidationError(
            _("%(name)s already proposed it; a second person must confirm.")
            % {"name": assessment.safe_proposed_by},
            code="proposed",
        )


@transaction.atomic
def assessment_propose_safe(
    *, actor: User, assessment: Assessment, reason: str, now: datetime.datetime | None = None
) -> Assessment:
    """First of two people: "I checked; this message is genuine", and why."""
    assessment = _safe_step(
        actor=actor,
        assessment=assessment,
        reason=reason,
        now=now,
        kind=AlertStepKind.SAFE_PROPOSED,
        check=_not_proposed,
    )
    notify_if_blocked(
        eligibility=safe_confirmers(assessment),
        item=audit_label(assessment),
        link=reverse("mail:message_detail", args=[assessment.message_id]),
        proposer=actor,
    )
    return assessment


@transaction.atomic
def assessment_confirm_safe(
    *, actor: User, assessment: Assessment, reason: str, now: datetime.datetime | None = None
) -> Assessment:
    """Second person: a manager or the customer's owner, never the one who proposed."""

    def may_confirm(assessment: Assessment) -> None:
        if assessment.safe_proposed_by_id is None:
            raise ValidationError(
                _("Someone must first propose to mark it safe."), code="no_proposal"
            )
        enforce_refusal(confirm_safe_refusal(actor, assessment), second_factor_passed=True)

    return _safe_step(
        actor=actor,
        assessment=assessment,
        reason=reason,
        now=now,
        kind=AlertStepKind.SAFE_CONFIRMED,
        check=may_confirm,
    )


@transaction.atomic
def assessment_confirm_fraud(
    *, actor: User, assessment: Assessment, reason: str, now: datetime.datetime | None = None
) -> Assessment:
    """Close the alert as fraud: the sender's address and domain are blocked for the
    customer, so the guard rates any later message from them critical, saying why."""
    now = now or timezone.now()
    assessment = _open_alert(actor=actor, assessment=assessment)
    if not can_confirm_fraud(actor, assessment):
        raise PermissionDenied(
            _("Only a manager, the customer's owner or (for a message with bank details) "
              "finance may confirm fraud.")
        )  # fmt: skip
    reason = _clean_reason(reason)
    before = snapshot(assessment)
    assessment.fraud_confirmed_by = actor
    assessment.fraud_confirmed_at = now
    assessment.fraud_reason = reason
    company = alert_customer(assessment.message)
    blocked: list[dict] = []
    left_out: list[dict] = []
    changes: list[Change] = []
    if company is not None:
        candidates, left_out = block_candidates(assessment.message, company)
        for kind, value in candidates:
            row, created = BlockedSender.objects.get_or_create(
                company=company,
                kind=kind,
                value=value,
                defaults={
                    "assessment": assessment,
                    "blocked_by": actor,
                    "blocked_at": now,
                    "reason": reason,
                },
            )
            blocked.append({"kind": kind, "value": value, "since": row.blocked_at.isoformat()})
            if created:
                changes.append(
                    Change(Action.CREATE, row, None, snapshot(row), company.pk, str(row)[:300])
                )
        if blocked:
            others = mail_from_blocked(company, blocked, exclude_pk=assessment.message_id)
            transaction.on_commit(lambda: reassess(others))
    record_step(
        actor=actor,
        assessment=assessment,
        before=before,
        fields=["fraud_confirmed_by", "fraud_confirmed_at", "fraud_reason"],
        kind=AlertStepKind.FRAUD_CONFIRMED,
        reason=reason,
        details={"blocked": blocked, "not_blocked": left_out},
        now=now,
        extra=changes,
    )
    return assessment
