"""The guard on other apps' pages: the red banner on a customer's page while a dangerous
message is unresolved, a risk badge, and a message's assessment on its page."""

from django import template

from chengxin.guard.selectors import assessment_view, company_alarming_messages

register = template.Library()


@register.inclusion_tag("guard/company_banner.html")
def guard_company_banner(company):
    alarming = list(company_alarming_messages(company=company)[:6])
    return {"company": company, "alarming": alarming[:5], "more": len(alarming) > 5}


@register.inclusion_tag("guard/level_badge.html")
def risk_badge(level, score=None):
    return {"level": level, "score": score}


@register.inclusion_tag("guard/assessment.html", takes_context=True)
def message_assessment(context, message):
    """The guard's assessment of ``message``: its reasons in the reader's language and what
    the page's user may do about it (mail's message page shows it without importing the
    guard)."""
    user = context["request"].user
    return {**context.flatten(), "assessment": assessment_view(user=user, message=message)}
