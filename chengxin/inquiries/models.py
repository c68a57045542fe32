"""A buyer's inquiry and its two clocks (first response, full answer), and the days the
company works or does not beyond the country's calendar."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.workflow.models import Step


class State(models.TextChoices):
    PROPOSED = "proposed", _("Proposed: to accept or dismiss")
    OPEN = "open", pgettext_lazy("inquiry", "Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", pgettext_lazy("inquiry", "Closed")
    LOST = "lost", pgettext_lazy("inquiry", "Lost")
    DISMISSED = "dismissed", _("Dismissed: not an inquiry")


# States whose clocks run (a proposed inquiry's buyer is waiting too).
RUNNING_STATES = (State.PROPOSED, State.OPEN)
# States that still count in the response times.
COUNTED_STATES = (State.OPEN, State.ANSWERED, State.CLOSED, State.LOST)


class Via(models.TextChoices):
    REPLY = "reply", _("Reply sent from Chengxin")
    EMAIL = "email", _("Message sent from the outbox")
    CALL = "call", _("Logged call")
    ANSWER = "answer", _("Full answer (MOQ, lead time, price, payment)")
    QUOTE = "quote", _("Quote sent")


class StepKind(models.TextChoices):
    PROPOSED = "proposed", _("Proposed from a message")
    CREATED = "created", _("Created")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")
    FIRST_RESPONSE = "first_response", _("First response")
    FULL_ANSWER = "full_answer", _("Full answer")
    REMINDED = "reminded", _("Owner reminded")
    LATE = "late", _("Clock ran out")
    CLOSED = "closed", pgettext_lazy("inquiry", "Closed")
    LOST = "lost", pgettext_lazy("inquiry", "Lost")
    DEADLINES_MOVED = "deadlines_moved", _("Deadlines moved by the calendar")


class Inquiry(models.Model):
    """A buyer asking for products: the first response is due within
    CHENGXIN_INQUIRY_FIRST_RESPONSE_HOURS working hours of its arrival, the full answer
    (MOQ, lead time, price, payment methods) within CHENGXIN_INQUIRY_FULL_ANSWER_HOURS."""

    company = models.ForeignKey(
        "parties.Company",
        on_delete=models.PROTECT,
        related_name="inquiries",
        verbose_name=_("customer"),
    )
    contact = models.ForeignKey(
        "parties.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
        verbose_name=_("contact"),
    )
    message = models.ForeignKey(
        "mail.Message",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
        verbose_name=_("message"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
        verbose_name=_("owner"),
    )
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    products = models.ManyToManyField(
        "catalog.Product", blank=True, related_name="inquiries", verbose_name=_("products")
    )
    quantity = models.CharField(_("quantity asked"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.OPEN)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(_("received"))
    first_response_due = models.DateTimeField(_("first response due"))
    full_answer_due = models.DateTimeField(_("full answer due"))
    first_responded_at = models.DateTimeField(_("first response"), null=True, blank=True)
    first_response_via = models.CharField(
        _("first response by"), max_length=16, choices=Via.choices, blank=True
    )
    full_answered_at = models.DateTimeField(_("full answer"), null=True, blank=True)
    full_answer_via = models.CharField(
        _("full answer by"), max_length=16, choices=Via.choices, blank=True
    )
    # Each clock's reminder goes once; a clock that ran out is marked late (and stays so
    # when it is stopped afterwards).
    first_reminded_at = models.DateTimeField(null=True, blank=True)
    full_reminded_at = models.DateTimeField(null=True, blank=True)
    first_response_late = models.BooleanField(_("first response late"), default=False)
    full_answer_late = models.BooleanField(_("full answer late"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    AUDIT_FIELDS = (
        "company", "contact", "message", "owner", "subject", "text", "quantity", "state",
        "received_at", "first_response_due", "full_answer_due", "first_responded_at",
        "first_response_via", "full_answered_at", "full_answer_via", "first_reminded_at",
        "full_reminded_at", "first_response_late", "full_answer_late",
    )  # fmt: skip

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["message"],
                condition=models.Q(message__isnull=False),
                name="one_inquiry_per_message",
            )
        ]
        indexes = [
            models.Index(fields=["state", "first_response_due"], name="inquiry_first_due"),
            models.Index(fields=["state", "full_answer_due"], name="inquiry_full_due"),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def first_clock_running(self) -> bool:
        return self.state in RUNNING_STATES and self.first_responded_at is None

    @property
    def full_clock_running(self) -> bool:
        return self.state in RUNNING_STATES and self.full_answered_at is None

    @property
    def is_late(self) -> bool:
        return self.first_response_late or self.full_answer_late


class InquiryStep(Step):
    """One thing that happened to an inquiry: the timeline on its page."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=StepKind.choices)

    AUDIT_FIELDS = ("inquiry", *Step.STEP_FIELDS)


class CalendarDay(models.Model):
    """A day the company set itself: a holiday of its own (a factory's anniversary) or a
    working day the country's calendar has off. Wins over the country's calendar."""

    date = models.DateField(_("date"), unique=True)
    is_working = models.BooleanField(_("working day"))
    name = models.CharField(_("name"), max_length=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    AUDIT_FIELDS = ("date", "is_working", "name")

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"
