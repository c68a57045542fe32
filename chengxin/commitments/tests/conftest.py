"""An order of the owner's customer (Müller Maschinenbau, German contact) to promise
dates on, and pictures made with Pillow."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from PIL import Image

from chengxin.orders import services as orders
from chengxin.testing import make_company

# Our date at NOW (Asia/Shanghai): 2027-03-01.
NOW = datetime.datetime(2027, 3, 1, 2, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2027, 3, 1)


def make_order(actor, company):
    return orders.order_create(
        actor=actor,
        company=company,
        currency="USD",
        incoterm="FOB",
        named_place="Ningbo",
        lines=[
            orders.LineIn(
                description="LED panel", quantity=Decimal("100"), unit_price=Decimal("10")
            )
        ],
        order_date=TODAY,
        now=NOW,
    )


@pytest.fixture
def order(owner, company):
    return make_order(owner, company)


@pytest.fixture
def arabic_order(owner):
    company = make_company(
        actor=owner,
        name="Al Noor Trading LLC",
        country="AE",
        email="khalid@alnoor-trading.ae",
        phone="+971 4 3456789",
        contact="Khalid Al Mansouri",
    )
    contact = company.contacts.get()
    contact.language = "ar"
    contact.time_zone = "Asia/Dubai"
    contact.save(update_fields=["language", "time_zone"])
    return make_order(owner, company)


def picture(kind: str = "JPEG", size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=kind)
    return buffer.getvalue()
