"""Inquiries: recording them (by hand, from a message in one click, proposed by the inbound
pipeline), stopping their clocks (a reply, a logged call, a full answer, a quote sent),
reminding the owner before a clock runs out, and the company's own calendar days.

Every service locks the inquiry, checks who may and in which state, and moves it through
``workflow.services.advance`` (saved, stepped and audited in one transaction)."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.audit.models import Action
from chengxin.audit.services import audit_created, audit_record, snapshot
from chengxin.catalog.models import Product
from chengxin.core.buyer_language import buyer_language
from chengxin.core.deferred_text import deferred
from chengxin.core.lengths import check_lengths
from chengxin.inquiries.calendar import (
    company_calendar,
    first_response_hours,
    full_answer_hours,
    remind_before,
)
from chengxin.inquiries.detect import read_inquiry
from chengxin.inquiries.models import (
    RUNNING_STATES,
    CalendarDay,
    Inquiry,
    State,
    StepKind,
    Via,
)
from chengxin.inquiries.permissions import (
    require_create_inquiry,
    require_edit_calendar,
    require_edit_inquiry,
)
from chengxin.inquiries.working_time import WorkingCalendar
from chengxin.mail.permissions import can_view_message
from chengxin.notifications.services import notify
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.services.writing import outbox_enqueue
from chengxin.parties.models import Channel, FollowUp, FollowUpKind
from chengxin.parties.services.follow_ups import follow_up_log
from chengxin.todos.services import todo_create, todos_close_related
from chengxin.workflow.services import advance, locked, require_state

logger = logging.getLogger(__name__)

RELATED_TYPE = "inquiry"
TODO_FIRST = "inquiries.first_response"
TODO_FULL = "inquiries.full_answer"
# A moment a person types may be a little ahead of the server's clock.
_SKEW = datetime.timedelta(minutes=5)
# The four things a full answer gives, each at most this long.
ANSWER_FIELD_MAX = 1000
# Outbox messages that never reached the buyer do not answer anything.
_NOT_SENT = (Status.CANCELLED, Status.FAILED_PERMANENTLY, Status.BOUNCED)


def inquiry_link(inquiry: Inquiry) -> str:
    return reverse("inquiries:inquiry_detail", args=[inquiry.pk])


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now or timezone.now()


def _deadlines(
    received_at: datetime.datetime, calendar: WorkingCalendar
) -> tuple[datetime.datetime, datetime.datetime]:
    return (
        calendar.add(received_at, first_response_hours()),
        calendar.add(received_at, full_answer_hours()),
    )


def _locked(inquiry: Inquiry) -> Inquiry:
    return locked(Inquiry.objects.select_related("company", "contact", "owner"), inquiry.pk)


def _clean_products(products: Iterable) -> list[Product]:
    products = list(products or ())
    ids = [p.pk if isinstance(p, Product) else p for p in products]
    try:
        ids = [int(i) for i in ids]
    except (TypeError, ValueError):
        raise ValidationError({"products": [_("Choose products from the catalogue.")]}) from None
    found = list(Product.objects.filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise ValidationError({"products": [_("One of the products is not in the catalogue.")]})
    return found


# --- Creating ---------------------------------------------------------------------------


def _create(
    *,
    actor,
    company,
    subject: str,
    text: str,
    contact,
    message,
    products: list[Product],
    quantity: str,
    received_at: datetime.datetime,
    state: str,
    step: str,
    details: dict,
    now: datetime.datetime,
) -> Inquiry:
    first_due, full_due = _deadlines(received_at, company_calendar())
    owner = company.owner
    if owner is None and actor is not None and not actor.sees_all_customers:
        owner = actor  # a rep recording a pool customer's inquiry answers it
    inquiry = Inquiry.objects.create(
        company=company,
        contact=contact,
        message=message,
        owner=owner,
        subject=subject,
        text=text,
        quantity=quantity,
        state=state,
        state_changed_at=now,
        received_at=received_at,
        first_response_due=first_due,
        full_answer_due=full_due,
        created_by=actor,
    )
    if products:
        inquiry.products.set(products)
    audit_created(actor=actor, instance=inquiry, company_id=company.pk)
    advance(inquiry, actor=actor, before=None, now=now, step=step, details=details)
    return inquiry


@transaction.atomic
def inquiry_create(
    *,
    actor,
    company,
    subject: str,
    text: str = "",
    contact=None,
    products: Iterable = (),
    quantity: str = "",
    received_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> Inquiry:
    """An inquiry recorded by hand (a call, a fair, a chat): its clocks start at
    ``received_at`` (default: now)."""
    now = _now(now)
    require_create_inquiry(actor, company)
    subject = (subject or "").strip()
    quantity = (quantity or "").strip()
    errors: dict[str, list[str]] = {}
    if not subject:
        errors["subject"] = [_("Write what the buyer asks for.")]
    received_at = received_at or now
    if received_at > now + _SKEW:
        errors["received_at"] = [_("An inquiry cannot arrive in the future.")]
    if contact is not None and contact.company_id != company.pk:
        errors["contact"] = [_("This contact belongs to another customer.")]
    if errors:
        raise ValidationError(errors)
    check_lengths(Inquiry, subject=subject, quantity=quantity)
    return _create(
        actor=actor,
        company=company,
        subject=subject,
        text=text or "",
        contact=contact,
        message=None,
        products=_clean_products(products),
        quantity=quantity,
        received_at=received_at,
        state=State.OPEN,
        step=StepKind.CREATED,
        details={},
        now=now,
    )


def _message_subject(message) -> str:
    subject = (message.subject or "").strip() or _("Inquiry")
    return subject[: Inquiry._meta.get_field("subject").max_length]


@transaction.atomic
def inquiry_create_from_message(*, actor, message, now: datetime.datetime | None = None) -> Inquiry:
    """The inquiry of a buyer's message, in one click: its clocks start when the message
    was received. Clicking again (or on a proposed one) gives the same inquiry (accepted)."""
    now = _now(now)
    if not can_view_message(actor, message):
        raise PermissionDenied(_("You may not see this message."))
    if message.company_id is None:
        raise ValidationError(
            _("This message is not linked to a customer: link its sender to a customer first.")
        )
    company = message.company
    require_create_inquiry(actor, company)
    existing = Inquiry.objects.filter(message=message).first()
    if existing is not None:
        if existing.state == State.PROPOSED:
            inquiry_accept(actor=actor, inquiry=existing, now=now)
            existing.refresh_from_db()
        return existing
    return _create(
        actor=actor,
        company=company,
        subject=_message_subject(message),
        text=message.text_body or "",
        contact=message.contact,
        message=message,
        products=[],
        quantity="",
        received_at=min(message.received_at, now),
        state=State.OPEN,
        step=StepKind.CREATED,
        details={"message_id": message.pk},
        now=now,
    )


@transaction.atomic
def inquiry_propose_from_message(*, message, now: datetime.datetime) -> Inquiry | None:
    """Called by the inbound pipeline for a message from a known buyer: when it reads as
    an inquiry (``detect.read_inquiry``), a proposed inquiry with running clocks, and its
    owner told to accept or dismiss it. None when it does not read as one, when the
    message has no customer, already has an inquiry, or continues a conversation that
    has one."""
    if message.company_id is None:
        return None
    if Inquiry.objects.filter(message=message).exists():
        return None
    if (
        message.thread_id is not None
        and Inquiry.objects.filter(message__thread_id=message.thread_id)
        .exclude(state=State.DISMISSED)
        .exists()
    ):
        return None
    reading = read_inquiry(message.subject or "", message.text_body or "")
    if not reading.is_inquiry:
        return None
    company = message.company
    inquiry = _create(
        actor=None,
        company=company,
        subject=_message_subject(message),
        text=message.text_body or "",
        contact=message.contact,
        message=message,
        products=[],
        quantity="",
        received_at=min(message.received_at, now),
        state=State.PROPOSED,
        step=StepKind.PROPOSED,
        details={"message_id": message.pk, "words": list(reading.words)[:20]},
        now=now,
    )
    notify(
        users=[inquiry.owner],
        kind="inquiries.proposed",
        title=deferred(
            gettext_lazy("%(company)s may be asking for an offer: “%(subject)s”"),
            company=str(company),
            subject=inquiry.subject,
        ),
        body=deferred(
            gettext_lazy(
                "Accept it as an inquiry or dismiss it. Its first response is due by %(due)s."
            ),
            due=inquiry.first_response_due,
        ),
        link=inquiry_link(inquiry),
    )
    return inquiry


# --- Moving it --------------------------------------------------------------------------


@transaction.atomic
def inquiry_accept(*, actor, inquiry: Inquiry, now: datetime.datetime | None = None) -> Inquiry:
    """A proposed inquiry is one: its clocks go on from the message's arrival."""
    now = _now(now)
    inquiry = _locked(inquiry)
    require_edit_inquiry(actor, inquiry)
    require_state(inquiry, State.PROPOSED)
    before = snapshot(inquiry)
    advance(inquiry, actor=actor, before=before, now=now, state=State.OPEN, step=StepKind.ACCEPTED)
    return inquiry


@transaction.atomic
def inquiry_dismiss(
    *, actor, inquiry: Inquiry, reason: str = "", now: datetime.datetime | None = None
) -> Inquiry:
    """A proposed inquiry is not one: its clocks stop and it counts nowhere."""
    now = _now(now)
    inquiry = _locked(inquiry)
    require_edit_inquiry(actor, inquiry)
    require_state(inquiry, State.PROPOSED)
    before = snapshot(inquiry)
    advance(
        inquiry,
        actor=actor,
        before=before,
        now=now,
        state=State.DISMISSED,
        step=StepKind.DISMISSED,
        notes=(reason or "").strip(),
    )
    todos_close_related(related=(RELATED_TYPE, inquiry.pk), outcome="dismissed")
    return inquiry


@transaction.atomic
def inquiry_close(
    *,
    actor,
    inquiry: Inquiry,
    won: bool,
    reason: str = "",
    now: datetime.datetime | None = None,
) -> Inquiry:
    """The inquiry is over: closed (it became an order, or needs nothing more) or lost."""
    now = _now(now)
    inquiry = _locked(inquiry)
    require_edit_inquiry(actor, inquiry)
    require_state(inquiry, State.OPEN, State.ANSWERED)
    before = snapshot(inquiry)
    advance(
        inquiry,
        actor=actor,
        before=before,
        now=now,
        state=State.CLOSED if won else State.LOST,
        step=StepKind.CLOSED if won else StepKind.LOST,
        notes=(reason or "").strip(),
    )
    todos_close_related(related=(RELATED_TYPE, inquiry.pk), outcome="closed")
    return inquiry


def _stop_first(
    inquiry: Inquiry, *, actor, at: datetime.datetime, via: str, now, details=None
) -> bool:
    """Stop the first-response clock at ``at`` (the inquiry is locked). False when it had
    stopped already."""
    if inquiry.first_responded_at is not None or inquiry.state not in RUNNING_STATES:
        return False
    before = snapshot(inquiry)
    at = max(at, inquiry.received_at)
    inquiry.first_responded_at, inquiry.first_response_via = at, via
    fields = ["first_responded_at", "first_response_via"]
    if at > inquiry.first_response_due and not inquiry.first_response_late:
        inquiry.first_response_late = True
        fields.append("first_response_late")
    advance(
        inquiry,
        actor=actor,
        before=before,
        now=now,
        fields=fields,
        step=StepKind.FIRST_RESPONSE,
        details={"via": via, "at": at.isoformat(), **(details or {})},
    )
    todos_close_related(related=(RELATED_TYPE, inquiry.pk), kinds=[TODO_FIRST], outcome=via)
    return True


def _stop_full(inquiry: Inquiry, *, actor, at: datetime.datetime, via: str, now, details=None):
    """Stop the full-answer clock at ``at`` (and the first-response clock with it): the
    inquiry is answered."""
    if inquiry.full_answered_at is not None or inquiry.state not in RUNNING_STATES:
        return False
    at = max(at, inquiry.received_at)
    _stop_first(inquiry, actor=actor, at=at, via=via, now=now)
    before = snapshot(inquiry)
    inquiry.full_answered_at, inquiry.full_answer_via = at, via
    fields = ["full_answered_at", "full_answer_via"]
    if at > inquiry.full_answer_due and not inquiry.full_answer_late:
        inquiry.full_answer_late = True
        fields.append("full_answer_late")
    advance(
        inquiry,
        actor=actor,
        before=before,
        now=now,
        state=State.ANSWERED,
        fields=fields,
        step=StepKind.FULL_ANSWER,
        details={"via": via, "at": at.isoformat(), **(details or {})},
    )
    todos_close_related(related=(RELATED_TYPE, inquiry.pk), kinds=[TODO_FULL], outcome=via)
    return True


def _accept_if_proposed(inquiry: Inquiry, *, actor, now) -> None:
    if inquiry.state == State.PROPOSED:
        before = snapshot(inquiry)
        advance(
            inquiry, actor=actor, before=before, now=now, state=State.OPEN, step=StepKind.ACCEPTED
        )


def _recipient(inquiry: Inquiry, to: str) -> str:
    to = (to or "").strip()
    if to:
        return to
    if inquiry.message is not None:
        address = inquiry.message.reply_to_address or inquiry.message.from_address
        if address:
            return address
    if inquiry.contact is not None:
        channel = inquiry.contact.channels.filter(kind="email", is_active=True).first()
        if channel is not None:
            return channel.value
    channel = (
        Channel.objects.filter(contact__company=inquiry.company, kind="email", is_active=True)
        .order_by("-is_primary", "id")
        .first()
    )
    if channel is not None:
        return channel.value
    raise ValidationError({"to": [_("Write the buyer's email address.")]})


def _reply_subject(inquiry: Inquiry, subject: str) -> str:
    subject = (subject or "").strip()
    if subject:
        return subject
    base = inquiry.subject
    return base if base.lower().startswith("re:") else f"Re: {base}"


@transaction.atomic
def _write_to_buyer(
    *, actor, inquiry: Inquiry, to: str, subject: str, body_text: str, purpose: str, now
) -> OutboundMessage:
    """Queue a letter about the inquiry in the outbox (related to it), and take a proposed
    inquiry as a real one: whoever answers it has accepted it."""
    message = outbox_enqueue(
        actor=actor,
        to=_recipient(inquiry, to),
        subject=_reply_subject(inquiry, subject),
        body_text=body_text,
        contact=inquiry.contact,
        company=inquiry.company,
        purpose=purpose,
        related_type=RELATED_TYPE,
        related_id=str(inquiry.pk),
        now=now,
    )
    _accept_if_proposed(inquiry, actor=actor, now=now)
    return message


def inquiry_reply(
    *,
    actor,
    inquiry: Inquiry,
    body_text: str,
    to: str = "",
    subject: str = "",
    now: datetime.datetime | None = None,
) -> OutboundMessage:
    """A reply written on the inquiry's page: queued in the outbox (related to the
    inquiry); the first-response clock stops when it is queued."""
    now = _now(now)
    inquiry = _locked(inquiry)
    require_edit_inquiry(actor, inquiry)
    require_state(inquiry, State.PROPOSED, State.OPEN, State.ANSWERED)
    if not (body_text or "").strip():
        raise ValidationError({"body_text": [_("Write the reply.")]})
    message = _write_to_buyer(
        actor=actor, inquiry=inquiry, to=to, subject=subject, body_text=body_text,
        purpose="inquiry_reply", now=now,
    )  # fmt: skip
    _stop_first(
        inquiry, actor=actor, at=now, via=Via.REPLY, now=now, details={"outbound": message.pk}
    )
    return message


def _answer_value(errors: dict, name: str, value: str, missing: str) -> str:
    value = (value or "").strip()
    if not value:
        errors[name] = [missing]
    elif len(value) > ANSWER_FIELD_MAX:
        errors[name] = [
            _("At most %(limit)d characters (this has %(length)d).")
            % {"limit": ANSWER_FIELD_MAX, "length": len(value)}
        ]
    return value


def full_answer_text(
    inquiry: Inquiry,
    *,
    moq: str,
    lead_time: str,
    price: str,
    payment_methods: str,
    note: str,
    writer=None,
) -> str:
    """The letter of a full answer, in the buyer's language."""
    person = inquiry.contact
    language = buyer_language(
        person.language if person is not None else inquiry.company.document_language
    )
    with translation.override(language):
        return render_to_string(
            "inquiries/letters/full_answer.txt",
            {
                "inquiry": inquiry,
                "contact": person,
                "moq": moq,
                "lead_time": lead_time,
                "price": price,
                "payment_methods": payment_methods,
                "note": (note or "").strip(),
                "signature": writer.display_name_for(language) if writer is not None else "",
                "company_name": settings.CHENGXIN_COMPANY_NAME,
            },
        ).strip()


@transaction.atomic
def inquiry_full_answer(
    *,
    actor,
    inquiry: Inquiry,
    moq: str,
    lead_time: str,
    price: str,
    payment_methods: str,
    note: str = "",
    to: str = "",
    subject: str = "",
    now: datetime.datetime | None = None,
) -> OutboundMessage:
    """The full answer: MOQ, lead time, price and payment methods (each required), written
    to the buyer in their language through the outbox. Stops both clocks when queued."""
    now = _now(now)
    inquiry = _locked(inquiry)
    require_edit_inquiry(actor, inquiry)
    require_state(inquiry, State.PROPOSED, State.OPEN)
    errors: dict[str, list[str]] = {}
    moq = _answer_value(errors, "moq", moq, _("Give the minimum order quantity."))
    lead_time = _answer_value(errors, "lead_time", lead_time, _("Give the lead time."))
    price = _answer_value(errors, "price", price, _("Give the price."))
    payment_methods = _answer_value(
        errors, "payment_methods", payment_methods, _("Give the payment methods.")
    )
    if note and len(note) > 10 * ANSWER_FIELD_MAX:
        errors["note"] = [_("The note is too long.")]
    if errors:
        raise ValidationError(errors)
    body = full_answer_text(
        inquiry,
        moq=moq,
        lead_time=lead_time,
        price=price,
        payment_methods=payment_methods,
        note=note,
        writer=actor,
    )
    message = _write_to_buyer(
        actor=actor, inquiry=inquiry, to=to, subject=subject, body_text=body,
        purpose="inquiry_full_answer", now=now,
    )  # fmt: skip
    _stop_full(
        inquiry,
        actor=actor,
        at=now,
        via=Via.ANSWER,
        now=now,
        details={
            "outbound": message.pk,
            "moq": moq,
            "lead_time": lead_time,
            "price": price,
            "payment_methods": payment_methods,
        },
    )
    return message


@transaction.atomic
def inquiry_full_answer_record(
    *, actor, inquiry: Inquiry, at: datetime.datetime, via: str, now: datetime.datetime
) -> None:
    """A full answer given elsewhere (orders: a quote sent for the inquiry, ``via``
    "quote") stops the full-answer clock (and the first-response clock) at ``at``.
    ``actor`` None: the system. Repeating it, or on an inquiry no longer running,
    changes nothing."""
    if via not in Via.values:
        raise ValidationError(
            _("Unknown way of answering: %(via)s (one of %(known)s).")
            % {"via": via, "known": ", ".join(Via.values)}
        )
    if at > now + _SKEW:
        raise ValidationError(_("An answer cannot be given in the future."))
    inquiry = _locked(inquiry)
    if actor is not None:
        require_edit_inquiry(actor, inquiry)
    if inquiry.state == State.PROPOSED:
        _accept_if_proposed(inquiry, actor=actor, now=now)
    _stop_full(inquiry, actor=actor, at=at, via=via, now=now)


@transaction.atomic
def inquiry_call_log(
    *,
    actor,
    inquiry: Inquiry,
    summary: str,
    happened_at: datetime.datetime | None = None,
    contact=None,
    now: datetime.datetime | None = None,
) -> FollowUp:
    """A call with the buyer, logged as the customer's follow-up: it stops the
    first-response clock (the buyer heard from us)."""
    now = _now(now)
    inquiry = _locked(inquiry)
    require_edit_inquiry(actor, inquiry)
    happened_at = happened_at or now
    if happened_at < inquiry.received_at:
        raise ValidationError(
            {"happened_at": [_("This call was before the inquiry arrived: it does not answer it.")]}
        )
    follow_up = follow_up_log(
        actor=actor,
        company=inquiry.company,
        kind=FollowUpKind.CALL,
        summary=summary,
        happened_at=happened_at,
        contact=contact or inquiry.contact,
    )
    _accept_if_proposed(inquiry, actor=actor, now=now)
    _stop_first(
        inquiry,
        actor=actor,
        at=happened_at,
        via=Via.CALL,
        now=now,
        details={"follow_up": follow_up.pk},
    )
    return follow_up


# --- The clocks, every few minutes --------------------------------------------------------


def _first_contacts(inquiries: list[Inquiry]) -> dict[int, tuple[datetime.datetime, str, int]]:
    """For each inquiry: the earliest message a person wrote to the customer from the
    outbox, or call logged with it, after the inquiry arrived (at, via, id)."""
    if not inquiries:
        return {}
    earliest = min(i.received_at for i in inquiries)
    companies = {i.company_id for i in inquiries}
    events: dict[int, list[tuple[datetime.datetime, str, int]]] = {}
    for company_id, at, pk in (
        OutboundMessage.objects.filter(
            company_id__in=companies, created_at__gte=earliest, created_by__isnull=False
        )
        .exclude(status__in=_NOT_SENT)
        .values_list("company_id", "created_at", "pk")
    ):
        events.setdefault(company_id, []).append((at, Via.EMAIL, pk))
    for company_id, at, pk in FollowUp.objects.filter(
        company_id__in=companies, kind=FollowUpKind.CALL, happened_at__gte=earliest
    ).values_list("company_id", "happened_at", "pk"):
        events.setdefault(company_id, []).append((at, Via.CALL, pk))
    found = {}
    for inquiry in inquiries:
        after = [e for e in events.get(inquiry.company_id, []) if e[0] >= inquiry.received_at]
        if after:
            found[inquiry.pk] = min(after)
    return found


def _remind(inquiry: Inquiry, *, which: str, due: datetime.datetime, now) -> None:
    """The owner's task (and with it a notification) to answer before ``due``."""
    owner = inquiry.owner
    if owner is None:
        return
    if which == "first":
        title = deferred(
            gettext_lazy("Respond to %(company)s by %(due)s: “%(subject)s”"),
            company=str(inquiry.company),
            due=due,
            subject=inquiry.subject,
        )
        kind = TODO_FIRST
    else:
        title = deferred(
            gettext_lazy(
                "Give %(company)s the full answer (MOQ, lead time, price, payment) by %(due)s"
            ),
            company=str(inquiry.company),
            due=due,
        )
        kind = TODO_FULL
    todo_create(
        assignee=owner,
        kind=kind,
        title=title,
        body=inquiry.subject,
        link=inquiry_link(inquiry),
        company=inquiry.company,
        contact=inquiry.contact,
        related=(RELATED_TYPE, inquiry.pk),
        due_at=due,
    )


def _check_one(inquiry_pk: int, *, calendar: WorkingCalendar, now, first_contact) -> dict:
    counts = {"stopped": 0, "reminded": 0, "late": 0}
    inquiry = locked(Inquiry.objects.select_related("company", "contact", "owner"), inquiry_pk)
    if inquiry.state not in RUNNING_STATES:
        return counts
    if first_contact is not None and inquiry.first_responded_at is None:
        at, via, pk = first_contact
        key = "outbound" if via == Via.EMAIL else "follow_up"
        if _stop_first(inquiry, actor=None, at=at, via=via, now=now, details={key: pk}):
            counts["stopped"] += 1
    for which, stopped, due, reminded, late in (
        ("first", "first_responded_at", "first_response_due", "first_reminded_at",
         "first_response_late"),
        ("full", "full_answered_at", "full_answer_due", "full_reminded_at", "full_answer_late"),
    ):  # fmt: skip
        if getattr(inquiry, stopped) is not None:
            continue
        deadline = getattr(inquiry, due)
        if deadline <= now:
            if not getattr(inquiry, late):
                before = snapshot(inquiry)
                setattr(inquiry, late, True)
                advance(
                    inquiry,
                    actor=None,
                    before=before,
                    now=now,
                    fields=[late],
                    step=StepKind.LATE,
                    details={"clock": which, "due": deadline.isoformat()},
                )
                counts["late"] += 1
            continue
        if (
            getattr(inquiry, reminded) is None
            and inquiry.owner is not None
            and inquiry.owner.is_active
            and calendar.between(now, deadline) <= remind_before()
        ):
            before = snapshot(inquiry)
            setattr(inquiry, reminded, now)
            advance(
                inquiry,
                actor=None,
                before=before,
                now=now,
                fields=[reminded],
                step=StepKind.REMINDED,
                details={"clock": which, "due": deadline.isoformat()},
            )
            _remind(inquiry, which=which, due=deadline, now=now)
            counts["reminded"] += 1
    return counts


def inquiries_clocks_check(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Every few minutes: stop first-response clocks answered by a message from the outbox
    or a logged call; remind each running clock's owner once, CHENGXIN_INQUIRY_REMIND_MINUTES
    working minutes before it runs out (a notification and a task); mark the clocks that
    ran out late. Each inquiry in its own transaction."""
    now = _now(now)
    calendar = company_calendar()
    running = list(
        Inquiry.objects.filter(state__in=RUNNING_STATES).only(
            "pk", "company_id", "received_at", "first_responded_at"
        )
    )
    contacts = _first_contacts([i for i in running if i.first_responded_at is None])
    totals = {"stopped": 0, "reminded": 0, "late": 0}
    for inquiry in running:
        try:
            with transaction.atomic():
                counts = _check_one(
                    inquiry.pk, calendar=calendar, now=now, first_contact=contacts.get(inquiry.pk)
                )
        except Inquiry.DoesNotExist:
            continue
        for key, value in counts.items():
            totals[key] += value
    return totals


# --- The company's calendar ------------------------------------------------------------------


def _move_open_deadlines(*, actor, now) -> int:
    """After a calendar change: the running clocks' deadlines again from their arrival."""
    calendar = company_calendar()
    moved = 0
    for inquiry in Inquiry.objects.filter(state__in=RUNNING_STATES).select_for_update():
        first_due, full_due = _deadlines(inquiry.received_at, calendar)
        fields = []
        before = snapshot(inquiry)
        if inquiry.first_responded_at is None and first_due != inquiry.first_response_due:
            inquiry.first_response_due = first_due
            fields.append("first_response_due")
        if inquiry.full_answered_at is None and full_due != inquiry.full_answer_due:
            inquiry.full_answer_due = full_due
            fields.append("full_answer_due")
        if fields:
            advance(
                inquiry,
                actor=actor,
                before=before,
                now=now,
                fields=fields,
                step=StepKind.DEADLINES_MOVED,
                details={f: getattr(inquiry, f).isoformat() for f in fields},
            )
            moved += 1
    return moved


@transaction.atomic
def calendar_day_set(
    *,
    actor,
    date: datetime.date,
    is_working: bool,
    name: str,
    now: datetime.datetime | None = None,
) -> CalendarDay:
    """A day of the company's own (a holiday, or a working day the country has off);
    replaces what was set for that date. Running clocks' deadlines move with it."""
    now = _now(now)
    require_edit_calendar(actor)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [_("Name the day (e.g. “Factory anniversary”).")]})
    check_lengths(CalendarDay, name=name)
    day = CalendarDay.objects.select_for_update().filter(date=date).first()
    if day is None:
        day = CalendarDay.objects.create(
            date=date, is_working=is_working, name=name, created_by=actor
        )
        audit_created(actor=actor, instance=day)
    else:
        before = snapshot(day)
        day.is_working, day.name = is_working, name
        day.save(update_fields=["is_working", "name"])
        audit_record(
            actor=actor, action=Action.UPDATE, instance=day, before=before, after=snapshot(day)
        )
    _move_open_deadlines(actor=actor, now=now)
    return day


@transaction.atomic
def calendar_day_remove(*, actor, day: CalendarDay, now: datetime.datetime | None = None) -> None:
    """The date follows the country's calendar again."""
    now = _now(now)
    require_edit_calendar(actor)
    before = snapshot(day)
    audit_record(actor=actor, action=Action.DELETE, instance=day, before=before, after=None)
    day.delete()
    _move_open_deadlines(actor=actor, now=now)
