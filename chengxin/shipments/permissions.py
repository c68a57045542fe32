"""Who may see and change a shipment: whoever may see and change its order
(``orders.permissions``), so the rules live in one place."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.orders.permissions import can_edit_order, can_view_order


def can_view_shipment(user, shipment) -> bool:
    return can_view_order(user, shipment.order)


def can_edit_shipment(user, shipment) -> bool:
    return can_edit_order(user, shipment.order)


def require_edit_shipment(user, shipment) -> None:
    if not can_edit_shipment(user, shipment):
        raise PermissionDenied(_("You may not change this shipment."))


def require_ship_order(user, order) -> None:
    if not can_edit_order(user, order):
        raise PermissionDenied(_("You may not ship this order."))
