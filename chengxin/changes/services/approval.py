"""Step 2b: a manager's second look, needed when the guard rated the message high or
critical (the four-eyes rule: :func:`chengxin.changes.permissions.approval_rule`)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import snapshot
from chengxin.changes.models import ChangeRequest, State, StepKind
from chengxin.changes.permissions import approval_rule
from chengxin.changes.services.steps import change_advance, change_locked
from chengxin.workflow.services import WRONG_STEP, require_state


@transaction.atomic
def change_approve(
    *, actor: User, request: ChangeRequest, notes: str = "", now: datetime.datetime | None = None
) -> ChangeRequest:
    """A manager who neither opened nor verified the request approves it. Someone without
    the role hears that first; a colleague then hears the request moved on."""
    now = now or timezone.now()
    request = change_locked(actor=actor, request=request)
    approval_rule(request).enforce(actor, state_check=lambda: _require_awaiting(request))
    before = snapshot(request)
    request.approved_by, request.approved_at = actor, now
    change_advance(
        request,
        actor=actor,
        before=before,
        state=State.APPROVED,
        fields=["approved_by", "approved_at"],
        step=StepKind.APPROVED,
        notes=notes,
        now=now,
    )
    return request


def _require_awaiting(request: ChangeRequest) -> None:
    require_state(request, State.VERIFIED)
    if not request.needs_approval:
        raise ValidationError(_("This request needs no approval."), code=WRONG_STEP)
