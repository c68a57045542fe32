"""Amounts of money as a reader expects them: the reader's digit grouping and
decimal mark (Babel, from the active language or the one given), the currency's
own number of decimals, and its ISO code, which a buyer abroad never misreads
(``$`` is also Hong Kong's, Singapore's and Canada's).

    format_money(Decimal("25396.98"), "USD", language="en")  -> "USD 25,396.98"
    format_money(Decimal("1234.56"), "EUR", language="de")   -> "1.234,56 EUR"
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberPattern, format_currency, format_decimal, parse_pattern
from django.utils import translation

# CLDR's currency spacing, which Babel does not apply: a code beside a digit gets a
# no-break space ("USD 25,396.98", not "USD25,396.98").
_CODE_BEFORE_DIGIT = re.compile(r"¤¤(?=[#0-9])")
_CODE_AFTER_DIGIT = re.compile(r"(?<=[#0-9])¤¤")


def babel_locale(language: str | None = None) -> Locale:
    """The Babel locale for a Django language code (``"zh-hans"`` → ``zh_Hans``),
    by default the active language; English when Babel does not know it."""
    return _locale(language or translation.get_language() or "en")


@functools.cache
def _locale(language: str) -> Locale:
    for candidate in (translation.to_locale(language), language.split("-")[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


@functools.cache
def _pattern(locale: Locale) -> NumberPattern:
    """The locale's currency pattern with the ISO code for the sign, parsed once (a list
    page formats a hundred amounts)."""
    pattern = locale.currency_formats["standard"].pattern.replace("¤", "¤¤")
    pattern = _CODE_BEFORE_DIGIT.sub("¤¤\u00a0", pattern)
    return parse_pattern(_CODE_AFTER_DIGIT.sub("\u00a0¤¤", pattern))


def format_money(amount, currency: str, *, language: str | None = None) -> str:
    """``amount`` in ``currency`` for a reader of ``language`` (default: the active
    language). An empty amount gives ""; a value that is not a number is shown as given."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return f"{amount} {currency}".strip()
    code = (currency or "").upper()
    locale = babel_locale(language)
    if not code:
        return format_decimal(value, format="#,##0.00", locale=locale)
    return format_currency(
        value, code, locale=locale, format=_pattern(locale), currency_digits=True
    )


class Money(NamedTuple):
    """An amount with its currency, shown by :func:`format_money` for whoever reads it
    (a notification stores it as such and formats it in the reader's language)."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return format_money(self.amount, self.currency)
