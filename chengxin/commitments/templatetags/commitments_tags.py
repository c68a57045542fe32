"""The promised dates section of an order's page (included by the orders app's order
page: ``{% include "commitments/order_section_include.html" %}`` with ``order``)."""

from django import template
from django.utils import timezone

from chengxin.commitments import selectors
from chengxin.commitments.permissions import can_edit_order
from chengxin.core.zones import company_today

register = template.Library()

UPDATES_SHOWN = 10


@register.inclusion_tag("commitments/order_section.html", takes_context=True)
def order_commitments_section(context, order):
    """The order's promises (state, who promised, forecast, warnings; forms to add one,
    set a forecast, mark done) and its production updates. The page has checked that
    the user may see ``order``."""
    request = context["request"]
    return {
        "order": order,
        "milestones": selectors.order_milestones(order),
        "updates": selectors.order_updates(order, limit=UPDATES_SHOWN),
        "may_edit": can_edit_order(request.user, order),
        "today": company_today(timezone.now()),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
