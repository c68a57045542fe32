"""The rates pages: who may open what, what a user sees (stale, no rate, sources), the
form, the CSV upload with its problems, query counts."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chengxin.fx.ecb import FixedEcbRates
from chengxin.fx.models import Rate, Source
from chengxin.fx.services import rate_record, rates_load_ecb
from chengxin.testing import login

from .conftest import FRIDAY

pytestmark = pytest.mark.django_db

PAGES = {
    "list": reverse("fx:rate_list"),
    "history": reverse("fx:rate_history", args=["USD"]),
    "record": reverse("fx:rate_record"),
    "import": reverse("fx:rates_import"),
}


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_and_deactivated_users_are_sent_to_login(client, outsider, page):
    assert reverse("accounts:login") in client.get(PAGES[page])["Location"]
    login(client, outsider)
    assert reverse("accounts:login") in client.get(PAGES[page])["Location"]


@pytest.mark.parametrize(
    ("page", "method"),
    [("list", "post"), ("history", "post"), ("record", "put"), ("import", "delete")],
)
def test_a_wrong_method_gets_405(client, finance, page, method):
    login(client, finance)
    assert getattr(client, method)(PAGES[page]).status_code == 405


def test_a_sales_rep_reads_rates_but_may_not_enter_them(client, owner, ecb, english):
    login(client, owner)
    page = client.get(PAGES["list"])
    assert page.status_code == 200
    assert b"Enter a rate" not in page.content
    assert client.get(PAGES["history"]).status_code == 200
    assert client.get(PAGES["record"]).status_code == 403
    assert (
        client.post(
            PAGES["record"], {"currency": "AED", "quote": "CNY", "day": "2026-12-04", "rate": "1.9"}
        ).status_code
        == 403
    )
    assert client.get(PAGES["import"]).status_code == 403
    assert not Rate.objects.filter(currency="AED").exists()


def test_the_list_shows_each_currency_in_the_base_with_date_source_and_stale(
    client, finance, ecb, english, settings
):
    rate_record(
        actor=finance, currency="RUB", day=FRIDAY - datetime.timedelta(days=60), rate="0.0901"
    )
    login(client, finance)
    page = client.get(PAGES["list"]).content.decode()
    assert "1 USD = 7.3333333333333333333 CNY" in page
    assert "2026-12-04" in page and "ECB reference rate" in page
    assert "1 RUB = 0.0901 CNY" in page and "entered by hand" in page
    assert page.count('data-testid="fx-stale"') >= 1  # RUB, 60 days old
    only_rub = client.get(PAGES["list"], {"currency": "RUB"}).content.decode()
    assert only_rub.count('data-testid="rate-row"') == 1


def test_the_list_page_runs_the_same_queries_for_3_or_30_currencies(client, owner, ecb):
    login(client, owner)
    client.get(PAGES["list"])
    with CaptureQueriesContext(connection) as few:
        client.get(PAGES["list"])
    many = {
        code: Decimal(index + 1)
        for index, code in enumerate(
            [
                "AUD",
                "BRL",
                "CAD",
                "CHF",
                "CZK",
                "DKK",
                "GBP",
                "HKD",
                "HUF",
                "IDR",
                "ILS",
                "INR",
                "ISK",
                "KRW",
                "MXN",
                "MYR",
                "NOK",
                "NZD",
                "PHP",
                "PLN",
                "RON",
                "SEK",
                "SGD",
                "THB",
                "TRY",
                "ZAR",
            ]
        )
    }
    rates_load_ecb(since=FRIDAY, until=FRIDAY, source=FixedEcbRates({FRIDAY: many}))
    with CaptureQueriesContext(connection) as lots:
        page = client.get(PAGES["list"])
    assert page.content.decode().count('data-testid="rate-row"') == 29
    assert len(lots) == len(few) <= 8


def test_history_of_one_currency_with_its_value_in_the_base(client, owner, ecb, english):
    login(client, owner)
    page = client.get(PAGES["history"]).content.decode()
    assert "1 EUR = 1.05 USD" in page
    assert "1 USD = 7.3333333333333333333 CNY" in page
    assert client.get(reverse("fx:rate_history", args=["XYZ"])).status_code == 404


def test_finance_enters_a_rate_and_sees_a_refusal_on_the_form(client, finance, english):
    login(client, finance)
    assert client.get(PAGES["record"]).status_code == 200
    bad = client.post(
        PAGES["record"], {"currency": "AED", "quote": "CNY", "day": "2026-12-04", "rate": "1,94"}
    )
    assert bad.status_code == 200 and "decimal point" in bad.content.decode()
    done = client.post(
        PAGES["record"], {"currency": "AED", "quote": "CNY", "day": "2026-12-04", "rate": "1.94"}
    )
    assert done["Location"] == reverse("fx:rate_history", args=["AED"])
    rate = Rate.objects.get()
    assert (rate.rate, rate.source, rate.entered_by) == (Decimal("1.94"), Source.MANUAL, finance)


def test_the_csv_upload_lists_every_problem_and_imports_a_good_file(client, manager, english):
    login(client, manager)
    assert client.get(PAGES["import"]).status_code == 200
    bad = SimpleUploadedFile(
        "rates.csv", b"date,currency,rate\n2026-12-04,XYZ,1\n2026-12-04,AED,zero\n"
    )
    page = client.post(PAGES["import"], {"file": bad})
    text = page.content.decode()
    assert page.status_code == 200 and "Nothing was imported" in text
    assert "Row 2: “XYZ” is not an ISO 4217 currency code." in text
    assert "Row 3: “zero” is not a rate" in text
    assert not Rate.objects.exists()
    good = SimpleUploadedFile("rates.csv", b"date,currency,rate\n2026-12-04,AED,1.94\n")
    assert client.post(PAGES["import"], {"file": good})["Location"] == PAGES["list"]
    assert Rate.objects.get().file_name == "rates.csv"


def _render(text, **context):
    return Template("{% load fx_tags %}" + text).render(Context(context))


def test_in_base_shows_the_rate_date_source_stale_and_no_rate(ecb, english):
    shown = _render('{% in_base amount "USD" on=day %}', amount=Decimal("100"), day=FRIDAY)
    assert (
        "CNY" in shown
        and "733.33" in shown
        and "2026-12-04" in shown
        and "ECB reference rate" in shown
    )
    assert "fx-stale" not in shown
    late = _render('{% in_base amount "USD" on="2026-12-20" %}', amount=Decimal("100"))
    assert "fx-stale" in late and "stale" in late
    missing = _render('{% in_base amount "AED" on=day %}', amount=Decimal("100"), day=FRIDAY)
    assert "fx-no-rate" in missing and "no rate AED → CNY" in missing
    for amount, currency, on in [
        ("abc", "USD", FRIDAY),
        (Decimal(1), "", FRIDAY),
        (Decimal(1), "USD", "not a day"),
        (Decimal(1), None, None),
    ]:
        assert "fx-no-rate" in _render(
            "{% in_base amount currency on=on %}", amount=amount, currency=currency, on=on
        )
    assert _render('{% in_base amount "CNY" %}', amount=Decimal("5")).count("5.00") == 1
    assert _render('{% in_base amount "USD" %}', amount=None) == ""
