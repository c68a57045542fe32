"""The facts of an account change as buyers may see them, and their words in the buyer's
language: masked account numbers, the five days in order, the four milestones, dates
through Babel."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from babel import Locale
from babel.dates import format_date, format_interval
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from chengxin.core.buyer_language import buyer_language

# Babel locale for dates where the language alone would pick a poor one: plain "en" is
# American ("December 1, 2026"); buyers abroad read "1 December 2026" without doubt.
_DATE_LOCALES = {"en": "en_GB"}

# Characters XML 1.0 does not allow (most C0 controls, surrogates, U+FFFE/U+FFFF), and
# the bidi embeddings/overrides/isolates that can reorder how an account number reads.
_NOT_SHOWN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_IBAN_LIKE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]+$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
MASK = "****"


def mask_account_number(number: str) -> str:
    """``"DE89 3704 0044 0532 0130 00"`` → ``"DE **** 3000"``; ``"6222 0210 0112 3456"``
    → ``"**** 3456"``. Only the last four characters (and an IBAN's country) show."""
    compact = re.sub(r"[\s-]", "", number).upper()
    if len(compact) < 6:
        raise ValidationError(
            _("This account number is too short to mask: it needs six characters or more."),
            code="short_number",
        )
    prefix = f"{compact[:2]} " if _IBAN_LIKE.match(compact) else ""
    return f"{prefix}{MASK} {compact[-4:]}"


@dataclass(frozen=True)
class AccountFacts:
    """One receiving account as buyers may see it: never the full number."""

    bank_name: str
    bic: str
    masked_number: str
    currency: str
    holder: str

    def __post_init__(self) -> None:
        if sum(ch.isdigit() for ch in self.masked_number) > 4:
            raise ValidationError(
                _("Show at most the last four digits of an account number (got %(number)s)."),
                code="unmasked_number",
                params={"number": self.masked_number},
            )
        if not _CURRENCY.match(self.currency):
            raise ValidationError(
                _("%(currency)s is not an ISO 4217 currency code."),
                code="currency",
                params={"currency": self.currency},
            )


@dataclass(frozen=True)
class TimelineFacts:
    company_name: str
    decided_on: date
    reason: str
    new_account: AccountFacts
    new_verified_on: date
    parallel_from: date
    parallel_until: date
    old_account: AccountFacts
    old_closes_on: date
    public_record_url: str

    def __post_init__(self) -> None:
        steps = [
            (_("the decision"), self.decided_on),
            (_("the new account's verification"), self.new_verified_on),
            (_("the start of the parallel period"), self.parallel_from),
            (_("the end of the parallel period"), self.parallel_until),
            (_("the old account's last day"), self.old_closes_on),
        ]
        for (before, earlier), (after, later) in zip(steps, steps[1:], strict=False):
            if later < earlier:
                raise ValidationError(
                    _("%(after)s (%(later)s) comes before %(before)s (%(earlier)s)."),
                    code="timeline_order",
                    params={"after": after, "later": later, "before": before, "earlier": earlier},
                )
        URLValidator(schemes=["https", "http"])(self.public_record_url)


@dataclass(frozen=True)
class Milestone:
    key: str  # decision | new-account | parallel | old-account
    when: str
    title: str
    lines: tuple[str, ...]


def timeline_language(language: str) -> str:
    """The language to write in: the buyer's (one of the twelve buyer languages,
    ``"zh-Hans"`` → ``"zh-hans"``), else English."""
    return buyer_language(language)


def date_locale(language: str) -> Locale:
    return Locale.parse(_DATE_LOCALES.get(language, translation.to_locale(language)))


def format_day(day: date, language: str) -> str:
    """``2026-12-01`` → "1 December 2026" / "2026年12月1日"."""
    return format_date(day, "long", locale=date_locale(timeline_language(language)))


def format_period(start: date, end: date, language: str) -> str:
    """From ``start`` to ``end``: "1–31 Dec 2026" / "2026年12月1日至31日"."""
    return format_interval(start, end, "yMMMMd", locale=date_locale(timeline_language(language)))


def clean_text(text: str) -> str:
    """One line of user text, safe for XML and for reading: no control characters, no
    bidi overrides, runs of white space as one space."""
    return " ".join(_NOT_SHOWN.sub("", text).split())


def _account_line(account: AccountFacts) -> str:
    return _("Account %(number)s (%(currency)s)") % {
        "number": clean_text(account.masked_number),
        "currency": account.currency,
    }


def timeline_milestones(facts: TimelineFacts, language: str) -> list[Milestone]:
    """The four milestones' words in ``language``: one source for the SVG, HTML and PDF."""
    language = timeline_language(language)
    with translation.override(language):
        new, old = facts.new_account, facts.old_account
        return [
            Milestone(
                "decision",
                format_day(facts.decided_on, language),
                _("Decision to change our account"),
                (clean_text(facts.reason),),
            ),
            Milestone(
                "new-account",
                format_day(facts.new_verified_on, language),
                _("New account opened and verified"),
                (
                    clean_text(new.bank_name),
                    _("SWIFT/BIC %(bic)s") % {"bic": clean_text(new.bic)},
                    _account_line(new),
                ),
            ),
            Milestone(
                "parallel",
                format_period(facts.parallel_from, facts.parallel_until, language),
                _("Both accounts receive payments"),
                (_("Please prefer the new account."),),
            ),
            Milestone(
                "old-account",
                format_day(facts.old_closes_on, language),
                _("Last day of the old account"),
                (
                    clean_text(old.bank_name),
                    _account_line(old),
                    _("Do not pay into it after this day."),
                ),
            ),
        ]


def verify_sentence() -> str:
    """Contains ``%(url)s`` for the caller to fill (plain text, or a link)."""
    return _("Verify this account yourself at %(url)s before paying.")
