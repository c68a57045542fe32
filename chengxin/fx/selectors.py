"""Reading exchange rates: the rate between two currencies on a day, amounts converted,
the latest rate of each currency in the base currency, one currency's history.

The rule when several rates could answer ("the most recent trustworthy rate"):

1. Only rates dated on or before the day asked count (never a later one).
2. Between two currencies, a rate may be stored in either direction (1 EUR = 7.9 CNY
   also answers CNY → EUR), or reached through EUR (the ECB quotes everything per EUR)
   or through the base currency (a rate entered by hand for AED is usually per CNY):
   AED → USD = AED → CNY (by hand) × CNY → EUR × EUR → USD (ECB).
3. Of all these ways, the one whose oldest rate is the most recent wins; a cross rate is
   as old as its oldest leg. At the same date, the way whose least trusted leg is the
   more trusted wins (the ECB's published reference rate, then a rate typed by finance,
   then one from a CSV file), then the shorter way. A hand-entered rate therefore replaces the ECB's as soon as
   it is more recent (the ECB does not publish on weekends and holidays, and not at all
   for AED, SAR, EGP, or RUB since March 2022), but does not override it for the same day.
4. A rate more than CHENGXIN_FX_STALE_DAYS days older than the day asked is used but
   marked ``stale`` wherever it shows.
"""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from chengxin.fx.currencies import all_currencies, currency_name, is_currency, quantize
from chengxin.fx.ecb import EUR
from chengxin.fx.models import SOURCE_TRUST, Rate, Source

# Significant digits of a computed (inverse or cross) rate.
RATE_PRECISION = 20
HISTORY_LIMIT = 200


class NoRate(ValidationError):
    """No rate between the two currencies on or before the day (or a code that is not a
    currency). A ValidationError, so a service that needs a rate refuses with this
    message (422 in the API) and a page shows it."""

    def __init__(self, currency: str, to: str, on: datetime.date, message: str | None = None):
        if message is None:
            message = _(
                "There is no exchange rate from %(currency)s to %(to)s on or before "
                "%(day)s. Finance can enter one on the rates page."
            ) % {"currency": currency, "to": to, "day": on.isoformat()}
        super().__init__(message, code="no_rate")
        self.currency, self.to, self.on = currency, to, on


@dataclass(frozen=True)
class RateQuote:
    """1 unit of the first currency = ``rate`` units of the second, as of ``rate_date``.
    ``source``: "ecb", "manual" or "csv", or the legs' sources joined by "+" for a cross
    (e.g. "manual+ecb"); ``stale``: older than CHENGXIN_FX_STALE_DAYS days before the day
    asked."""

    rate: Decimal
    rate_date: datetime.date
    source: str
    stale: bool


@dataclass(frozen=True)
class Conversion:
    """An amount converted: ``amount`` quantised to the target currency's minor unit."""

    amount: Decimal
    rate: Decimal
    rate_date: datetime.date
    source: str
    stale: bool


def base_currency() -> str:
    """The currency profits and totals are shown in (settings.CHENGXIN_BASE_CURRENCY)."""
    return settings.CHENGXIN_BASE_CURRENCY.strip().upper()


def stale_days() -> int:
    return settings.CHENGXIN_FX_STALE_DAYS


def is_stale(rate_date: datetime.date, on: datetime.date) -> bool:
    """Whether a rate of ``rate_date`` is too old to trust for ``on``."""
    return (on - rate_date).days > stale_days()


def source_label(source: str) -> str:
    """ "ecb" → "ECB reference rate"; "manual+ecb" → "entered by hand + ECB reference rate"."""
    labels = dict(Source.choices)
    return " + ".join(str(labels.get(part, part)) for part in source.split("+"))


# --- the rule ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Leg:
    rate: Decimal  # 1 first = rate second
    day: datetime.date
    source: str


def _trust(source: str) -> int:
    return SOURCE_TRUST.index(source) if source in SOURCE_TRUST else len(SOURCE_TRUST)


class _Book:
    """The best stored rate of each pair of currencies, either direction."""

    def __init__(self, rows: Iterable[Rate]):
        best: dict[frozenset, Rate] = {}
        for row in rows:
            key = frozenset((row.currency, row.quote))
            held = best.get(key)
            if held is None or self._rank(row) > self._rank(held):
                best[key] = row
        self._best = best

    @staticmethod
    def _rank(row: Rate):
        return (row.day, -_trust(row.source), row.entered_at)

    def currencies(self) -> set[str]:
        return {code for key in self._best for code in key}

    def leg(self, first: str, second: str) -> _Leg | None:
        row = self._best.get(frozenset((first, second)))
        if row is None:
            return None
        if row.currency == first:
            return _Leg(row.rate, row.day, row.source)
        with localcontext(prec=RATE_PRECISION):
            return _Leg(Decimal(1) / row.rate, row.day, row.source)


def _ways(first: str, second: str, pivots: tuple[str, ...]) -> list[list[str]]:
    """The chains of currencies from ``first`` to ``second``: direct, then through one or
    two of the pivots."""
    middle = [p for p in dict.fromkeys(pivots) if p not in (first, second)]
    ways = [[first, second]]
    ways += [[first, p, second] for p in middle]
    ways += [[first, p, q, second] for p, q in itertools.permutations(middle, 2)]
    return ways


def _resolve(book: _Book, first: str, second: str, on: datetime.date) -> RateQuote | None:
    if first == second:
        return RateQuote(Decimal(1), on, "", False)
    best_key, best_quote = None, None
    for way in _ways(first, second, (EUR, base_currency())):
        legs = [book.leg(a, b) for a, b in itertools.pairwise(way)]
        if any(leg is None for leg in legs):
            continue
        day = min(leg.day for leg in legs)  # type: ignore[union-attr]
        sources = list(dict.fromkeys(leg.source for leg in legs))  # type: ignore[union-attr]
        key = (day, -max(_trust(s) for s in sources), -len(legs))
        if best_key is None or key > best_key:
            with localcontext(prec=RATE_PRECISION):
                rate = Decimal(1)
                for leg in legs:
                    rate *= leg.rate  # type: ignore[union-attr]
                rate = +rate
            best_key = key
            best_quote = RateQuote(rate.normalize(), day, "+".join(sources), is_stale(day, on))
    return best_quote


def _latest_rows(on: datetime.date, currencies: Iterable[str] | None = None) -> list[Rate]:
    """Of each (currency, quote, source), the most recent row on or before ``on``; only
    pairs within ``currencies`` when given. Two queries: the latest day of each (an
    aggregate the pair-and-day index answers), then those rows."""
    rows = Rate.objects.filter(day__lte=on)
    if currencies is not None:
        codes = sorted(set(currencies))
        rows = rows.filter(currency__in=codes, quote__in=codes)
    latest = rows.order_by().values("currency", "quote", "source").annotate(last=Max("day"))
    condition = Q()
    for item in latest:
        condition |= Q(
            currency=item["currency"], quote=item["quote"], source=item["source"], day=item["last"]
        )
    return list(Rate.objects.filter(condition)) if condition else []


def _checked_code(code: str, other: str, on: datetime.date, *, first: bool) -> str:
    value = (code or "").strip().upper()
    if not is_currency(value):
        names = (value or "?", other, on) if first else (other, value or "?", on)
        raise NoRate(
            *names,
            message=_("“%(code)s” is not an ISO 4217 currency code.") % {"code": code or ""},
        )
    return value


def rate_on(currency: str, to: str, *, on: datetime.date) -> RateQuote:
    """How many ``to`` one ``currency`` is worth on ``on`` by the rule above. Raises NoRate
    when no rate on or before ``on`` connects them. Same currency: rate 1."""
    currency = _checked_code(currency, to, on, first=True)
    to = _checked_code(to, currency, on, first=False)
    if currency == to:
        return RateQuote(Decimal(1), on, "", False)
    book = _Book(_latest_rows(on, {currency, to, EUR, base_currency()}))
    quote = _resolve(book, currency, to, on)
    if quote is None:
        raise NoRate(currency, to, on)
    return quote


def rates_on(currencies: Iterable[str], to: str, *, on: datetime.date) -> dict[str, RateQuote]:
    """:func:`rate_on` for many currencies into one (a list of amounts in several
    currencies): the same rule, one reading of the stored rates. A currency without a
    rate (or not a currency) is left out of the answer."""
    to = (to or "").strip().upper()
    codes = {(code or "").strip().upper() for code in currencies}
    codes = {code for code in codes if is_currency(code)}
    if not codes or not is_currency(to):
        return {}
    book = _Book(_latest_rows(on, codes | {to, EUR, base_currency()}))
    quotes = {code: _resolve(book, code, to, on) for code in codes}
    return {code: quote for code, quote in quotes.items() if quote is not None}


def _amount(amount) -> Decimal:
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        value = Decimal("NaN")
    if not value.is_finite():
        raise ValidationError(_("Enter an amount as a number."), code="amount")
    return value


def conversion_of(amount, quote: RateQuote, to: str) -> Conversion:
    with localcontext(prec=40):
        converted = _amount(amount) * quote.rate
    return Conversion(
        amount=quantize(converted, to),
        rate=quote.rate,
        rate_date=quote.rate_date,
        source=quote.source,
        stale=quote.stale,
    )


def convert(amount: Decimal, currency: str, to: str, *, on: datetime.date) -> Conversion:
    """``amount`` of ``currency`` in ``to`` on ``on``, quantised to ``to``'s minor unit.
    Raises NoRate when there is no rate (see rate_on)."""
    value = _amount(amount)
    quote = rate_on(currency, to, on=on)
    return conversion_of(value, quote, to.strip().upper())


# --- the pages -----------------------------------------------------------------------


@dataclass(frozen=True)
class CurrencyRate:
    """A currency's latest value in the base currency, for the rates page."""

    currency: str
    name: str
    quote: RateQuote | None  # None: stored rates exist but none reach the base currency


def latest_rates(*, on: datetime.date, currency: str = "") -> list[CurrencyRate]:
    """Each currency that has a rate on or before ``on`` (or only ``currency``), with its
    latest rate in the base currency by the rule above. One query."""
    base = base_currency()
    book = _Book(_latest_rows(on))
    codes = sorted(book.currencies() - {base})
    if currency:
        codes = [c for c in codes if c == currency]
    return [
        CurrencyRate(code, currency_name(code), _resolve(book, code, base, on)) for code in codes
    ]


@dataclass(frozen=True)
class HistoryRow:
    rate: Rate  # as stored, with its pair, source, who and when
    in_base: RateQuote | None  # the same day's value of the currency in the base currency


def rate_history(currency: str, *, limit: int = HISTORY_LIMIT) -> list[HistoryRow]:
    """The stored rates that name ``currency`` (either side), newest first, each with the
    currency's value in the base currency from the rates of that same day. Two queries."""
    base = base_currency()
    rows = list(
        Rate.objects.filter(Q(currency=currency) | Q(quote=currency))
        .select_related("entered_by")
        .order_by("-day", "currency", "quote", "source")[:limit]
    )
    days = {row.day for row in rows}
    codes = sorted({currency, base, EUR})
    same_day: dict[datetime.date, list[Rate]] = defaultdict(list)
    for row in Rate.objects.filter(day__in=days, currency__in=codes, quote__in=codes):
        same_day[row.day].append(row)
    books = {day: _Book(same_day[day]) for day in days}
    return [
        HistoryRow(
            row,
            None if currency == base else _resolve(books[row.day], currency, base, row.day),
        )
        for row in rows
    ]


def known_currencies() -> list[str]:
    """Currencies offered in the rates forms: every current ISO 4217 code."""
    return all_currencies()
