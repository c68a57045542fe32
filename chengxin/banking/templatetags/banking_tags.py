"""The bank-account section of a customer's page (included by parties/company_detail.html)."""

from django import template

from chengxin.banking import selectors
from chengxin.banking.models import Side
from chengxin.banking.permissions import can_propose

register = template.Library()


@register.inclusion_tag("banking/company_section_body.html", takes_context=True)
def company_bank_section(context, company):
    """The page has checked the user can see ``company``."""
    user = context["request"].user
    accounts = selectors.company_accounts(user, company)[:20]
    return {
        "company": company,
        "rows": [(a, selectors.account_number_display(user, a)) for a in accounts],
        "may_propose": can_propose(user, side=Side.COUNTERPARTY, company=company),
    }
