"""Amounts in the reader's locale: digit grouping, decimal mark, the currency's
decimals and its ISO code."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from chengxin.core.money import format_money

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", f"USD{NBSP}25,396.98"),
        ("zh-hans", f"USD{NBSP}25,396.98"),
        ("zh-Hans", f"USD{NBSP}25,396.98"),
        ("de", f"25.396,98{NBSP}USD"),
        ("fr", f"25\u202f396,98{NBSP}USD"),
        ("xx-unknown", f"USD{NBSP}25,396.98"),
    ],
)
def test_format_money_per_language(language, expected):
    assert format_money(Decimal("25396.98"), "USD", language=language) == expected


def test_format_money_follows_the_active_language_and_the_currencys_decimals():
    with translation.override("de"):
        assert format_money(Decimal("1234.56"), "EUR") == f"1.234,56{NBSP}EUR"
        assert format_money(Decimal("1234567"), "JPY") == f"1.234.567{NBSP}JPY"
    with translation.override("zh-hans"):
        assert format_money(Decimal("-1234.5"), "usd") == f"-USD{NBSP}1,234.50"
    assert format_money(None, "USD") == ""


def test_the_template_filter_is_the_same_function():
    template = Template("{% load money %}{{ amount|money:currency }}")
    with translation.override("de"):
        text = template.render(Context({"amount": Decimal("1234.56"), "currency": "EUR"}))
    assert text == f"1.234,56{NBSP}EUR"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_payments_page_groups_thousands(client_for, finance, company, language):
    from chengxin.banking import services
    from chengxin.testing.banking import IBAN_DE, make_account

    finance.language = language
    finance.save(update_fields=["language"])
    account = make_account(proposed_by=finance, iban=IBAN_DE, currency="USD")
    services.payment_record(
        actor=finance,
        account=account,
        company=company,
        amount=Decimal("25396.98"),
        currency="USD",
        received_on=datetime.date(2026, 11, 2),
        reference="PI-2026-118",
    )
    body = client_for(finance).get(reverse("banking:payment_list")).content.decode()
    assert f"USD{NBSP}25,396.98" in body
    assert "25396.98" not in body
