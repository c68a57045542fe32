"""The inquiries API: list (by owner, state, late), one inquiry with its clocks and
steps, record one, reply, full answer, an answer given elsewhere (a quote), accept or
dismiss a proposed one. The same services as the pages. Not visible → 404; visible but
not allowed → 403; bad input → 422; a step the inquiry's state does not allow → 422."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from chengxin.core.api_types import (
    READ_ERRORS,
    WRITE_ERRORS,
    InvalidOut,
    Offset,
    PageOut,
    RecordId,
    page_out,
    path_id,
)
from chengxin.core.forms import LETTER_LIMIT
from chengxin.core.http import or_404
from chengxin.inquiries import selectors, services
from chengxin.inquiries.calendar import company_calendar
from chengxin.inquiries.models import Inquiry, State, Via
from chengxin.parties.models import Contact
from chengxin.parties.selectors import company_get
from chengxin.workflow.api import StepOut, steps_out

router = Router(tags=["inquiries"])

InquiryId = path_id("The inquiry's id.")


class ClockOut(Schema):
    due: datetime.datetime = Field(description="The deadline, in UTC.")
    stopped_at: datetime.datetime | None = Field(description="When it stopped, in UTC.")
    via: str = Field(description="What stopped it: reply, email, call, answer or quote.")
    running: bool = Field(description="Whether it still runs.")
    working_minutes_left: int | None = Field(
        description="Working minutes left (negative: overdue); null once stopped."
    )
    working_minutes_taken: int | None = Field(
        description="Working minutes from arrival to the stop; null while running."
    )
    late: bool = Field(description="Ran out, or stopped after its deadline.")


class InquiryOut(Schema):
    """An inquiry. States: proposed (found in a message, to accept or dismiss), open,
    answered, closed, lost, dismissed."""

    id: int = Field(description="The inquiry's id.")
    company_id: int = Field(description="The buyer.")
    contact_id: int | None = Field(description="The buyer's contact.")
    message_id: int | None = Field(description="The message it came in.")
    owner: str | None = Field(description="Who answers it (the customer's owner): a username.")
    subject: str = Field(description="What the buyer asks for.")
    quantity: str = Field(description="The quantity asked, as the buyer put it.")
    state: str = Field(description="proposed, open, answered, closed, lost or dismissed.")
    received_at: datetime.datetime = Field(description="When it arrived, in UTC.")
    first_response: ClockOut = Field(description="The first-response clock.")
    full_answer: ClockOut = Field(
        description="The full-answer clock (MOQ, lead time, price, payment)."
    )


class InquiryDetailOut(InquiryOut):
    text: str = Field(description="The inquiry's text.")
    product_ids: list[int] = Field(description="The catalogue products asked for.")
    steps: list[StepOut] = Field(description="What happened to it, oldest first.")


class InquiryListQuery(Schema):
    owner: RecordId | None = Field(None, description="Only this user's inquiries.")
    state: str = Field("", max_length=16, description="Only in this state (empty: all).")
    late: bool | None = Field(None, description="Only late ones (true) or only not late (false).")
    limit: int = Field(50, ge=1, le=200, description="Page size, 1 to 200.")
    offset: Offset = Field(0, description="How many matching inquiries to skip.")


class InquiryPageOut(PageOut):
    items: list[InquiryOut] = Field(description="This page, newest first.")


class InquiryIn(Schema):
    company_id: RecordId = Field(description="The buyer.")
    subject: str = Field(max_length=300, description="What the buyer asks for.")
    text: str = Field("", max_length=LETTER_LIMIT, description="The inquiry's text.")
    contact_id: RecordId | None = Field(None, description="The buyer's contact.")
    product_ids: list[RecordId] = Field(
        default_factory=list, max_length=200, description="Catalogue products asked for."
    )
    quantity: str = Field("", max_length=200, description="The quantity asked.")
    received_at: datetime.datetime | None = Field(
        None, description="When it arrived (a time without zone is UTC); default now."
    )


class ReplyIn(Schema):
    body_text: str = Field(max_length=LETTER_LIMIT, description="The reply.")
    to: str = Field("", max_length=320, description="Email address; default: the sender's.")
    subject: str = Field("", max_length=500, description="Default: Re: the inquiry's subject.")


class AnswerIn(Schema):
    moq: str = Field(max_length=services.ANSWER_FIELD_MAX, description="Minimum order quantity.")
    lead_time: str = Field(max_length=services.ANSWER_FIELD_MAX, description="Lead time.")
    price: str = Field(max_length=services.ANSWER_FIELD_MAX, description="Price.")
    payment_methods: str = Field(
        max_length=services.ANSWER_FIELD_MAX, description="Payment methods."
    )
    note: str = Field("", max_length=10 * services.ANSWER_FIELD_MAX, description="More text.")
    to: str = Field("", max_length=320, description="Email address; default: the sender's.")
    subject: str = Field("", max_length=500, description="Default: Re: the inquiry's subject.")


class AnswerRecordIn(Schema):
    at: datetime.datetime = Field(description="When the answer went (a time without zone is UTC).")
    via: str = Field(
        "quote", max_length=16, description="How: quote, answer, reply, email or call."
    )


class DismissIn(Schema):
    reason: str = Field("", max_length=2000, description="Why it is not an inquiry.")


def _aware(value: datetime.datetime | None) -> datetime.datetime | None:
    if value is not None and timezone.is_naive(value):
        return value.replace(tzinfo=datetime.UTC)
    return value


def _minutes(value: datetime.timedelta | None) -> int | None:
    return None if value is None else int(value.total_seconds() // 60)


def _clock_out(clock: selectors.Clock, via: str) -> dict:
    return {
        "due": clock.due,
        "stopped_at": clock.stopped_at,
        "via": via,
        "running": clock.running,
        "working_minutes_left": _minutes(clock.left),
        "working_minutes_taken": _minutes(clock.took),
        "late": clock.late,
    }


def _inquiry_out(inquiry: Inquiry, *, calendar, now, detail: bool = False) -> dict:
    clocks = selectors.clocks(inquiry, calendar=calendar, now=now)
    out = {
        "id": inquiry.pk,
        "company_id": inquiry.company_id,
        "contact_id": inquiry.contact_id,
        "message_id": inquiry.message_id,
        "owner": inquiry.owner.username if inquiry.owner else None,
        "subject": inquiry.subject,
        "quantity": inquiry.quantity,
        "state": inquiry.state,
        "received_at": inquiry.received_at,
        "first_response": _clock_out(clocks["first"], inquiry.first_response_via),
        "full_answer": _clock_out(clocks["full"], inquiry.full_answer_via),
    }
    if detail:
        out["text"] = inquiry.text
        out["product_ids"] = sorted(inquiry.products.values_list("pk", flat=True))
        out["steps"] = steps_out(inquiry)
    return out


def _get(request, pk: int) -> Inquiry:
    return or_404(selectors.inquiry_get, user=request.auth, pk=pk)


def _detail(request, pk: int) -> dict:
    return _inquiry_out(
        _get(request, pk), calendar=company_calendar(), now=timezone.now(), detail=True
    )


@router.get(
    "/inquiries",
    response={200: InquiryPageOut, **READ_ERRORS, 422: InvalidOut},
    summary="List inquiries",
)
def inquiry_list(request, filters: Query[InquiryListQuery]):
    """Inquiries of the customers you may see, newest first, with their clocks in the
    company's working time."""
    if filters.state and filters.state not in State.values:
        raise ValidationError(
            {
                "state": [
                    _("Unknown state: one of %(states)s.") % {"states": ", ".join(State.values)}
                ]
            }
        )
    qs = selectors.visible_inquiries(
        request.auth, owner=filters.owner, state=filters.state, late=filters.late
    )
    calendar, now = company_calendar(), timezone.now()
    return page_out(qs, filters, lambda i: _inquiry_out(i, calendar=calendar, now=now))


@router.get(
    "/inquiries/{pk}", response={200: InquiryDetailOut, **READ_ERRORS}, summary="One inquiry"
)
def inquiry_detail(request, pk: InquiryId):
    """The inquiry, its clocks and its steps."""
    return _detail(request, pk)


@router.post(
    "/inquiries", response={201: InquiryDetailOut, **WRITE_ERRORS}, summary="Record an inquiry"
)
def inquiry_create(request, payload: InquiryIn):
    """By hand: its clocks start at received_at (default now). You must be able to change
    the customer."""
    company = or_404(company_get, user=request.auth, pk=payload.company_id)
    contact = None
    if payload.contact_id is not None:
        contact = Contact.objects.filter(pk=payload.contact_id).first()
        if contact is None or contact.company_id != company.pk:
            raise ValidationError({"contact_id": [_("This contact belongs to another customer.")]})
    inquiry = services.inquiry_create(
        actor=request.auth,
        company=company,
        subject=payload.subject,
        text=payload.text,
        contact=contact,
        products=payload.product_ids,
        quantity=payload.quantity,
        received_at=_aware(payload.received_at),
    )
    return Status(201, _detail(request, inquiry.pk))


@router.post(
    "/inquiries/{pk}/reply", response={200: InquiryDetailOut, **WRITE_ERRORS}, summary="Reply"
)
def inquiry_reply(request, pk: InquiryId, payload: ReplyIn):
    """Queues the reply in the outbox; stops the first-response clock."""
    services.inquiry_reply(actor=request.auth, inquiry=_get(request, pk), **payload.dict())
    return _detail(request, pk)


@router.post(
    "/inquiries/{pk}/answer",
    response={200: InquiryDetailOut, **WRITE_ERRORS},
    summary="Send the full answer",
)
def inquiry_answer(request, pk: InquiryId, payload: AnswerIn):
    """MOQ, lead time, price and payment methods (each required), written to the buyer in
    their language through the outbox; stops both clocks."""
    services.inquiry_full_answer(actor=request.auth, inquiry=_get(request, pk), **payload.dict())
    return _detail(request, pk)


@router.post(
    "/inquiries/{pk}/answer-record",
    response={200: InquiryDetailOut, **WRITE_ERRORS},
    summary="Record a full answer given elsewhere",
)
def inquiry_answer_record(request, pk: InquiryId, payload: AnswerRecordIn):
    """A full answer given outside this page (a quote sent) stops the clocks at ``at``."""
    if payload.via not in Via.values:
        raise ValidationError(
            {
                "via": [
                    _("Unknown way of answering: one of %(known)s.")
                    % {"known": ", ".join(Via.values)}
                ]
            }
        )
    services.inquiry_full_answer_record(
        actor=request.auth,
        inquiry=_get(request, pk),
        at=_aware(payload.at),
        via=payload.via,
        now=timezone.now(),
    )
    return _detail(request, pk)


@router.post(
    "/inquiries/{pk}/accept",
    response={200: InquiryDetailOut, **WRITE_ERRORS},
    summary="Accept a proposed inquiry",
)
def inquiry_accept(request, pk: InquiryId):
    """The owner takes a proposed inquiry (read from a message) as a real one: its clocks, running since the message arrived, go on. 422 when it is not proposed."""
    services.inquiry_accept(actor=request.auth, inquiry=_get(request, pk))
    return _detail(request, pk)


@router.post(
    "/inquiries/{pk}/dismiss",
    response={200: InquiryDetailOut, **WRITE_ERRORS},
    summary="Dismiss a proposed inquiry",
)
def inquiry_dismiss(request, pk: InquiryId, payload: DismissIn):
    """A proposed inquiry that is not one (a reply, a newsletter): it is dismissed with the reason and its clocks stop. 422 when it is not proposed."""
    services.inquiry_dismiss(actor=request.auth, inquiry=_get(request, pk), reason=payload.reason)
    return _detail(request, pk)
