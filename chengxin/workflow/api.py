"""The JSON API's view of a workflow's steps. Errors: ``chengxin.core.api_types``
(ErrorOut, InvalidOut) and the handlers in ``chengxin.api`` (ValidationError 422,
PermissionDenied 403, DoesNotExist 404) serve every app alike."""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema

from chengxin.accounts.schemas import ApproverOut
from chengxin.workflow.four_eyes import Eligibility


class StepOut(Schema):
    kind: str = Field(description="What happened (the item's step kinds).")
    actor: str | None = Field(description="Who took the step: a username (empty for the system).")
    at: datetime.datetime = Field(description="When, in UTC.")
    details: dict = Field(description="What the step recorded (method, channel, outcome...).")
    notes: str = Field(description="The person's notes.")


Approvers = Annotated[
    list[ApproverOut],
    Field(description="Who may give the approval the item awaits now (empty when it awaits none)."),
]
ApprovalBlockedReason = Annotated[
    str | None,
    Field(description="Why nobody may give the approval the item awaits (null otherwise)."),
]
"""An item's ``approvers`` and ``approval_blocked_reason`` (see ``approval_out``); the
item's schema says in its description when it awaits an approval."""


def approval_out(eligibility: Eligibility | None) -> dict:
    """An item's ``approvers`` and ``approval_blocked_reason``: who may give the approval it
    awaits (``eligibility``), or nobody and no reason when it awaits none (None)."""
    if eligibility is None:
        return {"approvers": [], "approval_blocked_reason": None}
    return {
        "approvers": [
            {
                "id": a.user.pk,
                "name": str(a.user),
                "role": a.user.role,
                "must_set_up_two_factor": a.must_set_up_two_factor,
            }
            for a in eligibility.approvers
        ],
        "approval_blocked_reason": eligibility.blocked_reason,
    }


def step_out(step) -> dict:
    return {
        "kind": step.kind,
        "actor": step.actor.username if step.actor_id else None,
        "at": step.at,
        "details": step.details,
        "notes": step.notes,
    }


def steps_out(item) -> list[dict]:
    """Every step of ``item``, oldest first."""
    return [step_out(step) for step in item.steps.select_related("actor")]
