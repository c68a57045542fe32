"""The outbox section of a customer's page (included by parties/company_detail.html):
each contact's local time, working hours and next public holidays."""

from django import template
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import get_language, gettext, to_locale

from chengxin.outbox.failures import explain_failure as _explain_failure
from chengxin.outbox.holiday_names import translate_holiday_name
from chengxin.outbox.models import ContactWindow
from chengxin.outbox.selectors import company_outbound_messages
from chengxin.outbox.windows import DEFAULT_WINDOW, names_holidays_in, upcoming_holidays

register = template.Library()

SECTION_SIZE = 5


def holiday_language() -> str:
    """The page's language as the holidays package names it ("zh_CN", "en_US")."""
    locale = to_locale(get_language() or "en")
    return {"zh_Hans": "zh_CN", "en": "en_US"}.get(locale, locale)


def holidays_for_reader(country: str, from_day) -> list[tuple]:
    """The next public holidays of ``country``, named in the page's language: by the
    holidays package where it knows that language for the country, else its English
    names through our catalogue (a name we lack stays in English)."""
    language = holiday_language()
    found = upcoming_holidays(country, from_day, language=language)
    if not country or names_holidays_in(country, language):
        return found
    return [(day, translate_holiday_name(name)) for day, name in found]


def current_time():
    return timezone.now()


@register.inclusion_tag("outbox/company_section.html")
def company_outbox_section(company, contacts=(), can_edit=False):
    """The page has checked the user can see ``company``."""
    now = current_time()
    hours = []
    own = {
        w.contact_id: w.as_window()
        for w in ContactWindow.objects.filter(contact__in=[c.pk for c in contacts])
    }
    for contact in contacts:
        window = own.get(contact.pk, DEFAULT_WINDOW)
        local_now = contact.local_now(now)
        hours.append(
            {
                "contact": contact,
                "local_now": local_now,
                "window": window,
                "days": ", ".join(str(WEEKDAYS_ABBR[d]) for d in window.working_days),
                "holidays": holidays_for_reader(company.country, local_now.date()),
            }
        )
    return {
        "company": company,
        "can_edit": can_edit,
        "hours": hours,
        "recent": list(company_outbound_messages(company=company)[:SECTION_SIZE]),
    }


@register.filter
def explain_failure(error: str) -> str:
    """A stored send error in plain words ("" when there is nothing plainer to say)."""
    return _explain_failure(error)


@register.filter
def plain_failure(error: str) -> str:
    """A stored send error in plain words, or as stored (translated) when none fits."""
    return _explain_failure(error) or gettext(error)
