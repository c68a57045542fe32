"""Carrying messages out of the outbox.

Delivery guarantees, and why:

* Never lost. A message is a row written in the caller's transaction; it
  leaves the outbox only by being accepted by the SMTP server (``sent``), by
  a permanent refusal (``failed_permanently`` / ``bounced``) or by a person
  (``cancelled``). A server that is down is a temporary failure: the message
  goes back to ``queued`` with ``next_attempt_at`` pushed out by exponential
  backoff, and the every-minute schedule picks it up again.
* Never sent twice. A send first claims the row with a conditional UPDATE
  (pending and due → ``sending``); only the one worker whose UPDATE matched
  talks to the server. Every attempt carries the same Message-ID, fixed when
  the message was written.
* A crash between the server's "250 OK" and our status update leaves the
  row in ``sending``. We cannot know whether it went out, so it is NOT
  retried automatically (that could become a resend loop): after
  ``STALE_SENDING`` it is marked failed with an explanation, and a person
  decides whether to send it again. If they do, the unchanged Message-ID lets
  the recipient's mail program recognise a duplicate. At most once, by design.

Chat messages (WhatsApp; SMS and WeChat exist as kinds but have no adapter in
this build) live in the same table and follow the same rules: the same claim,
working hours, backoff, permanent failures and "not delivered" notices. They
go to an E.164 number through a chat transport (``chat.py``) and keep the
provider's id in ``provider_message_id``.
"""

from __future__ import annotations

import datetime
import logging
from email.message import EmailMessage
from email.utils import format_datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy, gettext_noop

from chengxin.core.deferred_text import DeferredText, deferred
from chengxin.notifications.services import notify
from chengxin.outbox import windows
from chengxin.outbox.chat import (
    ChatTemplate,
    ChatTransport,
    WhatsAppCloudTransport,
    WhatsAppSettings,
    template_for,
)
from chengxin.outbox.failures import NO_RELAY
from chengxin.outbox.models import (
    CHAT_KINDS,
    PENDING_STATUSES,
    Kind,
    OutboundMessage,
    Status,
)
from chengxin.outbox.services.hours import window_opens
from chengxin.outbox.signals import delivery_changed
from chengxin.outbox.transport import (
    OutboxTransport,
    PermanentFailure,
    SmtpSettings,
    SmtpTransport,
    TemporaryFailure,
)

logger = logging.getLogger("chengxin.outbox.services")


BACKOFF_FIRST = datetime.timedelta(minutes=1)
BACKOFF_LONGEST = datetime.timedelta(hours=6)
# 1, 2, 4 ... 256 minutes, then every 6 hours: about four days in all.
MAX_ATTEMPTS = 24
STALE_SENDING = datetime.timedelta(minutes=15)
# Without a relay, waiting email is looked at again this often.
NO_RELAY_RECHECK = datetime.timedelta(minutes=5)
SEND_BATCH = 100
# Stored untranslated (like the server's own replies); the page translates it.
INTERRUPTED = gettext_noop(
    "Sending was interrupted; the message may or may not have been delivered. "
    "Check with the recipient before sending it again."
)


def backoff(attempts: int) -> datetime.timedelta:
    """How long to wait after the ``attempts``-th failed attempt."""
    return min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_LONGEST)


@transaction.atomic
def outbox_bounce_record(
    *, message_id: str, reason: str, now: datetime.datetime | None = None
) -> OutboundMessage | None:
    """A delivery report came back for a sent message: mark it bounced."""
    now = now or timezone.now()
    message = OutboundMessage.objects.filter(message_id=message_id).first()
    if message is None:
        return None
    if OutboundMessage.objects.filter(pk=message.pk, status=Status.SENT).update(
        status=Status.BOUNCED, bounced_at=now, last_error=reason[:2000]
    ):
        _report_delivery(message.pk)
    message.refresh_from_db()
    return message


FAILED_KIND = "outbox.failed"


def _notify_not_delivered(message: OutboundMessage) -> None:
    """Tell the writer and the customer's owner that a message did not go out."""
    message.refresh_from_db()
    users = [message.created_by, message.company.owner if message.company is not None else None]
    link = reverse("outbox:message_detail", args=[message.pk])
    title = deferred(
        gettext_lazy("Not delivered to %(to)s: %(subject)s"),
        to=message.to_address,
        subject=message.subject,
    )
    # The error is one of our own messages (a msgid) or the relay's words, shown as is.
    body = [deferred(Status(message.status).label)]
    if message.last_error:
        body.append(DeferredText(msgid=message.last_error))
    notify(users=users, kind=FAILED_KIND, title=title, body=body, link=link)


def chat_channel_configured(kind: str) -> bool:
    """Whether messages of the chat ``kind`` can be sent from this server.

    WhatsApp: when CHENGXIN_WHATSAPP_PHONE_NUMBER_ID and CHENGXIN_WHATSAPP_TOKEN
    are both set. SMS and WeChat have no adapter in this build and are never
    configured; they exist so that callers can ask, and fall back (e.g. to a
    task for the sales rep) instead of queueing a message nobody can carry.
    Any other kind (email included) is not a chat channel: False."""
    if kind == Kind.WHATSAPP:
        return bool(settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID and settings.CHENGXIN_WHATSAPP_TOKEN)
    return False


def smtp_relay_configured() -> bool:
    """Whether email has a relay to go through (CHENGXIN_SMTP_HOST, or the local catcher
    that `chengxin start` points it at)."""
    return bool(settings.CHENGXIN_SMTP_HOST)


def transport_for(kind: str) -> OutboxTransport:
    """The configured transport for ``kind`` (settings are read now, not at import)."""
    return SmtpTransport(
        SmtpSettings(
            host=settings.CHENGXIN_SMTP_HOST,
            port=settings.CHENGXIN_SMTP_PORT,
            username=settings.CHENGXIN_SMTP_USER,
            password=settings.CHENGXIN_SMTP_PASSWORD,
            starttls=settings.CHENGXIN_SMTP_STARTTLS,
            ssl=settings.CHENGXIN_SMTP_SSL,
        )
    )


def chat_transport_for(kind: str) -> ChatTransport:
    """The configured chat transport for ``kind`` (settings are read now);
    PermanentFailure when the channel is not set up (the message cannot go
    until an operator sets it up and someone sends it again)."""
    if not chat_channel_configured(kind):
        raise PermanentFailure(
            f"No {kind} channel is configured on this server; set it up, then send the "
            "message again."
        )
    try:
        return WhatsAppCloudTransport(
            WhatsAppSettings(
                api_base=settings.CHENGXIN_WHATSAPP_API_BASE,
                phone_number_id=settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID,
                token=settings.CHENGXIN_WHATSAPP_TOKEN,
                timeout=settings.CHENGXIN_WHATSAPP_TIMEOUT,
            )
        )
    except ValueError as exc:
        raise PermanentFailure(str(exc)) from exc


def chat_template_for(message: OutboundMessage) -> ChatTemplate | None:
    """The approved template the message goes as, or None for a plain text."""
    if message.kind != Kind.WHATSAPP or not settings.CHENGXIN_WHATSAPP_TEMPLATE:
        return None
    return template_for(
        settings.CHENGXIN_WHATSAPP_TEMPLATE,
        settings.CHENGXIN_WHATSAPP_TEMPLATE_LANGUAGE,
        message.chat_parameters or [message.body_text],
    )


def _hand_over(
    message: OutboundMessage,
    *,
    now: datetime.datetime,
    transport: OutboxTransport | None,
    chat_transport: ChatTransport | None,
) -> str:
    """Give the message to its transport; the provider's id ("" for email)."""
    if message.kind in CHAT_KINDS:
        chat_transport = chat_transport or chat_transport_for(message.kind)
        return chat_transport.send(
            message.to_address, message.body_text, template=chat_template_for(message)
        )
    transport = transport or transport_for(message.kind)
    transport.send(
        email_for(message, now=now), sender=sender_address(), recipients=[message.to_address]
    )
    return ""


def sender_address() -> str:
    return settings.DEFAULT_FROM_EMAIL


def email_for(message: OutboundMessage, *, now: datetime.datetime) -> EmailMessage:
    """The message as it goes on the wire, the same Message-ID on every attempt."""
    email = EmailMessage()
    email["From"] = sender_address()
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email["Message-ID"] = message.message_id
    sent_at = now.astimezone(datetime.UTC)
    if message.date_in_recipient_zone:
        sent_at = now.astimezone(windows.zone_for(message.recipient_zone_name))
    email["Date"] = format_datetime(sent_at)
    if message.created_by is not None and message.created_by.email:
        email["Reply-To"] = message.created_by.email
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    for attachment in message.attachments.all():
        maintype, _sep, subtype = attachment.content_type.partition("/")
        email.add_attachment(
            bytes(attachment.content),
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=attachment.filename,
        )
    return email


def outbox_send_one(
    *,
    message_pk: int,
    now: datetime.datetime | None = None,
    transport: OutboxTransport | None = None,
    chat_transport: ChatTransport | None = None,
) -> str | None:
    """Try to send one message if it is due; its status afterwards, or None
    when another worker has it or it is not due. Email goes through
    ``transport``, chat kinds through ``chat_transport`` (default: configured)."""
    now = now or timezone.now()
    message = (
        OutboundMessage.objects.select_related("contact", "company", "created_by")
        .filter(pk=message_pk, status__in=PENDING_STATUSES, next_attempt_at__lte=now)
        .first()
    )
    if message is None:
        return None
    if message.in_working_hours:
        opens = window_opens(message, now)
        if opens > now:
            # The worker came late and the window has closed: wait for the next.
            OutboundMessage.objects.filter(pk=message.pk, status__in=PENDING_STATUSES).update(
                status=Status.WAITING_FOR_WINDOW, next_attempt_at=opens
            )
            return Status.WAITING_FOR_WINDOW
    if transport is None and message.kind == Kind.EMAIL and not smtp_relay_configured():
        # Nothing to send through: the message waits, saying why, without using up its
        # attempts; it goes out once an administrator has set a relay.
        OutboundMessage.objects.filter(pk=message.pk, status__in=PENDING_STATUSES).update(
            status=Status.QUEUED, next_attempt_at=now + NO_RELAY_RECHECK, last_error=NO_RELAY
        )
        return Status.QUEUED
    claimed = OutboundMessage.objects.filter(
        pk=message.pk, status__in=PENDING_STATUSES, next_attempt_at__lte=now
    ).update(status=Status.SENDING, sending_started_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return None
    message.refresh_from_db()
    try:
        provider_message_id = _hand_over(
            message, now=now, transport=transport, chat_transport=chat_transport
        )
    except TemporaryFailure as exc:
        return _record_temporary_failure(message, str(exc), now=now)
    except PermanentFailure as exc:
        status = Status.BOUNCED if exc.recipient_refused else Status.FAILED_PERMANENTLY
        OutboundMessage.objects.filter(pk=message.pk, status=Status.SENDING).update(
            status=status,
            last_error=str(exc)[:2000],
            bounced_at=now if status == Status.BOUNCED else None,
        )
        logger.warning("outbox: message %s refused: %s", message.pk, exc)
        _notify_not_delivered(message)
        _report_delivery(message.pk)
        return status
    OutboundMessage.objects.filter(pk=message.pk, status=Status.SENDING).update(
        status=Status.SENT,
        sent_at=now,
        last_error="",
        provider_message_id=provider_message_id[:255],
    )
    _report_delivery(message.pk)
    return Status.SENT


def _report_delivery(message_pk: int) -> None:
    """Tell the apps that wrote a message what became of it (sent, or given up), once the
    new status is saved (the status updates above are not inside a transaction)."""
    delivery_changed.send(sender=OutboundMessage, message_pk=message_pk)


def _record_temporary_failure(message: OutboundMessage, error: str, *, now) -> str:
    if message.attempts >= MAX_ATTEMPTS:
        OutboundMessage.objects.filter(pk=message.pk, status=Status.SENDING).update(
            status=Status.FAILED_PERMANENTLY, last_error=error[:2000]
        )
        _notify_not_delivered(message)
        _report_delivery(message.pk)
        return Status.FAILED_PERMANENTLY
    retry_at = now + backoff(message.attempts)
    if message.in_working_hours:
        retry_at = window_opens(message, retry_at)
    OutboundMessage.objects.filter(pk=message.pk, status=Status.SENDING).update(
        status=Status.QUEUED, next_attempt_at=retry_at, last_error=error[:2000]
    )
    logger.info("outbox: message %s not sent (%s); next try %s", message.pk, error, retry_at)
    return Status.QUEUED


def outbox_release_stale(*, now: datetime.datetime | None = None) -> int:
    """Messages left in "sending" by a worker that died mid-send: we cannot
    know whether the server took them, so they are not resent automatically;
    they are marked failed with an explanation for a person to decide."""
    now = now or timezone.now()
    stale = list(
        OutboundMessage.objects.filter(
            status=Status.SENDING, sending_started_at__lt=now - STALE_SENDING
        ).select_related("company", "created_by")
    )
    released = 0
    for message in stale:
        if OutboundMessage.objects.filter(pk=message.pk, status=Status.SENDING).update(
            status=Status.FAILED_PERMANENTLY, last_error=INTERRUPTED
        ):
            released += 1
            _notify_not_delivered(message)
            _report_delivery(message.pk)
    return released


def outbox_send_due(
    *,
    now: datetime.datetime | None = None,
    transport: OutboxTransport | None = None,
    chat_transport: ChatTransport | None = None,
) -> dict[str, int]:
    """Send every message that is due; counts by resulting status."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    stale = outbox_release_stale(now=now)
    if stale:
        counts["stale"] = stale
    due = list(
        OutboundMessage.objects.filter(status__in=PENDING_STATUSES, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:SEND_BATCH]
    )
    for pk in due:
        status = outbox_send_one(
            message_pk=pk, now=now, transport=transport, chat_transport=chat_transport
        )
        if status is not None:
            counts[status] = counts.get(status, 0) + 1
    return counts
