"""The guard's records: one assessment per message, and what marks the index stale."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")
    CRITICAL = "critical", _("critical")


ALARMING_LEVELS = (Level.HIGH, Level.CRITICAL)


class Assessment(models.Model):
    """The guard's verdict on one message, with the signals that raised it.

    A high or critical message stays flagged until two different people agree it
    is safe: one proposes, a manager or the customer's owner confirms.
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

    AUDIT_FIELDS = (
        "message", "score", "level", "engine_version", "safe_proposed_by", "safe_proposed_at",
        "safe_confirmed_by", "safe_confirmed_at",
    )  # fmt: skip

    class Meta:
        indexes = [models.Index(fields=["level", "safe_confirmed_at"])]

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.score})"

    @property
    def is_alarming(self) -> bool:
        return self.level in ALARMING_LEVELS

    @property
    def is_marked_safe(self) -> bool:
        return self.safe_confirmed_at is not None

    @property
    def shows_alarm(self) -> bool:
        return self.is_alarming and not self.is_marked_safe


class KnownIndexVersion(models.Model):
    """One row, bumped after any change to customers' names, domains or addresses,
    so every process knows its cached index of known correspondents is stale."""

    counter = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"known index v{self.counter}"
