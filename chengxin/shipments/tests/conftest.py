import datetime
from decimal import Decimal

import pytest

from chengxin.orders import services as order_services
from chengxin.orders.terms import Balance, Deposit, PaymentTerms, Trigger
from chengxin.shipments.tracking import LocalTrackingAdapter

NOW = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def order(owner, company):
    """An FOB Ningbo order of 100 LED panels at 10 USD and 100 drivers at 5 USD: 30 %
    deposit, the balance 48 hours after the bill of lading."""
    terms = PaymentTerms(
        (Deposit(percent=Decimal(30)), Balance(trigger=Trigger.BL_HOURS, hours=48))
    )
    return order_services.order_create(
        actor=owner,
        company=company,
        currency="USD",
        incoterm="FOB",
        named_place="Ningbo",
        lines=[
            order_services.LineIn(
                description="LED panel", quantity=Decimal("100"), unit_price=Decimal("10")
            ),
            order_services.LineIn(
                description="Driver", quantity=Decimal("100"), unit_price=Decimal("5")
            ),
        ],
        terms=terms,
        order_date=datetime.date(2026, 3, 1),
        now=NOW - datetime.timedelta(days=1),
    )


@pytest.fixture
def panel(order):
    return order.lines.get(description="LED panel")


@pytest.fixture
def driver(order):
    return order.lines.get(description="Driver")


@pytest.fixture(autouse=True)
def _fresh_local_tracking():
    LocalTrackingAdapter.clear()
    yield
    LocalTrackingAdapter.clear()
