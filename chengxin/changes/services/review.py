"""Step 5: the review, opened by the schedule once the notice is old enough (what still
went to the old value, what bounced), and closed by the rep: the loop ends."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import User
from chengxin.audit.services import snapshot
from chengxin.changes.models import ChangeRequest, State, StepKind
from chengxin.changes.services.steps import (
    change_advance,
    change_link,
    change_locked,
    change_to_act_on,
)
from chengxin.core.deferred_text import deferred
from chengxin.notifications.services import notify

REVIEW_KIND = "changes.review"


def review_days() -> int:
    return settings.CHENGXIN_CHANGE_REVIEW_DAYS


def _outbound_lines(queryset) -> list[dict]:
    return [
        {
            "to": m.to_address,
            "subject": m.subject,
            "status": m.status,
            "at": (m.sent_at or m.created_at).isoformat(),
        }
        for m in queryset.order_by("id")[:50]
    ]


def change_review_findings(request: ChangeRequest) -> dict:
    from chengxin.outbox.selectors import outbox_bounces_since, outbox_sent_to_since

    since = request.applied_at
    bounced = []
    for value in (request.new_value, request.old_value):
        bounced += _outbound_lines(outbox_bounces_since(value=value, since=since))
    return {
        "sent_to_old": _outbound_lines(outbox_sent_to_since(value=request.old_value, since=since)),
        "bounced": bounced,
    }


def changes_review_open_due(*, now: datetime.datetime | None = None) -> int:
    """Scheduled: open the review of every request whose notice went out long enough ago."""
    now = now or timezone.now()
    due = ChangeRequest.objects.filter(state=State.NOTICE_SENT, review_due_at__lte=now)
    return sum(_review_open(request=request, now=now) for request in due.order_by("id"))


@transaction.atomic
def _review_open(*, request: ChangeRequest, now: datetime.datetime) -> bool:
    request = change_locked(actor=None, request=request)
    if request.state != State.NOTICE_SENT or request.review_due_at > now:
        return False
    findings = change_review_findings(request)
    before = snapshot(request)
    request.review_findings = findings
    change_advance(
        request,
        actor=None,
        before=before,
        state=State.REVIEW_DUE,
        fields=["review_findings"],
        step=StepKind.REVIEW_OPENED,
        details=findings,
        now=now,
    )
    _tell_reviewer(request, findings)
    return True


def _tell_reviewer(request: ChangeRequest, findings: dict) -> None:
    """The customer's owner (else whoever applied the change) hears the review is due."""
    owner = request.contact.company.owner or request.applied_by
    if owner is None:
        return
    title = deferred(
        gettext_lazy("Review the change of %(contact)s to %(value)s"),
        contact=request.contact.name,
        value=request.new_value,
    )
    lines = [
        deferred(
            gettext_lazy("Sent to the old value since the change: %(count)d."),
            count=len(findings["sent_to_old"]),
        ),
        deferred(
            gettext_lazy("Bounced since the change: %(count)d."),
            count=len(findings["bounced"]),
        ),
        deferred(
            gettext_lazy(
                "Also re-check the contact's other details: phone, address and colleagues."
            )
        ),
    ]
    notify(users=[owner], kind=REVIEW_KIND, title=title, body=lines, link=change_link(request))


@transaction.atomic
def change_review_close(
    *, actor: User, request: ChangeRequest, notes: str = "", now: datetime.datetime | None = None
) -> ChangeRequest:
    now = now or timezone.now()
    request = change_to_act_on(actor=actor, request=request, states=(State.REVIEW_DUE,))
    before = snapshot(request)
    request.closed_by, request.closed_at = actor, now
    change_advance(
        request,
        actor=actor,
        before=before,
        state=State.CLOSED,
        fields=["closed_by", "closed_at"],
        step=StepKind.CLOSED,
        notes=notes,
        now=now,
    )
    return request
