"""Quotes and orders: every change goes through here (permissions and invariants
enforced inside, validate then write in one transaction, every change audited).

The schedule of amounts due is computed from the order's terms (chengxin.orders.terms)
by :func:`schedule_recompute`, whenever the terms, the total, a shipment's dates or a
payment change; when a due date moves, the order's owner is told.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_created, audit_record, audit_record_many, snapshot
from chengxin.banking.models import ReceivedPayment
from chengxin.core.bank_numbers import validate_currency
from chengxin.core.deferred_text import deferred, rendered_by
from chengxin.core.lengths import checked_text
from chengxin.core.money import format_money
from chengxin.inquiries.models import Inquiry, Via
from chengxin.inquiries.services import inquiry_full_answer_record
from chengxin.orders import permissions as perms
from chengxin.orders import terms as T
from chengxin.orders.models import (
    OPEN_ORDER_STATES,
    CostLine,
    Incoterm,
    NumberSeries,
    Order,
    OrderLine,
    OrderShipment,
    OrderShipmentLine,
    OrderState,
    OrderStepKind,
    Payment,
    PaymentMethod,
    PaymentMethodKind,
    Quote,
    QuoteLine,
    QuoteState,
    QuoteStepKind,
    RateRule,
    ScheduleLine,
)
from chengxin.parties.models import Contact, ContactStatus
from chengxin.workflow.notify import notify
from chengxin.workflow.services import advance, locked, require_state

ZERO = Decimal("0")
MAX_AMOUNT = Decimal("1e15")
MAX_LINES = 500


# --- input -------------------------------------------------------------------------


@dataclass(frozen=True)
class LineIn:
    """One line as a page or the API gives it."""

    description: str
    quantity: Decimal
    unit_price: Decimal
    unit: str = "pcs"
    product_id: int | None = None
    # Editing an order's lines: the existing line this row changes (None: a new line).
    line_id: int | None = None


def _currency(code: str, field: str = "currency") -> str:
    try:
        return validate_currency(str(code or ""))
    except (ValueError, ValidationError):
        raise ValidationError(
            {field: _("%(code)s is not an ISO 4217 currency code.") % {"code": str(code)[:10]}}
        ) from None


def _decimal(value, field: str, *, minimum=ZERO, allow_zero=False, places=6) -> Decimal:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({field: _("Enter a number.")}) from None
    if not number.is_finite() or abs(number) >= MAX_AMOUNT:
        raise ValidationError({field: _("Enter a number below 10^15.")})
    if number < minimum or (number == minimum and not allow_zero):
        raise ValidationError({field: _("Enter a number above %(min)s.") % {"min": minimum}})
    if number != number.quantize(Decimal(1).scaleb(-places), rounding="ROUND_DOWN"):
        raise ValidationError({field: _("At most %(places)s decimal places.") % {"places": places}})
    return number


def _clean_lines(lines: Sequence[LineIn], currency: str) -> list[dict]:
    from chengxin.catalog.models import Product

    if not lines:
        raise ValidationError({"lines": _("Add at least one line.")})
    if len(lines) > MAX_LINES:
        raise ValidationError({"lines": _("At most %(n)s lines.") % {"n": MAX_LINES}})
    product_ids = {line.product_id for line in lines if line.product_id}
    products = Product.objects.in_bulk(product_ids)
    out = []
    for number, line in enumerate(lines, start=1):
        prefix = _("Line %(n)s") % {"n": number}
        try:
            description = checked_text(line.description, field="lines", limit=500)
            quantity = _decimal(line.quantity, "lines", places=3)
            unit_price = _decimal(line.unit_price, "lines", allow_zero=True, places=6)
            unit = checked_text(line.unit, field="lines", limit=16) or "pcs"
        except ValidationError as exc:
            raise ValidationError({"lines": [f"{prefix}: {m}" for m in exc.messages]}) from None
        product = None
        if line.product_id:
            product = products.get(line.product_id)
            if product is None:
                raise ValidationError({"lines": f"{prefix}: " + _("no such product.")})
            description = description or product.name
            unit = line.unit or product.unit
        if not description:
            raise ValidationError({"lines": f"{prefix}: " + _("a description is required.")})
        amount = T.quantize(quantity * unit_price, currency)
        if amount >= MAX_AMOUNT:
            raise ValidationError({"lines": f"{prefix}: " + _("the amount is too large.")})
        out.append(
            {
                "position": number,
                "product": product,
                "description": description,
                "quantity": quantity,
                "unit": unit,
                "unit_price": unit_price,
                "amount": amount,
            }
        )
    return out


def _incoterm(code: str, place: str) -> tuple[str, str]:
    code = str(code or "").strip().upper()
    if code not in Incoterm.values:
        raise ValidationError(
            {
                "incoterm": _("Choose one of the Incoterms 2020: %(codes)s.")
                % {"codes": " ".join(Incoterm.values)}
            }
        )
    place = checked_text(place, field="named_place", limit=200)
    if not place:
        raise ValidationError(
            {"named_place": _("Name the place for %(code)s (a port or address).") % {"code": code}}
        )
    return code, place


def parse_terms(data) -> T.PaymentTerms:
    """Terms from their dict form; a ValidationError on ``terms`` with the reason."""
    try:
        terms = T.PaymentTerms.from_dict(data) if not isinstance(data, T.PaymentTerms) else data
        terms.validate()
    except T.TermsError as exc:
        raise ValidationError({"terms": exc.render(gettext)}) from None
    return terms


def default_terms_for(company) -> T.PaymentTerms:
    """The terms a buyer gets unless someone decides otherwise: a new buyer the larger
    deposit and the balance before shipment, a long-standing one (this many orders
    completed) the smaller deposit and the balance 48 hours after the B/L."""
    completed = Order.objects.filter(company=company, state=OrderState.COMPLETED).count()
    return T.default_terms(
        regular=completed >= settings.CHENGXIN_REGULAR_BUYER_ORDERS,
        new_percent=settings.CHENGXIN_NEW_BUYER_DEPOSIT_PERCENT,
        regular_percent=settings.CHENGXIN_REGULAR_BUYER_DEPOSIT_PERCENT,
    )


# --- numbers -----------------------------------------------------------------------


def _next_number(prefix: str, year: int) -> str:
    """The next number of ``prefix`` in ``year`` ("SO2026-00001"), never reused."""
    series, _created = NumberSeries.objects.select_for_update().get_or_create(
        prefix=prefix, year=year
    )
    NumberSeries.objects.filter(pk=series.pk).update(last=F("last") + 1)
    series.refresh_from_db(fields=["last"])
    return f"{prefix}{year}-{series.last:05d}"


# --- the schedule ------------------------------------------------------------------


def _order_events(order: Order) -> T.Events:
    order_at = datetime.datetime.combine(order.order_date, datetime.time(), tzinfo=datetime.UTC)
    shipments = []
    if order.total > ZERO:
        values = OrderShipment.objects.filter(order=order).order_by("created_at", "id")
        for shipment in values:
            shipments.append(
                T.ShipmentEvent(
                    share=shipment.value / order.total,
                    reference=shipment.reference,
                    shipped_at=shipment.shipped_at,
                    bl_issued_at=shipment.bl_issued_at,
                    bl_copy_sent_at=shipment.bl_copy_sent_at,
                    delivered_at=shipment.delivered_at,
                )
            )
    return T.Events(order_at=order_at, shipments=tuple(shipments))


class DueMove(NamedTuple):
    """One due date that moved, with the schedule line's kind, trigger and values, so its
    name is written in each reader's language (:func:`chengxin.orders.texts.due_sentence`)."""

    description: str
    old: datetime.datetime | None
    new: datetime.datetime | None
    kind: str = ""
    trigger: str = ""
    args: dict | None = None
    shipment: str = ""


def schedule_recompute(*, order: Order, actor=None, now: datetime.datetime) -> list[DueMove]:
    """Compute ``order``'s schedule again from its terms, total and events, allocate its
    payments (those not reversed) to the lines oldest first, and keep its totals (paid,
    open balance, next due) up to date. The owner is told of every due date that moved.
    Returns the moves as (description, old due, new due). In the caller's transaction."""
    terms = parse_terms(order.terms)
    due_lines = T.schedule(terms, order.total, order.currency, _order_events(order))
    old = list(order.schedule.all())
    old_by_key = {(row.kind, row.trigger, row.description): row for row in old}
    shipments = {s.reference: s.pk for s in order.shipments.all()}
    # Payments, oldest first, to the lines in the order they fall due (dated lines by
    # date, then the undated in schedule order).
    paid_total = order.payments.counted().aggregate(s=Sum("amount"))["s"] or ZERO
    order_of_payment = sorted(
        range(len(due_lines)),
        key=lambda i: (due_lines[i].due_at is None, due_lines[i].due_at or now, i),
    )
    paid_for = [ZERO] * len(due_lines)
    left = paid_total
    for i in order_of_payment:
        take = min(left, due_lines[i].amount)
        paid_for[i] = take
        left -= take
    if left > ZERO and due_lines:
        paid_for[order_of_payment[-1]] += left  # overpaid: shown on the last line
    moves = []
    rows = []
    for position, (line, paid) in enumerate(zip(due_lines, paid_for, strict=True), start=1):
        previous = old_by_key.get((line.kind, line.trigger, line.description))
        if (
            previous is not None
            and previous.due_at != line.due_at
            and (previous.due_at is not None or line.due_at is not None)
        ):
            moves.append(
                DueMove(
                    line.description, previous.due_at, line.due_at, kind=line.kind,
                    trigger=line.trigger, args=dict(line.args), shipment=line.shipment or "",
                )
            )  # fmt: skip
        rows.append(
            ScheduleLine(
                order=order,
                position=position,
                kind=line.kind,
                trigger=line.trigger,
                description=line.description[:300],
                amount=line.amount,
                due_at=line.due_at,
                shipment_id=shipments.get(line.shipment),
                paid=paid,
                args={**line.args, "shipment": line.shipment} if line.shipment else line.args,
            )
        )
    order.schedule.all().delete()
    ScheduleLine.objects.bulk_create(rows)
    open_rows = [row for row in rows if row.paid < row.amount and row.due_at is not None]
    order.paid = paid_total
    order.open_balance = order.total - paid_total
    order.next_due_at = min((row.due_at for row in open_rows if row.due_at), default=None)
    if order.state == OrderState.CANCELLED:
        order.open_balance = ZERO
        order.next_due_at = None
    order.save(update_fields=["paid", "open_balance", "next_due_at"])
    if moves:
        _tell_owner_of_moves(order, moves, actor=actor, now=now)
    return moves


def _tell_owner_of_moves(order: Order, moves: list[DueMove], *, actor, now) -> None:
    not_known = gettext_lazy("not yet known")
    lines = [
        deferred(
            gettext_lazy("%(what)s: was %(old)s, now %(new)s"),
            what=rendered_by(
                "orders.due", kind=move.kind, trigger=move.trigger, args=move.args or {},
                shipment=move.shipment,
            ),
            old=move.old or not_known,
            new=move.new or not_known,
        )
        for move in moves
    ]  # fmt: skip
    notify(
        users=[order.owner],
        kind="orders.due_moved",
        title=deferred(gettext_lazy("Order %(number)s: a due date moved"), number=order.number),
        body=lines,
        link=reverse("orders:order_detail", args=[order.pk]),
    )
    advance(
        order,
        actor=actor,
        before=None,
        now=now,
        step=OrderStepKind.DUE_MOVED,
        details={
            "moves": [
                {"what": move.description,
                 "old": move.old.isoformat() if move.old else None,
                 "new": move.new.isoformat() if move.new else None,
                 "kind": move.kind, "trigger": move.trigger, "args": move.args or {},
                 "shipment": move.shipment}
                for move in moves
            ]
        },
    )  # fmt: skip


# --- orders ------------------------------------------------------------------------


def _write_lines(model, parent_field: str, parent, cleaned: list[dict]) -> list:
    rows = [model(**{parent_field: parent}, **line) for line in cleaned]
    model.objects.bulk_create(rows)
    return rows


def _refresh_order_shipped(order: Order) -> None:
    shipped = (
        OrderShipmentLine.objects.filter(order_line__order=order)
        .values("order_line")
        .annotate(q=Sum("quantity"))
    )
    by_line = {row["order_line"]: row["q"] for row in shipped}
    for line in order.lines.all():
        value = by_line.get(line.pk, ZERO)
        if line.shipped_quantity != value:
            OrderLine.objects.filter(pk=line.pk).update(shipped_quantity=value)


def order_create(
    *,
    actor,
    company,
    currency: str,
    incoterm: str,
    named_place: str,
    lines: Sequence[LineIn],
    order_date: datetime.date | None = None,
    terms=None,
    payment_methods: Iterable[PaymentMethod] = (),
    rate_rule: str = RateRule.ORDER_DATE,
    locked_rate=None,
    locked_until: datetime.date | None = None,
    notes: str = "",
    quote: Quote | None = None,
    now: datetime.datetime,
) -> Order:
    """A new order for ``company`` (directly, or from ``quote`` by :func:`quote_accept`).
    ``terms``: a :class:`~chengxin.orders.terms.PaymentTerms` or its dict; by default
    the buyer's (:func:`default_terms_for`)."""
    perms.require_create_for(actor, company)
    currency = _currency(currency)
    incoterm, named_place = _incoterm(incoterm, named_place)
    cleaned = _clean_lines(lines, currency)
    payment_terms = parse_terms(terms) if terms else default_terms_for(company)
    rule = _rate_rule(rate_rule, locked_rate, locked_until)
    notes = checked_text(notes, field="notes", limit=5000)
    order_date = order_date or timezone.localdate(now)
    with transaction.atomic():
        order = Order.objects.create(
            number=_next_number("SO", order_date.year),
            company=company,
            owner=company.owner or (actor if actor.role == "sales" else None),
            quote=quote,
            currency=currency,
            incoterm=incoterm,
            named_place=named_place,
            terms=payment_terms.to_dict(),
            notes=notes,
            total=sum((line["amount"] for line in cleaned), ZERO),
            order_date=order_date,
            created_by=actor,
            created_at=now,
            state_changed_at=now,
            line_count=len(cleaned),
            **rule,
        )
        order.payment_methods.set(list(payment_methods))
        rows = _write_lines(OrderLine, "order", order, cleaned)
        audit_created(actor=actor, instance=order)
        audit_record_many(
            actor=actor,
            changes=[
                Change(Action.CREATE, row, None, snapshot(row), company.pk, order.number)
                for row in rows
            ],
        )
        advance(
            order,
            actor=actor,
            before=None,
            now=now,
            step=OrderStepKind.FROM_QUOTE if quote else OrderStepKind.CREATED,
            details={"quote": quote.number} if quote else {},
        )
        schedule_recompute(order=order, actor=actor, now=now)
    return order


def _rate_rule(rule: str, locked_rate, locked_until) -> dict:
    if rule not in RateRule.values:
        raise ValidationError({"rate_rule": _("Choose a rate rule.")})
    if rule != RateRule.LOCKED:
        return {"rate_rule": rule, "locked_rate": None, "locked_until": None}
    if locked_rate in (None, "") or locked_until is None:
        raise ValidationError(
            {"locked_rate": _("A locked rate needs the rate and the date it is locked until.")}
        )
    rate = _decimal(locked_rate, "locked_rate", places=8)
    return {"rate_rule": rule, "locked_rate": rate, "locked_until": locked_until}


def order_shipment_record(
    *,
    actor,
    order: Order,
    reference: str,
    lines: dict[int, Decimal],
    shipped_at=None,
    bl_number: str = "",
    bl_issued_at=None,
    bl_copy_sent_at=None,
    etd=None,
    eta=None,
    delivered_at=None,
    now: datetime.datetime,
) -> OrderShipment:
    """Record (create or update, by ``reference``) the commercial side of one shipment
    of ``order``: the quantities per order line (``{order_line_id: quantity}``, never
    more than what remains) and the dates the payment terms hang on. The schedule is
    computed again; the owner is told when a due date moved. ``actor`` None: the system
    (a tracking poll), which may record for any order."""
    reference = checked_text(reference, field="reference", limit=64, required=True)
    bl_number = checked_text(bl_number, field="bl_number", limit=64)
    for name, value in (
        ("shipped_at", shipped_at), ("bl_issued_at", bl_issued_at),
        ("bl_copy_sent_at", bl_copy_sent_at), ("delivered_at", delivered_at),
    ):  # fmt: skip
        if value is not None and (
            not isinstance(value, datetime.datetime) or timezone.is_naive(value)
        ):
            raise ValidationError({name: _("A date and time with its time zone is expected.")})
    for name, value in (("etd", etd), ("eta", eta)):
        if value is not None and not isinstance(value, datetime.date):
            raise ValidationError({name: _("A date is expected.")})
    with transaction.atomic():
        order = locked(
            Order.objects.select_related("company", "owner"),
            order.pk,
            allowed=(lambda o: perms.can_view_order(actor, o)) if actor is not None else None,
        )
        if actor is not None:
            perms.require_edit_order(actor, order)
        # A completed order still takes a late date (delivery); a cancelled one nothing.
        require_state(order, *OPEN_ORDER_STATES, OrderState.COMPLETED)
        shipment = OrderShipment.objects.filter(order=order, reference=reference).first()
        order_lines = {line.pk: line for line in order.lines.all()}
        already = {
            row["order_line"]: row["q"]
            for row in OrderShipmentLine.objects.filter(order_line__order=order)
            .exclude(shipment=shipment)
            .values("order_line")
            .annotate(q=Sum("quantity"))
        }
        wanted: dict[int, Decimal] = {}
        for line_id, quantity in (lines or {}).items():
            try:
                line_id = int(line_id)
            except (TypeError, ValueError):
                raise ValidationError(
                    {"lines": _("Unknown order line %(id)s.") % {"id": line_id}}
                ) from None
            line = order_lines.get(line_id)
            if line is None:
                raise ValidationError(
                    {"lines": _("Line %(id)s is not a line of order %(number)s.")
                     % {"id": line_id, "number": order.number}}
                )  # fmt: skip
            quantity = _decimal(quantity, "lines", allow_zero=True, places=3)
            remaining = line.quantity - already.get(line_id, ZERO)
            if quantity > remaining:
                raise ValidationError(
                    {"lines": _("%(line)s: %(q)s is more than the %(rem)s %(unit)s that remain.")
                     % {"line": line.description, "q": quantity, "rem": remaining,
                        "unit": line.unit}}
                )  # fmt: skip
            if quantity > ZERO:
                wanted[line_id] = quantity
        value = sum(
            (T.quantize(q * order_lines[i].unit_price, order.currency) for i, q in wanted.items()),
            ZERO,
        )
        fields = {
            "shipped_at": shipped_at, "bl_number": bl_number, "bl_issued_at": bl_issued_at,
            "bl_copy_sent_at": bl_copy_sent_at, "etd": etd, "eta": eta,
            "delivered_at": delivered_at, "value": min(value, order.total),
        }  # fmt: skip
        if shipment is None:
            shipment = OrderShipment.objects.create(
                order=order, reference=reference, created_at=now, updated_at=now, **fields
            )
            audit_created(actor=actor, instance=shipment, company_id=order.company_id)
        else:
            before = snapshot(shipment)
            for name, val in fields.items():
                setattr(shipment, name, val)
            shipment.updated_at = now
            shipment.save()
            audit_record(
                actor=actor, action=Action.UPDATE, instance=shipment, before=before,
                after=snapshot(shipment), company_id=order.company_id,
            )  # fmt: skip
        old_lines = {row.order_line_id: row for row in shipment.lines.all()}
        if (
            order.state == OrderState.COMPLETED
            and {k: v.quantity for k, v in old_lines.items()} != wanted
        ):
            raise ValidationError(
                _("Order %(number)s is completed: its shipped quantities no longer change.")
                % {"number": order.number},
                code="wrong_step",
            )
        if {k: v.quantity for k, v in old_lines.items()} != wanted:
            shipment.lines.all().delete()
            OrderShipmentLine.objects.bulk_create(
                [OrderShipmentLine(shipment=shipment, order_line_id=i, quantity=q)
                 for i, q in wanted.items()]
            )  # fmt: skip
            _refresh_order_shipped(order)
        _follow_shipping_state(order, actor=actor, now=now, reference=reference)
        schedule_recompute(order=order, actor=actor, now=now)
    return shipment


def _follow_shipping_state(order: Order, *, actor, now, reference: str) -> None:
    """The order's state follows what has left: partly shipped, then shipped."""
    lines = list(order.lines.all())
    shipped_any = any(line.shipped_quantity > ZERO for line in lines)
    shipped_all = bool(lines) and all(line.shipped_quantity >= line.quantity for line in lines)
    state = order.state
    if state == OrderState.COMPLETED:
        target = None
    elif not shipped_any and state in (OrderState.PARTLY_SHIPPED, OrderState.SHIPPED):
        target, step = OrderState.IN_PRODUCTION, OrderStepKind.SHIPMENT
    elif shipped_all and state != OrderState.SHIPPED:
        target, step = OrderState.SHIPPED, OrderStepKind.SHIPPED
    elif shipped_any and not shipped_all and state != OrderState.PARTLY_SHIPPED:
        target, step = OrderState.PARTLY_SHIPPED, OrderStepKind.PARTLY_SHIPPED
    else:
        target = None
    if target is None:
        advance(order, actor=actor, before=None, now=now, step=OrderStepKind.SHIPMENT,
                details={"reference": reference})  # fmt: skip
        return
    before = snapshot(order)
    advance(order, actor=actor, before=before, now=now, state=target, step=step,
            details={"reference": reference})  # fmt: skip


# --- order steps, terms, payments, costs -------------------------------------------


def _locked_order(actor, order: Order) -> Order:
    return locked(
        Order.objects.select_related("company", "owner"),
        order.pk,
        allowed=lambda o: perms.can_view_order(actor, o),
    )


ORDER_MOVES = {
    OrderStepKind.PRODUCTION: ((OrderState.CONFIRMED,), OrderState.IN_PRODUCTION),
    OrderStepKind.COMPLETED: ((OrderState.SHIPPED,), OrderState.COMPLETED),
    OrderStepKind.CANCELLED: (
        (OrderState.CONFIRMED, OrderState.IN_PRODUCTION),
        OrderState.CANCELLED,
    ),
}


def order_advance(*, actor, order: Order, step: str, notes: str = "", now) -> Order:
    """Start production, complete (all shipped) or cancel (nothing shipped yet)."""
    if step not in ORDER_MOVES:
        raise ValidationError({"step": _("Unknown step.")})
    notes = checked_text(notes, field="notes", limit=2000)
    sources, target = ORDER_MOVES[OrderStepKind(step)]
    with transaction.atomic():
        order = _locked_order(actor, order)
        perms.require_edit_order(actor, order)
        require_state(order, *sources)
        before = snapshot(order)
        advance(order, actor=actor, before=before, now=now, state=target, step=step, notes=notes)
        if target == OrderState.CANCELLED:
            schedule_recompute(order=order, actor=actor, now=now)
    return order


def order_terms_update(
    *,
    actor,
    order: Order,
    terms,
    rate_rule: str | None = None,
    locked_rate=None,
    locked_until=None,
    payment_methods: Iterable[PaymentMethod] | None = None,
    now,
) -> Order:
    """Change an open order's payment terms (and its rate rule); the schedule follows."""
    payment_terms = parse_terms(terms)
    rule = _rate_rule(rate_rule, locked_rate, locked_until) if rate_rule else {}
    with transaction.atomic():
        order = _locked_order(actor, order)
        perms.require_edit_order(actor, order)
        require_state(order, *OPEN_ORDER_STATES)
        before = snapshot(order)
        order.terms = payment_terms.to_dict()
        for name, value in rule.items():
            setattr(order, name, value)
        if payment_methods is not None:
            order.payment_methods.set(list(payment_methods))
        advance(
            order, actor=actor, before=before, now=now, fields=["terms", *rule],
            step=OrderStepKind.TERMS_CHANGED, details={"terms": payment_terms.describe()},
        )  # fmt: skip
        schedule_recompute(order=order, actor=actor, now=now)
    return order


def payment_record(
    *,
    actor,
    order: Order,
    amount,
    currency: str,
    received_on: datetime.date | None = None,
    reference: str = "",
    received_payment: ReceivedPayment | None = None,
    now,
) -> Payment:
    """Finance records money received for ``order`` (in the order's currency), never
    more than is still owed; it is allocated to the schedule oldest first.
    ``received_payment``: the money that arrived in our account this is part of (the
    same buyer and currency; one receipt may be split over several orders, never beyond
    its amount); its day is the payment's unless another is given."""
    perms.require_record_payment(actor, order)
    currency = _currency(currency)
    amount = _decimal(amount, "amount", places=T.minor_units(currency))
    reference = checked_text(reference, field="reference", limit=140)
    if received_on is None and received_payment is not None:
        received_on = received_payment.received_on
    if not isinstance(received_on, datetime.date):
        raise ValidationError({"received_on": _("Enter a date.")})
    if received_on > timezone.localdate(now) + datetime.timedelta(days=1):
        raise ValidationError({"received_on": _("A payment cannot be received in the future.")})
    with transaction.atomic():
        order = _locked_order(actor, order)
        if currency != order.currency:
            raise ValidationError(
                {"currency": _("Order %(number)s is in %(currency)s: record the amount received "
                               "in %(currency)s.") % {"number": order.number,
                                                      "currency": order.currency}}
            )  # fmt: skip
        if order.state == OrderState.CANCELLED:
            raise ValidationError(_("The order is cancelled."), code="wrong_step")
        _refuse_beyond_balance(order, amount)
        if received_payment is not None:
            received_payment = _locked_received(order, received_payment, amount)
            reference = reference or received_payment.reference
        payment = Payment.objects.create(
            order=order, amount=amount, currency=currency, received_on=received_on,
            reference=reference, recorded_by=actor, created_at=now,
            received_payment=received_payment,
        )  # fmt: skip
        audit_created(actor=actor, instance=payment, company_id=order.company_id)
        advance(
            order, actor=actor, before=None, now=now, step=OrderStepKind.PAYMENT,
            details={"amount": str(amount), "currency": currency,
                     "received_on": received_on.isoformat(), "reference": reference,
                     "received_payment": received_payment.pk if received_payment else None},
        )  # fmt: skip
        schedule_recompute(order=order, actor=actor, now=now)
    return payment


def cost_add(
    *, actor, order: Order, label: str, amount, currency: str, incurred_on: datetime.date, now
) -> CostLine:
    """A cost of the order (goods, freight, insurance, fees) in any currency."""
    values = _cost_values(label=label, amount=amount, currency=currency, incurred_on=incurred_on)
    with transaction.atomic():
        order = _locked_order(actor, order)
        perms.require_record_cost(actor, order)
        cost = CostLine.objects.create(order=order, created_by=actor, created_at=now, **values)
        audit_created(actor=actor, instance=cost, company_id=order.company_id)
    return cost


# --- correcting an order: its lines, payments and costs ----------------------------

LINES_EDITABLE = (OrderState.CONFIRMED, OrderState.IN_PRODUCTION, OrderState.PARTLY_SHIPPED)


def _plain(number: Decimal) -> str:
    """120.000 as "120", 2.50 as "2.5"."""
    return f"{number.normalize():f}"


def _line_changes(order: Order, lines: Sequence[LineIn]) -> tuple[list, list, list, list[str]]:
    """Which lines change, which are new and which go, checked against what is shipped:
    (changed [(row, values)], new [values], removed [row], problems). In the caller's
    transaction, the order locked."""
    cleaned = _clean_lines(lines, order.currency)
    existing = {line.pk: line for line in order.lines.select_related("product")}
    problems: list[str] = []
    kept: set[int] = set()
    changed: list[tuple[OrderLine, dict]] = []
    new: list[dict] = []
    for number, (given, values) in enumerate(zip(lines, cleaned, strict=True), start=1):
        prefix = _("Line %(n)s") % {"n": number}
        if given.line_id is None:
            new.append(values)
            continue
        try:
            line_id = int(given.line_id)
        except (TypeError, ValueError):
            line_id = -1
        row = existing.get(line_id)
        if row is None:
            problems.append(
                f"{prefix}: "
                + _("it is not a line of order %(number)s.") % {"number": order.number}
            )
            continue
        if line_id in kept:
            problems.append(f"{prefix}: " + _("this line is given twice."))
            continue
        kept.add(line_id)
        if values["quantity"] < row.shipped_quantity:
            problems.append(
                _("%(line)s: %(q)s is below the %(shipped)s %(unit)s already shipped.")
                % {"line": row.description, "q": _plain(values["quantity"]),
                   "shipped": _plain(row.shipped_quantity), "unit": row.unit}
            )  # fmt: skip
            continue
        if any(getattr(row, name) != value for name, value in values.items()):
            changed.append((row, values))
    removed = [row for pk, row in existing.items() if pk not in kept]
    for row in removed:
        if row.shipped_quantity > ZERO:
            problems.append(
                _("%(line)s: %(shipped)s %(unit)s are already shipped, so the line stays.")
                % {"line": row.description, "shipped": _plain(row.shipped_quantity),
                   "unit": row.unit}
            )  # fmt: skip
    return changed, new, removed, problems


def order_lines_update(*, actor, order: Order, lines: Sequence[LineIn], now) -> Order:
    """Change an order's lines while it is not yet shipped: quantities, prices,
    descriptions and products; lines added (``line_id`` None) and removed (left out). A
    line keeps at least what is already shipped, and one with goods shipped stays. The
    total, the value of each shipment, the schedule and the open balance follow; every
    line's before and after is audited. Refused, with nothing written, otherwise."""
    with transaction.atomic():
        order = _locked_order(actor, order)
        perms.require_edit_order(actor, order)
        if order.state not in LINES_EDITABLE:
            raise ValidationError(
                _("Order %(number)s is “%(state)s”: its lines no longer change.")
                % {"number": order.number, "state": order.get_state_display()},
                code="wrong_step",
            )
        changed, new, removed, problems = _line_changes(order, lines)
        if problems:
            raise ValidationError({"lines": problems})
        if not (changed or new or removed):
            return order
        kept = [row for row in order.lines.all() if row not in removed]
        by_pk = {row.pk: values for row, values in changed}
        total = sum((by_pk.get(row.pk, {"amount": row.amount})["amount"] for row in kept), ZERO)
        total += sum((values["amount"] for values in new), ZERO)
        if total >= MAX_AMOUNT:
            raise ValidationError({"lines": _("The total is too large.")})
        paid = order.payments.counted().aggregate(s=Sum("amount"))["s"] or ZERO
        if total < paid:
            raise ValidationError(
                {"lines": _("The new total %(total)s is below the %(paid)s already paid: "
                            "reverse a payment first.")
                 % {"total": format_money(total, order.currency),
                    "paid": format_money(paid, order.currency)}}
            )  # fmt: skip
        audit: list[Change] = []
        for row, values in changed:  # the positions follow the order the lines came in
            before = snapshot(row)
            for name, value in values.items():
                setattr(row, name, value)
            row.save(update_fields=list(values))
            audit.append(
                Change(Action.UPDATE, row, before, snapshot(row), order.company_id, order.number)
            )
        for row in removed:
            audit.append(
                Change(Action.DELETE, row, snapshot(row), None, order.company_id, order.number)
            )
        OrderLine.objects.filter(pk__in=[row.pk for row in removed]).delete()
        rows = _write_lines(OrderLine, "order", order, new)
        audit += [
            Change(Action.CREATE, row, None, snapshot(row), order.company_id, order.number)
            for row in rows
        ]
        audit_record_many(actor=actor, changes=audit)
        _shipments_revalue(order, total=total, actor=actor, now=now)
        before = snapshot(order)
        old_total = order.total
        order.total = total
        order.line_count = order.lines.count()
        lines_now = list(order.lines.all())
        all_shipped = all(row.shipped_quantity >= row.quantity for row in lines_now)
        target = (
            OrderState.SHIPPED if order.state == OrderState.PARTLY_SHIPPED and all_shipped else None
        )
        advance(
            order, actor=actor, before=before, now=now, state=target,
            fields=["total", "line_count"], step=OrderStepKind.LINES_CHANGED,
            details={"total_before": str(old_total), "total_after": str(total),
                     "changed": len(changed), "added": len(new), "removed": len(removed)},
        )  # fmt: skip
        schedule_recompute(order=order, actor=actor, now=now)
    return order


def _shipments_revalue(order: Order, *, total: Decimal, actor, now) -> None:
    """Each shipment's value at the lines' prices now (a price changed on a line partly
    shipped): the balance per shipment follows."""
    prices = {row.pk: row.unit_price for row in order.lines.all()}
    for shipment in order.shipments.prefetch_related("lines"):
        value = sum(
            (T.quantize(part.quantity * prices[part.order_line_id], order.currency)
             for part in shipment.lines.all()),
            ZERO,
        )  # fmt: skip
        value = min(value, total)
        if value != shipment.value:
            before = snapshot(shipment)
            shipment.value = value
            shipment.updated_at = now
            shipment.save(update_fields=["value", "updated_at"])
            audit_record(
                actor=actor, action=Action.UPDATE, instance=shipment, before=before,
                after=snapshot(shipment), company_id=order.company_id,
            )  # fmt: skip


def _locked_payment(actor, payment: Payment) -> tuple[Order, Payment]:
    """The payment's order and the payment, each read again under a lock (the order
    first, as every writer of an order does)."""
    order = _locked_order(actor, payment.order)
    payment = Payment.objects.select_for_update().get(pk=payment.pk, order=order)
    return order, payment


def payment_reverse(*, actor, payment: Payment, reason: str, now) -> Payment:
    """A payment recorded by mistake is reversed, never deleted: it keeps its row with
    who reversed it, when and why, and no longer counts; the schedule's paid amounts and
    the open balance follow. Finance or a manager, as for recording it."""
    perms.require_record_payment(actor)
    reason = checked_text(reason, field="reason", limit=500, required=True)
    with transaction.atomic():
        order, payment = _locked_payment(actor, payment)
        perms.require_record_payment(actor, order)
        if payment.is_reversed:
            raise ValidationError(
                _("This payment was already reversed on %(date)s.")
                % {"date": timezone.localtime(payment.reversed_at).strftime("%Y-%m-%d %H:%M")},
                code="wrong_step",
            )
        before = snapshot(payment)
        payment.reversed_at = now
        payment.reversed_by = actor
        payment.reversal_reason = reason
        payment.save(update_fields=["reversed_at", "reversed_by", "reversal_reason"])
        audit_record(
            actor=actor, action=Action.UPDATE, instance=payment, before=before,
            after=snapshot(payment), company_id=order.company_id, label=order.number,
        )  # fmt: skip
        advance(
            order, actor=actor, before=None, now=now, step=OrderStepKind.PAYMENT_REVERSED,
            notes=reason,
            details={"payment": payment.pk, "amount": str(payment.amount),
                     "currency": payment.currency,
                     "received_on": payment.received_on.isoformat()},
        )  # fmt: skip
        schedule_recompute(order=order, actor=actor, now=now)
    return payment


def _cost_values(*, label, amount, currency, incurred_on) -> dict:
    label = checked_text(label, field="label", limit=200, required=True)
    currency = _currency(currency)
    amount = _decimal(amount, "amount", places=T.minor_units(currency))
    if not isinstance(incurred_on, datetime.date):
        raise ValidationError({"incurred_on": _("Enter a date.")})
    return {"label": label, "amount": amount, "currency": currency, "incurred_on": incurred_on}


def _locked_cost(actor, cost: CostLine) -> tuple[Order, CostLine]:
    order = _locked_order(actor, cost.order)
    perms.require_record_cost(actor, order)
    return order, CostLine.objects.select_for_update().get(pk=cost.pk, order=order)


def cost_update(
    *, actor, cost: CostLine, label: str, amount, currency: str, incurred_on: datetime.date, now
) -> CostLine:
    """Correct a cost line (who may add costs to the order may correct them); audited
    with its before and after."""
    values = _cost_values(label=label, amount=amount, currency=currency, incurred_on=incurred_on)
    with transaction.atomic():
        order, cost = _locked_cost(actor, cost)
        before = snapshot(cost)
        for name, value in values.items():
            setattr(cost, name, value)
        cost.save(update_fields=list(values))
        audit_record(
            actor=actor, action=Action.UPDATE, instance=cost, before=before,
            after=snapshot(cost), company_id=order.company_id, label=order.number,
        )  # fmt: skip
    return cost


def cost_remove(*, actor, cost: CostLine, now) -> None:
    """Remove a cost line entered by mistake; the audit trail keeps what it was."""
    with transaction.atomic():
        order, cost = _locked_cost(actor, cost)
        audit_record(
            actor=actor, action=Action.DELETE, instance=cost, before=snapshot(cost),
            company_id=order.company_id, label=order.number,
        )  # fmt: skip
        cost.delete()


# --- reconciliation: payments on orders and the money that arrived -------------------


def received_allocated(received: ReceivedPayment) -> Decimal:
    """How much of the money received is already matched to orders (payments not
    reversed)."""
    return (
        Payment.objects.counted().filter(received_payment=received).aggregate(s=Sum("amount"))["s"]
        or ZERO
    )


def _locked_received(order: Order, received: ReceivedPayment, amount: Decimal) -> ReceivedPayment:
    """The money received, locked, checked against ``order`` and ``amount``: the same
    buyer, the order's currency, and not more than what is left of it."""
    received = ReceivedPayment.objects.select_for_update().get(pk=received.pk)
    if received.company_id != order.company_id:
        raise ValidationError(
            {"received_payment": _("This money was paid by another customer, not by %(name)s.")
             % {"name": order.company.legal_name}}
        )  # fmt: skip
    if received.currency != order.currency:
        raise ValidationError(
            {"received_payment": _("This money arrived in %(currency)s; order %(number)s is in "
                                   "%(order_currency)s.")
             % {"currency": received.currency, "number": order.number,
                "order_currency": order.currency}}
        )  # fmt: skip
    left = received.amount - received_allocated(received)
    if amount > left:
        raise ValidationError(
            {"amount": _("Only %(left)s of the %(amount)s received on %(date)s is not yet matched "
                         "to an order.")
             % {"left": format_money(left, received.currency),
                "amount": format_money(received.amount, received.currency),
                "date": received.received_on.isoformat()}}
        )  # fmt: skip
    return received


def _refuse_beyond_balance(order: Order, amount: Decimal) -> None:
    owed = order.total - (order.payments.counted().aggregate(s=Sum("amount"))["s"] or ZERO)
    if amount > owed:
        raise ValidationError(
            {"amount": _("%(amount)s is more than the %(owed)s still owed on order %(number)s.")
             % {"amount": format_money(amount, order.currency),
                "owed": format_money(max(owed, ZERO), order.currency), "number": order.number}}
        )  # fmt: skip


def payment_match(*, actor, payment: Payment, received_payment: ReceivedPayment, now) -> Payment:
    """Say which money that arrived in our account (``banking.ReceivedPayment``) a payment
    already recorded on an order is part of: the same buyer and currency, and never
    beyond what is left of it (both rows locked)."""
    perms.require_record_payment(actor)
    with transaction.atomic():
        order, payment = _locked_payment(actor, payment)
        if payment.is_reversed:
            raise ValidationError(_("This payment is reversed."), code="wrong_step")
        if payment.received_payment_id is not None:
            raise ValidationError(
                _("This payment is already matched to money received."), code="wrong_step"
            )
        received = _locked_received(order, received_payment, payment.amount)
        before = snapshot(payment)
        payment.received_payment = received
        payment.save(update_fields=["received_payment"])
        audit_record(
            actor=actor, action=Action.UPDATE, instance=payment, before=before,
            after=snapshot(payment), company_id=order.company_id, label=order.number,
        )  # fmt: skip
        advance(
            order, actor=actor, before=None, now=now, step=OrderStepKind.PAYMENT_MATCHED,
            details={"payment": payment.pk, "received_payment": received.pk,
                     "amount": str(payment.amount)},
        )  # fmt: skip
    return payment


# --- quotes ------------------------------------------------------------------------


def _contact_for(company, contact_id):
    """The contact person of ``company`` with this id (None for none): someone who left
    the company, or a contact of another, is refused."""
    if contact_id in (None, ""):
        return None
    try:
        contact_id = int(contact_id)
    except (TypeError, ValueError):
        raise ValidationError({"contact": _("Choose one of the customer's contacts.")}) from None
    contact = Contact.objects.filter(pk=contact_id, company=company).first()
    if contact is None:
        raise ValidationError(
            {"contact": _("This person is not a contact of %(name)s.")
             % {"name": company.legal_name}}
        )  # fmt: skip
    if contact.status != ContactStatus.ACTIVE:
        raise ValidationError(
            {"contact": _("%(name)s has left %(company)s: choose another contact.")
             % {"name": contact.name, "company": company.legal_name}}
        )  # fmt: skip
    return contact


def _quote_fields(
    *, currency, incoterm, named_place, valid_until, terms, notes, lines, company, contact_id
) -> tuple[dict, list[dict]]:
    currency = _currency(currency)
    incoterm, named_place = _incoterm(incoterm, named_place)
    if not isinstance(valid_until, datetime.date):
        raise ValidationError({"valid_until": _("Enter the date the quote is valid until.")})
    cleaned = _clean_lines(lines, currency)
    payment_terms = parse_terms(terms) if terms else default_terms_for(company)
    fields = {
        "currency": currency, "incoterm": incoterm, "named_place": named_place,
        "valid_until": valid_until, "terms": payment_terms.to_dict(),
        "notes": checked_text(notes, field="notes", limit=5000),
        "total": sum((line["amount"] for line in cleaned), ZERO),
        "contact": _contact_for(company, contact_id),
    }  # fmt: skip
    return fields, cleaned


def quote_create(
    *,
    actor,
    company,
    currency: str,
    incoterm: str,
    named_place: str,
    valid_until: datetime.date,
    lines: Sequence[LineIn],
    terms=None,
    payment_methods: Iterable[PaymentMethod] = (),
    inquiry_id: int | None = None,
    notes: str = "",
    contact_id: int | None = None,
    now,
) -> Quote:
    """A draft quote for ``company``; numbered per year ("Q2026-00001"). ``contact_id``:
    the buyer's person it is addressed to, one of the company's active contacts."""
    perms.require_create_for(actor, company)
    fields, cleaned = _quote_fields(
        currency=currency, incoterm=incoterm, named_place=named_place, valid_until=valid_until,
        terms=terms, notes=notes, lines=lines, company=company, contact_id=contact_id,
    )  # fmt: skip
    if valid_until < timezone.localdate(now):
        raise ValidationError({"valid_until": _("The validity date is in the past.")})
    inquiry = _inquiry_for(company, inquiry_id)
    with transaction.atomic():
        quote = Quote.objects.create(
            number=_next_number("Q", timezone.localdate(now).year),
            company=company,
            owner=company.owner or (actor if actor.role == "sales" else None),
            inquiry=inquiry,
            created_by=actor,
            created_at=now,
            state_changed_at=now,
            **fields,
        )
        quote.payment_methods.set(list(payment_methods))
        rows = _write_lines(QuoteLine, "quote", quote, cleaned)
        audit_created(actor=actor, instance=quote)
        audit_record_many(
            actor=actor,
            changes=[
                Change(Action.CREATE, row, None, snapshot(row), company.pk, quote.number)
                for row in rows
            ],
        )
        advance(quote, actor=actor, before=None, now=now, step=QuoteStepKind.CREATED)
    return quote


def _locked_quote(actor, quote: Quote) -> Quote:
    return locked(
        Quote.objects.select_related("company", "owner"),
        quote.pk,
        allowed=lambda q: perms.can_view_quote(actor, q),
    )


def quote_update(
    *,
    actor,
    quote: Quote,
    currency: str,
    incoterm: str,
    named_place: str,
    valid_until: datetime.date,
    lines: Sequence[LineIn],
    terms=None,
    payment_methods: Iterable[PaymentMethod] = (),
    notes: str = "",
    contact_id: int | None = None,
    now,
) -> Quote:
    """Change a draft quote (a sent one is changed by a new quote)."""
    with transaction.atomic():
        quote = _locked_quote(actor, quote)
        perms.require_edit_quote(actor, quote)
        require_state(quote, QuoteState.DRAFT)
        fields, cleaned = _quote_fields(
            currency=currency, incoterm=incoterm, named_place=named_place,
            valid_until=valid_until, terms=terms, notes=notes, lines=lines,
            company=quote.company, contact_id=contact_id,
        )  # fmt: skip
        before = snapshot(quote)
        for name, value in fields.items():
            setattr(quote, name, value)
        quote.payment_methods.set(list(payment_methods))
        old_lines = list(quote.lines.all())
        quote.lines.all().delete()
        rows = _write_lines(QuoteLine, "quote", quote, cleaned)
        audit_record_many(
            actor=actor,
            changes=[
                Change(Action.DELETE, row, snapshot(row), None, quote.company_id, quote.number)
                for row in old_lines
            ]
            + [
                Change(Action.CREATE, row, None, snapshot(row), quote.company_id, quote.number)
                for row in rows
            ],
        )
        advance(
            quote, actor=actor, before=before, now=now, fields=list(fields),
            step=QuoteStepKind.EDITED,
        )  # fmt: skip
    return quote


def _inquiry_answered(*, actor, quote: Quote, now) -> None:
    """A quote sent for an inquiry stops the inquiry's full-answer clock."""
    if quote.inquiry is not None:
        inquiry_full_answer_record(
            actor=actor, inquiry=quote.inquiry, at=now, via=Via.QUOTE, now=now
        )


def _inquiry_for(company, inquiry_id):
    """The inquiry of ``company`` with this id (None for none); refused otherwise."""
    if inquiry_id in (None, ""):
        return None
    inquiry = Inquiry.objects.filter(pk=inquiry_id, company=company).first()
    if inquiry is None:
        raise ValidationError({"inquiry": _("No inquiry of this customer has this number.")})
    return inquiry


def quote_send(*, actor, quote: Quote, now) -> Quote:
    """Mark a draft quote sent to the buyer (and its inquiry answered)."""
    with transaction.atomic():
        quote = _locked_quote(actor, quote)
        perms.require_edit_quote(actor, quote)
        require_state(quote, QuoteState.DRAFT)
        if quote.valid_until < timezone.localdate(now):
            raise ValidationError(
                {"valid_until": _("The quote's validity date has passed: change it first.")}
            )
        before = snapshot(quote)
        quote.sent_at = now
        advance(
            quote, actor=actor, before=before, now=now, state=QuoteState.SENT,
            fields=["sent_at"], step=QuoteStepKind.SENT,
        )  # fmt: skip
        _inquiry_answered(actor=actor, quote=quote, now=now)
    return quote


def quote_decline(*, actor, quote: Quote, notes: str = "", now) -> Quote:
    notes = checked_text(notes, field="notes", limit=2000)
    with transaction.atomic():
        quote = _locked_quote(actor, quote)
        perms.require_edit_quote(actor, quote)
        require_state(quote, QuoteState.SENT)
        before = snapshot(quote)
        advance(
            quote, actor=actor, before=before, now=now, state=QuoteState.DECLINED,
            step=QuoteStepKind.DECLINED, notes=notes,
        )  # fmt: skip
    return quote


def quote_accept(*, actor, quote: Quote, order_date: datetime.date | None = None, now) -> Order:
    """The buyer accepted a sent quote: it becomes an order in one step, with its lines,
    currency, Incoterm and named place, terms and payment methods."""
    with transaction.atomic():
        quote = _locked_quote(actor, quote)
        perms.require_edit_quote(actor, quote)
        require_state(quote, QuoteState.SENT)
        if quote.valid_until < timezone.localdate(now):
            raise ValidationError(
                _("The quote expired on %(date)s: send a new one.") % {"date": quote.valid_until},
                code="wrong_step",
            )
        lines = [
            LineIn(
                description=line.description, quantity=line.quantity,
                unit_price=line.unit_price, unit=line.unit, product_id=line.product_id,
            )
            for line in quote.lines.all()
        ]  # fmt: skip
        order = order_create(
            actor=actor, company=quote.company, currency=quote.currency,
            incoterm=quote.incoterm, named_place=quote.named_place, lines=lines,
            order_date=order_date, terms=quote.terms or None,
            payment_methods=list(quote.payment_methods.all()), notes=quote.notes,
            quote=quote, now=now,
        )  # fmt: skip
        before = snapshot(quote)
        advance(
            quote, actor=actor, before=before, now=now, state=QuoteState.ACCEPTED,
            step=QuoteStepKind.ACCEPTED, details={"order": order.number},
        )  # fmt: skip
    return order


def quotes_expire(*, now) -> int:
    """Sent quotes past their validity date become expired (a scheduled task)."""
    today = timezone.localdate(now)
    count = 0
    for pk in Quote.objects.filter(state=QuoteState.SENT, valid_until__lt=today).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            quote = locked(Quote.objects.all(), pk)
            if quote.state != QuoteState.SENT:
                continue
            before = snapshot(quote)
            advance(
                quote, actor=None, before=before, now=now, state=QuoteState.EXPIRED,
                step=QuoteStepKind.EXPIRED,
            )  # fmt: skip
            count += 1
    return count


# --- payment methods ---------------------------------------------------------------


def payment_method_save(
    *,
    actor,
    method: PaymentMethod | None = None,
    name: str,
    kind: str,
    typical_days: int,
    fees_text: str = "",
    fee_fixed=ZERO,
    fee_percent=ZERO,
    fee_currency: str = "USD",
    is_active: bool = True,
) -> PaymentMethod:
    """Create (``method`` None) or change a payment method; managers only."""
    perms.require_manage_payment_methods(actor)
    name = checked_text(name, field="name", limit=100, required=True)
    if kind not in PaymentMethodKind.values:
        raise ValidationError({"kind": _("Choose a kind.")})
    try:
        typical_days = int(typical_days)
    except (TypeError, ValueError):
        raise ValidationError({"typical_days": _("Enter a whole number of days.")}) from None
    if not 0 <= typical_days <= 365:
        raise ValidationError({"typical_days": _("From 0 to 365 days.")})
    fee_currency = _currency(fee_currency, "fee_currency")
    values = {
        "name": name, "kind": kind, "typical_days": typical_days,
        "fees_text": checked_text(fees_text, field="fees_text", limit=300),
        "fee_fixed": _decimal(fee_fixed, "fee_fixed", allow_zero=True, places=3),
        "fee_percent": _decimal(fee_percent, "fee_percent", allow_zero=True, places=4),
        "fee_currency": fee_currency, "is_active": bool(is_active),
    }  # fmt: skip
    if Decimal(str(values["fee_percent"])) > 100:
        raise ValidationError({"fee_percent": _("At most 100 %.")})
    duplicate = PaymentMethod.objects.filter(name__iexact=name)
    if method is not None:
        duplicate = duplicate.exclude(pk=method.pk)
    if duplicate.exists():
        raise ValidationError({"name": _("A payment method of this name exists.")})
    with transaction.atomic():
        if method is None:
            method = PaymentMethod.objects.create(**values)
            audit_created(actor=actor, instance=method)
        else:
            before = snapshot(method)
            for key, value in values.items():
                setattr(method, key, value)
            method.save()
            audit_record(
                actor=actor, action=Action.UPDATE, instance=method, before=before,
                after=snapshot(method),
            )  # fmt: skip
    return method
