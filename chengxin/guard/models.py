"""The guard's records: one assessment per message with the steps that closed it (safe by
two people, or confirmed fraud), the bank details it found, the senders confirmed
fraudulent for a customer, and what marks the index stale."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Level(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")
    CRITICAL = "critical", _("critical")


ALARMING_LEVELS = (Level.HIGH, Level.CRITICAL)


class Assessment(models.Model):
    """The guard's verdict on one message, with the signals that raised it.

    A high or critical message is an open alert until it is closed one of two ways:
    two different people agree it is safe (one proposes, a manager or the customer's
    owner confirms, each with a reason), or one person with the right confirms it is
    fraud (with a reason), which blocks its sender for the customer.
    """

    message = models.OneToOneField(
        "mail.Message", on_delete=models.CASCADE, related_name="assessment"
    )
    score = models.PositiveSmallIntegerField(_("risk score"))
    level = models.CharField(_("risk level"), max_length=10, choices=Level.choices)
    # [{"code": "lookalike_homoglyph", "weight": 60, "params": {...}}, ...]
    signals = models.JSONField(_("signals"), default=list)
    engine_version = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    safe_proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    safe_proposed_at = models.DateTimeField(null=True, blank=True)
    safe_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    safe_confirmed_at = models.DateTimeField(null=True, blank=True)
    safe_proposed_reason = models.TextField(_("why it is safe"), blank=True)
    safe_confirmed_reason = models.TextField(_("why it is safe (second person)"), blank=True)
    fraud_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    fraud_confirmed_at = models.DateTimeField(null=True, blank=True)
    fraud_reason = models.TextField(_("why it is fraud"), blank=True)
    # Some bank identifier that is not on file for the sender was found in the message or
    # its attachments (the rows are in ``bank_details``): finance sees such alerts too.
    carries_bank_details = models.BooleanField(default=False)

    AUDIT_FIELDS = (
        "message", "score", "level", "engine_version", "safe_proposed_by", "safe_proposed_at",
        "safe_proposed_reason", "safe_confirmed_by", "safe_confirmed_at", "safe_confirmed_reason",
        "fraud_confirmed_by", "fraud_confirmed_at", "fraud_reason", "carries_bank_details",
    )  # fmt: skip

    class Meta:
        indexes = [models.Index(fields=["level", "safe_confirmed_at"])]
        constraints = [
            # Marking safe takes two people, held by the database too.
            models.CheckConstraint(
                condition=Q(safe_confirmed_by__isnull=True)
                | ~Q(safe_confirmed_by=F("safe_proposed_by")),
                name="assessment_safe_two_people",
            ),
            # An alert closes one way: safe or fraud, never both.
            models.CheckConstraint(
                condition=Q(safe_confirmed_at__isnull=True) | Q(fraud_confirmed_at__isnull=True),
                name="assessment_safe_or_fraud",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.score})"

    @property
    def is_alarming(self) -> bool:
        return self.level in ALARMING_LEVELS

    @property
    def is_marked_safe(self) -> bool:
        return self.safe_confirmed_at is not None

    @property
    def is_fraud_confirmed(self) -> bool:
        return self.fraud_confirmed_at is not None

    @property
    def is_open_alert(self) -> bool:
        """Alarming and closed neither as safe nor as fraud."""
        return self.is_alarming and not (self.is_marked_safe or self.is_fraud_confirmed)

    @property
    def shows_alarm(self) -> bool:
        return self.is_alarming and not self.is_marked_safe


class AlertStepKind(models.TextChoices):
    SAFE_PROPOSED = "safe_proposed", _("Proposed as safe")
    SAFE_CONFIRMED = "safe_confirmed", _("Confirmed safe")
    FRAUD_CONFIRMED = "fraud_confirmed", _("Confirmed fraud")
    BUYER_WARNED = "buyer_warned", _("Real buyer warned")


class AlertStep(models.Model):
    """One thing a person did about an alert: the steps shown on it."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=AlertStepKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)

    AUDIT_FIELDS = ("assessment", "kind", "actor", "at", "reason", "details")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M}"


class FoundBankDetail(models.Model):
    """A bank identifier (IBAN, account number, SWIFT/BIC) the guard found in a message's
    text or one of its attachments. The value is encrypted like a bank account's number,
    with the same keyed digests (``core.bank_numbers.digest``) so that a proposed account
    can be matched against flagged messages without decrypting them."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="bank_details"
    )
    kind = models.CharField(max_length=16)  # iban, account_number, bic
    value_encrypted = models.TextField(editable=False)
    number_digest = models.CharField(max_length=64, db_index=True, editable=False)
    # An IBAN's embedded domestic number, as banking stores it for accounts.
    domestic_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    last4 = models.CharField(max_length=4, editable=False)
    country = models.CharField(max_length=2, blank=True)
    bank = models.CharField(max_length=200, blank=True)
    # The attachment's file name; empty when the message's own text names it.
    attachment = models.CharField(max_length=255, blank=True)
    on_file = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.kind} ···{self.last4}"


class BlockKind(models.TextChoices):
    ADDRESS = "address", pgettext_lazy("blocked sender", "address")
    DOMAIN = "domain", pgettext_lazy("blocked sender", "domain")


#: The signal a block adds to a later message from the blocked sender (its ``at`` is when
#: the sender was blocked).
BLOCK_SIGNALS = {
    BlockKind.ADDRESS: "sender_confirmed_fraud",
    BlockKind.DOMAIN: "domain_confirmed_fraud",
}


class BlockedSender(models.Model):
    """A sender address or domain confirmed fraudulent for one customer: any later
    message from it about that customer is critical, with the reason why."""

    company = models.ForeignKey(
        "parties.Company", on_delete=models.CASCADE, related_name="blocked_senders"
    )
    kind = models.CharField(max_length=10, choices=BlockKind.choices)
    # The canonical address (lower-case, ASCII domain) or the registrable domain (A-labels).
    value = models.CharField(max_length=320)
    assessment = models.ForeignKey(
        Assessment, null=True, on_delete=models.SET_NULL, related_name="blocks"
    )
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    blocked_at = models.DateTimeField()
    reason = models.TextField()

    AUDIT_FIELDS = ("company", "kind", "value", "assessment", "blocked_by", "blocked_at", "reason")

    class Meta:
        ordering = ["blocked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "kind", "value"], name="blockedsender_unique"
            )
        ]
        indexes = [models.Index(fields=["value"], name="blockedsender_value")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value}"


class KnownIndexVersion(models.Model):
    """One row, bumped after any change to customers' names, domains or addresses,
    so every process knows its cached index of known correspondents is stale."""

    counter = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"known index v{self.counter}"
