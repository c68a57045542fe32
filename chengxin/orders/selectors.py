"""Reading quotes and orders: what a user may see, a buyer's open balance, an order's
profit in the base currency, and the data a proforma invoice renders."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, DecimalField, F, Min, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from chengxin.banking.models import ReceivedPayment
from chengxin.fx.selectors import RateQuote, convert, rates_on
from chengxin.orders.models import (
    OPEN_ORDER_STATES,
    Order,
    OrderState,
    Quote,
    RateRule,
)
from chengxin.orders.terms import PaymentTerms, TermsError
from chengxin.orders.texts import terms_text
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q

ZERO = Decimal("0")


def _visible_company_ids(user):
    if not (user.is_authenticated and user.is_active):
        return None
    if user.sees_all_customers:
        return ...
    return Subquery(Company.objects.filter(visible_companies_q(user)).values("pk"))


def visible_orders(user) -> QuerySet[Order]:
    """The orders of the customers ``user`` may see (no duplicates, no joins added)."""
    ids = _visible_company_ids(user)
    if ids is None:
        return Order.objects.none()
    if ids is ...:
        return Order.objects.all()
    return Order.objects.filter(company_id__in=ids)


def visible_orders_newest_first(user) -> QuerySet[Order]:
    """:func:`visible_orders` newest first, for a page of a list: a sales rep's customers
    are tested per row while the date index is read backwards (``company_id + 0`` keeps
    the database from reading all the rep's orders by customer and sorting them), so
    the first page costs the same with 100 orders or 100,000."""
    ids = _visible_company_ids(user)
    if ids is None or ids is ...:
        return visible_orders(user).order_by("-order_date", "-id")
    return (
        Order.objects.alias(visible_company=F("company_id") + 0)
        .filter(visible_company__in=ids)
        .order_by("-order_date", "-id")
    )


def visible_quotes(user) -> QuerySet[Quote]:
    ids = _visible_company_ids(user)
    if ids is None:
        return Quote.objects.none()
    if ids is ...:
        return Quote.objects.all()
    return Quote.objects.filter(company_id__in=ids)


def open_orders(company) -> QuerySet[Order]:
    """``company``'s orders still running (confirmed to shipped), oldest first."""
    return Order.objects.filter(company=company, state__in=OPEN_ORDER_STATES).order_by(
        "order_date", "id"
    )


def overdue_q(now: datetime.datetime) -> Q:
    """Orders with an amount whose due day has passed and that is not paid."""
    today = datetime.datetime.combine(timezone.localdate(now), datetime.time(), tzinfo=datetime.UTC)
    return Q(next_due_at__lt=today, open_balance__gt=0)


@dataclass(frozen=True)
class BuyerBalance:
    currency: str
    open_balance: Decimal
    orders: int
    next_due_at: datetime.datetime | None


def buyer_balances(company) -> list[BuyerBalance]:
    """``company``'s open balance per currency, the number of orders and the next due."""
    rows = (
        Order.objects.filter(company=company, open_balance__gt=0)
        .exclude(state=OrderState.CANCELLED)
        .values("currency")
        .annotate(total=Sum("open_balance"), n=Count("id"), due=Min("next_due_at"))
        .order_by("currency")
    )
    return [BuyerBalance(r["currency"], r["total"], r["n"], r["due"]) for r in rows]


def buyer_open_orders(company) -> QuerySet[Order]:
    """``company``'s orders with an open amount, the next due first."""
    return (
        Order.objects.filter(company=company, open_balance__gt=0)
        .exclude(state=OrderState.CANCELLED)
        .order_by("next_due_at", "id")
    )


def shipped_and_remaining(order: Order) -> list[dict]:
    return [
        {
            "line": line,
            "shipped": line.shipped_quantity,
            "remaining": line.quantity - line.shipped_quantity,
        }
        for line in order.lines.select_related("product")
    ]


# --- money in the base currency ----------------------------------------------------


def base_currency() -> str:
    return settings.CHENGXIN_BASE_CURRENCY


@dataclass
class Converted:
    amount: Decimal
    currency: str
    base_amount: Decimal | None
    rate: Decimal | None
    rate_date: datetime.date | None
    source: str = ""
    stale: bool = False
    problem: str = ""


def to_base(amount: Decimal, currency: str, *, on: datetime.date) -> Converted:
    """``amount`` in the base currency at the rate on ``on`` (fx's ``convert``); the
    reason when there is no rate."""
    base = base_currency()
    if currency == base:
        return Converted(amount, currency, amount, Decimal(1), on, "same currency")
    try:
        result = convert(amount, currency, base, on=on)
    except ValidationError as exc:
        return Converted(amount, currency, None, None, None, problem=" ".join(exc.messages))
    return Converted(
        amount, currency, result.amount, result.rate, result.rate_date, result.source, result.stale
    )


def _at_locked(order: Order, amount: Decimal) -> Converted:
    from chengxin.orders.terms import quantize

    base = quantize(amount * (order.locked_rate or ZERO), base_currency())
    return Converted(
        amount, order.currency, base, order.locked_rate, order.locked_until, "locked rate"
    )


def rates_to_base(currencies, *, on: datetime.date) -> dict[str, RateQuote]:
    """The rate on ``on`` into the base currency of each of ``currencies``, read once for
    a list that shows many amounts; a currency without a rate is missing."""
    return rates_on(currencies, base_currency(), on=on)


@dataclass
class Profit:
    base_currency: str
    revenue: list[Converted] = field(default_factory=list)  # payments and what is open
    costs: list[tuple] = field(default_factory=list)  # (cost line, Converted)
    revenue_base: Decimal | None = None
    costs_base: Decimal | None = None
    profit_base: Decimal | None = None
    problems: list[str] = field(default_factory=list)


def order_revenue_in_base(order: Order, *, today: datetime.date) -> list[Converted]:
    """The order's value in the base currency at its rule's rate:

    * rate on the order date: the whole total at that date's rate;
    * rate on the payment date: each payment at its date's rate, what is still open at
      today's rate (an estimate until paid);
    * locked rate until a date: payments up to that date and what is open while it
      holds at the locked rate; later payments (and the open amount after it) at the
      payment date's (today's) rate.
    """
    if order.rate_rule == RateRule.ORDER_DATE:
        return [to_base(order.total, order.currency, on=order.order_date)]
    parts = []
    paid = ZERO
    for payment in order.payments.counted():
        paid += payment.amount
        if (
            order.rate_rule == RateRule.LOCKED
            and order.locked_rate
            and order.locked_until
            and payment.received_on <= order.locked_until
        ):
            parts.append(_at_locked(order, payment.amount))
        else:
            parts.append(to_base(payment.amount, order.currency, on=payment.received_on))
    open_amount = max(ZERO, order.total - paid)
    if open_amount > ZERO and order.state != OrderState.CANCELLED:
        if (
            order.rate_rule == RateRule.LOCKED
            and order.locked_until
            and today <= order.locked_until
        ):
            parts.append(_at_locked(order, open_amount))
        else:
            parts.append(to_base(open_amount, order.currency, on=today))
    return parts


def order_profit(order: Order, *, today: datetime.date | None = None) -> Profit:
    """Revenue (at the rule's rate), costs (each at its date's rate) and profit, in the
    base currency; None where a rate is missing, with the reason."""
    today = today or timezone.localdate()
    profit = Profit(base_currency())
    profit.revenue = order_revenue_in_base(order, today=today)
    profit.costs = [
        (cost, to_base(cost.amount, cost.currency, on=cost.incurred_on))
        for cost in order.costs.all()
    ]
    values = [c.base_amount for c in profit.revenue]
    costs = [c.base_amount for _cost, c in profit.costs]
    profit.problems = [c.problem for c in profit.revenue if c.problem] + [
        c.problem for _cost, c in profit.costs if c.problem
    ]
    if all(v is not None for v in values):
        profit.revenue_base = sum((v for v in values if v is not None), ZERO)
    if all(v is not None for v in costs):
        profit.costs_base = sum((v for v in costs if v is not None), ZERO)
    if profit.revenue_base is not None and profit.costs_base is not None:
        profit.profit_base = profit.revenue_base - profit.costs_base
    return profit


# --- reconciliation: what arrived against what is owed -----------------------------


def receipts_to_match(order: Order) -> QuerySet[ReceivedPayment]:
    """Money the order's buyer paid into our accounts in the order's currency that is not
    yet all matched to orders, oldest first; each with ``matched`` and ``left``."""
    matched = Coalesce(
        Sum("order_payments__amount", filter=Q(order_payments__reversed_at__isnull=True)),
        Value(ZERO),
        output_field=DecimalField(max_digits=20, decimal_places=3),
    )
    return (
        ReceivedPayment.objects.filter(company_id=order.company_id, currency=order.currency)
        .select_related("account")
        .annotate(matched=matched)
        .annotate(left=F("amount") - F("matched"))
        .filter(left__gt=0)
        .order_by("received_on", "id")
    )


@dataclass
class Reconciliation:
    owed: Decimal  # the order's total
    recorded: Decimal  # payments recorded on the order (not reversed)
    matched: Decimal  # of which matched to money that arrived in our account
    unmatched: Decimal  # recorded, not yet matched to money received
    open_balance: Decimal
    receipts: list[tuple] = field(default_factory=list)  # (ReceivedPayment, on this order)


def order_reconciliation(order: Order) -> Reconciliation:
    """What arrived in our accounts for ``order`` against what it owes."""
    payments = list(order.payments.counted().select_related("received_payment__account"))
    recorded = sum((p.amount for p in payments), ZERO)
    by_receipt: dict[int, list] = {}
    for payment in payments:
        if payment.received_payment_id is not None:
            entry = by_receipt.setdefault(
                payment.received_payment_id, [payment.received_payment, ZERO]
            )
            entry[1] += payment.amount
    matched = sum((amount for _receipt, amount in by_receipt.values()), ZERO)
    return Reconciliation(
        owed=order.total,
        recorded=recorded,
        matched=matched,
        unmatched=recorded - matched,
        open_balance=order.total - recorded,
        receipts=[(receipt, amount) for receipt, amount in by_receipt.values()],
    )


# --- the proforma ------------------------------------------------------------------


def _terms_text(order: Order) -> list[str]:
    try:
        return terms_text(PaymentTerms.from_dict(order.terms))
    except TermsError:
        return []


def receiving_account(order: Order, account=None):
    """The account a buyer pays this order into: ``account`` if it is ours, active and
    receiving in the order's currency, else the active receiving account for the
    currency; never an unapproved or retired one. None when there is none."""
    from chengxin.banking.selectors import our_receiving_accounts, receiving_account_for

    if account is not None:
        return our_receiving_accounts().filter(pk=account.pk, currency=order.currency).first()
    return receiving_account_for(order.currency)


def proforma_data(order: Order, *, account=None) -> dict:
    """What issue 13's proforma invoice renders: seller, buyer, lines, totals, currency,
    Incoterm and named place, terms and the schedule with dates and amounts, the rate
    rule and the receiving account."""
    company = order.company
    bank = receiving_account(order, account)
    lines = [
        {
            "position": line.position,
            "sku": line.product.sku if line.product else "",
            "hs_code": line.product.hs_code if line.product else "",
            "description": line.description,
            "quantity": line.quantity,
            "unit": line.unit,
            "unit_price": line.unit_price,
            "amount": line.amount,
            "shipped": line.shipped_quantity,
            "remaining": line.quantity - line.shipped_quantity,
        }
        for line in order.lines.select_related("product")
    ]
    schedule = [
        {
            "description": row.label,
            "kind": row.kind,
            "trigger": row.trigger,
            "amount": row.amount,
            "paid": row.paid,
            "open": row.amount - row.paid,
            "due_at": row.due_at,
        }
        for row in order.schedule.all()
    ]
    return {
        "number": order.number,
        "order_date": order.order_date,
        "seller": {
            "country": settings.CHENGXIN_COMPANY_COUNTRY,
            "name": getattr(settings, "CHENGXIN_COMPANY_NAME", ""),
        },
        "buyer": {
            "id": company.pk,
            "name": str(company),
            "country": getattr(company, "country", ""),
        },
        "currency": order.currency,
        "incoterm": order.incoterm,
        "named_place": order.named_place,
        "incoterm_text": order.incoterm_display,
        "lines": lines,
        "total": order.total,
        "paid": order.paid,
        "open_balance": order.open_balance,
        "terms": _terms_text(order),
        "schedule": schedule,
        "rate_rule": order.rate_rule,
        "locked_rate": order.locked_rate,
        "locked_until": order.locked_until,
        "account": (
            {
                "id": bank.pk,
                "bank_name": getattr(bank, "bank_name", ""),
                "currency": bank.currency,
                "bic": getattr(bank, "bic", ""),
                "holder": getattr(bank, "holder_name", ""),
                "object": bank,
            }
            if bank is not None
            else None
        ),
    }
