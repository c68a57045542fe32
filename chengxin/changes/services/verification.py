"""Step 2: the out-of-band check through a channel on file before the request. Confirmed,
the request is verified (and waits for a manager when the message looked dangerous);
denied, it is rejected as a fraud attempt; unreachable, it stays for another try."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import snapshot
from chengxin.changes.models import ChangeRequest, Outcome, State, StepKind
from chengxin.changes.permissions import awaits_approval, change_approvers
from chengxin.changes.services.rejection import change_reject
from chengxin.changes.services.steps import (
    change_advance,
    change_link,
    change_to_act_on,
)
from chengxin.parties.models import Channel
from chengxin.parties.selectors import channels_on_file
from chengxin.workflow.four_eyes import notify_if_blocked


def verification_channels(request: ChangeRequest):
    """Channels that may serve to verify out of band: on file for the customer (this contact
    or a colleague), i.e. verified before the request was opened, still in use, and not the
    new value."""
    return channels_on_file(company=request.contact.company_id, before=request.opened_at).exclude(
        value=request.new_value
    )


@transaction.atomic
def change_verify(
    *,
    actor: User,
    request: ChangeRequest,
    channel: Channel,
    outcome: str,
    notes: str = "",
    checked_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> ChangeRequest:
    now = now or timezone.now()
    request = change_to_act_on(actor=actor, request=request, states=(State.CONFIRM_SENT,))
    checked_at = _checked(request, channel=channel, outcome=outcome, checked_at=checked_at, now=now)
    details = {
        "channel_id": channel.pk,
        "channel": f"{channel.contact.name} · {channel.get_kind_display()} {channel.display}",
        "foreign_domain": channel.is_foreign_domain,
        "outcome": outcome,
        "checked_at": checked_at.isoformat(),
    }
    before = snapshot(request)
    fields = []
    if outcome != Outcome.UNREACHABLE:
        request.verified_by, request.verified_at = actor, checked_at
        request.verification_channel, request.verification_outcome = channel, outcome
        fields = ["verified_by", "verified_at", "verification_channel", "verification_outcome"]
    confirmed = outcome == Outcome.CONFIRMED
    change_advance(
        request,
        actor=actor,
        before=before,
        state=State.VERIFIED if confirmed else request.state,
        fields=fields,
        step=StepKind.VERIFICATION,
        details=details,
        notes=notes,
        now=now,
    )
    if confirmed and awaits_approval(request):
        notify_if_blocked(
            eligibility=change_approvers(request),
            item=str(request),
            link=change_link(request),
            proposer=request.opened_by,
        )
    elif outcome == Outcome.DENIED:
        change_reject(actor=actor, request=request, notes=notes, now=now)
    return request


def _checked(
    request: ChangeRequest,
    *,
    channel: Channel,
    outcome: str,
    checked_at: datetime.datetime | None,
    now: datetime.datetime,
) -> datetime.datetime:
    """Refuse an unknown outcome, a channel not on file before the request, a time outside
    the request's life; the time of the check (now by default)."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Choose the outcome.")]})
    if not verification_channels(request).filter(pk=channel.pk).exists():
        raise ValidationError(
            {"channel": [_("Verify through a channel that was on file (verified) before this "
                           "request was opened, never one given in the change message, added "
                           "since or never verified.")]}
        )  # fmt: skip
    checked_at = checked_at or now
    if checked_at > now or checked_at < request.opened_at:
        raise ValidationError({"checked_at": [_("Enter when you checked, after the request.")]})
    return checked_at
