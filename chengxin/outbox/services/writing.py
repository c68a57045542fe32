"""Writing to the outbox: queueing a message, cancelling it, sending it now; who may."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chengxin.audit.models import Action
from chengxin.audit.services import audit_record, audited_update
from chengxin.core.lengths import check_lengths
from chengxin.outbox.chat import (
    TEXT_MAX_CHARS,
)
from chengxin.outbox.models import (
    CHAT_KINDS,
    PENDING_STATUSES,
    Kind,
    OutboundAttachment,
    OutboundMessage,
    Status,
    new_message_id,
)
from chengxin.outbox.services.hours import window_opens
from chengxin.outbox.services.sending import chat_channel_configured
from chengxin.parties.normalize import normalize_phone
from chengxin.parties.permissions import can_edit_company, require_edit


def _require_may_write(actor, company) -> None:
    if actor is None or company is None:
        return  # the system itself, or a message to nobody's customer
    require_edit(actor, company)


def may_manage(actor, message: OutboundMessage) -> bool:
    """Who may send a message now or cancel it: its writer, whoever may edit
    the customer (owner, shared with), and managers."""
    if actor is None or not actor.is_authenticated or not actor.is_active:
        return False
    if message.created_by_id == actor.pk or actor.edits_all_customers:
        return True
    return bool(message.company_id and can_edit_company(actor, message.company))


def _require_may_manage(actor, message: OutboundMessage) -> None:
    if not may_manage(actor, message):
        raise PermissionDenied(_("You may not change this message."))


def _enqueue_send(message_pk: int) -> None:
    from chengxin.outbox.tasks import outbox_send_task

    transaction.on_commit(lambda: outbox_send_task.enqueue(message_pk))


def _chat_label(body_text: str) -> str:
    """A chat message has no subject: the outbox lists it by its first line."""
    first_line = next((line.strip() for line in body_text.splitlines() if line.strip()), "")
    return Truncator(first_line).chars(80)


def _clean_chat(*, kind: str, to: str, body_text: str, company, attachments) -> str:
    """The E.164 number a chat message goes to, after checking the message can go."""
    if not chat_channel_configured(kind):
        raise ValidationError(
            _("%(kind)s messages cannot be sent: the channel is not set up on this server.")
            % {"kind": Kind(kind).label},
            code="channel_not_configured",
        )
    try:
        number = normalize_phone(to, company.country if company is not None else None)
    except ValidationError as exc:
        raise ValidationError(
            {"to": _("Enter a valid phone number with its country code, e.g. +49 30 1234567.")}
        ) from exc
    if not body_text.strip():
        raise ValidationError({"body_text": _("A message needs a text.")})
    if len(body_text) > TEXT_MAX_CHARS:
        raise ValidationError(
            {
                "body_text": _("A chat message may have at most %(limit)d characters.")
                % {"limit": TEXT_MAX_CHARS}
            }
        )
    if attachments:
        raise ValidationError(_("Chat messages cannot carry attachments."))
    return number


@transaction.atomic
def outbox_enqueue(
    *,
    actor,
    to: str,
    subject: str = "",
    body_text: str,
    body_html: str = "",
    contact=None,
    company=None,
    kind: str = "email",
    in_working_hours: bool = False,
    purpose: str = "",
    related_type: str = "",
    related_id: str = "",
    attachments: Sequence[tuple[str, bytes, str]] = (),
    date_in_recipient_zone: bool = False,
    chat_parameters: Sequence[str] = (),
    now: datetime.datetime | None = None,
) -> OutboundMessage:
    """Queue one message in the caller's transaction; it is handed to the
    worker once that transaction commits. ``attachments`` are
    (file name, content, content type).

    ``kind`` "whatsapp" (see ``chat_channel_configured``): ``to`` is a phone
    number, stored in E.164 (a number without +country is read in the
    customer's country); ``body_text`` is the whole message, links included;
    ``subject`` is optional and only labels it in the outbox. When a WhatsApp
    template is configured, ``chat_parameters`` fill its body parameters
    (default: the text as the one parameter)."""
    now = now or timezone.now()
    if kind not in Kind.values:
        raise ValidationError(_("Messages of this kind cannot be sent yet."))
    to = to.strip()
    if company is None and contact is not None:
        company = contact.company
    if kind == Kind.EMAIL:
        try:
            validate_email(to)
        except ValidationError as exc:
            raise ValidationError({"to": _("Enter a valid email address.")}) from exc
    elif kind in CHAT_KINDS:
        to = _clean_chat(
            kind=kind, to=to, body_text=body_text, company=company, attachments=attachments
        )
        subject = subject.strip() or _chat_label(body_text)
        body_html = ""
    if not subject.strip():
        raise ValidationError({"subject": _("A message needs a subject.")})
    check_lengths(OutboundMessage, subject=subject.strip())
    if contact is not None and contact.company_id != company.pk:
        raise ValidationError(_("The contact does not belong to this customer."))
    _require_may_write(actor, company)

    message = OutboundMessage(
        kind=kind,
        to_address=to,
        contact=contact,
        company=company,
        created_by=actor,
        subject=subject.strip(),
        body_text=body_text,
        body_html=body_html,
        chat_parameters=[str(p) for p in chat_parameters] if kind in CHAT_KINDS else [],
        purpose=purpose,
        related_type=related_type,
        related_id=str(related_id),
        in_working_hours=in_working_hours,
        date_in_recipient_zone=date_in_recipient_zone,
        message_id=new_message_id(),
    )
    send_at = window_opens(message, now) if in_working_hours else now
    message.not_before = message.next_attempt_at = send_at
    message.status = Status.WAITING_FOR_WINDOW if send_at > now else Status.QUEUED
    message.save()
    OutboundAttachment.objects.bulk_create(
        OutboundAttachment(
            message=message, filename=name, content=content, content_type=ctype, size=len(content)
        )
        for name, content, ctype in attachments
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        instance=message,
        after={
            "to_address": message.to_address,
            "subject": message.subject,
            "status": message.status,
        },
        company_id=company.pk if company else None,
    )
    _enqueue_send(message.pk)
    return message


@transaction.atomic
def outbox_cancel(*, actor, message: OutboundMessage) -> OutboundMessage:
    _require_may_manage(actor, message)
    with audited_update(actor=actor, instance=message, company_id=message.company_id):
        changed = OutboundMessage.objects.filter(pk=message.pk, status__in=PENDING_STATUSES).update(
            status=Status.CANCELLED
        )
        if not changed:
            raise ValidationError(_("This message is no longer waiting; it cannot be cancelled."))
        message.refresh_from_db()
    return message


@transaction.atomic
def outbox_send_now(
    *, actor, message: OutboundMessage, now: datetime.datetime | None = None
) -> OutboundMessage:
    """Send a waiting message at once, outside the recipient's window if need
    be; or send a failed one again (with the same Message-ID)."""
    now = now or timezone.now()
    _require_may_manage(actor, message)
    with audited_update(actor=actor, instance=message, company_id=message.company_id):
        changed = OutboundMessage.objects.filter(
            pk=message.pk,
            status__in=(*PENDING_STATUSES, Status.FAILED_PERMANENTLY, Status.BOUNCED),
        ).update(
            status=Status.QUEUED,
            in_working_hours=False,
            not_before=now,
            next_attempt_at=now,
        )
        if not changed:
            raise ValidationError(_("This message cannot be sent now."))
        message.refresh_from_db()
    _enqueue_send(message.pk)
    return message
