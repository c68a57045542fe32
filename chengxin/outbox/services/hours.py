"""The recipient's working hours: when a message may go out."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chengxin.outbox import windows
from chengxin.outbox.models import (
    ContactWindow,
    OutboundMessage,
)
from chengxin.parties.permissions import require_edit


def contact_window(contact) -> windows.Window:
    if contact is None:
        return windows.DEFAULT_WINDOW
    try:
        return contact.communication_window.as_window()
    except ContactWindow.DoesNotExist:
        return windows.DEFAULT_WINDOW


def window_opens(message: OutboundMessage, at: datetime.datetime) -> datetime.datetime:
    """The first moment at or after ``at`` inside the recipient's window."""
    contact = message.contact
    if contact is None:
        return at
    return windows.next_send_time(
        at,
        contact.time_zone,
        contact_window(contact),
        message.company.country if message.company is not None else "",
    )


@transaction.atomic
def contact_window_set(
    *, actor, contact, start: datetime.time, end: datetime.time, working_days: Sequence[int]
) -> ContactWindow:
    require_edit(actor, contact.company)
    if start >= end:
        raise ValidationError({"end": _("The window must end after it starts.")})
    days = sorted({int(d) for d in working_days})
    if not days or any(d < 0 or d > 6 for d in days):
        raise ValidationError({"working_days": _("Choose at least one working day.")})
    window, _created = ContactWindow.objects.update_or_create(
        contact=contact, defaults={"start": start, "end": end, "working_days": days}
    )
    return window
