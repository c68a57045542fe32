"""The mail section of a customer's page (included by parties/company_detail.html)."""

from django import template

from chengxin.mail.selectors import company_messages

register = template.Library()

SECTION_SIZE = 10


@register.inclusion_tag("mail/company_section.html")
def company_mail_section(company, contacts=()):
    """The latest messages about ``company``; the page has checked the user can see it."""
    recent = list(company_messages(company=company)[: SECTION_SIZE + 1])
    return {
        "company": company,
        "recent": recent[:SECTION_SIZE],
        "more": len(recent) > SECTION_SIZE,
        "contacts": contacts,
    }
