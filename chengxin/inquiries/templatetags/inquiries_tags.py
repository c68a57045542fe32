"""Inquiries on other apps' pages: the button on a message's page, the section on a
customer's page; and how a clock's working time reads."""

from __future__ import annotations

import datetime

from django import template
from django.template import Context, Template
from django.utils.translation import gettext as _

from chengxin.inquiries import selectors
from chengxin.inquiries.models import Inquiry, State
from chengxin.inquiries.permissions import can_create_inquiry
from chengxin.mail.permissions import can_view_message

register = template.Library()

SECTION_SIZE = 10


@register.filter
def working_duration(value: datetime.timedelta | None) -> str:
    """A working time as a person reads it: "3 h 20 min"; "—" for none."""
    if value is None:
        return "—"
    minutes = int(abs(value).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        text = _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    elif hours:
        text = _("%(hours)d h") % {"hours": hours}
    else:
        text = _("%(minutes)d min") % {"minutes": minutes}
    return text


@register.inclusion_tag("inquiries/clock.html")
def inquiry_clock(clock, label: str = ""):
    return {"clock": clock, "label": label}


@register.inclusion_tag("inquiries/inquiry_button.html", takes_context=True)
def inquiry_button(context, message):
    """On a message's page: "Record as inquiry" (one click; the clock starts when the
    message was received), or a link to the inquiry it already is."""
    user = context["request"].user
    inquiry = (
        Inquiry.objects.filter(message=message).only("pk", "state", "subject").first()
        if message.pk
        else None
    )
    may_create = bool(
        message.company_id is not None
        and can_view_message(user, message)
        and can_create_inquiry(user, message.company)
    )
    return {
        "message": message,
        "inquiry": inquiry,
        "proposed": inquiry is not None and inquiry.state == State.PROPOSED,
        "may_create": may_create,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("inquiries/company_section.html", takes_context=True)
def company_inquiries_section(context, company):
    """The inquiries section of a customer's page (the page has checked the user may see
    ``company``): the latest inquiries with their clocks and our response times."""
    user = context["request"].user
    return {
        "company": company,
        "inquiries": selectors.company_inquiries(company=company, limit=SECTION_SIZE),
        "times": selectors.response_times(company),
        "may_create": can_create_inquiry(user, company),
        "request": context["request"],
    }


def _stock_tag_available() -> bool:
    try:
        from chengxin.catalog.templatetags import catalog_tags  # noqa: F401
    except ImportError:
        return False
    return "stock_badge" in catalog_tags.register.tags


@register.simple_tag
def product_stock(product) -> str:
    """The catalogue's stock badge for ``product`` (``catalog_tags.stock_badge``), or
    nothing while the catalogue has no stock badge."""
    if not _stock_tag_available():
        return ""
    return Template("{% load catalog_tags %}{% stock_badge product %}").render(
        Context({"product": product})
    )
