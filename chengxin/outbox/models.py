import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.outbox import windows


class Kind(models.TextChoices):
    EMAIL = "email", _("Email")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")
    WECHAT = "wechat", _("WeChat")


# Carried by a chat transport to a phone number (E.164), text only.
CHAT_KINDS = (Kind.WHATSAPP, Kind.SMS, Kind.WECHAT)


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    WAITING_FOR_WINDOW = "waiting_for_window", _("Waiting for working hours")
    SENDING = "sending", _("Sending")
    SENT = "sent", pgettext_lazy("status", "Sent")
    FAILED_PERMANENTLY = "failed_permanently", _("Failed")
    BOUNCED = "bounced", _("Bounced")
    CANCELLED = "cancelled", _("Cancelled")


# Not yet handed to the transport: may still be changed, cancelled or sent now.
PENDING_STATUSES = (Status.QUEUED, Status.WAITING_FOR_WINDOW)


def new_message_id() -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<outbox.{uuid.uuid4().hex}@{domain}>"


class OutboundMessage(models.Model):
    """One message to one recipient, kept from the moment it is written until
    it is delivered, refused or cancelled. Its Message-ID is fixed at creation,
    so every attempt carries the same one.

    A chat message (WhatsApp, SMS, WeChat) goes to an E.164 number in
    ``to_address`` and carries ``body_text`` only (links written into it); its
    ``subject`` is an internal label shown in the outbox, never sent, and the
    provider's id for it is kept in ``provider_message_id``."""

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.EMAIL)
    to_address = models.CharField(_("to"), max_length=320)
    contact = models.ForeignKey(
        "parties.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outbound_messages",
    )
    company = models.ForeignKey(
        "parties.Company",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outbound_messages",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outbound_messages",
    )
    subject = models.CharField(_("subject"), max_length=500)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    # Chat templates: the body parameters ({{1}}, {{2}} …); empty means the text.
    chat_parameters = models.JSONField(_("template parameters"), default=list, blank=True)
    purpose = models.CharField(_("purpose"), max_length=64, blank=True)
    related_type = models.CharField(max_length=64, blank=True)
    related_id = models.CharField(max_length=64, blank=True)
    in_working_hours = models.BooleanField(_("send in working hours"), default=False)
    date_in_recipient_zone = models.BooleanField(
        _("show the recipient's local time"), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    not_before = models.DateTimeField(_("not before"))
    next_attempt_at = models.DateTimeField(_("next attempt"))
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("bounced"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    provider_message_id = models.CharField(_("provider's message id"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    AUDIT_FIELDS = ("to_address", "subject", "status", "not_before", "contact", "company")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["to_address", "sent_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to_address}"

    @property
    def purpose_label(self) -> str:
        """Why it was written, in the reader's language (never the code)."""
        from chengxin.outbox.purposes import purpose_label

        return purpose_label(self.purpose)

    @property
    def is_chat(self) -> bool:
        return self.kind in CHAT_KINDS

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING_STATUSES

    @property
    def recipient_zone_name(self) -> str:
        return self.contact.time_zone if self.contact_id else "UTC"

    def recipient_local(self, moment: datetime.datetime | None) -> datetime.datetime | None:
        if moment is None:
            return None
        return moment.astimezone(windows.zone_for(self.recipient_zone_name))


class OutboundAttachment(models.Model):
    message = models.ForeignKey(
        OutboundMessage, on_delete=models.CASCADE, related_name="attachments"
    )
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=127, default="application/octet-stream")
    content = models.BinaryField()
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.filename


def _weekdays_default() -> list[int]:
    return list(windows.DEFAULT_WORKING_DAYS)


class ContactWindow(models.Model):
    """A contact's own communication window, when it differs from the default
    (09:00-18:00, Monday-Friday, in the contact's time zone)."""

    contact = models.OneToOneField(
        "parties.Contact", on_delete=models.CASCADE, related_name="communication_window"
    )
    start = models.TimeField(_("from"), default=datetime.time(9, 0))
    end = models.TimeField(_("until"), default=datetime.time(18, 0))
    # Weekday numbers, Monday=0 ... Sunday=6.
    working_days = models.JSONField(_("working days"), default=_weekdays_default)

    def __str__(self) -> str:
        return f"{self.contact}: {self.start:%H:%M}-{self.end:%H:%M}"

    def as_window(self) -> windows.Window:
        return windows.Window(
            start=self.start, end=self.end, working_days=tuple(sorted(set(self.working_days)))
        )
