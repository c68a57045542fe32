"""Every current ISO 4217 currency, its minor unit and its name in the reader's language.
Plain functions without a database.

The list is ISO 4217's own (pycountry's copy of list one), never a hand list: a currency
withdrawn (HRK, BGN, SLL) is not offered for new rates, and a new one (XCG, ZWG) is.
Minor units and names come from CLDR through Babel.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_name, get_currency_precision

from chengxin.core.money import babel_locale


@functools.cache
def _codes() -> tuple[str, ...]:
    import pycountry

    return tuple(sorted(currency.alpha_3 for currency in pycountry.currencies))


def all_currencies() -> list[str]:
    """Every current ISO 4217 currency code, sorted (``["AED", "AFN", ...]``)."""
    return list(_codes())


def is_currency(code: str) -> bool:
    """Whether ``code`` (upper case) is a current ISO 4217 currency."""
    return code in _codes()


def minor_units(code: str) -> int:
    """How many decimals an amount in ``code`` has: JPY 0, CNY 2, KWD 3 (CLDR's figure,
    which is what banks and invoices use; 2 for a currency CLDR does not know)."""
    return get_currency_precision(code.upper())


@functools.cache
def _exponent(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def quantize(amount: Decimal, code: str) -> Decimal:
    """``amount`` rounded to the currency's minor unit, half up (0.005 CNY → 0.01)."""
    return Decimal(amount).quantize(_exponent(minor_units(code)), rounding=ROUND_HALF_UP)


def currency_name(code: str, *, language: str | None = None) -> str:
    """The currency's name in ``language`` (default: the active one): "US Dollar",
    "美元"; the code itself when CLDR has no name for it."""
    return get_currency_name(code.upper(), locale=babel_locale(language))


def currency_choices(*, language: str | None = None) -> list[tuple[str, str]]:
    """(code, "code · name") for a select, in code order."""
    return [(code, f"{code} · {currency_name(code, language=language)}") for code in _codes()]
