"""What a buyer reads from the documents app besides the document itself (the covering
letter's subject, the exchange-rate rule, an amount due on a trigger), in the active
language: listed in ``core.buyer_language.BUYER_SOURCES`` for the buyer catalogues."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from chengxin.orders.models import Order, RateRule


def when_triggered() -> str:
    return _("when the trigger happens")


def rate_rule_text(order: Order) -> str:
    """The order's exchange-rate rule as the buyer reads it."""
    if order.rate_rule == RateRule.PAYMENT_DATE:
        return _("Converted at the exchange rate on each payment's date.")
    if order.rate_rule == RateRule.LOCKED and order.locked_rate and order.locked_until:
        return _(
            "Exchange rate locked at %(rate)s until %(day)s, then the rate on the payment date."
        ) % {
            "rate": f"{order.locked_rate.normalize():f}",
            "day": date_format(order.locked_until, "DATE_FORMAT"),
        }
    return _("Converted at the exchange rate on the order date.")


def attention(name: str) -> str:
    """The line naming the buyer's person a document is for, above the address."""
    return _("Attn: %(name)s") % {"name": name}


def account_with_bank(number: str) -> str:
    """Our account with the intermediary bank."""
    return _("Our account there: %(number)s") % {"number": number}


def document_title(kind: str) -> str:
    """The document's name in the letter (the document itself names its kind)."""
    titles = {
        "quotation": _("quotation"),
        "proforma": _("proforma invoice"),
        "commercial_invoice": _("commercial invoice"),
        "packing_list": _("packing list"),
        "order_confirmation": _("order confirmation"),
    }
    return titles.get(kind, kind)


def cover_subject(*, kind: str, number: str, reference: str, seller: str) -> str:
    return _("Our %(document)s %(number)s for %(reference)s – %(seller)s") % {
        "document": document_title(kind),
        "number": number,
        "reference": reference,
        "seller": seller,
    }
