"""Quotes and orders on other pages: a customer's section (included by the customer's
page) and an amount in the base currency beside its own."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html

from chengxin.core.money import format_money
from chengxin.fx.selectors import conversion_of
from chengxin.orders import selectors
from chengxin.orders.permissions import can_create_for
from chengxin.orders.texts import due_sentence

register = template.Library()

SECTION_SIZE = 10


@register.simple_tag
def in_base(amount, currency: str, on: datetime.date | None = None) -> str:
    """``amount`` in the base currency at the rate on ``on`` (today by default):
    "≈ CNY 7,100.00" (with the rate's date), or why it cannot be shown."""
    if amount is None or not currency:
        return ""
    converted = selectors.to_base(amount, currency, on=on or timezone.localdate())
    if currency == selectors.base_currency():
        return ""
    if converted.base_amount is None:
        return f"({converted.problem})"
    stale = " !" if converted.stale else ""
    return f"≈ {format_money(converted.base_amount, selectors.base_currency())}{stale}"


@register.inclusion_tag("orders/company_section.html", takes_context=True)
def company_orders_section(context, company):
    """The page has checked the user can see ``company``."""
    user = context["request"].user
    quotes = selectors.visible_quotes(user).filter(company=company).order_by("-created_at", "-id")
    orders = selectors.visible_orders(user).filter(company=company).order_by("-order_date", "-id")
    return {
        "company": company,
        "quotes": list(quotes[:SECTION_SIZE]),
        "orders": list(orders[:SECTION_SIZE]),
        "balances": selectors.buyer_balances(company),
        "may_create": can_create_for(user, company),
        "request": context["request"],
    }


def _day(moment) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment).date()
    return moment.isoformat()


def _in_base(amount, currency: str, rates) -> str:
    """``amount`` in the base currency at the list's rate for ``currency`` ("" for the
    base currency itself, "?" without a rate, "!" after a stale rate)."""
    if amount is None or currency == selectors.base_currency():
        return ""
    quote = rates.get(currency)
    if quote is None:
        return "?"
    converted = conversion_of(amount, quote, selectors.base_currency()).amount
    return f"≈ {format_money(converted, selectors.base_currency())}" + (" !" if quote.stale else "")


@register.simple_tag
def order_row(order, links) -> str:
    """One row of an order list, written at once (a list page shows fifty: cheaper than
    a dozen template nodes per row). ``links``: the order and balance pages' prefixes,
    under "rates" today's rate into the base currency per currency on the page, under
    "states" the states' names in the reader's language."""
    return format_html(
        '<tr data-testid="order-row"><td><a href="{}{}/">{}</a></td><td>{}</td>'
        '<td><a href="{}{}/">{}</a></td><td>{}</td><td>{}</td><td class="muted">{}</td>'
        '<td>{}</td><td><span class="badge state-{}">{}</span></td><td>{}</td></tr>',
        links["order"], order.pk, order.number, _day(order.order_date),
        links["balance"], order.company_id, order.company.legal_name,
        format_money(order.total, order.currency),
        format_money(order.open_balance, order.currency),
        _in_base(order.open_balance, order.currency, links["rates"]) if order.open_balance else "",
        _day(order.next_due_at), order.state, links["states"].get(order.state, order.state),
        order.owner or "",
    )  # fmt: skip


@register.simple_tag
def balance_row(order, order_link: str, no_date: str, states: dict) -> str:
    """One row of a buyer's open orders (see :func:`order_row`)."""
    return format_html(
        '<tr data-testid="open-order"><td><a href="{}{}/">{}</a></td><td>{}</td><td>{}</td>'
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        order_link, order.pk, order.number, _day(order.order_date),
        format_money(order.total, order.currency), format_money(order.paid, order.currency),
        format_money(order.open_balance, order.currency),
        _day(order.next_due_at) or no_date, states.get(order.state, order.state),
    )  # fmt: skip


@register.simple_tag
def due_moved_name(move: dict) -> str:
    """The schedule line a "due date moved" step names, in the reader's language (older
    steps kept only its English description)."""
    if move.get("kind"):
        return due_sentence(move)
    return str(move.get("what", ""))
