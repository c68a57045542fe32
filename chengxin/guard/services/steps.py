"""What every step a person takes on an alert shares: the assessment again under a row lock
(two people acting at once are served one after the other, and the second finds the alert
already changed), and the step recorded with its audit entries."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.guard.models import AlertStep, Assessment
from chengxin.mail.permissions import can_view_message
from chengxin.workflow.services import locked


def assessment_locked(*, actor: User, assessment: Assessment) -> Assessment:
    """The assessment again, under a row lock; DoesNotExist when the actor may not read it."""
    return locked(
        Assessment.objects.select_related(
            "message__company__owner", "message__mailbox__owner", "message__uploaded_by"
        ),
        assessment.pk,
        allowed=lambda row: can_view_message(actor, row.message),
    )


def audit_label(assessment: Assessment) -> str:
    message = assessment.message
    return f"{message.from_address} · {message.subject}"[:300]


def record_step(
    *,
    actor: User,
    assessment: Assessment,
    before: dict | None,
    fields: list[str],
    kind: str,
    reason: str = "",
    details: dict | None = None,
    now: datetime.datetime,
    extra: Sequence[Change] = (),
) -> AlertStep:
    """Save ``fields`` of the assessment, add the step ``kind`` and write both (and
    ``extra``) to the audit chain."""
    if fields:
        assessment.save(update_fields=[*fields, "updated_at"])
    step = AlertStep.objects.create(
        assessment=assessment, kind=kind, actor=actor, at=now, reason=reason, details=details or {}
    )
    company_id = assessment.message.company_id
    label = audit_label(assessment)
    changes = [Change(Action.CREATE, step, None, snapshot(step), company_id, label), *extra]
    if fields:
        changes.insert(
            0, Change(Action.UPDATE, assessment, before, snapshot(assessment), company_id, label)
        )
    audit_record_many(actor=actor, changes=changes)
    return step
