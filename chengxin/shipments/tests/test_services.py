"""Shipments from an order's lines, their steps, and the order's schedule following."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chengxin.audit.models import AuditEntry
from chengxin.notifications.models import Notification
from chengxin.orders.models import Order, OrderShipment, OrderState
from chengxin.shipments import services
from chengxin.shipments.models import Container, Shipment, ShipmentLine, State, StepKind
from chengxin.shipments.services import ContainerIn

from .conftest import NOW

BL_AT = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)


def _create(owner, order, lines, **details):
    return services.shipment_create(actor=owner, order=order, lines=lines, details=details, now=NOW)


def _balance_due(order):
    return list(
        order.schedule.filter(kind="balance").order_by("position").values_list("amount", "due_at")
    )


@pytest.mark.django_db
def test_a_partial_shipment_records_what_leaves_and_copies_the_incoterm(owner, order, panel):
    shipment = _create(
        owner, order, {panel.pk: "40"}, mode="sea", carrier="cosco shipping",
        port_of_loading="cnngb", port_of_discharge="DEHAM", etd=datetime.date(2026, 3, 10),
        eta=datetime.date(2026, 4, 20),
    )  # fmt: skip
    assert (shipment.reference, shipment.state) == ("S1", State.PLANNED)
    assert (shipment.incoterm, shipment.named_place) == ("FOB", "Ningbo")
    assert (shipment.carrier, shipment.port_of_loading) == ("COSU", "CNNGB")
    assert [(r.order_line_id, r.quantity) for r in shipment.lines.all()] == [
        (panel.pk, Decimal("40.000"))
    ]
    commercial = OrderShipment.objects.get(order=order, reference="S1")
    assert commercial.eta == datetime.date(2026, 4, 20)
    assert [(r.order_line_id, r.quantity) for r in commercial.lines.all()] == [
        (panel.pk, Decimal("40.000"))
    ]
    panel.refresh_from_db()
    assert panel.remaining_quantity == Decimal("60.000")
    assert list(shipment.steps.values_list("kind", flat=True)) == [StepKind.PLANNED]


@pytest.mark.django_db
def test_never_more_than_remains_across_shipments(english, owner, order, panel, driver):
    _create(owner, order, {panel.pk: "70"})
    with pytest.raises(ValidationError) as caught:
        _create(owner, order, {panel.pk: "31", driver.pk: "10"})
    assert "more than the 30.000 pcs that remain" in " ".join(caught.value.message_dict["lines"])
    assert Shipment.objects.count() == 1 and OrderShipment.objects.count() == 1
    second = _create(owner, order, {panel.pk: "30", driver.pk: "100"})
    assert second.reference == "S2"
    order.refresh_from_db()
    assert order.state == OrderState.SHIPPED


@pytest.mark.django_db
def test_bad_input_is_refused_field_by_field_and_nothing_is_written(english, owner, order, panel):
    entries = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.shipment_create(
            actor=owner, order=order, lines={panel.pk: "-1", 999999: "1"},
            details={
                "mode": "sea", "carrier": "MAEU", "bl_number": "HLCU123456789",
                "port_of_loading": "XQSHA", "port_of_discharge": "CN-SH",
                "tracking_number": "CSQU3054384", "etd": datetime.date(2026, 5, 1),
                "eta": datetime.date(2026, 4, 1), "notes": "x" * 5001,
            },
            containers=[ContainerIn("MSKU1806519")],
            now=NOW,
        )  # fmt: skip
    errors = caught.value.message_dict
    assert set(errors) >= {
        "lines", "bl_number", "port_of_loading", "port_of_discharge", "tracking_number",
        "eta", "notes", "containers.0.number",
    }  # fmt: skip
    assert "HLCU" in errors["bl_number"][0] and "Maersk" in errors["bl_number"][0]
    assert "should be 3, not 4" in errors["tracking_number"][0]
    assert "XQ is not a country code" in errors["port_of_loading"][0]
    assert Shipment.objects.count() == 0 and Container.objects.count() == 0
    assert AuditEntry.objects.count() == entries


@pytest.mark.django_db
def test_finance_sees_but_cannot_ship_and_others_do_not_see_the_order(
    finance, colleague, outsider, order, panel
):
    with pytest.raises(PermissionDenied):
        _create(finance, order, {panel.pk: "1"})
    for user in (colleague, outsider):
        with pytest.raises(Order.DoesNotExist):
            _create(user, order, {panel.pk: "1"})
    assert Shipment.objects.count() == 0


@pytest.mark.django_db
def test_the_bl_date_starts_the_balance_clock_and_moving_it_moves_the_due_date(
    owner, order, panel, driver, django_capture_on_commit_callbacks
):
    shipment = _create(owner, order, {panel.pk: "100", driver.pk: "100"}, carrier="COSU")
    assert [due for _amount, due in _balance_due(order)] == [None]
    details = {
        "mode": "sea", "carrier": "COSU", "bl_number": "COSU6301234560",
        "bl_issued_at": BL_AT,
    }  # fmt: skip
    services.shipment_update(actor=owner, shipment=shipment, details=details, now=NOW)
    assert _balance_due(order) == [(Decimal("1050.000"), BL_AT + datetime.timedelta(hours=48))]

    moved = BL_AT + datetime.timedelta(days=1)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.shipment_update(
            actor=owner, shipment=shipment, details={**details, "bl_issued_at": moved}, now=NOW
        )
    assert _balance_due(order) == [(Decimal("1050.000"), moved + datetime.timedelta(hours=48))]
    assert Notification.objects.filter(user=order.owner).exists()
    commercial = OrderShipment.objects.get(order=order, reference=shipment.reference)
    assert (commercial.bl_number, commercial.bl_issued_at) == ("COSU6301234560", moved)
    steps = list(shipment.steps.values_list("kind", flat=True))
    assert steps == [StepKind.PLANNED, StepKind.EDITED, StepKind.EDITED]


@pytest.mark.django_db
def test_the_steps_in_order_and_none_skipped(owner, order, panel):
    shipment = _create(owner, order, {panel.pk: "10"})
    with pytest.raises(ValidationError) as caught:
        services.shipment_book(actor=owner, shipment=shipment, now=NOW)
    assert "carrier" in caught.value.message_dict
    with pytest.raises(ValidationError):
        services.shipment_arrive(actor=owner, shipment=shipment, now=NOW)
    shipment.carrier = "MSCU"
    shipment.save(update_fields=["carrier"])
    services.shipment_book(actor=owner, shipment=shipment, now=NOW)
    departed = NOW - datetime.timedelta(hours=5)
    services.shipment_depart(actor=owner, shipment=shipment, at=departed, now=NOW)
    with pytest.raises(ValidationError):
        services.shipment_arrive(
            actor=owner, shipment=shipment, at=departed - datetime.timedelta(hours=1), now=NOW
        )
    services.shipment_arrive(actor=owner, shipment=shipment, now=NOW)
    services.shipment_deliver(actor=owner, shipment=shipment, now=NOW)
    shipment.refresh_from_db()
    assert shipment.state == State.DELIVERED
    commercial = OrderShipment.objects.get(order=order, reference=shipment.reference)
    assert (commercial.shipped_at, commercial.delivered_at) == (departed, NOW)
    with pytest.raises(ValidationError):
        services.shipment_deliver(actor=owner, shipment=shipment, now=NOW)


@pytest.mark.django_db
def test_lines_change_before_departure_only(owner, order, panel, driver):
    shipment = _create(owner, order, {panel.pk: "10"})
    services.shipment_update(
        actor=owner, shipment=shipment, details={"mode": "sea"},
        lines={panel.pk: "20", driver.pk: "5"}, now=NOW,
    )  # fmt: skip
    assert dict(ShipmentLine.objects.values_list("order_line_id", "quantity")) == {
        panel.pk: Decimal("20.000"), driver.pk: Decimal("5.000"),
    }  # fmt: skip
    commercial = OrderShipment.objects.get(order=order)
    assert dict(commercial.lines.values_list("order_line_id", "quantity")) == {
        panel.pk: Decimal("20.000"), driver.pk: Decimal("5.000"),
    }  # fmt: skip
    services.shipment_depart(actor=owner, shipment=shipment, now=NOW)
    with pytest.raises(ValidationError) as caught:
        services.shipment_update(
            actor=owner, shipment=shipment, details={"mode": "sea"}, lines={panel.pk: "1"},
            now=NOW,
        )  # fmt: skip
    assert "lines" in caught.value.message_dict


@pytest.mark.django_db
def test_containers_are_checked_and_listed_once(english, owner, order, panel):
    shipment = _create(owner, order, {panel.pk: "1"}, containers=None)
    box = services.container_add(actor=owner, shipment=shipment, number="msku 180651-0", seal="A1")
    assert str(box) == "MSKU 180651 0"
    with pytest.raises(ValidationError):
        services.container_add(actor=owner, shipment=shipment, number="MSKU1806510")
    with pytest.raises(ValidationError) as caught:
        services.container_add(actor=owner, shipment=shipment, number="MSKU1806511")
    assert "should be 0, not 1" in caught.value.message_dict["number"][0]


@pytest.mark.django_db
def test_courier_numbers_are_checked_against_the_courier(owner, order, panel):
    with pytest.raises(ValidationError) as caught:
        _create(owner, order, {panel.pk: "1"}, mode="courier", carrier="DHL",
                tracking_number="3318810010")  # fmt: skip
    assert "tracking_number" in caught.value.message_dict
    shipment = _create(
        owner, order, {panel.pk: "1"}, mode="courier", carrier="ems",
        tracking_number="EA 123456785 CN",
    )  # fmt: skip
    assert (shipment.carrier, shipment.tracking_number) == ("EMS", "EA123456785CN")


@pytest.mark.django_db
def test_an_event_by_hand_with_an_eta_moves_the_order(owner, order, panel):
    shipment = _create(owner, order, {panel.pk: "1"}, eta=datetime.date(2026, 4, 1))
    event = services.tracking_event_add(
        actor=owner, shipment=shipment, at=NOW, code="transshipped", location="SGSIN",
        eta=datetime.date(2026, 4, 9), now=NOW,
    )  # fmt: skip
    assert (event.code, event.source) == ("TRANSSHIPPED", "by_hand")
    assert OrderShipment.objects.get(order=order).eta == datetime.date(2026, 4, 9)
    with pytest.raises(ValidationError):
        services.tracking_event_add(
            actor=owner, shipment=shipment, at=NOW, code="TRANSSHIPPED", location="SGSIN",
            eta=datetime.date(2026, 4, 9), now=NOW,
        )  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        services.tracking_event_add(
            actor=owner, shipment=shipment, at=NOW + datetime.timedelta(days=3), code="", now=NOW
        )
    assert set(caught.value.message_dict) == {"at", "code"}


@pytest.mark.django_db
def test_creating_and_moving_the_bl_is_in_the_audit_trail(owner, order, panel, company):
    shipment = _create(owner, order, {panel.pk: "5"}, containers=None)
    created = AuditEntry.objects.filter(object_type="shipment", action="create").get()
    assert (created.company_id, created.actor_id) == (company.pk, owner.pk)
    assert created.after["reference"] == "S1"
    services.shipment_update(
        actor=owner, shipment=shipment, now=NOW,
        details={"mode": "sea", "bl_number": "ZIMUSHH1234567", "bl_issued_at": BL_AT},
    )  # fmt: skip
    update = AuditEntry.objects.filter(object_type="shipment", action="update").latest("seq")
    assert update.before["bl_issued_at"] is None
    assert update.after["bl_issued_at"] == BL_AT.isoformat()


@pytest.mark.django_db
def test_a_cancelled_shipment_frees_its_quantities(owner, order, panel):
    shipment = _create(owner, order, {panel.pk: "100"})
    with pytest.raises(ValidationError) as caught:
        services.shipment_cancel(actor=owner, shipment=shipment, reason=" ", now=NOW)
    assert "reason" in caught.value.message_dict
    services.shipment_cancel(actor=owner, shipment=shipment, reason="Buyer moved it", now=NOW)
    shipment.refresh_from_db()
    assert shipment.state == State.CANCELLED
    panel.refresh_from_db()
    assert panel.remaining_quantity == Decimal("100.000")
    assert not OrderShipment.objects.get(order=order, reference="S1").lines.exists()
    assert _create(owner, order, {panel.pk: "100"}).reference == "S2"
    with pytest.raises(ValidationError):
        services.shipment_depart(actor=owner, shipment=shipment, now=NOW)
