"""The buyer's side: opening their personal link, and "we have updated our records"."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from chengxin.audit.models import Action
from chengxin.audit.services import audit_record
from chengxin.campaigns.links import campaign_link
from chengxin.campaigns.models import Recipient, Touch, TouchKind, TouchState
from chengxin.core.deferred_text import deferred
from chengxin.notifications.services import notify

ACK_KIND = "campaigns.acknowledged"


def recipient_open(*, recipient: Recipient, now: datetime.datetime | None = None) -> bool:
    """The buyer opened their link (or the PDF): recorded the first time; True then."""
    now = now or timezone.now()
    with transaction.atomic():
        first = Recipient.objects.filter(pk=recipient.pk, opened_at__isnull=True).update(
            opened_at=now
        )
        if first:
            audit_record(
                actor=None,
                action=Action.UPDATE,
                instance=recipient,
                before={"opened_at": None},
                after={"opened_at": now.isoformat()},
                company_id=recipient.company_id,
            )
            recipient.opened_at = now
    return bool(first)


def recipient_acknowledge(
    *,
    recipient: Recipient,
    ip: str | None,
    user_agent: str,
    now: datetime.datetime | None = None,
) -> bool:
    """ "We have updated our records": time, address and browser recorded once (a second
    click changes nothing); reminders not yet sent are dropped; the owner is told."""
    now = now or timezone.now()
    with transaction.atomic():
        first = Recipient.objects.filter(pk=recipient.pk, acknowledged_at__isnull=True).update(
            acknowledged_at=now, acknowledged_ip=ip, acknowledged_user_agent=user_agent[:300]
        )
        if not first:
            return False
        Recipient.objects.filter(pk=recipient.pk, opened_at__isnull=True).update(opened_at=now)
        recipient.refresh_from_db()
        Touch.objects.filter(
            recipient=recipient, kind=TouchKind.ACK_REMINDER, state=TouchState.SCHEDULED
        ).update(state=TouchState.CANCELLED, done_at=now)
        audit_record(
            actor=None,
            action=Action.UPDATE,
            instance=recipient,
            before={"acknowledged_at": None},
            after={"acknowledged_at": now.isoformat(), "acknowledged_ip": ip},
            company_id=recipient.company_id,
        )
        owner = recipient.company.owner
        if owner is not None:
            title = deferred(
                gettext_lazy("%(company)s confirmed they updated our bank account"),
                company=recipient.company.legal_name,
            )
            notify(users=[owner], kind=ACK_KIND, title=title, link=campaign_link(recipient))
    return True
