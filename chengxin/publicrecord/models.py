"""The public record of our receiving accounts (no login): current accounts, the history
of changes with dates and reasons, bank proof documents, and a form where a buyer checks
an account number he received. Every check is logged."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProofDocument(models.Model):
    """A bank's proof of one of our accounts (a SWIFT confirmation page, the bank's
    account letter), uploaded by finance, with sensitive parts already blacked out."""

    account = models.ForeignKey(
        "banking.BankAccount",
        on_delete=models.PROTECT,
        related_name="proof_documents",
        verbose_name=_("account"),
    )
    title = models.CharField(_("title"), max_length=200)
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=127)
    content = models.BinaryField()
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    is_public = models.BooleanField(_("shown on the public record"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    AUDIT_FIELDS = ("account", "title", "filename", "content_type", "size", "sha256", "is_public")

    class Meta:
        verbose_name = _("bank proof document")
        verbose_name_plural = _("bank proof documents")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Answer(models.TextChoices):
    ACTIVE = "active", _("An active account")
    RETIRED = "retired", _("A retired account")
    UNKNOWN = "unknown", _("Not our account")
    INVALID = "invalid", _("Not an account number")
    LIMITED = "limited", _("Refused: too many checks")


class VerificationAttempt(models.Model):
    """One public check of an account number. The number itself is not kept: only its
    keyed digest and last digits, enough to see repeated checks of the same number."""

    at = models.DateTimeField(_("when"), db_index=True)
    ip = models.GenericIPAddressField(_("address"))
    user_agent = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=16, blank=True)
    query_digest = models.CharField(max_length=64, blank=True)
    query_last4 = models.CharField(max_length=4, blank=True)
    answer = models.CharField(_("answer"), max_length=16, choices=Answer.choices)
    # Finance was alerted by this check (an unknown number; repeats within minutes are not).
    alerted = models.BooleanField(_("finance alerted"), default=False)
    account = models.ForeignKey(
        "banking.BankAccount",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("verification attempt")
        verbose_name_plural = _("verification attempts")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["ip", "at"], name="verification_ip_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.ip} {self.answer}"
