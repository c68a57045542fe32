"""Warning the real buyer: where they may be written to (a channel on file before the
suspicious message arrived, never the sender's), the letter in their language, and the
letter queued in the outbox and recorded on the alert."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.core.buyer_language import buyer_language
from chengxin.guard import letters
from chengxin.guard.models import AlertStep, AlertStepKind, Assessment
from chengxin.guard.permissions import alert_customer
from chengxin.guard.services.senders import canonical_address, registrable_domain
from chengxin.guard.services.steps import assessment_locked, record_step
from chengxin.mail.models import Message
from chengxin.parties.models import Channel, ChannelKind
from chengxin.parties.permissions import can_edit_company
from chengxin.parties.selectors import channels_on_file

WARNING_PURPOSE = "guard_buyer_warning"


def _sender_identifiers(message: Message) -> tuple[set[str], set[str], str]:
    """The addresses the suspicious message came from or wants replies at, their
    registrable domains, and its text (lower case)."""
    addresses = {
        a
        for a in (
            message.from_key,
            canonical_address(message.from_address),
            canonical_address(message.reply_to_address),
            canonical_address(message.return_path),
        )
        if a
    }
    domains = {registrable_domain(a) for a in addresses} - {""}
    text = "\n".join(p for p in (message.subject, message.text_body) if p).lower()
    return addresses, domains, text


def _channel_of_sender(channel: Channel, addresses: set[str], domains: set[str], text: str) -> bool:
    value = channel.value.strip().lower()
    if channel.kind == ChannelKind.EMAIL:
        canonical = canonical_address(value)
        return (
            canonical in addresses
            or registrable_domain(canonical or value) in domains
            or value in text
        )
    digits = "".join(ch for ch in value if ch.isdigit())
    text_digits = "".join(ch for ch in text if ch.isdigit())
    return len(digits) >= 6 and digits.lstrip("0") in text_digits


def warning_channels(assessment: Assessment):
    """Where the real buyer may be warned: the customer's e-mail addresses (and WhatsApp
    numbers, when WhatsApp is set up) that were on file (verified) before the message
    arrived and are still in use; never the suspicious sender's address, one on its domain (or its
    Reply-To's or Return-Path's), or one the message itself names."""
    from chengxin.outbox.services import chat_channel_configured

    message = assessment.message
    company = alert_customer(message)
    if company is None:
        return Channel.objects.none()
    kinds = [ChannelKind.EMAIL]
    if chat_channel_configured(ChannelKind.WHATSAPP):
        kinds.append(ChannelKind.WHATSAPP)
    # On file: verified before the message arrived (never one it brought or named).
    channels = channels_on_file(company=company, before=message.created_at, kinds=kinds).order_by(
        "-is_primary", "contact__name", "kind", "id"
    )
    addresses, domains, text = _sender_identifiers(message)
    excluded = [c.pk for c in channels if _channel_of_sender(c, addresses, domains, text)]
    return channels.exclude(pk__in=excluded)


def _our_details(actor: User | None) -> letters.OurDetails:
    own = tuple(settings.CHENGXIN_OWN_DOMAINS)
    rep_email = ""
    if actor is not None and actor.email and actor.email.rpartition("@")[2].lower() in own:
        rep_email = actor.email
    return letters.OurDetails(
        company=settings.CHENGXIN_COMPANY_NAME,
        phone=settings.CHENGXIN_COMPANY_PHONE,
        website=settings.CHENGXIN_COMPANY_WEBSITE,
        mail_domains=own,
        rep_email=rep_email,
    )


def _impersonates_us(assessment: Assessment) -> bool:
    return any((s.get("params") or {}).get("relation") == "own" for s in assessment.signals)


def warning_draft(
    *, assessment: Assessment, channel: Channel, actor: User | None
) -> letters.Letter:
    """The warning letter for ``channel``'s contact, in that contact's language."""
    import zoneinfo

    contact = channel.contact
    message = assessment.message
    zone: datetime.tzinfo
    try:
        zone = zoneinfo.ZoneInfo(contact.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    received = message.received_at or message.created_at
    name = (actor.get_full_name() or actor.username) if actor else ""
    return letters.warning_letter(
        language=contact.language,
        name=contact.name,
        impersonates_us=_impersonates_us(assessment),
        address=message.from_display or message.from_address or "?",
        subject=message.subject,
        date=received.astimezone(zone).strftime("%Y-%m-%d %H:%M") + f" ({zone})",
        details=_our_details(actor),
        sender="\n".join(p for p in (name, settings.CHENGXIN_COMPANY_NAME) if p),
    )


@transaction.atomic
def assessment_warn_buyer(
    *,
    actor: User,
    assessment: Assessment,
    channel: Channel,
    subject: str = "",
    body: str = "",
    now: datetime.datetime | None = None,
) -> AlertStep:
    """Queue the warning letter (the rep's edited draft) to the real buyer through a channel
    on file (see :func:`warning_channels`), in the outbox, and record it on the alert."""
    from chengxin.outbox.services import outbox_enqueue

    now = now or timezone.now()
    assessment = assessment_locked(actor=actor, assessment=assessment)
    company = alert_customer(assessment.message)
    if company is None:
        raise ValidationError(_("This message is about no customer: there is nobody to warn."))
    if not can_edit_company(actor, company):
        raise PermissionDenied(_("Only someone who may edit this customer may write to them."))
    if not assessment.is_alarming or assessment.is_marked_safe:
        raise ValidationError(_("Only an alert that is not marked safe calls for a warning."))
    if channel is None or not warning_channels(assessment).filter(pk=channel.pk).exists():
        raise ValidationError(
            {"channel": [_("Write through a channel of the customer that was on file before "
                           "the message arrived, never to the sender or its domain.")]}
        )  # fmt: skip
    channel = Channel.objects.select_related("contact").get(pk=channel.pk)
    draft = warning_draft(assessment=assessment, channel=channel, actor=actor)
    subject = (subject or "").replace("\x00", "").strip() or draft.subject
    body = (body or "").replace("\x00", "").strip() or draft.body
    outbound = outbox_enqueue(
        actor=actor,
        to=channel.value,
        subject=subject,
        body_text=body,
        contact=channel.contact,
        company=company,
        kind=channel.kind,
        purpose=WARNING_PURPOSE,
        related_type="guard.assessment",
        related_id=str(assessment.pk),
    )
    return record_step(
        actor=actor,
        assessment=assessment,
        before=None,
        fields=[],
        kind=AlertStepKind.BUYER_WARNED,
        details={
            "to": outbound.to_address,
            "kind": channel.kind,
            "contact": channel.contact.name,
            "language": buyer_language(channel.contact.language),
            "subject": subject,
            "outbound_id": outbound.pk,
        },
        now=now,
    )
