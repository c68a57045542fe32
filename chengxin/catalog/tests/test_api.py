"""Products through the API: read by everyone signed in, changed by managers and
administrators, with the HS path and warning in every answer."""

import datetime

import pytest

from chengxin.catalog.models import Product, StockLevel
from chengxin.testing import Api


def test_the_list_pages_and_searches(owner, lamp, shirt):
    api = Api(owner)
    body = api.get("/products").json()
    assert body["count"] == 2 and [p["sku"] for p in body["items"]] == ["LED-CL-40", "TS-100"]
    assert api.get("/products", {"q": "cotton"}).json()["count"] == 1
    assert api.get("/products", {"hs_code": "9405"}).json()["items"][0]["sku"] == "LED-CL-40"
    assert api.get("/products", {"limit": 1, "offset": 1}).json()["items"][0]["sku"] == "TS-100"
    assert api.get("/products", {"limit": 0}).status_code == 422


def test_one_product_with_its_hs_path_and_stock(finance, lamp):
    StockLevel.objects.create(
        product=lamp,
        quantity="12.5",
        unit="pcs",
        as_of=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        received_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        source="api",
    )
    body = Api(finance).get(f"/products/{lamp.pk}").json()
    assert body["hs_code"] == "940511"
    assert [line["code"] for line in body["hs_path"]] == ["94", "9405", "940511"]
    assert body["hs_warning"] == "" and body["hs_error"] == ""
    assert body["origin_country_name"] == "China"
    assert body["names"]["de"] == "LED-Deckenleuchte 40 W"
    assert body["stock"]["quantity"] == "12.500" and body["stock"]["stale"] is True


def test_reading_needs_a_valid_token(outsider, owner, lamp):
    assert Api(None).get("/products").status_code == 401
    assert Api(outsider).get(f"/products/{lamp.pk}").status_code == 401
    assert Api(owner).get("/products/999999").status_code == 404
    assert Api(owner).delete(f"/products/{lamp.pk}").status_code == 405


BODY = {
    "sku": "FAN-01",
    "name": "Electric ceiling fan",
    "names": {"de": "Deckenventilator"},
    "hs_code": "8414.51",
    "moq": "200",
    "net_weight_kg": "5.4",
    "gross_weight_kg": "6.1",
    "origin_country": "VN",
}


def test_a_manager_creates_and_changes_a_product(manager):
    api = Api(manager)
    response = api.post("/products", BODY)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["hs_code"] == "841451" and created["hs_warning"] == ""
    assert created["origin_country_name"] == "Vietnam"
    response = api.patch(f"/products/{created['id']}", {"hs_code": "610910"})
    assert response.status_code == 200
    assert "share no word" in response.json()["hs_warning"]
    assert Product.objects.get().hs_code == "610910" and Product.objects.get().moq == 200


@pytest.mark.parametrize(
    "change, field",
    [
        ({"hs_code": "841499"}, "hs_code"),
        ({"hs_code": "8414"}, "hs_code"),
        ({"names": {"xx": "Name"}}, "names"),
        ({"origin_country": "ZZ"}, "origin_country"),
        ({"gross_weight_kg": "1"}, "gross_weight_kg"),
        ({"moq": "-1"}, "moq"),
        ({"moq": "1e20"}, "moq"),
        ({"sku": ""}, "sku"),
        ({"name": "x" * 201}, "name"),
        ({"lead_time_days": 100000}, "lead_time_days"),
    ],
)
def test_bad_input_is_422_and_nothing_written(admin_user, change, field):
    response = Api(admin_user).post("/products", {**BODY, **change})
    assert response.status_code == 422
    assert field in response.json()["errors"], response.json()
    assert not Product.objects.exists()


def test_a_null_for_a_required_field_is_422(manager, lamp):
    response = Api(manager).patch(f"/products/{lamp.pk}", {"sku": None})
    assert response.status_code == 422 and "sku" in response.json()["errors"]


def test_sales_and_finance_may_not_change_products(owner, finance, lamp):
    for user in (owner, finance):
        api = Api(user)
        assert api.post("/products", BODY).status_code == 403
        assert api.patch(f"/products/{lamp.pk}", {"moq": "1"}).status_code == 403
    assert Product.objects.get(pk=lamp.pk).moq == 100
    assert Api(owner).patch("/products/999999", {"moq": "1"}).status_code == 404
