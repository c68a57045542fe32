"""The API: same services, same rules; 404 / 403 / 422."""

from decimal import Decimal

from chengxin.orders.models import Order
from chengxin.testing import Api

ORDER = {
    "currency": "EUR", "incoterm": "DAP", "named_place": "Warehouse, Hamburg",
    "lines": [{"description": "Lamp", "quantity": "10", "unit_price": "4.25"}],
    "terms": {"lines": [{"kind": "deposit", "percent": "20"},
                        {"kind": "balance", "trigger": "bl_hours", "hours": 48}]},
}  # fmt: skip


def test_order_create_read_pay(owner, finance, colleague, company):
    api = Api(owner)
    response = api.post("/orders", {**ORDER, "company_id": company.pk})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["incoterm"] == "DAP" and Decimal(body["total"]) == Decimal("42.5")
    assert [Decimal(x["amount"]) for x in body["schedule"]] == [Decimal("8.5"), Decimal("34")]
    pk = body["id"]
    assert Api(colleague).get(f"/orders/{pk}").status_code == 404
    assert api.get(f"/orders/{pk}/schedule").status_code == 200
    payment = {"amount": "8.5", "currency": "EUR", "received_on": "2026-01-02"}
    assert api.post(f"/orders/{pk}/payments", payment).status_code == 403
    assert Api(finance).post(f"/orders/{pk}/payments", payment).status_code == 201
    balance = api.get(f"/customers/{company.pk}/open-balance").json()
    assert Decimal(balance["balances"][0]["open_balance"]) == Decimal("34")
    assert Api(colleague).get(f"/customers/{company.pk}/open-balance").status_code == 404
    assert Api(None).get("/orders").status_code == 401


def test_bad_input_422_nothing_written(owner, company):
    api = Api(owner)
    for bad in (
        {**ORDER, "named_place": ""},
        {**ORDER, "incoterm": "XXX"},
        {**ORDER, "currency": "ZZZ"},
        {**ORDER, "lines": []},
        {**ORDER, "terms": {"lines": [{"kind": "balance", "trigger": "moon"}]}},
        {**ORDER, "lines": [{"description": "x", "quantity": "-1", "unit_price": "1"}]},
        {**ORDER, "lines": [{"description": "x" * 501, "quantity": "1", "unit_price": "1"}]},
    ):
        response = api.post("/orders", {**bad, "company_id": company.pk})
        assert response.status_code == 422, (bad, response.content)
    assert not Order.objects.exists()


def test_quote_flow_and_wrong_step(owner, company):
    api = Api(owner)
    quote = api.post(
        "/quotes", {**ORDER, "company_id": company.pk, "valid_until": "2099-12-31"}
    ).json()
    assert quote["state"] == "draft"
    assert api.post(f"/quotes/{quote['id']}/accept").status_code == 422
    assert api.post(f"/quotes/{quote['id']}/send").json()["state"] == "sent"
    order = api.post(f"/quotes/{quote['id']}/accept")
    assert order.status_code == 201 and order.json()["quote_id"] == quote["id"]
    assert api.get(f"/quotes/{quote['id']}").json()["order_id"] == order.json()["id"]
