"""The answers of the public check of an account number, in the reader's language (the
caller overrides it): words a buyer reads, so they live in a buyer-facing module."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils.translation import gettext as _

from chengxin.publicrecord.models import Answer


def message(answer: str, *, last4: str, day: datetime.date | None) -> str:
    context = {
        "number": f"···· {last4}" if last4 else "",
        "company": settings.CHENGXIN_COMPANY_NAME,
        "phone": settings.CHENGXIN_COMPANY_PHONE,
        "date": day.isoformat() if day else "",
    }
    if answer == Answer.ACTIVE:
        return _("%(number)s is an active account of %(company)s since %(date)s.") % context
    if answer == Answer.RETIRED:
        return (
            _(
                "%(number)s was an account of %(company)s; it was retired on %(date)s — "
                "do not pay into it."
            )
            % context
        )
    if answer == Answer.UNKNOWN:
        return (
            _(
                "%(number)s is not an account of %(company)s — call %(phone)s before "
                "paying. Do not pay into it."
            )
            % context
        )
    if answer == Answer.INVALID:
        return (
            _(
                "This does not look like an account number or IBAN. Check what you typed, "
                "or call %(phone)s before paying."
            )
            % context
        )
    return _("Too many checks from your address: try again later, or call %(phone)s.") % context
