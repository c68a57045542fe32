"""Writing the loop's letters: who signs them, where they may go, queueing them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import snapshot
from chengxin.changes import drafts
from chengxin.changes.models import ChangeRequest
from chengxin.changes.services.steps import change_advance
from chengxin.core.buyer_language import buyer_language
from chengxin.parties.models import ChannelKind, Contact
from chengxin.parties.selectors import channels_on_file


def sender_signature(actor: User | None, language: str) -> str:
    """The rep's name in the letter's script (李娜 in Chinese, Li Na otherwise), then our
    company; the company alone when the rep has no name in that script."""
    name = actor.display_name_for(buyer_language(language)) if actor else ""
    return "\n".join(part for part in (name, settings.CHENGXIN_COMPANY_NAME) if part)


def emails_on_file(contact: Contact, *, before: datetime.datetime):
    """The contact's email channels on file (verified before ``before``), the primary first."""
    return channels_on_file(
        company=contact.company_id, before=before, kinds=[ChannelKind.EMAIL], contact=contact
    ).order_by("-is_primary", "id")


def letter_or_draft(draft: drafts.Letter, *, subject: str, body: str) -> tuple[str, str]:
    """The letter as the rep edited it; what they left empty, the draft's."""
    return (subject or "").strip() or draft.subject, (body or "").strip() or draft.body


def letter_enqueue(
    *, actor: User, request: ChangeRequest, to: str, subject: str, body: str, purpose: str
):
    """Queue one of the loop's letters to ``to`` through the outbox."""
    from chengxin.outbox.services import outbox_enqueue

    if not to:
        raise ValidationError(_("The contact has no email address on file to write to."))
    return outbox_enqueue(
        actor=actor,
        to=to,
        subject=subject,
        body_text=body,
        contact=request.contact,
        company=request.contact.company,
        purpose=purpose,
        related_type="changes.changerequest",
        related_id=str(request.pk),
    )


def letter_step(
    request: ChangeRequest,
    *,
    actor: User,
    to: str,
    subject: str,
    body: str,
    purpose: str,
    message_field: str,
    state: str,
    step: str,
    now: datetime.datetime,
    details: dict | None = None,
    **values,
) -> None:
    """Queue one of the loop's letters and take the request's step with it: the outgoing
    message goes in ``message_field`` (``values`` are set with it); the step names the
    recipient, the subject and the message, and keeps the letter as its notes."""
    before = snapshot(request)
    outbound = letter_enqueue(
        actor=actor, request=request, to=to, subject=subject, body=body, purpose=purpose
    )
    setattr(request, message_field, outbound.pk)
    for name, value in values.items():
        setattr(request, name, value)
    change_advance(
        request,
        actor=actor,
        before=before,
        state=state,
        fields=[message_field, *values],
        step=step,
        details={"to": to, "subject": subject, "outbound_id": outbound.pk, **(details or {})},
        notes=body,
        now=now,
    )
