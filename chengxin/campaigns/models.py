"""Announcing a change of our own receiving bank account to buyers: a change plan, its
audience (one recipient per buyer), the touches each buyer gets in their own working
hours, and their personal acknowledgement (the fee compensation it offers: chengxin.compensation).

The plan: decided (with a reason) → new account active → parallel period (both accounts
receive) → old account's last day. Rules (30 days' notice, at most two active receiving
accounts, one change per 12 months) are checked by the services; breaking one needs a
manager's override with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PlanState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    LAUNCHED = "launched", _("Launched: touches scheduled")
    COMPLETED = "completed", _("Completed: old account closed")
    CANCELLED = "cancelled", _("Cancelled")


class Audience(models.TextChoices):
    PAID_INTO_OLD = "paid_into_old", _("Buyers who paid into the old account in a period")
    ALL_ACTIVE = "all_active", _("All active buyers")


class ChangePlan(models.Model):
    old_account = models.ForeignKey(
        "banking.BankAccount",
        on_delete=models.PROTECT,
        related_name="plans_closing",
        verbose_name=_("old account"),
    )
    new_account = models.ForeignKey(
        "banking.BankAccount",
        on_delete=models.PROTECT,
        related_name="plans_opening",
        verbose_name=_("new account"),
    )
    reason = models.TextField(_("reason"))
    decided_on = models.DateField(_("decided on"))
    # The change: from parallel_from both accounts receive; buyers should prefer the new
    # one. The old account receives until old_closes_on (its last day).
    parallel_from = models.DateField(_("parallel period from"))
    old_closes_on = models.DateField(_("old account's last day"))
    state = models.CharField(
        _("state"), max_length=16, choices=PlanState.choices, default=PlanState.DRAFT
    )
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.PAID_INTO_OLD
    )
    audience_paid_from = models.DateField(_("paid from"), null=True, blank=True)
    audience_paid_until = models.DateField(_("paid until"), null=True, blank=True)
    # Rule codes (see campaigns.rules) broken by this plan, and the manager's override.
    rule_breaches = models.JSONField(default=list, blank=True)
    override_reason = models.TextField(_("override reason"), blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    override_at = models.DateTimeField(null=True, blank=True)
    # The breaches (rule codes) the override was given for: a breach that appears later
    # (another account activated, another change launched) needs a new override.
    overridden_breaches = models.JSONField(default=list, blank=True)
    # Fee compensation: extra intermediary-bank fees on payments made to the new account
    # before fee_offer_until are paid back (credited), up to fee_cap per payment.
    fee_offer_until = models.DateField(_("fee compensation until"), null=True, blank=True)
    fee_cap = models.DecimalField(
        _("cap per payment"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    fee_cap_currency = models.CharField(_("cap currency"), max_length=3, blank=True)
    # Days after the email notice before a buyer who has not acknowledged is reminded.
    reminder_after_days = models.PositiveSmallIntegerField(_("remind after (days)"), default=3)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    launched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    launched_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    AUDIT_FIELDS = (
        "old_account", "new_account", "reason", "decided_on", "parallel_from", "old_closes_on",
        "state", "audience", "audience_paid_from", "audience_paid_until", "rule_breaches",
        "override_reason", "override_by", "override_at", "overridden_breaches",
        "fee_offer_until", "fee_cap", "fee_cap_currency", "reminder_after_days", "launched_by",
        "launched_at", "cancelled_at", "completed_at",
    )  # fmt: skip

    class Meta:
        verbose_name = _("account change plan")
        verbose_name_plural = _("account change plans")
        ordering = ["-parallel_from", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(old_closes_on__gte=models.F("parallel_from")),
                name="changeplan_closes_after_change",
            ),
            models.CheckConstraint(
                condition=~Q(old_account=models.F("new_account")),
                name="changeplan_two_accounts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.old_account} → {self.new_account} ({self.parallel_from})"


class CallOutcome(models.TextChoices):
    HEARD_AND_UNDERSTOOD = "heard_and_understood", _("Heard and understood")
    NOT_UNDERSTOOD = "not_understood", _("Reached, but not understood: follow up")
    UNREACHABLE = "unreachable", _("Not reached")


class Perk(models.TextChoices):
    PRIORITY_PRODUCTION = "priority_production", _("Priority production slot")
    ACCOUNT_MANAGER_24H = "account_manager_24h", _("24-hour account manager")
    FREE_EXPRESS_SAMPLES = "free_express_samples", _("Free express samples")
    OTHER = "other", _("Other")


class Recipient(models.Model):
    """One buyer in a campaign, with their personal acknowledgement link."""

    plan = models.ForeignKey(ChangePlan, on_delete=models.CASCADE, related_name="recipients")
    company = models.ForeignKey(
        "parties.Company", on_delete=models.PROTECT, related_name="campaign_recipients"
    )
    # The person the touches go to (the company's main contact at launch).
    contact = models.ForeignKey(
        "parties.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=16)
    # The acknowledgement link's secret: only its SHA-256 is searchable; the token itself
    # is kept encrypted so that reminders can carry the same link.
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    token_encrypted = models.TextField(editable=False)
    reached_at = models.DateTimeField(_("reached"), null=True, blank=True)
    opened_at = models.DateTimeField(
        pgettext_lazy("the buyer opened the link", "opened"), null=True, blank=True
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledged_ip = models.GenericIPAddressField(null=True, blank=True)
    acknowledged_user_agent = models.CharField(max_length=300, blank=True)
    called_at = models.DateTimeField(_("called"), null=True, blank=True)
    call_outcome = models.CharField(
        _("call outcome"), max_length=24, choices=CallOutcome.choices, blank=True
    )
    call_notes = models.TextField(_("call notes"), blank=True)
    perk = models.CharField(_("perk"), max_length=24, choices=Perk.choices, blank=True)
    perk_notes = models.CharField(_("perk details"), max_length=300, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    AUDIT_FIELDS = (
        "plan", "company", "contact", "language", "reached_at", "opened_at", "acknowledged_at",
        "acknowledged_ip", "called_at", "call_outcome", "call_notes", "perk", "perk_notes",
        "last_reminded_at",
    )  # fmt: skip

    class Meta:
        verbose_name = _("campaign recipient")
        verbose_name_plural = _("campaign recipients")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "company"], name="recipient_once_per_plan")
        ]

    def __str__(self) -> str:
        return str(self.company)


class TouchKind(models.TextChoices):
    EMAIL_NOTICE = "email_notice", _("Formal email notice")
    CHAT_REMINDER = "chat_reminder", _("Chat reminder")
    POST_CHANGE = "post_change", _("Payment instructions with the new account")
    CALL = "call", _("Phone call")
    ACK_REMINDER = "ack_reminder", _("Reminder to acknowledge")


class TouchChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    WHATSAPP = "whatsapp", _("WhatsApp")
    WECHAT = "wechat", _("WeChat")
    SMS = "sms", _("SMS")
    TASK = "task", _("Task for the rep")


class TouchState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    QUEUED = "queued", _("Handed to the outbox")
    SENT = "sent", pgettext_lazy("status", "Sent")
    FAILED = "failed", _("Failed")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Touch(models.Model):
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="touches")
    kind = models.CharField(_("kind"), max_length=16, choices=TouchKind.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=TouchChannel.choices)
    # When it is due, in UTC; chosen inside the buyer's working hours.
    due_at = models.DateTimeField(_("due"))
    state = models.CharField(
        _("state"), max_length=16, choices=TouchState.choices, default=TouchState.SCHEDULED
    )
    outbound_message = models.ForeignKey(
        "outbox.OutboundMessage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    todo = models.ForeignKey(
        "todos.Todo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    error = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    AUDIT_FIELDS = ("recipient", "kind", "channel", "due_at", "state", "done_at")

    class Meta:
        verbose_name = _("touch")
        verbose_name_plural = _("touches")
        ordering = ["due_at", "id"]
        indexes = [models.Index(fields=["state", "due_at"], name="touch_state_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.due_at:%Y-%m-%d %H:%M}"
