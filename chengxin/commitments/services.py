"""Commitments: promising a date on an order, moving its expected date, marking it done;
re-evaluating every open promise (by hand, by the order's shipments, hourly); proposing
an early warning to the buyer when one is at risk, and sending it; production updates
with photos sent to the buyer.

Every service takes keyword-only arguments, checks the order's permissions itself
(``chengxin.orders.permissions``), validates everything before it writes, and writes in
one transaction, audited; a milestone moves only through ``workflow.services.advance``.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import User
from chengxin.audit.services import audit_created, snapshot
from chengxin.commitments import letters, photos, rules
from chengxin.commitments.models import (
    Alternative,
    DelayWarning,
    DoneSource,
    ForecastSource,
    Milestone,
    MilestoneKind,
    MilestoneState,
    MilestoneStepKind,
    ProductionPhoto,
    ProductionUpdate,
    WarningState,
)
from chengxin.commitments.permissions import require_edit
from chengxin.core.buyer_language import buyer_language
from chengxin.core.deferred_text import deferred
from chengxin.core.lengths import clean_text
from chengxin.core.zones import company_today, company_zone
from chengxin.orders.models import Order, OrderShipment, OrderState, OrderStep, OrderStepKind
from chengxin.outbox.models import Status as OutboundStatus
from chengxin.outbox.services.writing import outbox_enqueue
from chengxin.parties.models import Channel, ChannelKind, Contact, ContactStatus
from chengxin.parties.selectors import channels_on_file
from chengxin.todos.models import Todo
from chengxin.todos.services import todo_complete, todo_create
from chengxin.workflow.services import WRONG_STEP, advance, locked

logger = logging.getLogger(__name__)

TODO_KIND = "commitments.delay_warning"
WARNING_RELATED = "commitments.delaywarning"
RELATED_TYPE = "milestone"
WARNING_PURPOSE = "commitments.delay_warning"
UPDATE_PURPOSE = "commitments.production_update"
UPDATE_RELATED = "commitments.productionupdate"

LABEL_MAX = 100
NOTE_MAX = 300
SUBJECT_MAX = 300
BODY_MAX = 20_000
UPDATE_TEXT_MAX = 5_000
PHOTOS_MAX = 10
PHOTOS_TOTAL_MB = 15
# How far from today a promised or expected date may lie.
PAST_LIMIT = datetime.timedelta(days=366)
FUTURE_LIMIT = datetime.timedelta(days=3 * 366)
# The earliest time zone is UTC+14: a user's "today" may be our date plus one.
_DATE_LINE_SLACK = datetime.timedelta(days=1)


# --- Small helpers ------------------------------------------------------------------------


def _our_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(company_zone()).date()


def _field_error(field: str, message: str, code: str = "invalid") -> ValidationError:
    return ValidationError({field: [ValidationError(message, code=code)]})


def _date(value, *, field: str, errors: dict, required: bool = True) -> datetime.date | None:
    if value is None or value == "":
        if required:
            errors[field] = _("Enter a date.")
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, datetime.date):
        try:
            value = datetime.date.fromisoformat(str(value))
        except ValueError:
            errors[field] = _("Enter a date such as 2027-03-15.")
            return None
    return value


def _within(day: datetime.date, *, today: datetime.date, field: str, errors: dict) -> None:
    if day < today - PAST_LIMIT or day > today + FUTURE_LIMIT:
        errors[field] = _("Enter a date within a year before and three years after today.")


def _sender(user: User | None) -> str:
    name = (user.get_full_name() or user.username) if user is not None else ""
    return "\n".join(p for p in (name, settings.CHENGXIN_COMPANY_NAME) if p)


def _milestone_locked(milestone: Milestone) -> Milestone:
    return locked(Milestone.objects.select_related("order__company"), milestone.pk)


def _advance(milestone: Milestone, **kwargs):
    return advance(
        milestone, company_id=milestone.order.company_id, label=str(milestone)[:300], **kwargs
    )


# --- Promising, forecasting, marking done -------------------------------------------------


def _buyer_contacts(order: Order):
    return Contact.objects.filter(company_id=order.company_id, status=ContactStatus.ACTIVE)


def milestone_create(
    *,
    actor: User,
    order: Order,
    kind: str,
    promised_on: datetime.date,
    label: str = "",
    promised_to: Contact | None = None,
    shipment: OrderShipment | None = None,
    now: datetime.datetime | None = None,
) -> Milestone:
    """Record a date promised to the buyer of ``order``: ``kind`` (production start,
    ready, shipped, arrival, or another promise named by ``label``), promised by
    ``actor`` now, to ``promised_to`` (one of the buyer's contacts, optional). Its state
    is evaluated at once (a promise already late is broken, one too close at risk)."""
    now = now or timezone.now()
    require_edit(actor, order)
    errors: dict[str, str] = {}
    if kind not in MilestoneKind.values:
        errors["kind"] = _("Choose what was promised.")
    label = clean_text(label, field="label", limit=LABEL_MAX, errors=errors)
    if kind == MilestoneKind.OTHER and not label and "label" not in errors:
        errors["label"] = _("Name the promise (quality report, documents...).")
    day = _date(promised_on, field="promised_on", errors=errors)
    today = company_today(now)
    if day is not None:
        _within(day, today=today, field="promised_on", errors=errors)
    if promised_to is not None and not _buyer_contacts(order).filter(pk=promised_to.pk).exists():
        errors["promised_to"] = _("Choose one of this customer's contacts.")
    if shipment is not None:
        if shipment.order_id != order.pk:
            errors["shipment"] = _("Choose one of this order's shipments.")
        elif kind not in rules.SHIPMENT_KINDS:
            errors["shipment"] = _("Only a shipped or arrival promise follows a shipment.")
    if errors:
        raise ValidationError(errors, code="invalid")
    with transaction.atomic():
        milestone = Milestone.objects.create(
            order=order,
            kind=kind,
            label=label,
            shipment=shipment,
            promised_on=day,
            promised_by=actor,
            promised_at=now,
            promised_to=promised_to,
            state=MilestoneState.OPEN,
            state_changed_at=now,
        )
        milestone.order = order
        audit_created(actor=actor, instance=milestone, company_id=order.company_id)
        _advance(
            milestone,
            actor=actor,
            before=None,
            now=now,
            step=MilestoneStepKind.PROMISED,
            details={"promised_on": day.isoformat(), "kind": kind},
        )
        _evaluate(milestone, actor=actor, now=now)
    return milestone


def milestone_forecast(
    *,
    actor: User,
    milestone: Milestone,
    forecast_on: datetime.date,
    note: str = "",
    now: datetime.datetime | None = None,
) -> Milestone:
    """A rep records when the promise is now expected ("ready now expected on ..."),
    with why. A date later than the promise puts it at risk (and proposes warning the
    buyer); a date on or before it puts it back on track."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    day = _date(forecast_on, field="forecast_on", errors=errors)
    if day is not None:
        _within(day, today=company_today(now), field="forecast_on", errors=errors)
    note = clean_text(note, field="note", limit=NOTE_MAX, errors=errors)
    with transaction.atomic():
        milestone = _milestone_locked(milestone)
        require_edit(actor, milestone.order)
        if errors:
            raise ValidationError(errors, code="invalid")
        if milestone.done_on is not None:
            raise ValidationError(
                _("This promise is already done: there is nothing to expect."), code=WRONG_STEP
            )
        before = snapshot(milestone)
        milestone.forecast_on, milestone.forecast_source = day, ForecastSource.HAND
        milestone.forecast_note, milestone.forecast_at = note, now
        _advance(
            milestone,
            actor=actor,
            before=before,
            now=now,
            fields=["forecast_on", "forecast_source", "forecast_note", "forecast_at"],
            step=MilestoneStepKind.FORECAST,
            details={"forecast_on": day.isoformat(), "source": ForecastSource.HAND},
            notes=note,
        )
        _evaluate(milestone, actor=actor, now=now)
    return milestone


def milestone_done(
    *,
    actor: User,
    milestone: Milestone,
    done_on: datetime.date,
    now: datetime.datetime | None = None,
) -> Milestone:
    """Mark the promise done on ``done_on`` (not in the future): kept when on or before
    the promised date, else broken (done late)."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    day = _date(done_on, field="done_on", errors=errors)
    today = company_today(now)
    if day is not None and day > today + _DATE_LINE_SLACK:
        errors["done_on"] = _("The date it was done cannot be in the future.")
    elif day is not None:
        _within(day, today=today, field="done_on", errors=errors)
    with transaction.atomic():
        milestone = _milestone_locked(milestone)
        require_edit(actor, milestone.order)
        if errors:
            raise ValidationError(errors, code="invalid")
        if milestone.done_on is not None:
            raise ValidationError(_("This promise is already marked done."), code=WRONG_STEP)
        _mark_done(milestone, day=day, source=DoneSource.HAND, actor=actor, now=now)
        _evaluate(milestone, actor=actor, now=now)
    return milestone


def _mark_done(milestone: Milestone, *, day, source: str, actor, now) -> None:
    before = snapshot(milestone)
    milestone.done_on, milestone.done_source = day, source
    _advance(
        milestone,
        actor=actor,
        before=before,
        now=now,
        fields=["done_on", "done_source"],
        step=MilestoneStepKind.DONE,
        details={"done_on": day.isoformat(), "source": source},
    )


# --- Evaluating: the rules, the shipments, the delay warnings -----------------------------


@dataclass(frozen=True)
class ShipmentFacts:
    """What the order's shipments say of a shipped or arrival promise."""

    forecast_on: datetime.date | None
    forecast_source: str
    done_on: datetime.date | None
    done_source: str


def shipment_facts(
    milestone: Milestone, shipments: Sequence[OrderShipment], *, all_allocated: bool
) -> ShipmentFacts | None:
    """The expected and done dates the shipments give ``milestone`` (a shipped or arrival
    promise; None for others or without shipments). Shipped: done when every shipment has
    left and every line is in one (``all_allocated``), expected by the latest ETD of those
    not yet left. Arrival: the same with delivery and ETA."""
    if milestone.kind not in rules.SHIPMENT_KINDS:
        return None
    if milestone.shipment_id is not None:
        shipments = [s for s in shipments if s.pk == milestone.shipment_id]
        all_allocated = True
    if not shipments:
        return None
    if milestone.kind == MilestoneKind.SHIPPED:
        moments = [s.shipped_at for s in shipments]
        planned = [s.etd for s in shipments if s.shipped_at is None and s.etd is not None]
        forecast_source, done_source = ForecastSource.ETD, DoneSource.SHIPPED
    else:
        moments = [s.delivered_at for s in shipments]
        planned = [s.eta for s in shipments if s.delivered_at is None and s.eta is not None]
        forecast_source, done_source = ForecastSource.ETA, DoneSource.DELIVERED
    done_on = None
    if all_allocated and all(m is not None for m in moments):
        done_on = max(_our_date(m) for m in moments if m is not None)
    forecast_on = max(planned) if planned else None
    return ShipmentFacts(forecast_on, forecast_source, done_on, done_source)


@dataclass(frozen=True)
class OrderFacts:
    """What the order itself says of its promises."""

    shipments: list[OrderShipment]
    all_allocated: bool  # every line is in a shipment
    lead_days: int | None  # the longest lead time of its products
    production_started_on: datetime.date | None  # the order's "production started" step


def _order_facts(order: Order) -> OrderFacts:
    shipments = list(OrderShipment.objects.filter(order=order))
    lines = order.lines.all()
    all_allocated = not lines.filter(shipped_quantity__lt=F("quantity")).exists()
    lead = lines.aggregate(lead=Max("product__lead_time_days"))["lead"]
    started_at = OrderStep.objects.filter(order=order, kind=OrderStepKind.PRODUCTION).aggregate(
        at=Min("at")
    )["at"]
    return OrderFacts(shipments, all_allocated, lead, _our_date(started_at) if started_at else None)


def _promise(
    milestone: Milestone, siblings: Sequence[Milestone], facts: OrderFacts
) -> rules.Promise:
    started: bool | None = None
    slack: int | None = None
    if milestone.kind == MilestoneKind.PRODUCTION_START:
        slack = rules.PRODUCTION_START_SLACK_DAYS
    elif milestone.kind == MilestoneKind.READY:
        starts = [m for m in siblings if m.kind == MilestoneKind.PRODUCTION_START]
        if facts.production_started_on is not None:
            started = True
        elif starts:
            started = any(m.done_on is not None for m in starts)
        slack = rules.ready_slack_days(
            start_promised_on=min((m.promised_on for m in starts), default=None),
            ready_promised_on=milestone.promised_on,
            lead_days=facts.lead_days,
        )
    return rules.Promise(
        kind=milestone.kind,
        promised_on=milestone.promised_on,
        done_on=milestone.done_on,
        forecast_on=milestone.forecast_on,
        started=started,
        slack_days=slack,
    )


def _follow_shipments(milestone: Milestone, facts: ShipmentFacts | None, *, now) -> None:
    """Take the shipments' dates: a new ETD/ETA moves the forecast (a forecast set by
    hand stands until they change again); a departure or delivery marks it done."""
    if facts is None:
        return
    if facts.forecast_on is not None and facts.forecast_on != milestone.tracked_on:
        before = snapshot(milestone)
        moved = facts.forecast_on != milestone.forecast_on
        milestone.tracked_on = facts.forecast_on
        milestone.forecast_on, milestone.forecast_source = facts.forecast_on, facts.forecast_source
        milestone.forecast_note, milestone.forecast_at = "", now
        _advance(
            milestone,
            actor=None,
            before=before,
            now=now,
            fields=["tracked_on", "forecast_on", "forecast_source", "forecast_note", "forecast_at"],
            step=MilestoneStepKind.FORECAST if moved else None,
            details={"forecast_on": facts.forecast_on.isoformat(), "source": facts.forecast_source},
        )
    if facts.done_on is not None and milestone.done_on is None:
        _mark_done(milestone, day=facts.done_on, source=facts.done_source, actor=None, now=now)


_STEP_FOR_STATE = {
    MilestoneState.AT_RISK: MilestoneStepKind.AT_RISK,
    MilestoneState.OPEN: MilestoneStepKind.ON_TRACK,
    MilestoneState.BROKEN: MilestoneStepKind.BROKEN,
}


def _evaluate(
    milestone: Milestone,
    *,
    actor: User | None,
    now: datetime.datetime,
    facts: OrderFacts | None = None,
    siblings: Sequence[Milestone] | None = None,
) -> str:
    """Follow the order (production started, the shipments), apply the rules, record a
    change of state, and propose or close the warning to the buyer. The caller holds the
    milestone's lock."""
    order = milestone.order
    facts = facts if facts is not None else _order_facts(order)
    if milestone.warned_at is not None:
        _warned_follow(milestone, now=now)
    if (
        milestone.done_on is None
        and milestone.kind == MilestoneKind.PRODUCTION_START
        and facts.production_started_on is not None
    ):
        _mark_done(
            milestone,
            day=facts.production_started_on,
            source=DoneSource.PRODUCTION,
            actor=None,
            now=now,
        )
    if milestone.done_on is None:
        _follow_shipments(
            milestone,
            shipment_facts(milestone, facts.shipments, all_allocated=facts.all_allocated),
            now=now,
        )
    if siblings is None:
        siblings = list(Milestone.objects.filter(order_id=order.pk).exclude(pk=milestone.pk))
    today = company_today(now)
    promise = _promise(milestone, siblings, facts)
    state = rules.state_of(promise, today=today)
    previous = milestone.state
    if state != previous:
        step = _STEP_FOR_STATE.get(state)
        details = {"from": previous, "to": state}
        if state == MilestoneState.AT_RISK:
            details["reason"] = rules.risk_reason(promise, today=today)
        _advance(
            milestone,
            actor=actor,
            before=snapshot(milestone),
            now=now,
            state=state,
            step=step if state != MilestoneState.KEPT else None,
            details=details,
        )
    _warning_follow(milestone, previous=previous, now=now)
    return state


def _open_warning(milestone: Milestone) -> DelayWarning | None:
    return DelayWarning.objects.filter(milestone=milestone, state=WarningState.OPEN).first()


def _warning_follow(milestone: Milestone, *, previous: str, now) -> None:
    state = milestone.state
    if state == MilestoneState.AT_RISK and previous != MilestoneState.AT_RISK:
        _warning_propose(milestone, now=now)
    elif (
        state == MilestoneState.BROKEN
        and milestone.done_on is None
        and milestone.warned_at is None
        and previous != MilestoneState.BROKEN
    ):
        _warning_propose(milestone, now=now)  # late, but the buyer must still hear of it
    elif state in (MilestoneState.OPEN, MilestoneState.KEPT):
        warning = _open_warning(milestone)
        if warning is not None:
            reason = "back on track" if state == MilestoneState.OPEN else "kept"
            _warning_close(warning, actor=None, reason=reason)


def buyer_contact(milestone: Milestone) -> Contact | None:
    """Whom the buyer-facing letters about ``milestone`` go to: the contact it was
    promised to, else the buyer's first contact with an email address on file."""
    contact = milestone.promised_to
    if contact is not None and contact.status == ContactStatus.ACTIVE:
        return contact
    return (
        _buyer_contacts(milestone.order)
        .filter(channels__kind=ChannelKind.EMAIL, channels__is_active=True)
        .order_by("id")
        .first()
    ) or _buyer_contacts(milestone.order).order_by("id").first()


def letter_language(order: Order, contact: Contact | None) -> str:
    """The buyer's language: the contact's, else the customer's document language."""
    return buyer_language(
        contact.language if contact is not None else order.company.document_language
    )


def delay_draft(
    milestone: Milestone, *, alternative: str, contact: Contact | None, sender: User | None
) -> letters.Letter:
    """The warning letter for ``milestone`` in the buyer's language."""
    order = milestone.order
    return letters.delay_letter(
        language=letter_language(order, contact),
        name=contact.name if contact is not None else order.company.legal_name,
        order=order.number,
        kind=milestone.kind,
        label=milestone.label,
        promised_on=milestone.promised_on,
        expected_on=milestone.forecast_on if milestone.forecast_on else None,
        alternative=alternative,
        sender=_sender(sender),
    )


def _warning_link(warning: DelayWarning) -> str:
    return reverse("commitments:warning_detail", args=[warning.pk])


def _warning_due_at(due_on: datetime.date, now: datetime.datetime) -> datetime.datetime:
    """Nine in the morning, our time, on ``due_on`` (now, when that is past)."""
    at = datetime.datetime.combine(due_on, datetime.time(9), tzinfo=company_zone())
    return max(at, now)


def _warning_propose(milestone: Milestone, *, now) -> DelayWarning | None:
    """A proposal to warn the buyer, with a task for the order's owner due
    CHENGXIN_DELAY_WARNING_DAYS before the promised date (today when that is past)."""
    if _open_warning(milestone) is not None:
        return None
    order = milestone.order
    contact = buyer_contact(milestone)
    assignee = order.owner or order.company.owner
    if assignee is not None and not assignee.is_active:
        assignee = None
    draft = delay_draft(
        milestone, alternative=Alternative.NEW_DATE, contact=contact, sender=assignee
    )
    due_on = rules.warning_due_on(
        promised_on=milestone.promised_on,
        today=company_today(now),
        warning_days=settings.CHENGXIN_DELAY_WARNING_DAYS,
    )
    warning = DelayWarning.objects.create(
        milestone=milestone,
        alternative=Alternative.NEW_DATE,
        language=draft.language,
        contact=contact,
        subject=draft.subject[:SUBJECT_MAX],
        body=draft.body,
        due_on=due_on,
        created_at=now,
    )
    if assignee is not None:
        warning.todo = todo_create(
            assignee=assignee,
            kind=TODO_KIND,
            title=deferred(
                gettext_lazy("Warn %(company)s: %(promise)s of order %(order)s is at risk"),
                company=order.company.legal_name,
                promise=milestone.title,
                order=order.number,
            ),
            body=deferred(
                gettext_lazy(
                    "Promised for %(promised)s, now expected %(expected)s. Review the "
                    "drafted letter, choose an alternative, and send it."
                ),
                promised=milestone.promised_on.isoformat(),
                expected=milestone.forecast_on.isoformat() if milestone.forecast_on else "?",
            ),
            link=_warning_link(warning),
            company=order.company,
            contact=contact,
            related=(WARNING_RELATED, warning.pk),
            due_at=_warning_due_at(due_on, now),
        )
        warning.save(update_fields=["todo"])
    else:
        logger.warning("Milestone %s at risk: its order has no active owner to warn", milestone.pk)
    audit_created(actor=None, instance=warning, company_id=order.company_id)
    _advance(
        milestone,
        actor=None,
        before=None,
        now=now,
        step=MilestoneStepKind.WARNING_PROPOSED,
        details={
            "warning_id": warning.pk,
            "due_on": due_on.isoformat(),
            "language": draft.language,
        },
    )
    return warning


def _warning_close(
    warning: DelayWarning, *, actor, reason: str, state: str = WarningState.DISMISSED
) -> None:
    before = snapshot(warning)
    warning.state, warning.closed_reason = state, reason[:100]
    advance(
        warning,
        actor=actor,
        before=before,
        now=timezone.now(),
        fields=["state", "closed_reason"],
        company_id=warning.milestone.order.company_id,
    )
    _close_task(warning, actor=actor, outcome=reason)


def _close_task(warning: DelayWarning, *, actor, outcome: str) -> None:
    if warning.todo_id is None:
        return
    todo = Todo.objects.filter(pk=warning.todo_id, done_at__isnull=True).first()
    if todo is None:
        return
    closer = actor if actor is not None and todo.assignee_id == actor.pk else None
    todo_complete(actor=closer, todo=todo, outcome=outcome[:50])


def milestones_check(*, order: Order | None = None, now: datetime.datetime | None = None) -> int:
    """Re-evaluate every unsettled milestone (of ``order`` only, when given): the
    shipments' dates, the calendar, the rules. Returns how many changed state. The hourly
    task and a page's "check now" call it."""
    now = now or timezone.now()
    open_ids = Milestone.objects.filter(state__in=rules.UNSETTLED) | Milestone.objects.filter(
        state=MilestoneState.BROKEN, done_on__isnull=True
    )
    # A cancelled order's promises are no longer followed.
    open_ids = open_ids.exclude(order__state=OrderState.CANCELLED)
    if order is not None:
        open_ids = open_ids.filter(order=order)
    by_order: dict[int, list[int]] = {}
    for pk, order_id in open_ids.values_list("pk", "order_id"):
        by_order.setdefault(order_id, []).append(pk)
    changed = 0
    for order_id, pks in by_order.items():
        try:
            changed += _check_order(order_id, pks, now=now)
        except Exception:  # one order's failure must not stop the others
            logger.exception("Commitments check of order %s failed", order_id)
    return changed


def _check_order(order_id: int, pks: list[int], *, now) -> int:
    changed = 0
    with transaction.atomic():
        order = Order.objects.select_related("company__owner", "owner").get(pk=order_id)
        facts = _order_facts(order)
        milestones = list(
            Milestone.objects.select_for_update(of=("self",))
            .filter(order_id=order_id)
            .select_related("promised_to")
        )
        for milestone in milestones:
            if milestone.pk not in pks:
                continue
            milestone.order = order
            before = milestone.state
            siblings = [m for m in milestones if m.pk != milestone.pk]
            if _evaluate(milestone, actor=None, now=now, facts=facts, siblings=siblings) != before:
                changed += 1
    return changed


# --- Warning the buyer --------------------------------------------------------------------


def sendable_channels(order: Order, *, now: datetime.datetime | None = None):
    """The buyer's e-mail addresses on file (verified, in use): where letters about the
    order may go."""
    return channels_on_file(
        company=order.company_id, before=now or timezone.now(), kinds=[ChannelKind.EMAIL]
    ).order_by("-is_primary", "contact__name", "id")


def _check_channel(order: Order, channel, *, now, errors: dict) -> Channel | None:
    if channel is None:
        errors["channel"] = _("Choose the address to write to.")
        return None
    found = sendable_channels(order, now=now).filter(pk=channel.pk).first()
    if found is None:
        errors["channel"] = _("Choose one of the customer's e-mail addresses on file.")
    return found


def delay_warning_redraft(
    *,
    actor: User,
    warning: DelayWarning,
    alternative: str,
    contact: Contact | None = None,
    now: datetime.datetime | None = None,
) -> DelayWarning:
    """Draft the letter again with another alternative (or for another contact, in that
    contact's language)."""
    now = now or timezone.now()
    with transaction.atomic():
        warning = locked(
            DelayWarning.objects.select_related("milestone__order__company"), warning.pk
        )
        milestone = warning.milestone
        require_edit(actor, milestone.order)
        if warning.state != WarningState.OPEN:
            raise ValidationError(_("This warning was already sent or dismissed."), code=WRONG_STEP)
        if alternative not in Alternative.values:
            raise _field_error("alternative", _("Choose an alternative."))
        if (
            contact is not None
            and not _buyer_contacts(milestone.order).filter(pk=contact.pk).exists()
        ):
            raise _field_error("contact", _("Choose one of this customer's contacts."))
        contact = contact or warning.contact
        draft = delay_draft(milestone, alternative=alternative, contact=contact, sender=actor)
        before = snapshot(warning)
        warning.alternative, warning.contact, warning.language = (
            alternative,
            contact,
            draft.language,
        )
        warning.subject, warning.body = draft.subject[:SUBJECT_MAX], draft.body
        advance(
            warning,
            actor=actor,
            before=before,
            now=now,
            fields=["alternative", "contact", "language", "subject", "body"],
            company_id=milestone.order.company_id,
        )
    return warning


def delay_warning_send(
    *,
    actor: User,
    warning: DelayWarning,
    channel: Channel | None,
    subject: str,
    body: str,
    alternative: str | None = None,
    now: datetime.datetime | None = None,
) -> DelayWarning:
    """Send the rep's reviewed letter to the buyer through the outbox, in the buyer's
    working hours, and record the warning on the milestone: when it goes out and how
    many days before the promised date (the earliest warning counts)."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    subject = clean_text(subject, field="subject", limit=SUBJECT_MAX, errors=errors, required=True)
    body = clean_text(body, field="body", limit=BODY_MAX, errors=errors, required=True)
    if alternative is not None and alternative not in Alternative.values:
        errors["alternative"] = _("Choose an alternative.")
    with transaction.atomic():
        warning = locked(DelayWarning.objects.select_related("milestone"), warning.pk)
        milestone = _milestone_locked(warning.milestone)
        order = milestone.order
        require_edit(actor, order)
        if warning.state != WarningState.OPEN:
            raise ValidationError(_("This warning was already sent or dismissed."), code=WRONG_STEP)
        channel = _check_channel(order, channel, now=now, errors=errors)
        if errors:
            raise ValidationError(errors, code="invalid")
        assert channel is not None  # else an error was recorded
        outbound = outbox_enqueue(
            actor=actor,
            to=channel.value,
            subject=subject,
            body_text=body,
            contact=channel.contact,
            company=order.company,
            in_working_hours=True,
            purpose=WARNING_PURPOSE,
            related_type=RELATED_TYPE,
            related_id=str(milestone.pk),
            now=now,
        )
        before = snapshot(warning)
        warning.state, warning.sent_at, warning.sent_by = WarningState.SENT, now, actor
        warning.sent_to, warning.outbound, warning.contact = (
            channel.value,
            outbound,
            channel.contact,
        )
        warning.subject, warning.body = subject, body
        if alternative is not None:
            warning.alternative = alternative
        advance(
            warning,
            actor=actor,
            before=before,
            now=now,
            fields=["state", "sent_at", "sent_by", "sent_to", "outbound", "contact", "subject",
                    "body", "alternative"],
            company_id=order.company_id,
        )  # fmt: skip
        goes_out = outbound.not_before or now
        days = rules.days_ahead(warned_on=_our_date(goes_out), promised_on=milestone.promised_on)
        before = snapshot(milestone)
        milestone.warned_at, milestone.warned_days_ahead = warned_from(milestone)
        _advance(
            milestone,
            actor=actor,
            before=before,
            now=now,
            fields=["warned_at", "warned_days_ahead"],
            step=MilestoneStepKind.WARNED,
            details={
                "warning_id": warning.pk,
                "to": channel.value,
                "language": warning.language,
                "alternative": warning.alternative,
                "outbound_id": outbound.pk,
                "goes_out_at": goes_out.isoformat(),
                "days_ahead": days,
            },
        )
        _close_task(warning, actor=actor, outcome="sent")
    return warning


def delay_warning_dismiss(
    *, actor: User, warning: DelayWarning, reason: str, now: datetime.datetime | None = None
) -> DelayWarning:
    """Decide not to warn the buyer (told by phone, say), with the reason. A broken
    promise without a warning still counts against us."""
    errors: dict[str, str] = {}
    reason = clean_text(reason, field="reason", limit=100, errors=errors, required=True)
    with transaction.atomic():
        warning = locked(DelayWarning.objects.select_related("milestone__order"), warning.pk)
        require_edit(actor, warning.milestone.order)
        if warning.state != WarningState.OPEN:
            raise ValidationError(_("This warning was already sent or dismissed."), code=WRONG_STEP)
        if errors:
            raise ValidationError(errors, code="invalid")
        _warning_close(warning, actor=actor, reason=reason)
    return warning


_NOT_DELIVERED = (
    OutboundStatus.FAILED_PERMANENTLY,
    OutboundStatus.BOUNCED,
    OutboundStatus.CANCELLED,
)


def warned_from(milestone: Milestone) -> tuple[datetime.datetime | None, int | None]:
    """When the buyer was first warned of ``milestone``'s delay and how many days ahead:
    the earliest warning sent whose message went (its send time) or is still to go (the
    time the outbox will send it); a message that failed, bounced or was cancelled warned
    nobody."""
    moments = []
    for warning in DelayWarning.objects.filter(
        milestone=milestone, state=WarningState.SENT
    ).select_related("outbound"):
        message = warning.outbound
        if message is None or message.status in _NOT_DELIVERED:
            continue
        moments.append(message.sent_at or message.not_before)
    if not moments:
        return None, None
    first = min(moments)
    return first, rules.days_ahead(warned_on=_our_date(first), promised_on=milestone.promised_on)


def _warned_follow(milestone: Milestone, *, now) -> bool:
    """Take what became of the warnings' messages; True when the warning was lost (the
    message failed, bounced or was cancelled): the rep is asked to warn again."""
    warned_at, days = warned_from(milestone)
    if (warned_at, days) == (milestone.warned_at, milestone.warned_days_ahead):
        return False
    lost = warned_at is None
    before = snapshot(milestone)
    milestone.warned_at, milestone.warned_days_ahead = warned_at, days
    _advance(
        milestone,
        actor=None,
        before=before,
        now=now,
        fields=["warned_at", "warned_days_ahead"],
        step=MilestoneStepKind.WARNING_LOST if lost else None,
    )
    return lost


def warning_delivery_record(*, message_pk: int, now: datetime.datetime | None = None) -> None:
    """The outbox says what became of a message: when it is a delay warning, the
    milestone's warning follows it (the real send time; none when it failed or bounced,
    and then a new proposal to warn the buyer)."""
    now = now or timezone.now()
    warning = DelayWarning.objects.filter(outbound_id=message_pk).only("milestone_id").first()
    if warning is None:
        return
    with transaction.atomic():
        milestone = _milestone_locked(Milestone(pk=warning.milestone_id))
        if (
            _warned_follow(milestone, now=now)
            and milestone.state
            in (
                MilestoneState.AT_RISK,
                MilestoneState.BROKEN,
            )
            and milestone.done_on is None
        ):
            _warning_propose(milestone, now=now)


# --- Production updates -------------------------------------------------------------------


def _photo_limit() -> int:
    return settings.CHENGXIN_PRODUCTION_PHOTO_MAX_MB * 1024 * 1024


def check_photos(files: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes, photos.Photo]]:
    """Each upload read as a picture; every refusal named by its file, all at once."""
    problems: list[str] = []
    if len(files) > PHOTOS_MAX:
        problems.append(_("Attach at most %(count)d photos.") % {"count": PHOTOS_MAX})
    total = sum(len(content) for _name, content in files)
    if total > PHOTOS_TOTAL_MB * 1024 * 1024:
        problems.append(
            _("The photos together are larger than %(mb)d MB.") % {"mb": PHOTOS_TOTAL_MB}
        )
    checked = []
    limit = _photo_limit()
    for name, content in files:
        shown = photos.shown_name(name, default=_("photo"))
        if len(content) > limit:
            problems.append(
                _("%(name)s is larger than %(mb)d MB.") % {"name": shown, "mb": limit // 2**20}
            )
            continue
        try:
            photo = photos.inspect(content)
        except photos.NotAPhoto:
            problems.append(
                _("%(name)s is not a photo: upload JPEG, PNG or WebP pictures.") % {"name": shown}
            )
            continue
        checked.append((photos.safe_name(name, photo.content_type), content, photo))
    if problems:
        raise ValidationError({"photos": problems}, code="invalid")
    return checked


def production_draft(
    update: ProductionUpdate, *, contact: Contact | None, sender: User | None
) -> letters.Letter:
    order = update.order
    return letters.production_update_letter(
        language=letter_language(order, contact),
        name=contact.name if contact is not None else order.company.legal_name,
        order=order.number,
        text=update.text,
        photos=update.photos.count(),
        sender=_sender(sender),
    )


def production_update_record(
    *,
    actor: User,
    order: Order,
    text: str,
    photo_files: Sequence[tuple[str, bytes]] = (),
    milestone: Milestone | None = None,
    channel: Channel | None = None,
    now: datetime.datetime | None = None,
) -> ProductionUpdate:
    """Record news of ``order``'s production (``text``, photos as (file name, bytes)),
    and when ``channel`` (one of the buyer's e-mail addresses on file) is given, send it
    at once with a short letter in the buyer's language, in their working hours."""
    now = now or timezone.now()
    require_edit(actor, order)
    errors: dict = {}
    text = clean_text(text, field="text", limit=UPDATE_TEXT_MAX, errors=errors, required=True)
    if milestone is not None and milestone.order_id != order.pk:
        errors["milestone"] = _("Choose one of this order's promises.")
    try:
        checked = check_photos(photo_files)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        checked = []
    if channel is not None:
        _check_channel(order, channel, now=now, errors=errors)
    if errors:
        raise ValidationError(errors, code="invalid")
    with transaction.atomic():
        update = ProductionUpdate.objects.create(
            order=order, milestone=milestone, text=text, created_by=actor, created_at=now
        )
        audit_created(actor=actor, instance=update, company_id=order.company_id)
        for name, content, photo in checked:
            row = ProductionPhoto.objects.create(
                update=update,
                name=name,
                content_type=photo.content_type,
                content=content,
                size=photo.size,
                width=photo.width,
                height=photo.height,
                sha256=photo.sha256,
            )
            audit_created(actor=actor, instance=row, company_id=order.company_id)
        if channel is not None:
            _send_update(update, actor=actor, channel=channel, subject="", body="", now=now)
    return update


def production_update_send(
    *,
    actor: User,
    update: ProductionUpdate,
    channel: Channel | None,
    subject: str = "",
    body: str = "",
    now: datetime.datetime | None = None,
) -> ProductionUpdate:
    """Send a recorded update to the buyer (the drafted letter, or the rep's ``subject``
    and ``body``), its photos attached, in the buyer's working hours."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    subject = clean_text(subject, field="subject", limit=SUBJECT_MAX, errors=errors)
    body = clean_text(body, field="body", limit=BODY_MAX, errors=errors)
    with transaction.atomic():
        update = locked(ProductionUpdate.objects.select_related("order__company"), update.pk)
        require_edit(actor, update.order)
        if update.sent_at is not None:
            raise ValidationError(_("This update was already sent."), code=WRONG_STEP)
        channel = _check_channel(update.order, channel, now=now, errors=errors)
        if errors:
            raise ValidationError(errors, code="invalid")
        _send_update(update, actor=actor, channel=channel, subject=subject, body=body, now=now)
    return update


def _send_update(update: ProductionUpdate, *, actor, channel, subject: str, body: str, now) -> None:
    order = update.order
    channel = Channel.objects.select_related("contact").get(pk=channel.pk)
    draft = production_draft(update, contact=channel.contact, sender=actor)
    attachments = [(p.name, bytes(p.content), p.content_type) for p in update.photos.all()]
    outbound = outbox_enqueue(
        actor=actor,
        to=channel.value,
        subject=subject or draft.subject,
        body_text=body or draft.body,
        contact=channel.contact,
        company=order.company,
        in_working_hours=True,
        purpose=UPDATE_PURPOSE,
        related_type=UPDATE_RELATED,
        related_id=str(update.pk),
        attachments=attachments,
        now=now,
    )
    before = snapshot(update)
    update.sent_at, update.sent_by, update.sent_to = now, actor, channel.value
    update.language, update.outbound = draft.language, outbound
    advance(
        update,
        actor=actor,
        before=before,
        now=now,
        fields=["sent_at", "sent_by", "sent_to", "language", "outbound"],
        company_id=order.company_id,
    )
