"""The red banner on a customer's page while a dangerous message is unresolved."""

from django import template

from chengxin.guard.selectors import company_alarming_messages

register = template.Library()


@register.inclusion_tag("guard/company_banner.html")
def guard_company_banner(company):
    alarming = list(company_alarming_messages(company=company)[:6])
    return {"company": company, "alarming": alarming[:5], "more": len(alarming) > 5}


@register.inclusion_tag("guard/level_badge.html")
def risk_badge(level, score=None):
    return {"level": level, "score": score}
