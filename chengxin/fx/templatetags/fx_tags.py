"""Amounts in the base currency on any page, with the rate's date and source:

    {% load fx_tags %}
    {% in_base order.total order.currency on=order.created_at|date:"Y-m-d" %}

shows "CNY 71,234.50" and, beside it, "1 USD = 7.1234 CNY · 2026-12-04 · ECB reference
rate", "stale" when the rate is older than CHENGXIN_FX_STALE_DAYS days, and "no rate" when
there is none - never an exception on a page.
"""

from __future__ import annotations

import datetime
import logging

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_date

from chengxin.fx import selectors

logger = logging.getLogger(__name__)

register = template.Library()

_CACHE_KEY = "fx_tags.quotes"


def _day(on) -> datetime.date | None:
    if on is None or on == "":
        return timezone.localdate()
    if isinstance(on, datetime.datetime):
        return timezone.localtime(on).date() if timezone.is_aware(on) else on.date()
    if isinstance(on, datetime.date):
        return on
    try:
        return parse_date(str(on))
    except ValueError:
        return None


def _quote(context, currency: str, to: str, on: datetime.date):
    """rate_on, or the NoRate it raised, remembered for the rest of this page's rendering
    (a list of orders in USD asks once)."""
    cache = context.render_context.setdefault(_CACHE_KEY, {})
    key = (currency, to, on)
    if key not in cache:
        try:
            cache[key] = selectors.rate_on(currency, to, on=on)
        except selectors.NoRate as exc:
            cache[key] = exc
    return cache[key]


@register.simple_tag(takes_context=True)
def in_base(context, amount, currency, on=None):
    """``amount`` of ``currency`` in the base currency on ``on`` (a date, a datetime, a
    "YYYY-MM-DD" text; default: today)."""
    if amount is None or amount == "":
        return ""
    base = selectors.base_currency()
    code = str(currency or "").strip().upper()
    day = _day(on)
    values: dict = {"base": base, "currency": code, "day": day, "amount": amount}
    try:
        if day is None:
            raise selectors.NoRate(code or "?", base, timezone.localdate())
        quote = _quote(context, code, base, day)
        if isinstance(quote, selectors.NoRate):
            raise quote
        conversion = selectors.conversion_of(amount, quote, base)
    except selectors.NoRate as exc:
        values["no_rate"] = exc.messages[0]
    except Exception:  # a page shows "no rate" rather than failing on a bad value
        logger.warning("in_base failed for %r %r on %r", amount, currency, on, exc_info=True)
        values["no_rate"] = ""
    else:
        values.update(
            conversion=conversion,
            same=code == base,
            source_label=selectors.source_label(conversion.source),
            stale_days=selectors.stale_days(),
        )
    return render_to_string("fx/_in_base.html", values)


@register.inclusion_tag("fx/_quote.html")
def rate_quote_cells(quote, currency, to):
    """A RateQuote as three table cells: 1 currency = rate to; its date, stale marked; its
    source. "no rate" when ``quote`` is None."""
    return {
        "quote": quote,
        "currency": currency,
        "to": to,
        "source_label": selectors.source_label(quote.source) if quote else "",
        "stale_days": selectors.stale_days(),
    }
