"""Who may see and issue which document: as for the order or quote it belongs to.

Whoever may see the order (its owner, a colleague it is shared with, finance, managers)
sees its documents and downloads them; whoever may change the order (owner, shared
with, managers), and finance (invoices are theirs too), drafts, issues and sends them.
A colleague without rights to the customer sees nothing (404). Services enforce these
rules; selectors filter by them; pages and API share both.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.orders import permissions as order_perms


def can_view_for(user, *, order=None, quote=None) -> bool:
    if order is not None:
        return order_perms.can_view_order(user, order)
    if quote is not None:
        return order_perms.can_view_quote(user, quote)
    return False


def can_issue_for(user, *, order=None, quote=None) -> bool:
    """Draft, issue and send documents of ``order`` or ``quote``."""
    if order is not None:
        return order_perms.can_edit_order(user, order) or order_perms.can_record_payment(user)
    if quote is not None:
        return order_perms.can_edit_quote(user, quote) or order_perms.can_record_payment(user)
    return False


def can_view(user, document) -> bool:
    return can_view_for(user, order=document.order, quote=document.quote)


def can_issue(user, document) -> bool:
    return can_issue_for(user, order=document.order, quote=document.quote)


def require_issue_for(user, *, order=None, quote=None) -> None:
    if user is None:
        return  # the system itself (an account-change campaign)
    if not can_issue_for(user, order=order, quote=quote):
        raise PermissionDenied(_("You may not issue documents for this order or quote."))


def require_issue(user, document) -> None:
    if user is None:
        return
    if not can_issue(user, document):
        raise PermissionDenied(_("You may not change this document."))


def can_send(user, document) -> bool:
    """Send a document to the buyer: whoever may write to the customer (the order's or
    quote's editors; finance issues invoices but does not write to buyers)."""
    if document.order is not None:
        return order_perms.can_edit_order(user, document.order)
    if document.quote is not None:
        return order_perms.can_edit_quote(user, document.quote)
    return False
