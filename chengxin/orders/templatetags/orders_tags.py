"""Quotes and orders on other pages: a customer's section (included by the customer's
page) and an amount in the base currency beside its own."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone

from chengxin.core.money import format_money
from chengxin.orders import selectors
from chengxin.orders.permissions import can_create_for

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
