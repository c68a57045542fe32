"""A contact's change of email or phone, walked through five steps that cannot be skipped:
confirm, verify out of band (and a manager's approval when the message looked dangerous),
apply, notify at the new address, review a week later."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chengxin.parties.models import ChannelKind
from chengxin.workflow.models import Step


class State(models.TextChoices):
    OPENED = "opened", _("opened: confirmation to send")
    CONFIRM_SENT = "confirm_sent", _("confirmation written: verify out of band")
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


class ChangeAction(models.TextChoices):
    """What applying the request does to the contact's channels."""

    REPLACE = "replace", _("replace: the new value takes over, the old one is retired")
    ADD = "add", _("add: a new channel beside the others")
    MAKE_PRIMARY = "make_primary", _("make primary: an existing channel becomes the main one")


class StepKind(models.TextChoices):
    """What happened, when it happened: a letter is "queued" when written and "sent" only
    once the mail server took it."""

    OPENED = "opened", _("Opened")
    PROPOSED = "proposed", _("Proposed by the fraud guard")
    CONFIRM_QUEUED = "confirm_queued", _("Confirmation queued")
    CONFIRM_SENT = "confirm_sent", _("Confirmation handed to the mail server")
    CONFIRM_FAILED = "confirm_failed", _("Confirmation not delivered")
    VERIFICATION = "verification", _("Verified out of band")
    APPROVED = "approved", _("Approved by a manager")
    APPLIED = "applied", _("Applied")
    NOTICE_QUEUED = "notice_queued", _("Effective notice queued")
    NOTICE_SENT = "notice_sent", _("Effective notice handed to the mail server")
    NOTICE_FAILED = "notice_failed", _("Effective notice not delivered")
    REVIEW_OPENED = "review_opened", _("Review opened")
    CLOSED = "closed", _("Review closed")
    REJECTED = "rejected", _("Rejected")


class ChangeRequest(models.Model):
    contact = models.ForeignKey(
        "parties.Contact", on_delete=models.CASCADE, related_name="change_requests"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ChannelKind.choices)
    action = models.CharField(
        _("action"), max_length=16, choices=ChangeAction.choices, default=ChangeAction.REPLACE
    )
    # Whether the new value becomes the primary channel of its kind.
    make_primary = models.BooleanField(default=True)
    # The primary channel of that kind when the request was opened (none when a contact gets
    # a first channel of a kind).
    old_channel = models.ForeignKey(
        "parties.Channel",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("old"),
    )
    old_value = models.CharField(_("old value"), max_length=320, blank=True)
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
        "contact", "kind", "action", "make_primary", "old_value", "new_value", "new_channel", "source_message", "state",
        "opened_by", "verified_by", "verified_at", "verification_channel",
        "verification_outcome", "approved_by", "approved_at", "applied_by", "applied_at",
        "confirm_message_id", "notice_message_id", "review_due_at", "closed_by", "closed_at",
        "fraud_attempt",
    )  # fmt: skip

    class Meta:
        # Named in messages about the request (the workflow core's "not possible now").
        verbose_name = _("change request")
        indexes = [models.Index(fields=["state", "state_changed_at"])]
        constraints = [
            # Two tabs or two requests at once cannot open two loops on one channel kind.
            models.UniqueConstraint(
                fields=["contact", "kind"],
                condition=models.Q(state__in=OPEN_STATES),
                name="one_open_change_per_contact_and_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact}: {self.old_value or '—'} → {self.new_value}"

    @property
    def needs_approval(self) -> bool:
        return self.assessment is not None and self.assessment.is_alarming

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class ChangeStep(Step):
    """One thing that happened to a change request: the timeline on its page."""

    request = models.ForeignKey(ChangeRequest, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=16, choices=StepKind.choices)

    AUDIT_FIELDS = ("request", *Step.STEP_FIELDS)

    @property
    def outcome_label(self) -> str:
        """The out-of-band check's outcome in the reader's language (never its code)."""
        outcome = (self.details or {}).get("outcome", "")
        return str(Outcome(outcome).label) if outcome in Outcome.values else outcome
