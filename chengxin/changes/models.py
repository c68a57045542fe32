"""A contact's change of email or phone, walked through five steps that cannot be skipped:
confirm, verify out of band (and a manager's approval when the message looked dangerous),
apply, notify at the new address, review a week later."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chengxin.parties.models import ChannelKind


class State(models.TextChoices):
    OPENED = "opened", _("opened: confirmation to send")
    CONFIRM_SENT = "confirm_sent", _("confirmation sent: verify out of band")
    VERIFIED = "verified", _("verified")
    APPROVED = "approved", _("approved by a manager")
    APPLIED = "applied", _("applied: notice to send")
    NOTICE_SENT = "notice_sent", _("notice sent: review pending")
    REVIEW_DUE = "review_due", _("review due")
    CLOSED = "closed", _("closed")
    REJECTED = "rejected", _("rejected")


OPEN_STATES = (
    State.OPENED,
    State.CONFIRM_SENT,
    State.VERIFIED,
    State.APPROVED,
    State.APPLIED,
    State.NOTICE_SENT,
    State.REVIEW_DUE,
)


class Outcome(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed: the contact made this change")
    DENIED = "denied", _("denied: the contact did not ask for it")
    UNREACHABLE = "unreachable", _("unreachable: try again")


class StepKind(models.TextChoices):
    OPENED = "opened", _("Opened")
    PROPOSED = "proposed", _("Proposed by the fraud guard")
    CONFIRM_SENT = "confirm_sent", _("Confirmation sent")
    VERIFICATION = "verification", _("Verified out of band")
    APPROVED = "approved", _("Approved by a manager")
    APPLIED = "applied", _("Applied")
    NOTICE_SENT = "notice_sent", _("Effective notice sent")
    REVIEW_OPENED = "review_opened", _("Review opened")
    CLOSED = "closed", _("Review closed")
    REJECTED = "rejected", _("Rejected")


class ChangeRequest(models.Model):
    contact = models.ForeignKey(
        "parties.Contact", on_delete=models.CASCADE, related_name="change_requests"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ChannelKind.choices)
    old_channel = models.ForeignKey(
        "parties.Channel", on_delete=models.PROTECT, related_name="+", verbose_name=_("old")
    )
    old_value = models.CharField(_("old value"), max_length=320)
    new_value = models.CharField(_("new value"), max_length=320)
    new_channel = models.ForeignKey(
        "parties.Channel", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_message = models.ForeignKey(
        "mail.Message",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="change_requests",
    )
    assessment = models.ForeignKey(
        "guard.Assessment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_by_guard = models.BooleanField(default=False)
    state = models.CharField(_("state"), max_length=16, choices=State.choices)
    state_changed_at = models.DateTimeField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"))
    confirm_message_id = models.PositiveBigIntegerField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verification_channel = models.ForeignKey(
        "parties.Channel", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verification_outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)
    notice_message_id = models.PositiveBigIntegerField(null=True, blank=True)
    review_due_at = models.DateTimeField(null=True, blank=True)
    review_findings = models.JSONField(default=dict, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # Set when the contact denied the change: the message that asked for it was a fraud attempt.
    fraud_attempt = models.BooleanField(_("fraud attempt"), default=False)

    AUDIT_FIELDS = (
        "contact", "kind", "old_value", "new_value", "new_channel", "source_message", "state",
        "opened_by", "verified_by", "verified_at", "verification_channel",
        "verification_outcome", "approved_by", "approved_at", "applied_by", "applied_at",
        "confirm_message_id", "notice_message_id", "review_due_at", "closed_by", "closed_at",
        "fraud_attempt",
    )  # fmt: skip

    class Meta:
        indexes = [models.Index(fields=["state", "state_changed_at"])]

    def __str__(self) -> str:
        return f"{self.contact}: {self.old_value} → {self.new_value}"

    @property
    def needs_approval(self) -> bool:
        return self.assessment is not None and self.assessment.is_alarming

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class ChangeStep(models.Model):
    """One thing that happened to a change request: the timeline on its page."""

    request = models.ForeignKey(ChangeRequest, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=16, choices=StepKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    details = models.JSONField(default=dict, blank=True)
    notes = models.TextField(blank=True)

    AUDIT_FIELDS = ("request", "kind", "actor", "at", "details", "notes")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M}"

    @property
    def outcome_label(self) -> str:
        """The out-of-band check's outcome in the reader's language (never its code)."""
        outcome = (self.details or {}).get("outcome", "")
        return str(Outcome(outcome).label) if outcome in Outcome.values else outcome
