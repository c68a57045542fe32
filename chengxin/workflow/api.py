"""The JSON API's view of a workflow's steps. Errors: ``chengxin.core.api_types``
(ErrorOut, InvalidOut) and the handlers in ``chengxin.api`` (ValidationError 422,
PermissionDenied 403, DoesNotExist 404) serve every app alike."""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema

from chengxin.accounts.schemas import ApproverOut


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
"""An item's ``approvers`` and ``approval_blocked_reason`` (``Eligibility.as_api()``); the
item's schema says in its description when it awaits an approval."""


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
