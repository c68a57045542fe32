"""The shipments sections of a customer's page and an order's page (included by the
lead into parties/company_detail.html and the order's page)."""

from django import template

from chengxin.orders.permissions import can_edit_order
from chengxin.shipments import selectors

register = template.Library()

SECTION_SIZE = 10


@register.inclusion_tag("shipments/company_section.html", takes_context=True)
def company_shipments_section(context, company):
    """The customer's shipments with their ETA and latest tracking events, those under way
    first. The page has checked the user can see ``company``."""
    return {"shipments": selectors.company_shipments(company, limit=SECTION_SIZE)}


@register.inclusion_tag("shipments/order_section.html", takes_context=True)
def order_shipments_section(context, order):
    """The order's shipments and the link to plan one. The page has checked the user can
    see ``order``."""
    user = context["request"].user
    return {
        "order": order,
        "shipments": list(selectors.order_shipments(order)),
        "may_ship": can_edit_order(user, order) and order.is_open,
    }
