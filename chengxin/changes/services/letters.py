"""Writing the loop's letters: who signs them, where they may go, queueing them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.changes import drafts
from chengxin.changes.models import ChangeRequest
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
