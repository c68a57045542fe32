"""The quotes and orders API: the same services as the pages, so the same rules.

Not visible → 404; visible but not allowed → 403; wrong step or bad input → 422.
Payment terms are given as data: ``{"lines": [{"kind": "deposit", "percent": "30"},
{"kind": "balance", "trigger": "bl_hours", "hours": 48}]}`` (kinds deposit, balance,
instalments; triggers before_shipment, bl_hours, bl_copy, lc_sight, after_delivery,
net_days; each line a ``percent``, an ``amount`` or neither for the rest).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja import Path as PathParam

from chengxin.banking.models import ReceivedPayment
from chengxin.banking.selectors import visible_payments
from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, Offset, RecordId, path_id
from chengxin.core.http import or_404
from chengxin.orders import selectors, services
from chengxin.orders.models import CostLine, Order, Payment, PaymentMethod, Quote
from chengxin.orders.permissions import can_record_payment
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q
from chengxin.workflow.api import StepOut, steps_out

router = Router(tags=["orders"])

QuoteId = path_id("The quote's id.")
OrderId = path_id("The order's id.")
PaymentId = path_id("The payment's id (on this order).")
CostId = path_id("The cost line's id (on this order).")
CompanyId = path_id("The customer's id.")
Quantity = Annotated[Decimal, Field(gt=0, lt=10**12, max_digits=16, decimal_places=3)]
Price = Annotated[Decimal, Field(ge=0, lt=10**13, max_digits=20, decimal_places=6)]
Amount = Annotated[Decimal, Field(gt=0, lt=10**15, max_digits=19, decimal_places=3)]
Limit = Annotated[int, Field(ge=1, le=200)]


class OrderLineIn(Schema):
    product_id: RecordId | None = Field(None, description="A catalog product (optional).")
    description: str = Field("", max_length=500, description="Empty: the product's name.")
    quantity: Quantity = Field(description="How many units.")
    unit: str = Field("pcs", max_length=16, description="The unit (pcs, set, kg...).")
    unit_price: Price = Field(description="The price of one unit, in the currency.")


class OrderCommercialIn(Schema):
    currency: str = Field(max_length=3, description="ISO 4217 currency.")
    incoterm: str = Field(max_length=3, description="Incoterm 2020: EXW FCA FAS FOB CFR CIF CPT CIP DPU DAP DDP.")  # fmt: skip
    named_place: str = Field(max_length=200, description="The Incoterm's named place.")
    lines: list[OrderLineIn] = Field(max_length=500, description="The lines (at least one).")
    terms: dict | None = Field(None, description="Payment terms as data (see above); empty: the buyer's default.")  # fmt: skip
    payment_method_ids: list[RecordId] = Field([], max_length=50, description="Payment methods offered.")  # fmt: skip
    notes: str = Field("", max_length=5000, description="Notes.")


class QuoteIn(OrderCommercialIn):
    company_id: RecordId = Field(description="The customer.")
    valid_until: datetime.date = Field(description="The last day the quote is valid.")
    inquiry_id: RecordId | None = Field(None, description="The inquiry this quote answers.")
    contact_id: RecordId | None = Field(None, description="The buyer's contact person it is addressed to: one of the customer's active contacts.")  # fmt: skip


class OrderLineEditIn(OrderLineIn):
    id: RecordId | None = Field(None, description="The existing line this changes; null: a new line.")  # fmt: skip


class OrderLinesIn(Schema):
    lines: list[OrderLineEditIn] = Field(max_length=500, description="Every line the order keeps, in order: an existing line by its id, a new one without; a line left out is removed (not one with goods shipped).")  # fmt: skip


class PaymentReverseIn(Schema):
    reason: str = Field(min_length=1, max_length=500, description="Why the payment is reversed.")


class PaymentMatchIn(Schema):
    received_payment_id: RecordId = Field(description="The money received (a payment into our account, under banking) this payment is part of.")  # fmt: skip


class CostIn(Schema):
    label: str = Field(max_length=200, description="What it is (goods, freight, insurance, fees).")
    amount: Amount = Field(description="The amount.")
    currency: str = Field(max_length=3, description="ISO 4217 currency.")
    incurred_on: datetime.date = Field(description="The day of the cost.")


class OrderIn(OrderCommercialIn):
    company_id: RecordId = Field(description="The customer.")
    order_date: datetime.date | None = Field(None, description="Default: today.")
    rate_rule: str = Field("order_date", description="order_date, payment_date or locked.")
    locked_rate: Decimal | None = Field(None, ge=0, lt=10**9, max_digits=20, decimal_places=8, description="Base currency per unit (rule locked).")  # fmt: skip
    locked_until: datetime.date | None = Field(None, description="The rate is locked until (rule locked).")  # fmt: skip


class OrderTermsIn(Schema):
    terms: dict = Field(description="Payment terms as data.")
    rate_rule: str | None = Field(None, description="order_date, payment_date or locked.")
    locked_rate: Decimal | None = Field(None, ge=0, lt=10**9, max_digits=20, decimal_places=8, description="Base currency per unit of the order's currency (rule locked); used only with rate_rule.")  # fmt: skip
    locked_until: datetime.date | None = Field(None, description="The rate is locked until this day (rule locked); used only with rate_rule.")  # fmt: skip


class OrderPaymentIn(Schema):
    amount: Amount = Field(description="The amount received (never more than is still owed).")
    currency: str = Field(max_length=3, description="The order's currency.")
    received_on: datetime.date | None = Field(None, description="The day it arrived; by default the day of the money received it is part of (then required without it).")  # fmt: skip
    reference: str = Field("", max_length=140, description="The bank's reference.")
    received_payment_id: RecordId | None = Field(None, description="The money received (a payment into our account, under banking) this is part of: the same buyer and currency, never beyond what is left of it.")  # fmt: skip


class OrderNotesIn(Schema):
    notes: str = Field("", max_length=2000, description="Why, in free text (may be empty).")


class OrderLineOut(Schema):
    id: int = Field(description="The line's id.")
    product_id: int | None = Field(description="The catalog product; null when none.")
    description: str = Field(description="What the line is for.")
    quantity: Decimal = Field(description="How many units.")
    unit: str = Field(description="The unit (pcs, set, kg...).")
    unit_price: Decimal = Field(description="The price of one unit, in the currency.")
    amount: Decimal = Field(description="Quantity times unit price, in the currency.")
    shipped: Decimal | None = Field(None, description="Orders: the quantity shipped.")
    remaining: Decimal | None = Field(None, description="Orders: the quantity still to ship.")


class QuoteOut(Schema):
    id: int = Field(description="The quote's id.")
    number: str = Field(description="The quote number.")
    company_id: int = Field(description="The customer's id.")
    owner: str | None = Field(description="The owner's username; null when none.")
    state: str = Field(description="draft, sent, accepted, declined or expired.")
    currency: str = Field(description="ISO 4217 currency.")
    incoterm: str = Field(description="Incoterm 2020 (EXW, FOB, CIF ...).")
    named_place: str = Field(description="The Incoterm's named place.")
    valid_until: datetime.date = Field(description="The last day the quote is valid.")
    total: Decimal = Field(description="The sum of the lines, in the currency.")
    terms: dict = Field(description="Payment terms as data (see above).")
    payment_method_ids: list[int] = Field(description="The payment methods offered.")
    inquiry_id: int | None = Field(description="The inquiry it answers; null when none.")
    contact_id: int | None = Field(description="The buyer's contact person; null when none.")
    order_id: int | None = Field(description="The order made from it; null until accepted.")
    lines: list[OrderLineOut] = Field(description="The lines, in order.")
    steps: list[StepOut] = Field(description="Every step so far, oldest first.")


class OrderDueOut(Schema):
    description: str = Field(description="What is due and when, in the request's language.")
    kind: str = Field(description="deposit, balance or instalment.")
    trigger: str = Field(description="What it waits for: before_shipment, bl_hours, bl_copy, lc_sight, after_delivery or net_days.")  # fmt: skip
    amount: Decimal = Field(description="The amount due, in the order's currency.")
    paid: Decimal = Field(description="How much of it is paid, in the order's currency.")
    due_at: datetime.datetime | None = Field(description="Null: when the trigger happens.")


class OrderPaymentOut(Schema):
    id: int = Field(description="The payment's id.")
    amount: Decimal = Field(description="The amount received.")
    currency: str = Field(description="ISO 4217 currency.")
    received_on: datetime.date = Field(description="The day it arrived.")
    reference: str = Field(description="The bank's reference (may be empty).")
    recorded_by: str = Field(description="The username of who recorded it.")
    received_payment_id: int | None = Field(description="The money received it is part of; null when not matched.")  # fmt: skip
    reversed_at: datetime.datetime | None = Field(description="When it was reversed (it no longer counts); null when it counts.")  # fmt: skip
    reversed_by: str | None = Field(description="Who reversed it; null when it counts.")
    reversal_reason: str = Field(description="Why it was reversed (empty when it counts).")


class CostOut(Schema):
    id: int = Field(description="The cost line's id.")
    label: str = Field(description="What it is.")
    amount: Decimal = Field(description="The amount.")
    currency: str = Field(description="ISO 4217 currency.")
    incurred_on: datetime.date = Field(description="The day of the cost.")


class ReceiptOut(Schema):
    id: int = Field(description="The money received's id (banking).")
    amount: Decimal = Field(description="The amount that arrived.")
    currency: str = Field(description="ISO 4217 currency.")
    received_on: datetime.date = Field(description="The day it arrived.")
    reference: str = Field(description="The bank's reference (may be empty).")
    matched: Decimal = Field(description="How much of it is matched to orders.")
    left: Decimal = Field(description="How much of it is not yet matched.")


class ReconciliationOut(Schema):
    owed: Decimal = Field(description="The order's total.")
    recorded: Decimal = Field(description="The payments recorded on the order (not reversed).")
    matched: Decimal = Field(description="Of them, matched to money that arrived in our accounts.")
    unmatched: Decimal = Field(description="Recorded, not yet matched to money received.")
    open_balance: Decimal = Field(description="What is still owed.")
    receipts_to_match: list[ReceiptOut] = Field(description="The buyer's money received in the order's currency not yet all matched to orders, oldest first.")  # fmt: skip


class OrderSummaryOut(Schema):
    id: int = Field(description="The order's id.")
    number: str = Field(description="The order number.")
    company_id: int = Field(description="The customer's id.")
    owner: str | None = Field(description="The owner's username; null when none.")
    state: str = Field(description="confirmed, in_production, partly_shipped, shipped, completed, cancelled.")  # fmt: skip
    order_date: datetime.date = Field(description="The day of the order.")
    currency: str = Field(description="ISO 4217 currency.")
    incoterm: str = Field(description="Incoterm 2020 (EXW, FOB, CIF ...).")
    named_place: str = Field(description="The Incoterm's named place.")
    total: Decimal = Field(description="The sum of the lines, in the currency.")
    paid: Decimal = Field(description="How much has been received, in the currency.")
    open_balance: Decimal = Field(description="What is still to be paid, in the currency.")
    next_due_at: datetime.datetime | None = Field(description="When the next open amount is due (UTC); null when none has a date.")  # fmt: skip


class OrderOut(OrderSummaryOut):
    quote_id: int | None = Field(description="The quote it came from; null when none.")
    terms: dict = Field(description="Payment terms as data (see above).")
    rate_rule: str = Field(description="order_date, payment_date or locked.")
    locked_rate: Decimal | None = Field(description="Base currency per unit of the order's currency; null unless the rule is locked.")  # fmt: skip
    locked_until: datetime.date | None = Field(description="The rate is locked until this day; null unless the rule is locked.")  # fmt: skip
    payment_method_ids: list[int] = Field(description="The payment methods offered.")
    lines: list[OrderLineOut] = Field(description="The lines, in order, with shipped and remaining.")  # fmt: skip
    schedule: list[OrderDueOut] = Field(description="The amounts due, as the terms give them.")
    payments: list[OrderPaymentOut] = Field(description="The payments received, oldest first.")
    steps: list[StepOut] = Field(description="Every step so far, oldest first.")


class CurrencyBalanceOut(Schema):
    currency: str = Field(description="ISO 4217 currency.")
    open_balance: Decimal = Field(description="The open amount of the buyer's orders in this currency.")  # fmt: skip
    orders: int = Field(description="How many orders in this currency have an open amount.")
    next_due_at: datetime.datetime | None = Field(description="The earliest next due among them (UTC); null when none has a date.")  # fmt: skip


class OpenBalanceOut(Schema):
    company_id: int = Field(description="The customer's id.")
    balances: list[CurrencyBalanceOut] = Field(description="The open balance per currency, by currency code.")  # fmt: skip
    orders: list[OrderSummaryOut] = Field(description="This page of orders with an open amount, the next due first.")  # fmt: skip


class OrdersListFilters(Schema):
    limit: Limit = Field(50, description="How many records to return (at most 200).")
    offset: Offset = Field(0, description="How many records to skip.")


class OrderFilters(OrdersListFilters):
    state: str | None = Field(
        None, max_length=16, description="Only orders in this state (confirmed, in_production ...)."
    )
    company_id: RecordId | None = Field(None, description="Only this customer's orders.")
    owner_id: RecordId | None = Field(None, description="Only orders whose owner is this user.")
    overdue: bool = Field(False, description="Only orders with an amount past its due day.")


def _name(user) -> str | None:
    return user.username if user is not None else None


def _lines(rows, *, shipped=False) -> list[dict]:
    out = []
    for line in rows:
        row = {
            "id": line.pk, "product_id": line.product_id, "description": line.description,
            "quantity": line.quantity, "unit": line.unit, "unit_price": line.unit_price,
            "amount": line.amount,
        }  # fmt: skip
        if shipped:
            row.update(
                shipped=line.shipped_quantity, remaining=line.quantity - line.shipped_quantity
            )
        out.append(row)
    return out


def _quote_out(quote: Quote) -> dict:
    order = Order.objects.filter(quote=quote).values_list("pk", flat=True).first()
    return {
        "id": quote.pk, "number": quote.number, "company_id": quote.company_id,
        "owner": _name(quote.owner), "state": quote.state, "currency": quote.currency,
        "incoterm": quote.incoterm, "named_place": quote.named_place,
        "valid_until": quote.valid_until, "total": quote.total, "terms": quote.terms,
        "payment_method_ids": [m.pk for m in quote.payment_methods.all()],
        "inquiry_id": quote.inquiry_id, "contact_id": quote.contact_id, "order_id": order,
        "lines": _lines(quote.lines.all()), "steps": steps_out(quote),
    }  # fmt: skip


def _summary(order: Order) -> dict:
    return {
        "id": order.pk, "number": order.number, "company_id": order.company_id,
        "owner": _name(order.owner), "state": order.state, "order_date": order.order_date,
        "currency": order.currency, "incoterm": order.incoterm,
        "named_place": order.named_place, "total": order.total, "paid": order.paid,
        "open_balance": order.open_balance, "next_due_at": order.next_due_at,
    }  # fmt: skip


def _schedule(order: Order) -> list[dict]:
    return [
        {"description": r.label, "kind": r.kind, "trigger": r.trigger,
         "amount": r.amount, "paid": r.paid, "due_at": r.due_at}
        for r in order.schedule.all()
    ]  # fmt: skip


def _payment(p) -> dict:
    return {
        "id": p.pk, "amount": p.amount, "currency": p.currency, "received_on": p.received_on,
        "reference": p.reference, "recorded_by": p.recorded_by.username,
        "received_payment_id": p.received_payment_id, "reversed_at": p.reversed_at,
        "reversed_by": _name(p.reversed_by), "reversal_reason": p.reversal_reason,
    }  # fmt: skip


PAYMENT_RELATED = ("recorded_by", "reversed_by")


def _cost(c) -> dict:
    return {
        "id": c.pk, "label": c.label, "amount": c.amount, "currency": c.currency,
        "incurred_on": c.incurred_on,
    }  # fmt: skip


def _order_out(order: Order) -> dict:
    return {
        **_summary(order),
        "quote_id": order.quote_id, "terms": order.terms, "rate_rule": order.rate_rule,
        "locked_rate": order.locked_rate, "locked_until": order.locked_until,
        "payment_method_ids": [m.pk for m in order.payment_methods.all()],
        "lines": _lines(order.lines.all(), shipped=True), "schedule": _schedule(order),
        "payments": [_payment(p) for p in order.payments.select_related(*PAYMENT_RELATED)],
        "steps": steps_out(order),
    }  # fmt: skip


def _quote(request, pk) -> Quote:
    return or_404(selectors.visible_quotes(request.auth).select_related("owner").get, pk=pk)


def _order(request, pk) -> Order:
    return or_404(selectors.visible_orders(request.auth).select_related("owner").get, pk=pk)


def _company(request, pk) -> Company:
    return or_404(Company.objects.filter(visible_companies_q(request.auth)).distinct().get, pk=pk)


def _methods(ids) -> list[PaymentMethod]:
    from django.core.exceptions import ValidationError

    methods = list(PaymentMethod.objects.filter(pk__in=ids, is_active=True))
    if len(methods) != len(set(ids)):
        raise ValidationError({"payment_method_ids": "Unknown or inactive payment method."})
    return methods


def _line_in(lines: list[OrderLineIn]) -> list[services.LineIn]:
    return [
        services.LineIn(description=line.description, quantity=line.quantity,
                        unit_price=line.unit_price, unit=line.unit, product_id=line.product_id)
        for line in lines
    ]  # fmt: skip


@router.get("/quotes", response={200: list[QuoteOut], **READ_ERRORS})
def quote_list(request, filters: Query[OrdersListFilters]):
    """The quotes you may see, newest first."""
    quotes = (
        selectors.visible_quotes(request.auth)
        .select_related("owner")
        .prefetch_related("lines", "payment_methods")
        .order_by("-created_at", "-id")[filters.offset : filters.offset + filters.limit]
    )
    return [_quote_out(q) for q in quotes]


@router.get("/quotes/{pk}", response={200: QuoteOut, **READ_ERRORS})
def quote_detail(request, pk: QuoteId):
    """One quote: its lines, currency, Incoterm and named place, validity, payment methods and terms, state and steps."""
    return _quote_out(_quote(request, pk))


@router.post("/quotes", response={201: QuoteOut, **WRITE_ERRORS})
def quote_create(request, payload: QuoteIn):
    """A draft quote (numbered per year)."""
    company = _company(request, payload.company_id)
    quote = services.quote_create(
        actor=request.auth, company=company, currency=payload.currency.upper(),
        incoterm=payload.incoterm, named_place=payload.named_place,
        valid_until=payload.valid_until, lines=_line_in(payload.lines), terms=payload.terms,
        payment_methods=_methods(payload.payment_method_ids), inquiry_id=payload.inquiry_id,
        contact_id=payload.contact_id, notes=payload.notes, now=timezone.now(),
    )  # fmt: skip
    return Status(201, _quote_out(quote))


@router.post("/quotes/{pk}/send", response={200: QuoteOut, **WRITE_ERRORS})
def quote_send(request, pk: QuoteId):
    """Mark a draft quote sent to the buyer (stops its inquiry's full-answer clock)."""
    quote = services.quote_send(actor=request.auth, quote=_quote(request, pk), now=timezone.now())
    return _quote_out(quote)


@router.post("/quotes/{pk}/accept", response={201: OrderOut, **WRITE_ERRORS})
def quote_accept(request, pk: QuoteId):
    """The buyer accepted a sent quote: the order it becomes."""
    order = services.quote_accept(actor=request.auth, quote=_quote(request, pk), now=timezone.now())
    return Status(201, _order_out(order))


@router.post("/quotes/{pk}/decline", response={200: QuoteOut, **WRITE_ERRORS})
def quote_decline(request, pk: QuoteId, payload: OrderNotesIn):
    """The buyer declined a sent quote; the notes say why. 422 when the quote is not sent."""
    quote = services.quote_decline(
        actor=request.auth, quote=_quote(request, pk), notes=payload.notes, now=timezone.now()
    )
    return _quote_out(quote)


@router.get("/orders", response={200: list[OrderSummaryOut], **READ_ERRORS})
def order_list(request, filters: Query[OrderFilters]):
    """The orders you may see, newest first."""
    orders = selectors.visible_orders(request.auth).select_related("owner")
    if filters.state:
        orders = orders.filter(state=filters.state)
    if filters.company_id:
        orders = orders.filter(company_id=filters.company_id)
    if filters.owner_id:
        orders = orders.filter(owner_id=filters.owner_id)
    if filters.overdue:
        orders = orders.filter(selectors.overdue_q(timezone.now()))
    orders = orders.order_by("-order_date", "-id")[filters.offset : filters.offset + filters.limit]
    return [_summary(o) for o in orders]


@router.get("/orders/{pk}", response={200: OrderOut, **READ_ERRORS})
def order_detail(request, pk: OrderId):
    """One order: lines with what is shipped and what remains, terms, the schedule of amounts due, totals, paid and open balance, the rate rule, steps."""
    return _order_out(_order(request, pk))


@router.post("/orders", response={201: OrderOut, **WRITE_ERRORS})
def order_create(request, payload: OrderIn):
    """An order created directly (not from a quote)."""
    company = _company(request, payload.company_id)
    order = services.order_create(
        actor=request.auth, company=company, currency=payload.currency.upper(),
        incoterm=payload.incoterm, named_place=payload.named_place,
        lines=_line_in(payload.lines), order_date=payload.order_date, terms=payload.terms,
        payment_methods=_methods(payload.payment_method_ids), rate_rule=payload.rate_rule,
        locked_rate=payload.locked_rate, locked_until=payload.locked_until,
        notes=payload.notes, now=timezone.now(),
    )  # fmt: skip
    return Status(201, _order_out(order))


@router.post("/orders/{pk}/terms", response={200: OrderOut, **WRITE_ERRORS})
def order_terms(request, pk: OrderId, payload: OrderTermsIn):
    """Change the payment terms (and rate rule); the schedule follows."""
    order = services.order_terms_update(
        actor=request.auth, order=_order(request, pk), terms=payload.terms,
        rate_rule=payload.rate_rule, locked_rate=payload.locked_rate,
        locked_until=payload.locked_until, now=timezone.now(),
    )  # fmt: skip
    return _order_out(order)


@router.post("/orders/{pk}/steps/{step}", response={200: OrderOut, **WRITE_ERRORS})
def order_step(
    request,
    pk: OrderId,
    step: Annotated[
        str, PathParam(description="production, completed or cancelled.", max_length=32)
    ],
    payload: OrderNotesIn,
):
    """production (start production), completed or cancelled."""
    order = services.order_advance(
        actor=request.auth, order=_order(request, pk), step=step[:32], notes=payload.notes,
        now=timezone.now(),
    )  # fmt: skip
    return _order_out(order)


@router.get("/orders/{pk}/schedule", response={200: list[OrderDueOut], **READ_ERRORS})
def order_schedule(request, pk: OrderId):
    """What is due, as the terms give it."""
    return _schedule(_order(request, pk))


@router.get("/orders/{pk}/payments", response={200: list[OrderPaymentOut], **READ_ERRORS})
def order_payments(request, pk: OrderId):
    """The payments received for the order, oldest first, each with who recorded it."""
    return [_payment(p) for p in _order(request, pk).payments.select_related(*PAYMENT_RELATED)]


@router.post("/orders/{pk}/payments", response={201: OrderPaymentOut, **WRITE_ERRORS})
def order_payment_record(request, pk: OrderId, payload: OrderPaymentIn):
    """Finance records money received (allocated to the schedule oldest first), never more than is still owed; optionally as part of money received into our account (banking), never beyond what is left of it."""
    order = _order(request, pk)
    payment = services.payment_record(
        actor=request.auth, order=order, amount=payload.amount,
        currency=payload.currency.upper(), received_on=payload.received_on,
        reference=payload.reference,
        received_payment=_receipt(request, payload.received_payment_id),
        now=timezone.now(),
    )  # fmt: skip
    return Status(201, _payment(payment))


def _receipt(request, pk) -> ReceivedPayment | None:
    """The money received with this id, among those the user may see (404 otherwise)."""
    if pk is None:
        return None
    return or_404(visible_payments(request.auth).get, pk=pk)


def _order_payment(request, pk, payment_pk) -> Payment:
    return or_404(_order(request, pk).payments.get, pk=payment_pk)


@router.post(
    "/orders/{pk}/payments/{payment_pk}/reverse",
    response={200: OrderPaymentOut, **WRITE_ERRORS},
)
def order_payment_reverse(request, pk: OrderId, payment_pk: PaymentId, payload: PaymentReverseIn):
    """Reverse a payment recorded by mistake (never deleted): it keeps who, when and why, and no longer counts; the schedule and the open balance follow. 422 when already reversed."""
    payment = services.payment_reverse(
        actor=request.auth, payment=_order_payment(request, pk, payment_pk),
        reason=payload.reason, now=timezone.now(),
    )  # fmt: skip
    return _payment(payment)


@router.post(
    "/orders/{pk}/payments/{payment_pk}/match",
    response={200: OrderPaymentOut, **WRITE_ERRORS},
)
def order_payment_match(request, pk: OrderId, payment_pk: PaymentId, payload: PaymentMatchIn):
    """Match a payment recorded on the order to the money received (banking) it is part of: the same buyer and currency, never beyond what is left of it."""
    payment = services.payment_match(
        actor=request.auth, payment=_order_payment(request, pk, payment_pk),
        received_payment=or_404(visible_payments(request.auth).get, pk=payload.received_payment_id),
        now=timezone.now(),
    )  # fmt: skip
    return _payment(payment)


@router.get("/orders/{pk}/reconciliation", response={200: ReconciliationOut, **READ_ERRORS})
def order_reconciliation(request, pk: OrderId):
    """What arrived in our accounts against what the order owes, and the buyer's money received not yet all matched (empty for those who may not record payments)."""
    order = _order(request, pk)
    figures = selectors.order_reconciliation(order)
    receipts = selectors.receipts_to_match(order) if can_record_payment(request.auth, order) else []
    return {
        "owed": figures.owed, "recorded": figures.recorded, "matched": figures.matched,
        "unmatched": figures.unmatched, "open_balance": figures.open_balance,
        "receipts_to_match": [
            {"id": r.pk, "amount": r.amount, "currency": r.currency,
             "received_on": r.received_on, "reference": r.reference, "matched": r.matched,
             "left": r.left}
            for r in receipts
        ],
    }  # fmt: skip


@router.put("/orders/{pk}/lines", response={200: OrderOut, **WRITE_ERRORS})
def order_lines_update(request, pk: OrderId, payload: OrderLinesIn):
    """Change the lines while the order is not yet shipped: every line it keeps, in order (by id), new ones without an id; a line left out is removed. Never below what is shipped; the total, the schedule and the open balance follow."""
    lines = [
        services.LineIn(description=line.description, quantity=line.quantity,
                        unit_price=line.unit_price, unit=line.unit, product_id=line.product_id,
                        line_id=line.id)
        for line in payload.lines
    ]  # fmt: skip
    order = services.order_lines_update(
        actor=request.auth, order=_order(request, pk), lines=lines, now=timezone.now()
    )
    return _order_out(order)


@router.get("/orders/{pk}/costs", response={200: list[CostOut], **READ_ERRORS})
def order_costs(request, pk: OrderId):
    """The order's cost lines, oldest first."""
    return [_cost(c) for c in _order(request, pk).costs.all()]


@router.post("/orders/{pk}/costs", response={201: CostOut, **WRITE_ERRORS})
def order_cost_add(request, pk: OrderId, payload: CostIn):
    """Add a cost (goods, freight, insurance, fees) in any currency."""
    cost = services.cost_add(
        actor=request.auth, order=_order(request, pk), label=payload.label,
        amount=payload.amount, currency=payload.currency.upper(),
        incurred_on=payload.incurred_on, now=timezone.now(),
    )  # fmt: skip
    return Status(201, _cost(cost))


def _order_cost(request, pk, cost_pk) -> CostLine:
    return or_404(_order(request, pk).costs.get, pk=cost_pk)


@router.put("/orders/{pk}/costs/{cost_pk}", response={200: CostOut, **WRITE_ERRORS})
def order_cost_update(request, pk: OrderId, cost_pk: CostId, payload: CostIn):
    """Correct a cost line (audited with its before and after)."""
    cost = services.cost_update(
        actor=request.auth, cost=_order_cost(request, pk, cost_pk), label=payload.label,
        amount=payload.amount, currency=payload.currency.upper(),
        incurred_on=payload.incurred_on, now=timezone.now(),
    )  # fmt: skip
    return _cost(cost)


@router.delete("/orders/{pk}/costs/{cost_pk}", response={204: None, **WRITE_ERRORS})
def order_cost_remove(request, pk: OrderId, cost_pk: CostId):
    """Remove a cost line entered by mistake (the audit trail keeps what it was)."""
    services.cost_remove(
        actor=request.auth, cost=_order_cost(request, pk, cost_pk), now=timezone.now()
    )
    return Status(204, None)


@router.get("/customers/{pk}/open-balance", response={200: OpenBalanceOut, **READ_ERRORS})
def open_balance(request, pk: CompanyId, filters: Query[OrdersListFilters]):
    """A buyer's open balance per currency and their orders with an open amount."""
    company = _company(request, pk)
    orders = selectors.buyer_open_orders(company).select_related("owner")
    orders = orders[filters.offset : filters.offset + filters.limit]
    return {
        "company_id": company.pk,
        "balances": [b.__dict__ for b in selectors.buyer_balances(company)],
        "orders": [_summary(o) for o in orders],
    }
