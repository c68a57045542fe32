"""What the outbox did with the loop's letters: each one handed to the mail server, or
given up on, is a step on the request's timeline."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from chengxin.changes.models import ChangeRequest, ChangeStep, StepKind
from chengxin.changes.services.steps import change_advance

_DELIVERY_STEPS = {
    # (letter, outcome) -> step
    ("confirm", "sent"): StepKind.CONFIRM_SENT,
    ("confirm", "failed"): StepKind.CONFIRM_FAILED,
    ("notice", "sent"): StepKind.NOTICE_SENT,
    ("notice", "failed"): StepKind.NOTICE_FAILED,
}


@transaction.atomic
def change_delivery_record(*, message_pk: int) -> ChangeStep | None:
    """The outbox handed one of a request's letters to the mail server, or gave up on it:
    record that on the request's timeline (once per letter and outcome), with the address
    it went to and when."""
    from chengxin.outbox.models import OutboundMessage, Status

    message = OutboundMessage.objects.filter(pk=message_pk).first()
    if message is None or message.related_type != "changes.changerequest":
        return None
    if message.status == Status.SENT:
        outcome = "sent"
    elif message.status in (Status.FAILED_PERMANENTLY, Status.BOUNCED):
        outcome = "failed"
    else:
        return None
    request = (
        ChangeRequest.objects.select_for_update(of=("self",))
        .select_related("contact")
        .filter(pk=int(message.related_id or 0))
        .first()
    )
    if request is None:
        return None
    if message.pk == request.confirm_message_id:
        letter = "confirm"
    elif message.pk == request.notice_message_id:
        letter = "notice"
    else:
        return None
    kind = _DELIVERY_STEPS[(letter, outcome)]
    if request.steps.filter(kind=kind, details__outbound_id=message.pk).exists():
        return None
    at = (message.sent_at if outcome == "sent" else message.bounced_at) or timezone.now()
    details = {
        "to": message.to_address,
        "outbound_id": message.pk,
        "status": message.status,
        "error": message.last_error[:500] if outcome == "failed" else "",
    }
    return change_advance(request, actor=None, before=None, step=kind, details=details, now=at)
