"""Who may see and change an order's commitments: whoever may see or change the order
(``chengxin.orders.permissions``). Services enforce these; selectors filter by them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.orders.permissions import can_edit_order, can_view_order

__all__ = ["can_edit_order", "can_view_order", "require_edit", "require_view"]


def require_view(user, order) -> None:
    """An order the user may not see is not there (the caller answers 404)."""
    if not can_view_order(user, order):
        raise type(order).DoesNotExist


def require_edit(user, order) -> None:
    require_view(user, order)
    if not can_edit_order(user, order):
        raise PermissionDenied(_("You may not change this order's commitments."))
