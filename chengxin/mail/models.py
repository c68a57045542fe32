"""Inbound mail: the mailboxes Chengxin reads, the messages it stored, their files."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chengxin.parties.normalize import domain_to_unicode


class Security(models.TextChoices):
    SSL = "ssl", _("SSL/TLS (port 993)")
    STARTTLS = "starttls", _("STARTTLS (port 143)")
    NONE = "none", _("None (only for a server on this machine)")


class Mailbox(models.Model):
    """An IMAP mailbox. Personal when it has an owner, shared (e.g. sales@) when not."""

    name = models.CharField(_("name"), max_length=100)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mailboxes",
        verbose_name=_("owner"),
        help_text=_("Empty for a shared mailbox."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="shared_mailboxes",
        verbose_name=_("members"),
        help_text=_("Who reads a shared mailbox's mail that belongs to no customer."),
    )
    host = models.CharField(_("IMAP server"), max_length=253)
    port = models.PositiveIntegerField(_("port"), default=993)
    security = models.CharField(
        _("security"), max_length=10, choices=Security.choices, default=Security.SSL
    )
    username = models.CharField(_("user name"), max_length=320)
    # Fernet token (chengxin.core.crypto); never shown back to anyone.
    password_encrypted = models.TextField(editable=False)
    folder = models.CharField(_("folder"), max_length=200, default="INBOX")
    is_active = models.BooleanField(_("poll automatically"), default=True)
    # Where the last poll stopped: a new UIDVALIDITY means the server renumbered.
    uidvalidity = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    last_uid = models.PositiveBigIntegerField(default=0, editable=False)
    # Set while a poll runs, so two workers never read one mailbox at once.
    poll_lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_polled_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    AUDIT_FIELDS = (
        "name", "owner", "host", "port", "security", "username", "folder", "is_active",
    )  # fmt: skip

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "mailboxes"

    def __str__(self) -> str:
        return self.name

    @property
    def is_shared(self) -> bool:
        return self.owner_id is None


class Thread(models.Model):
    """One conversation: messages linked by In-Reply-To/References, or by subject."""

    subject = models.CharField(max_length=998, blank=True)
    subject_key = models.CharField(max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    first_message_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_message_at", "-id"]

    def __str__(self) -> str:
        return self.subject or f"#{self.pk}"


class Source(models.TextChoices):
    IMAP = "imap", _("mailbox")
    UPLOAD = "upload", _("uploaded file")
    COMMAND = "command", _("command line")


class LinkReason(models.TextChoices):
    NONE = "", _("not linked")
    CONTACT = "contact", _("sender is a known contact")
    DOMAIN = "domain", _("sender's domain belongs to the customer")
    THREAD = "thread", _("reply in a conversation with the customer")
    LOOKALIKE = "lookalike", _("sender imitates the customer")


class Message(models.Model):
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    # The mailbox the message was first found in (null for uploads and files).
    mailbox = models.ForeignKey(
        Mailbox, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message_id = models.CharField(_("Message-ID"), max_length=500, blank=True, db_index=True)
    # Same sender, date, subject and text: a Message-ID reused by a different
    # message (a forger quoting one) is stored as a message of its own.
    fingerprint = models.CharField(max_length=64)
    raw = models.FileField(_("original"), upload_to="mail/raw/%Y/%m/", max_length=200)
    raw_size = models.PositiveBigIntegerField(_("size"))
    raw_sha256 = models.CharField(max_length=64, unique=True)
    parse_error = models.TextField(_("parse error"), blank=True)
    from_name = models.CharField(_("sender's name"), max_length=200, blank=True)
    from_address = models.CharField(_("sender"), max_length=320, blank=True)
    # Canonical form (lower-case local part, ASCII domain) for matching.
    from_key = models.CharField(max_length=320, blank=True, db_index=True)
    reply_to_name = models.CharField(max_length=200, blank=True)
    reply_to_address = models.CharField(_("Reply-To"), max_length=320, blank=True)
    return_path = models.CharField(_("Return-Path"), max_length=320, blank=True)
    to = models.JSONField(_("to"), default=list, blank=True)
    cc = models.JSONField(_("cc"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    # sent_at, but never later than received_at: what lists sort by.
    dated_at = models.DateTimeField(db_index=True)
    text_body = models.TextField(blank=True)
    html_body = models.TextField(blank=True)  # sanitised (chengxin.core.sanitize)
    blocked_images = models.PositiveIntegerField(default=0)
    in_reply_to = models.CharField(max_length=500, blank=True, db_index=True)
    references = models.JSONField(default=list, blank=True)
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    contact = models.ForeignKey(
        "parties.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    company = models.ForeignKey(
        "parties.Company",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    link_reason = models.CharField(max_length=10, choices=LinkReason.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-dated_at", "-id"]
        indexes = [
            models.Index(fields=["company", "-dated_at"]),
            models.Index(fields=["contact", "-dated_at"]),
            models.Index(fields=["thread", "dated_at"]),
        ]

    def __str__(self) -> str:
        return self.subject or self.message_id or f"#{self.pk}"

    @property
    def from_display(self) -> str:
        return _address_display(self.from_address)

    @property
    def reply_to_display(self) -> str:
        return _address_display(self.reply_to_address)

    @property
    def from_domain_ascii(self) -> str:
        return self.from_key.rpartition("@")[2]


def _address_display(address: str) -> str:
    local, at, domain = address.rpartition("@")
    return f"{local}@{domain_to_unicode(domain.lower())}" if at else address


class MessageLocation(models.Model):
    """Where a stored message sits on an IMAP server: polling twice stores it once."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="locations")
    mailbox = models.ForeignKey(Mailbox, on_delete=models.CASCADE, related_name="locations")
    folder = models.CharField(max_length=200)
    uidvalidity = models.PositiveBigIntegerField()
    uid = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mailbox", "folder", "uidvalidity", "uid"], name="message_location_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mailbox}/{self.folder};UIDVALIDITY={self.uidvalidity};UID={self.uid}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64, db_index=True)
    file = models.FileField(upload_to="mail/attachments/", max_length=200)
    content_id = models.CharField(max_length=500, blank=True)
    inline = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.filename
