"""The shipments API: the owner plans, changes and moves a shipment; others get 404 or
403; bad input 422 with nothing written."""

import datetime
from decimal import Decimal

import pytest

from chengxin.orders.models import OrderShipment
from chengxin.shipments import services
from chengxin.shipments.models import Container, Shipment, State, TrackingEvent
from chengxin.testing import Api

from .conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipment(owner, order, panel):
    return services.shipment_create(
        actor=owner, order=order, lines={panel.pk: Decimal("40")},
        details={"carrier": "COSU", "eta": datetime.date(2026, 4, 20)}, now=NOW,
    )  # fmt: skip


def test_the_owner_plans_a_shipment_and_the_order_records_it(owner, order, panel, driver):
    api = Api(owner)
    response = api.post("/shipments", {
        "order_id": order.pk, "mode": "sea", "carrier": "hapag-lloyd",
        "bl_number": "HLCUSHA2603001", "bl_issued_at": "2026-03-01T10:00:00Z",
        "port_of_loading": "CNSHA", "port_of_discharge": "NLRTM", "eta": "2026-04-10",
        "lines": [{"order_line_id": panel.pk, "quantity": "25.5"},
                  {"order_line_id": driver.pk, "quantity": "100"}],
        "containers": [{"number": "TCNU 720079 4", "type": "40HC", "seal": "S-991"}],
    })  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["carrier"], body["state"], body["incoterm"]) == ("HLCU", "planned", "FOB")
    assert body["containers"][0]["number"] == "TCNU7200794"
    assert [s["kind"] for s in body["steps"]] == ["planned"]
    commercial = OrderShipment.objects.get(order=order, reference=body["reference"])
    assert commercial.bl_number == "HLCUSHA2603001"
    assert dict(commercial.lines.values_list("order_line_id", "quantity")) == {
        panel.pk: Decimal("25.500"), driver.pk: Decimal("100.000"),
    }  # fmt: skip


def test_bad_input_is_a_422_naming_each_field_and_nothing_is_written(owner, order, panel):
    api = Api(owner)
    response = api.post("/shipments", {
        "order_id": order.pk, "carrier": "MSCU", "bl_number": "MAEU123456789",
        "lines": [{"order_line_id": panel.pk, "quantity": "101"}],
        "containers": [{"number": "CSQU3054384"}],
    })  # fmt: skip
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"bl_number", "lines", "containers.0.number"}
    assert Shipment.objects.count() == 0 and OrderShipment.objects.count() == 0
    twice = api.post("/shipments", {"order_id": order.pk, "lines": [
        {"order_line_id": panel.pk, "quantity": "1"}, {"order_line_id": panel.pk, "quantity": "1"}
    ]})  # fmt: skip
    assert twice.status_code == 422


def test_others_get_404_finance_403_anonymous_401(
    colleague, outsider, finance, shipment, order, panel
):
    for user in (colleague, outsider):
        api = Api(user)
        assert api.get(f"/shipments/{shipment.pk}").status_code in (401, 404)
        assert api.post(f"/shipments/{shipment.pk}/book").status_code in (401, 404)
        assert api.get("/shipments").json().get("count", 0) == 0
    reader = Api(finance)
    assert reader.get(f"/shipments/{shipment.pk}").status_code == 200
    assert reader.post(f"/shipments/{shipment.pk}/book").status_code == 403
    body = {"order_id": order.pk, "lines": [{"order_line_id": panel.pk, "quantity": "1"}]}
    assert reader.post("/shipments", body).status_code == 403
    assert Api(None).get("/shipments").status_code == 401
    assert Shipment.objects.get().state == State.PLANNED


def test_patch_keeps_the_other_fields_and_moves_the_order(owner, shipment, order):
    api = Api(owner)
    response = api.patch(f"/shipments/{shipment.pk}", {"eta": "2026-04-28"})
    assert response.status_code == 200
    assert (response.json()["eta"], response.json()["carrier"]) == ("2026-04-28", "COSU")
    assert OrderShipment.objects.get(order=order).eta == datetime.date(2026, 4, 28)


def test_the_steps_through_the_api(owner, shipment):
    api = Api(owner)
    assert api.post(f"/shipments/{shipment.pk}/arrive", {}).status_code == 422
    assert api.post(f"/shipments/{shipment.pk}/book").json()["state"] == "booked"
    departed = api.post(f"/shipments/{shipment.pk}/depart", {"at": "2026-03-01T12:00:00Z"})
    assert departed.json()["departed_at"].startswith("2026-03-01T12:00")
    assert api.post(f"/shipments/{shipment.pk}/deliver", {}).json()["state"] == "delivered"
    naive = api.post(f"/shipments/{shipment.pk}/deliver", {"at": "2026-03-01T12:00:00"})
    assert naive.status_code == 422


def test_containers_and_events(owner, shipment):
    api = Api(owner)
    added = api.post(f"/shipments/{shipment.pk}/containers", {"number": "GYOU4047990"})
    assert added.status_code == 201
    assert (
        api.post(f"/shipments/{shipment.pk}/containers", {"number": "GYOU4047991"}).status_code
        == 422
    )
    assert [c["number"] for c in api.get(f"/shipments/{shipment.pk}/containers").json()] == [
        "GYOU4047990"
    ]
    assert api.delete(f"/containers/{added.json()['id']}").status_code == 204
    assert Container.objects.count() == 0
    event = api.post(f"/shipments/{shipment.pk}/events",
                     {"at": "2026-03-01T08:00:00+08:00", "code": "gate in", "eta": "2026-04-22"})  # fmt: skip
    assert event.status_code == 201 and event.json()["code"] == "GATE IN"
    assert api.get(f"/shipments/{shipment.pk}").json()["eta"] == "2026-04-22"
    assert len(api.get(f"/shipments/{shipment.pk}/events").json()) == 1
    assert TrackingEvent.objects.get().at == datetime.datetime(2026, 3, 1, 0, tzinfo=datetime.UTC)


def test_the_list_filters_and_its_query_count(owner, order, driver, django_assert_max_num_queries):
    for n in range(5):
        services.shipment_create(
            actor=owner, order=order, lines={driver.pk: "1"},
            details={"carrier": "ONEY", "eta": datetime.date(2026, 5, 1 + n)}, now=NOW,
        )  # fmt: skip
    api = Api(owner)
    with django_assert_max_num_queries(12):
        body = api.get("/shipments", {"eta_from": "2026-05-02", "carrier": "oney"}).json()
    assert body["count"] == 4 and len(body["items"]) == 4
    assert api.get("/shipments", {"limit": 0}).status_code == 422


def test_a_null_mode_keeps_the_mode(owner, shipment):
    api = Api(owner)
    assert api.patch(f"/shipments/{shipment.pk}", {"mode": "air"}).json()["mode"] == "air"
    assert api.patch(f"/shipments/{shipment.pk}", {"mode": None}).json()["mode"] == "air"
    assert api.patch(f"/shipments/{shipment.pk}", {"mode": "boat"}).status_code == 422
