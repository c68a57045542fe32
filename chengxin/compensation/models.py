"""Fee compensation for an account change: a buyer's claim for the extra
intermediary-bank fee on a payment to our new account (with the remittance voucher),
finance's check, and the credit it becomes on the buyer's next order."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chengxin.core.money import format_money


class ClaimState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted: finance to check")
    APPROVED = "approved", _("Approved: credited")
    REJECTED = "rejected", _("Rejected")


class FeeClaim(models.Model):
    """A buyer's claim for the extra intermediary-bank fee on a payment to the new
    account, with the remittance voucher as evidence."""

    recipient = models.ForeignKey(
        "campaigns.Recipient", on_delete=models.PROTECT, related_name="fee_claims"
    )
    paid_on = models.DateField(_("payment date"))
    payment_amount = models.DecimalField(_("amount paid"), max_digits=18, decimal_places=2)
    payment_currency = models.CharField(_("currency paid"), max_length=3)
    fee_amount = models.DecimalField(_("extra fee claimed"), max_digits=12, decimal_places=2)
    fee_currency = models.CharField(_("fee currency"), max_length=3)
    payment_reference = models.CharField(_("payment reference"), max_length=140, blank=True)
    voucher_name = models.CharField(_("voucher file"), max_length=255)
    voucher_content_type = models.CharField(max_length=127)
    voucher = models.BinaryField()
    voucher_sha256 = models.CharField(max_length=64)
    # IBANs named in the voucher that are not ours (masked, e.g. "GB29 ···· 6819"): the
    # buyer may have paid a fraudster. Finance sees the claim flagged.
    voucher_foreign_accounts = models.JSONField(default=list, blank=True)
    # Who entered it: the buyer through the acknowledgement page (null), or a rep.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_ip = models.GenericIPAddressField(null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=ClaimState.choices, default=ClaimState.SUBMITTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    approved_amount = models.DecimalField(
        _("amount approved"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    decision_notes = models.TextField(_("notes"), blank=True)

    AUDIT_FIELDS = (
        "recipient", "paid_on", "payment_amount", "payment_currency", "fee_amount",
        "fee_currency", "payment_reference", "voucher_name", "voucher_sha256",
        "voucher_foreign_accounts", "submitted_by",
        "submitted_at", "submitted_ip", "state", "decided_by", "decided_at", "approved_amount",
        "decision_notes",
    )  # fmt: skip

    class Meta:
        verbose_name = _("fee claim")
        verbose_name_plural = _("fee claims")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["voucher_sha256"], name="feeclaim_voucher_sha256")]

    def __str__(self) -> str:
        return f"{format_money(self.fee_amount, self.fee_currency)} · {self.recipient}"

    @property
    def is_flagged(self) -> bool:
        return bool(self.voucher_foreign_accounts)

    @property
    def is_open(self) -> bool:
        return self.state == ClaimState.SUBMITTED


class Credit(models.Model):
    """Money we owe a buyer against their next order (an approved fee claim, say)."""

    company = models.ForeignKey("parties.Company", on_delete=models.PROTECT, related_name="credits")
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    reason = models.CharField(_("reason"), max_length=300)
    fee_claim = models.OneToOneField(
        FeeClaim, null=True, blank=True, on_delete=models.PROTECT, related_name="credit"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when an order uses it (the order-to-cash work fills this in).
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    used_reference = models.CharField(_("used on"), max_length=140, blank=True)

    AUDIT_FIELDS = (
        "company", "amount", "currency", "reason", "fee_claim", "used_at", "used_reference",
    )  # fmt: skip

    class Meta:
        verbose_name = _("credit")
        verbose_name_plural = _("credits")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{format_money(self.amount, self.currency)} · {self.company}"

    @property
    def is_used(self) -> bool:
        return self.used_at is not None
