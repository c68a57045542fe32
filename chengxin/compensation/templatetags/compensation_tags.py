"""The fee claims and credits section of a customer's page (included by
parties/company_detail.html)."""

from django import template

from chengxin.compensation import selectors
from chengxin.compensation.permissions import can_record_claim, can_use_credits

register = template.Library()

SECTION_SIZE = 10


@register.inclusion_tag("compensation/company_section.html", takes_context=True)
def company_compensation_section(context, company):
    """The page has checked the user can see ``company``."""
    user = context["request"].user
    may_record = can_record_claim(user, company) and bool(
        selectors.recipients_with_offer(company=company)
    )
    return {
        "company": company,
        "credits": list(selectors.company_credits(company=company)[:SECTION_SIZE]),
        "claims": list(
            selectors.visible_claims(user).filter(recipient__company=company)[:SECTION_SIZE]
        ),
        "may_record": may_record,
        "may_use": can_use_credits(user),
        "csrf_token": context.get("csrf_token"),
        "request": context["request"],
    }
