"""Commitments: the dates we promised a buyer for their order, kept, at risk or broken;
the early warnings of a delay, with an alternative; production updates with photos.

A milestone is a workflow item (its timeline in ``MilestoneStep``): promised, its
forecast moved by hand or by the order's shipments, at risk, warned, done, kept or
broken. Its state is decided by :mod:`chengxin.commitments.rules`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.commitments import rules
from chengxin.workflow.models import Step


class MilestoneKind(models.TextChoices):
    PRODUCTION_START = rules.PRODUCTION_START, _("Production start")
    READY = rules.READY, _("Ready for shipment")
    SHIPPED = rules.SHIPPED, _("Shipped")
    ARRIVAL = rules.ARRIVAL, _("Arrival")
    OTHER = rules.OTHER, _("Another promise")


class MilestoneState(models.TextChoices):
    OPEN = rules.OPEN, _("Open")
    KEPT = rules.KEPT, _("Kept")
    AT_RISK = rules.AT_RISK, _("At risk")
    BROKEN = rules.BROKEN, _("Broken")


class ForecastSource(models.TextChoices):
    NONE = "", _("None")
    HAND = "hand", _("Set by hand")
    ETD = "etd", _("The shipment's ETD")
    ETA = "eta", _("The shipment's ETA")


class DoneSource(models.TextChoices):
    NONE = "", _("Not done")
    HAND = "hand", _("Marked by hand")
    PRODUCTION = "production", _("Production started on the order")
    SHIPPED = "shipped", _("The shipment left")
    DELIVERED = "delivered", _("The shipment was delivered")


class MilestoneStepKind(models.TextChoices):
    PROMISED = "promised", _("Promised")
    FORECAST = "forecast", _("Expected date changed")
    AT_RISK = "at_risk", _("At risk")
    ON_TRACK = "on_track", _("Back on track")
    WARNING_PROPOSED = "warning_proposed", _("Warning the buyer proposed")
    WARNED = "warned", _("Buyer warned")
    WARNING_LOST = "warning_lost", _("The warning did not reach the buyer")
    DONE = "done", _("Done")
    BROKEN = "broken", _("Broken")


class Milestone(models.Model):
    """A date we promised the buyer of an order, and what became of it."""

    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="milestones", verbose_name=_("order")
    )
    kind = models.CharField(_("promise"), max_length=20, choices=MilestoneKind.choices)
    # Another promise's name (quality report, documents...); optional for the others.
    label = models.CharField(_("label"), max_length=100, blank=True)
    # When set, a shipped or arrival promise follows this shipment only; else all of them.
    shipment = models.ForeignKey(
        "orders.OrderShipment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("shipment"),
    )
    promised_on = models.DateField(_("promised date"))
    promised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("promised by"),
    )
    promised_at = models.DateTimeField(_("promised when"))
    promised_to = models.ForeignKey(
        "parties.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("promised to"),
    )
    forecast_on = models.DateField(_("expected date"), null=True, blank=True)
    forecast_source = models.CharField(
        _("expected date from"), max_length=8, choices=ForecastSource.choices, blank=True
    )
    forecast_note = models.CharField(_("why"), max_length=300, blank=True)
    forecast_at = models.DateTimeField(null=True, blank=True)
    # The last date the order's shipments gave (ETD or ETA): a forecast by hand stands
    # until the shipments' date changes again.
    tracked_on = models.DateField(null=True, blank=True, editable=False)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_source = models.CharField(
        _("done according to"), max_length=12, choices=DoneSource.choices, blank=True
    )
    state = models.CharField(
        _("state"), max_length=10, choices=MilestoneState.choices, default=MilestoneState.OPEN
    )
    state_changed_at = models.DateTimeField()
    # The buyer was warned of the delay: when the letter goes out, and how many days
    # before the promised date (negative: after it).
    warned_at = models.DateTimeField(_("buyer warned"), null=True, blank=True)
    warned_days_ahead = models.IntegerField(_("days ahead"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    AUDIT_FIELDS = (
        "order", "kind", "label", "shipment", "promised_on", "promised_by", "promised_at",
        "promised_to", "forecast_on", "forecast_source", "forecast_note", "done_on",
        "done_source", "state", "warned_at", "warned_days_ahead",
    )  # fmt: skip

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["promised_on", "id"]
        indexes = [
            models.Index(fields=["state", "promised_on"], name="milestone_state_date"),
            models.Index(fields=["order", "promised_on"], name="milestone_order_date"),
        ]

    def __str__(self) -> str:
        return f"{self.order.number} · {self.title} · {self.promised_on:%Y-%m-%d}"

    @property
    def title(self) -> str:
        """The promise's name: its label, else its kind."""
        if self.label:
            return self.label
        return str(self.get_kind_display())

    @property
    def is_settled(self) -> bool:
        return self.state in (MilestoneState.KEPT, MilestoneState.BROKEN)

    @property
    def expected_on(self):
        """The date it is now expected on: the forecast, else the promise."""
        return self.forecast_on or self.promised_on

    @property
    def counts_against_us(self) -> bool:
        """Broken without a warning in time (the trust figures count it)."""
        return rules.counts_against_us(
            self.state,
            self.warned_days_ahead,
            warning_days=settings.CHENGXIN_DELAY_WARNING_DAYS,
        )


class MilestoneStep(Step):
    """One thing that happened to a milestone: the timeline on its page."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=MilestoneStepKind.choices)

    AUDIT_FIELDS = ("milestone", *Step.STEP_FIELDS)


class Alternative(models.TextChoices):
    AIR_FREIGHT = "air_freight", _("Air freight instead of sea")
    PART_SHIPMENT = "part_shipment", _("A part shipment now")
    COST_SHARE = "cost_share", _("Part of the cost on us")
    NEW_DATE = "new_date", _("A new date")
    NONE = "none", _("No alternative")


class WarningState(models.TextChoices):
    OPEN = "open", _("To send")
    SENT = "sent", pgettext_lazy("warning", "Sent")
    DISMISSED = "dismissed", _("Dismissed")


class DelayWarning(models.Model):
    """A proposal to tell the buyer early that a promise will not be kept: the drafted
    letter in the buyer's language, which the rep edits and sends. One open per
    milestone."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="warnings")
    state = models.CharField(
        _("state"), max_length=10, choices=WarningState.choices, default=WarningState.OPEN
    )
    alternative = models.CharField(
        _("alternative"), max_length=16, choices=Alternative.choices, default=Alternative.NEW_DATE
    )
    language = models.CharField(_("language"), max_length=10)
    contact = models.ForeignKey(
        "parties.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("letter"))
    todo = models.ForeignKey(
        "todos.Todo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(_("warn by"))
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_to = models.CharField(_("sent to"), max_length=320, blank=True)
    outbound = models.ForeignKey(
        "outbox.OutboundMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_reason = models.CharField(max_length=100, blank=True)

    AUDIT_FIELDS = (
        "milestone", "state", "alternative", "language", "contact", "subject", "body", "todo",
        "due_on", "sent_at", "sent_by", "sent_to", "outbound", "closed_reason",
    )  # fmt: skip

    class Meta:
        verbose_name = _("delay warning")
        verbose_name_plural = _("delay warnings")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["milestone"], condition=Q(state="open"), name="delaywarning_one_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.milestone} · {self.get_state_display()}"


class ProductionUpdate(models.Model):
    """News of an order's production, with photos, that a rep sends to the buyer."""

    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="production_updates"
    )
    milestone = models.ForeignKey(
        Milestone, null=True, blank=True, on_delete=models.SET_NULL, related_name="updates"
    )
    text = models.TextField(_("update"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_to = models.CharField(_("sent to"), max_length=320, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    outbound = models.ForeignKey(
        "outbox.OutboundMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    AUDIT_FIELDS = (
        "order", "milestone", "text", "created_by", "created_at", "sent_at", "sent_by",
        "sent_to", "language", "outbound",
    )  # fmt: skip

    class Meta:
        verbose_name = _("production update")
        verbose_name_plural = _("production updates")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["order", "-created_at"], name="produpdate_order_time")]

    def __str__(self) -> str:
        return f"{self.order.number} · {self.created_at:%Y-%m-%d}"


class ProductionPhoto(models.Model):
    """A picture of an update: its bytes were decoded as an image before it was kept."""

    update = models.ForeignKey(ProductionUpdate, on_delete=models.CASCADE, related_name="photos")
    name = models.CharField(max_length=130)
    content_type = models.CharField(max_length=32)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    AUDIT_FIELDS = ("update", "name", "content_type", "size", "width", "height", "sha256")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
