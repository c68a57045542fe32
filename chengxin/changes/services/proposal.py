"""Step 0 by the fraud guard: a message asks to change a contact's email address, so a
change request is proposed (the rep still confirms, verifies and applies it)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from chengxin.changes.models import OPEN_STATES, ChangeRequest
from chengxin.changes.services.opening import change_create
from chengxin.changes.services.steps import change_link
from chengxin.core.deferred_text import deferred
from chengxin.core.email_text import emails_in_text
from chengxin.guard.models import Assessment
from chengxin.mail.models import Message
from chengxin.notifications.services import notify
from chengxin.parties.models import ChannelKind, ContactStatus
from chengxin.parties.normalize import normalize_channel

CONTACT_CHANGE_SIGNAL = "contact_change_request"
PROPOSED_KIND = "changes.proposed"


def _announced_email(message: Message, on_file: set[str]) -> str:
    """The address a message announces: its Reply-To, its sender, or the first address in its
    text that is not on file."""
    candidates = [message.reply_to_address, message.from_address]
    candidates += emails_in_text(message.text_body or "")
    for raw in candidates:
        if not raw:
            continue
        try:
            value = normalize_channel(ChannelKind.EMAIL, raw)
        except ValidationError:
            continue
        if value not in on_file:
            return value
    return ""


@transaction.atomic
def change_propose_from_assessment(*, assessment: Assessment) -> ChangeRequest | None:
    """The guard saw a message asking to change a contact's details: propose a request.

    Only for a message linked to a contact, with a new email address that can be read from
    it, and when no request for that contact's email is open already.
    """
    assessment = Assessment.objects.select_related("message__contact__company").get(
        pk=assessment.pk
    )
    message = assessment.message
    if not any(s.get("code") == CONTACT_CHANGE_SIGNAL for s in assessment.signals):
        return None
    contact = message.contact
    if contact is None or contact.status != ContactStatus.ACTIVE:
        return None
    if ChangeRequest.objects.filter(source_message=message).exists():
        return None
    if ChangeRequest.objects.filter(
        contact=contact, kind=ChannelKind.EMAIL, state__in=OPEN_STATES
    ).exists():
        return None
    on_file = set(contact.channels.filter(kind=ChannelKind.EMAIL).values_list("value", flat=True))
    if not on_file:
        return None
    new_value = _announced_email(message, on_file)
    if not new_value:
        return None
    request = change_create(
        actor=None,
        contact=contact,
        kind=ChannelKind.EMAIL,
        new_value=new_value,
        source_message=message,
        now=timezone.now(),
        proposed=True,
    )
    _tell_owner(request)
    return request


def _tell_owner(request: ChangeRequest) -> None:
    """The customer's owner hears of the proposal (nobody when the customer has none)."""
    owner = request.contact.company.owner
    if owner is None:
        return
    notify(
        users=[owner],
        kind=PROPOSED_KIND,
        title=deferred(
            gettext_lazy("%(contact)s may have changed their email address"),
            contact=request.contact.name,
        ),
        body=deferred(
            gettext_lazy("A message asks to use %(value)s. Confirm and verify it before use."),
            value=request.new_value,
        ),
        link=change_link(request),
    )
