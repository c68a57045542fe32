"""The Documents panel of an order's page and of a quote's page (included into
orders/order_detail.html and orders/quote_detail.html by one ``{% include %}`` line)."""

from django import template

from chengxin.documents import permissions as perms
from chengxin.documents import selectors, services
from chengxin.documents.forms import DraftForm

register = template.Library()


@register.inclusion_tag("documents/pages/section.html", takes_context=True)
def order_documents_section(context, order):
    """The order's documents (number, state, language, hash, download) and the form to
    draft one. The page has checked the user can see ``order``."""
    user = context["request"].user
    may_issue = perms.can_issue_for(user, order=order)
    shipments = list(order.logistics_shipments.order_by("created_at")) if may_issue else []
    return {
        "documents": list(selectors.order_documents(order)),
        "may_issue": may_issue,
        "form": DraftForm(shipments=shipments, language=services.default_language(order.company)),
        "action": "documents:order_document_new",
        "source": order,
    }


@register.inclusion_tag("documents/pages/section.html", takes_context=True)
def quote_documents_section(context, quote):
    """The quote's quotations and the form to draft one."""
    user = context["request"].user
    return {
        "documents": list(selectors.quote_documents(quote)),
        "may_issue": perms.can_issue_for(user, quote=quote),
        "form": DraftForm(quote=True, language=services.default_language(quote.company)),
        "action": "documents:quote_document_new",
        "source": quote,
    }
