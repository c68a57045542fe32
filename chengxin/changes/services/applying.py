"""Step 3: applying the change to the contact's channels, once the confirmation has left
and the contact's confirmation or an out-of-band check is recorded."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import snapshot
from chengxin.changes.models import ChangeAction, ChangeRequest, Outcome, State, StepKind
from chengxin.changes.services.confirmation import (
    CONFIRMATION_FAILED_STATUSES,
    confirmation_status,
)
from chengxin.changes.services.steps import change_advance, change_to_act_on
from chengxin.parties.models import Channel
from chengxin.parties.services.channels import channel_apply_change, channel_retire
from chengxin.workflow.services import WRONG_STEP, require_state


def apply_blocker(request: ChangeRequest) -> str:
    """Why the change cannot be applied yet for want of a delivered confirmation ("" when
    the mail server has taken it)."""
    from chengxin.outbox.models import Status

    status = confirmation_status(request)
    if status == Status.SENT:
        return ""
    if status in CONFIRMATION_FAILED_STATUSES:
        return _("The confirmation could not be delivered: write it again before applying.")
    return _("The confirmation has not left yet (it is still in the outbox): apply once the "
             "mail server has taken it.")  # fmt: skip


@transaction.atomic
def change_apply(
    *, actor: User, request: ChangeRequest, now: datetime.datetime | None = None
) -> ChangeRequest:
    """In one transaction: the new value is written (or promoted) as verified by this loop,
    and for a replacement the old one is retired.

    Refused until the confirmation has actually left (the mail server took it) and the
    contact's confirmation or an out-of-band check is recorded. Messages already queued keep
    the address they were written for: the review a week later shows what still went to
    the old value."""
    now = now or timezone.now()
    request = change_to_act_on(actor=actor, request=request)
    _require_applicable(request)
    new_channel, retired = _channels_write(actor=actor, request=request, now=now)
    still_queued = _queued_to_old_value(request)
    before = snapshot(request)
    request.new_channel, request.applied_by, request.applied_at = new_channel, actor, now
    change_advance(
        request,
        actor=actor,
        before=before,
        state=State.APPLIED,
        fields=["new_channel", "applied_by", "applied_at"],
        step=StepKind.APPLIED,
        details={
            "action": request.action,
            "new_channel_id": new_channel.pk,
            "retired_channel_id": retired,
            "queued_to_old_value": still_queued,
        },
        now=now,
    )
    return request


def _require_applicable(request: ChangeRequest) -> None:
    """Verified (and approved when it must be), the confirmation delivered, the contact's
    confirmation recorded."""
    require_state(request, State.VERIFIED, State.APPROVED)
    if request.state == State.VERIFIED and request.needs_approval:
        raise ValidationError(
            _("The message was rated a high risk: a manager must approve first."),
            code=WRONG_STEP,
        )
    blocker = apply_blocker(request)
    if blocker:
        raise ValidationError(blocker, code="confirmation_not_sent")
    if request.verification_outcome != Outcome.CONFIRMED or request.verified_at is None:
        raise ValidationError(
            _("Record the contact's confirmation or an out-of-band check first."),
            code=WRONG_STEP,
        )


def _channels_write(
    *, actor: User, request: ChangeRequest, now: datetime.datetime
) -> tuple[Channel, int | None]:
    """The new value written (or promoted) as verified by the loop; for a replacement the
    old one retired. The new channel, and the retired one's id (None when none was)."""
    new_channel = channel_apply_change(
        actor=actor,
        contact=request.contact,
        kind=request.kind,
        value=request.new_value,
        make_primary=request.make_primary,
        change_id=request.pk,
        verified_by=request.verified_by,
        verified_at=now,
    )
    if request.action == ChangeAction.REPLACE and request.old_channel_id:
        old = Channel.objects.get(pk=request.old_channel_id)
        if old.is_active and old.pk != new_channel.pk:
            channel_retire(actor=actor, channel=old)
            return new_channel, old.pk
    return new_channel, None


def _queued_to_old_value(request: ChangeRequest) -> int:
    """How many messages to the contact still wait in the outbox for the old value."""
    from chengxin.outbox.models import PENDING_STATUSES, OutboundMessage

    if not request.old_value:
        return 0
    return OutboundMessage.objects.filter(
        contact=request.contact, to_address__iexact=request.old_value, status__in=PENDING_STATUSES
    ).count()
