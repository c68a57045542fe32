"""Bank accounts: ours (where buyers pay us) and counterparties' (a buyer's account for
refunds, an agent's for commissions), under four eyes.

An account is proposed, verified out of band, approved by a second person, and only then
active; it is retired, never edited. A change of account is a new account that replaces
the old one. Account numbers are stored encrypted (core.crypto) with a keyed digest for
look-ups and their last four digits for display.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.core.money import format_money
from chengxin.workflow.models import Step


class Side(models.TextChoices):
    OURS = "ours", _("Our company")
    COUNTERPARTY = "counterparty", _("Counterparty")


class Purpose(models.TextChoices):
    RECEIVING = "receiving", _("Receiving payments")
    REFUND = "refund", _("Refunds to the buyer")
    COMMISSION = "commission", _("Agent commission")
    PAYING = "paying", _("Paying suppliers")
    OTHER = "other", _("Other")


class State(models.TextChoices):
    PROPOSED = "proposed", _("Proposed: verify out of band")
    VERIFIED = "verified", _("Verified: awaiting a second person's approval")
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")
    REJECTED = "rejected", _("Rejected")


class VerificationMethod(models.TextChoices):
    CALL_ON_FILE = "call_on_file", _("Phone call to a number on file")
    MESSAGE_ON_FILE = "message_on_file", _("Message through a channel on file")
    BANK_LETTER = "bank_letter", _("Bank's confirmation letter or SWIFT confirmation")
    BANK_PORTAL = "bank_portal", _("Seen in the bank's online portal")
    IN_PERSON = "in_person", _("In person or video call")


class StepKind(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    VERIFIED = "verified", _("Verified out of band")
    VERIFICATION_FAILED = "verification_failed", _("Verification failed")
    APPROVED = "approved", _("Approved and activated")
    REJECTED = "rejected", _("Rejected")
    RETIRED = "retired", _("Retired")


class BankAccount(models.Model):
    side = models.CharField(_("whose"), max_length=16, choices=Side.choices)
    company = models.ForeignKey(
        "parties.Company",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bank_accounts",
        verbose_name=_("counterparty"),
    )
    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices)
    label = models.CharField(_("label"), max_length=100, blank=True)
    holder_name = models.CharField(_("account holder"), max_length=200)
    bank_name = models.CharField(_("bank"), max_length=200)
    bank_address = models.TextField(_("bank address"), blank=True)
    bank_country = models.CharField(_("bank country"), max_length=2, blank=True)
    bic = models.CharField(_("SWIFT/BIC"), max_length=11, blank=True)
    # The account: an IBAN, or a local number with its routing/clearing code.
    iban_encrypted = models.TextField(blank=True, editable=False)
    number_encrypted = models.TextField(blank=True, editable=False)
    routing_code = models.CharField(_("routing or clearing code"), max_length=34, blank=True)
    # Keyed digest (core.crypto.lookup_digest) of the normalised IBAN or account number,
    # for the guard and public verification to find an account without decrypting all.
    number_digest = models.CharField(max_length=64, db_index=True, editable=False)
    # Another digest for an IBAN's embedded domestic account number, so a buyer who
    # types only that still finds the account.
    domestic_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    number_last4 = models.CharField(max_length=4, editable=False)
    currency = models.CharField(_("currency"), max_length=3)
    intermediary_bic = models.CharField(_("intermediary bank SWIFT/BIC"), max_length=11, blank=True)
    intermediary_account_encrypted = models.TextField(blank=True, editable=False)
    notes = models.TextField(_("notes"), blank=True)

    state = models.CharField(_("state"), max_length=16, choices=State.choices)
    state_changed_at = models.DateTimeField()
    # The account this one replaces: a change of account is a new account.
    replaces = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    # The inbound message that announced it, when it came that way.
    source_message = models.ForeignKey(
        "mail.Message",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed"))
    # The number appeared in a message the guard flagged (high or critical, not marked
    # safe) when the account was proposed: the newest such message, and the consequence,
    # which stays even if that message is later marked safe: only a manager may approve.
    flagged_message = models.ForeignKey(
        "mail.Message",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approval_needs_manager = models.BooleanField(default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(pgettext_lazy("time", "verified"), null=True, blank=True)
    verification_method = models.CharField(
        _("verified how"), max_length=20, choices=VerificationMethod.choices, blank=True
    )
    # For a counterparty's account: the channel on file it was checked through.
    verification_channel = models.ForeignKey(
        "parties.Channel", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verification_notes = models.TextField(_("verification notes"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    # Active from approval; the date buyers are told (public record: "active since").
    active_since = models.DateTimeField(_("active since"), null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    retire_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # The encrypted numbers are left out: the trail keeps the last digits and digest only.
    AUDIT_FIELDS = (
        "side", "company", "purpose", "label", "holder_name", "bank_name", "bank_address",
        "bank_country", "bic", "routing_code", "number_digest", "number_last4", "currency",
        "intermediary_bic", "state", "replaces", "source_message", "proposed_by", "proposed_at",
        "flagged_message", "approval_needs_manager",
        "verified_by", "verified_at", "verification_method", "verification_channel",
        "verification_notes", "approved_by", "approved_at", "active_since", "retired_by",
        "retired_at", "retire_reason",
    )  # fmt: skip

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(side="ours") & Q(company__isnull=True))
                | (Q(side="counterparty") & Q(company__isnull=False)),
                name="bankaccount_side_company",
            ),
            # Four eyes, held by the database too: the approver is neither the proposer
            # nor the verifier.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | (
                    ~Q(approved_by=models.F("proposed_by"))
                    & ~Q(approved_by=models.F("verified_by"))
                ),
                name="bankaccount_four_eyes",
            ),
        ]
        indexes = [models.Index(fields=["side", "state"], name="bankaccount_side_state")]

    def __str__(self) -> str:
        return f"{self.bank_name} ···{self.number_last4} ({self.currency})"

    @property
    def masked_number(self) -> str:
        return f"···· {self.number_last4}"

    @property
    def is_active(self) -> bool:
        return self.state == State.ACTIVE


class BankAccountStep(Step):
    """One thing that happened to an account: the timeline on its page."""

    account = models.ForeignKey(BankAccount, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=StepKind.choices)

    AUDIT_FIELDS = ("account", *Step.STEP_FIELDS)


class ReceivedPayment(models.Model):
    """Money a buyer paid into one of our accounts, as finance recorded it. Campaigns
    choose their audience from it ("everyone who paid into the old account")."""

    account = models.ForeignKey(
        BankAccount,
        on_delete=models.PROTECT,
        related_name="received_payments",
        verbose_name=_("into account"),
    )
    company = models.ForeignKey(
        "parties.Company",
        on_delete=models.PROTECT,
        related_name="payments_made",
        verbose_name=_("payer"),
    )
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    received_on = models.DateField(_("received on"))
    reference = models.CharField(_("reference"), max_length=140, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    AUDIT_FIELDS = ("account", "company", "amount", "currency", "received_on", "reference")

    class Meta:
        verbose_name = _("payment received")
        verbose_name_plural = _("payments received")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["account", "received_on"], name="payment_account_day")]

    def __str__(self) -> str:
        return f"{format_money(self.amount, self.currency)} · {self.received_on}"
