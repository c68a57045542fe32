"""The contract other apps code against: order_shipment_record."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from chengxin.notifications.models import Notification
from chengxin.orders import services
from chengxin.orders.models import OrderShipment, OrderState
from chengxin.orders.terms import Balance, Deposit, PaymentTerms, Trigger

NOW = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def make_order(actor, company, terms=None, quantity="100"):
    return services.order_create(
        actor=actor,
        company=company,
        currency="USD",
        incoterm="FOB",
        named_place="Ningbo",
        lines=[
            services.LineIn(
                description="LED panel", quantity=Decimal(quantity), unit_price=Decimal("10")
            ),
            services.LineIn(description="Driver", quantity=Decimal("100"), unit_price=Decimal("5")),
        ],
        terms=terms,
        order_date=datetime.date(2026, 3, 1),
        now=NOW,
    )


@pytest.mark.django_db(transaction=False)
def test_partial_shipment_splits_the_balance_and_a_moved_bl_tells_the_owner(
    owner, company, django_capture_on_commit_callbacks
):
    terms = PaymentTerms(
        (Deposit(percent=Decimal(30)), Balance(trigger=Trigger.BL_HOURS, hours=48))
    )
    order = make_order(owner, company, terms)
    assert order.total == Decimal("1500.000")
    line = order.lines.get(description="LED panel")
    bl = datetime.datetime(2026, 4, 1, 10, 0, tzinfo=datetime.UTC)
    shipment = services.order_shipment_record(
        actor=owner,
        order=order,
        reference="SH-1",
        lines={line.pk: Decimal("50")},
        shipped_at=bl,
        bl_issued_at=bl,
        now=NOW,
    )
    assert isinstance(shipment, OrderShipment)
    order.refresh_from_db()
    assert order.state == OrderState.PARTLY_SHIPPED
    rows = list(order.schedule.values_list("amount", "due_at"))
    # 450 deposit; balance 1050 split: shipment of 500 of 1500 -> 350 due B/L + 48 h.
    assert rows[0] == (Decimal("450.000"), datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))
    assert rows[1] == (Decimal("350.000"), bl + datetime.timedelta(hours=48))
    assert rows[2] == (Decimal("700.000"), None)
    assert sum(r[0] for r in rows) == order.total
    with django_capture_on_commit_callbacks(execute=True):
        services.order_shipment_record(
            actor=owner,
            order=order,
            reference="SH-1",
            lines={line.pk: Decimal("50")},
            shipped_at=bl,
            bl_issued_at=bl + datetime.timedelta(days=3),
            now=NOW,
        )
    due = order.schedule.get(position=2).due_at
    assert due == bl + datetime.timedelta(days=3, hours=48)
    note = Notification.objects.get(user=owner, kind="orders.due_moved")
    assert order.number in note.title


def test_more_than_remains_is_refused(owner, company):
    order = make_order(owner, company)
    line = order.lines.first()
    with pytest.raises(ValidationError, match="remain"):
        services.order_shipment_record(
            actor=owner, order=order, reference="SH-1", lines={line.pk: Decimal("101")}, now=NOW
        )
    assert not OrderShipment.objects.exists()


def test_the_system_records_a_cancelled_shipment_and_a_late_delivery(owner, company):
    order = make_order(owner, company)
    lines = {x.pk: x.quantity for x in order.lines.all()}
    services.order_shipment_record(actor=None, order=order, reference="S1", lines=lines, now=NOW)
    order.refresh_from_db()
    assert order.state == OrderState.SHIPPED
    # The shipment is cancelled: nothing shipped, the order back in production.
    services.order_shipment_record(actor=None, order=order, reference="S1", lines={}, now=NOW)
    order.refresh_from_db()
    assert order.state == OrderState.IN_PRODUCTION
    assert all(line.shipped_quantity == 0 for line in order.lines.all())
    services.order_shipment_record(actor=owner, order=order, reference="S1", lines=lines, now=NOW)
    services.order_advance(actor=owner, order=order, step="completed", now=NOW)
    delivered = NOW + datetime.timedelta(days=40)
    services.order_shipment_record(
        actor=None, order=order, reference="S1", lines=lines, delivered_at=delivered, now=NOW
    )
    assert OrderShipment.objects.get(order=order).delivered_at == delivered
    with pytest.raises(ValidationError, match="completed"):
        services.order_shipment_record(actor=None, order=order, reference="S1", lines={}, now=NOW)
