"""The rates API: list and filter, enter a rate (finance and managers), convert."""

from decimal import Decimal

import pytest

from chengxin.fx.models import Rate
from chengxin.testing import Api

from .conftest import FRIDAY, MONDAY

pytestmark = pytest.mark.django_db


def test_everyone_signed_in_lists_and_filters_rates(owner, ecb):
    api = Api(owner)
    page = api.get("/rates").json()
    assert page["count"] == 3 and {r["quote"] for r in page["items"]} == {"USD", "CNY", "JPY"}
    usd = api.get("/rates", {"currency": "usd"}).json()
    assert usd["count"] == 1
    item = usd["items"][0]
    assert (item["currency"], item["quote"], item["day"], item["source"]) == (
        "EUR",
        "USD",
        "2026-12-04",
        "ecb",
    )
    assert Decimal(item["rate"]) == Decimal("1.05") and item["entered_by"] is None


def test_anonymous_and_deactivated_get_401(outsider):
    assert Api(None).get("/rates").status_code == 401
    assert Api(None).get("/rates/convert", {"amount": "1", "currency": "USD"}).status_code == 401


def test_finance_and_managers_enter_rates_sales_get_403(finance, manager, owner):
    body = {"currency": "AED", "day": "2026-12-04", "rate": "1.9412"}
    created = Api(finance).post("/rates", body)
    assert created.status_code == 201
    assert (created.json()["quote"], created.json()["source"], created.json()["entered_by"]) == (
        "CNY",
        "manual",
        "finance",
    )
    assert (
        Api(manager).post("/rates", {**body, "quote": "USD", "rate": "0.2723"}).status_code == 201
    )
    assert Api(owner).post("/rates", {**body, "day": "2026-12-03"}).status_code == 403
    assert Rate.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"currency": "XYZ", "day": "2026-12-04", "rate": "1"}, "currency"),
        ({"currency": "AED", "quote": "AED", "day": "2026-12-04", "rate": "1"}, "quote"),
        ({"currency": "AED", "day": "2099-12-04", "rate": "1"}, "day"),
        ({"currency": "AED", "day": "2026-12-04", "rate": "0"}, "rate"),
        ({"currency": "AED", "day": "2026-12-04", "rate": "1.0000000000001"}, "rate"),
        ({"currency": "AED", "day": "2026-12-04", "rate": "1e30"}, "rate"),
        ({"currency": "AED\u0000", "day": "2026-12-04", "rate": "1"}, "currency"),
    ],
)
def test_bad_input_is_422_naming_the_field(finance, body, field):
    answer = Api(finance).post("/rates", body)
    assert answer.status_code == 422, answer.content
    assert any(field in key for key in answer.json()["errors"]), answer.json()


def test_convert_through_eur_with_date_source_and_stale(owner, ecb):
    api = Api(owner)
    answer = api.get(
        "/rates/convert", {"amount": "100", "currency": "USD", "on": MONDAY.isoformat()}
    )
    assert answer.status_code == 200
    data = answer.json()
    assert (data["amount"], data["to"], data["rate_date"], data["source"], data["stale"]) == (
        "733.33",
        "CNY",
        "2026-12-04",
        "ecb",
        False,
    )
    stale = api.get(
        "/rates/convert", {"amount": "1", "currency": "CNY", "to": "JPY", "on": "2026-12-31"}
    ).json()
    assert stale["stale"] is True and stale["amount"] == "21"


def test_convert_without_a_rate_is_422_with_a_clear_message(owner, ecb):
    answer = Api(owner).get(
        "/rates/convert", {"amount": "1", "currency": "AED", "on": FRIDAY.isoformat()}
    )
    assert answer.status_code == 422
    assert "no exchange rate from AED to CNY" in answer.json()["errors"]["__all__"][0]
    bogus = Api(owner).get("/rates/convert", {"amount": "1", "currency": "QQQ"})
    assert bogus.status_code == 422


def test_wrong_method_is_405(finance):
    assert Api(finance).delete("/rates").status_code == 405
    assert Api(finance).post("/rates/convert", {}).status_code == 405
