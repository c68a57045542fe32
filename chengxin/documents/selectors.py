"""Reading documents: those a user may see, an order's and a quote's, and the languages
and accounts a document may be issued in."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet

from chengxin.banking.models import BankAccount
from chengxin.banking.selectors import our_receiving_accounts
from chengxin.documents.models import Document
from chengxin.orders.selectors import visible_orders, visible_quotes

# What lists show: never the PDF's bytes.
LIST_DEFER = ("pdf", "spec")


def visible_documents(user) -> QuerySet[Document]:
    """The documents of the orders and quotes ``user`` may see."""
    orders = visible_orders(user).values("pk")
    quotes = visible_quotes(user).values("pk")
    return Document.objects.filter(order__in=orders) | Document.objects.filter(quote__in=quotes)


def order_documents(order) -> QuerySet[Document]:
    """The order's documents, newest first (the caller has checked the user sees it)."""
    return (
        Document.objects.filter(order=order)
        .defer(*LIST_DEFER)
        .select_related("issued_by", "sent_by", "message")
        .order_by("-created_at", "-id")
    )


def quote_documents(quote) -> QuerySet[Document]:
    return (
        Document.objects.filter(quote=quote)
        .defer(*LIST_DEFER)
        .select_related("issued_by", "sent_by", "message")
        .order_by("-created_at", "-id")
    )


def document_languages() -> list[tuple[str, str]]:
    """The twelve buyer languages, each named in itself."""
    return list(settings.CHENGXIN_BUYER_LANGUAGES)


def printable_accounts(currency: str) -> QuerySet[BankAccount]:
    """Our accounts a document in ``currency`` may carry: active (approved, not retired)
    receiving accounts in that currency, newest first. Nothing else, ever."""
    return our_receiving_accounts().filter(
        currency=(currency or "").upper(), approved_by__isnull=False
    )
