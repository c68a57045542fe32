"""The demo's order to cash: what a lighting exporter has on the go on a Monday.

Products with their HS codes and stock from the ERP, the ECB's rates and a few typed by
finance, an inquiry whose first-response clock ran out, quotes (one sent, one a draft),
and orders in every kind of payment term: a new buyer's deposit, a long-standing
buyer's balance 48 hours after the bill of lading (shipped, the B/L issued, the deposit
paid), an L/C at sight. One promise is at risk: the rep is asked to warn the buyer.
Everything goes through the apps' services, as a rep would do it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from chengxin.accounts.models import User
from chengxin.catalog.models import Product
from chengxin.catalog.services import ProductInput, product_create, stock_levels_apply
from chengxin.catalog.stock_feed import StockRow
from chengxin.commitments.models import MilestoneKind
from chengxin.commitments.services import (
    milestone_create,
    milestone_forecast,
    milestones_check,
)
from chengxin.core.zones import company_today
from chengxin.documents.services import document_draft, document_issue
from chengxin.fx.services import rate_record, rates_load_ecb
from chengxin.inquiries.services import inquiry_create
from chengxin.orders.models import Order
from chengxin.orders.services import (
    LineIn,
    cost_add,
    order_advance,
    order_create,
    payment_record,
    quote_accept,
    quote_create,
    quote_send,
)
from chengxin.parties.models import Company
from chengxin.shipments.services import ContainerIn, ports_load, shipment_create

PORTS_FILE = Path(__file__).resolve().parents[1] / "shipments" / "data" / "ports_demo.csv"

# (article number, name, other names, description, HS code, MOQ, lead time in days,
# net / gross kg per unit, package cm, units per package, stock)
PRODUCTS = (
    ("CX-PL6060-40", "LED panel light 600x600 40W",
     {"de": "LED-Panelleuchte 600x600 40W", "fr": "Dalle LED 600x600 40W",
      "es": "Panel LED 600x600 40W", "ar": "لوحة إضاءة LED ‏600×600 ‏40 واط"},
     "Recessed LED ceiling light fitting for offices, 4000 K, flicker-free driver.",
     "940511", "200", 25, "2.100", "2.600", ("62", "62", "9"), 4, "3850"),
    ("CX-HB150", "LED high bay light 150W",
     {"de": "LED-Hallenstrahler 150W", "ru": "Светодиодный промышленный светильник 150 Вт"},
     "UFO high bay LED light fitting for warehouses, IP65, 150 lm/W.",
     "940511", "100", 30, "1.900", "2.400", ("34", "34", "18"), 2, "620"),
    ("CX-FL100", "LED flood light 100W",
     {"es": "Proyector LED 100W", "pt": "Refletor LED 100W", "tr": "LED projektör 100W"},
     "Outdoor LED flood light fitting, die-cast aluminium, IP66.",
     "940542", "300", 20, "1.200", "1.500", ("40", "30", "12"), 4, "0"),
    ("CX-BL9-E27", "LED bulb 9W E27",
     {"fr": "Ampoule LED 9W E27", "it": "Lampadina LED 9W E27", "ja": "LED電球 9W E27"},
     "LED lamp, 806 lm, 2700 K, A60 shape.",
     "853952", "5000", 15, "0.045", "0.060", ("60", "40", "35"), 100, "120000"),
    ("CX-DL-T8", "LED desk lamp with wireless charger",
     {"de": "LED-Schreibtischleuchte mit kabellosem Ladegerät", "ko": "무선 충전 LED 스탠드"},
     "Dimmable LED table lamp with a 10 W Qi charging pad.",
     "940521", "500", 35, "0.800", "1.100", ("48", "22", "14"), 1, "2150"),
    ("CX-STR-20M", "LED string lights 20 m",
     {"de": "LED-Lichterkette 20 m", "fr": "Guirlande lumineuse LED 20 m"},
     "200-LED Christmas tree lighting string, warm white, 31 V adaptor.",
     "940531", "1000", 20, "0.350", "0.420", ("45", "30", "30"), 24, "18400"),
)  # fmt: skip

# Rates the ECB does not publish, typed by finance from the bank's board (CNY per unit).
HAND_RATES = (("AED", "1.9410"), ("SAR", "1.9006"), ("EGP", "0.1463"), ("RUB", "0.0912"))


@dataclass
class DemoTradeSummary:
    products: int
    orders: int
    quotes: int
    shipments: int
    inquiries: int


def _buyer(companies: list[Company], owner: User, country: str) -> Company:
    """The first customer of ``owner`` in ``country`` (else any of theirs)."""
    theirs = [c for c in companies if c.owner_id == owner.pk]
    return next((c for c in theirs if c.country == country), theirs[0])


def _lines(products: dict[str, Product], *items: tuple[str, str, str]) -> list[LineIn]:
    return [
        LineIn(
            description=products[sku].name,
            quantity=Decimal(quantity),
            unit_price=Decimal(price),
            unit=products[sku].unit,
            product_id=products[sku].pk,
        )
        for sku, quantity, price in items
    ]


def demo_trade_load(
    *, users: dict[str, User], companies: list[Company], now: datetime.datetime
) -> DemoTradeSummary:
    manager, finance = users["wang.manager"], users["zhao.finance"]
    li_na, zhang_wei, chen_jing = users["li.na"], users["zhang.wei"], users["chen.jing"]
    today = company_today(now)  # our company's date (Asia/Shanghai), not UTC's
    day = datetime.timedelta(days=1)

    ports_load(content=PORTS_FILE.read_bytes())
    rates_load_ecb(since=today - 120 * day, until=today, now=now)
    for currency, rate in HAND_RATES:
        rate_record(actor=finance, currency=currency, day=today - day, rate=rate, now=now)

    products: dict[str, Product] = {}
    rows = []
    for number, spec in enumerate(PRODUCTS, start=1):
        sku, name, names, text, hs_code, moq, lead, net, gross, box, per_box, stock = spec
        products[sku] = product_create(
            actor=manager,
            data=ProductInput(
                sku=sku, name=name, names=names, description=text, hs_code=hs_code,
                moq=Decimal(moq), lead_time_days=lead, net_weight_kg=Decimal(net),
                gross_weight_kg=Decimal(gross), package_length_cm=Decimal(box[0]),
                package_width_cm=Decimal(box[1]), package_height_cm=Decimal(box[2]),
                units_per_package=per_box,
            ),
        )  # fmt: skip
        rows.append(
            StockRow(
                line=number,
                sku=sku,
                quantity=Decimal(stock),
                as_of=now - datetime.timedelta(hours=3),
            )
        )
    stock_levels_apply(actor=None, rows=rows, source="file", source_name="erp-stock.csv", now=now)

    # An inquiry typed in after a call on Friday: nobody has answered it yet.
    german = _buyer(companies, li_na, "DE")
    inquiry = inquiry_create(
        actor=li_na,
        company=german,
        subject="Price for 2,000 LED panels 600x600, delivery to Hamburg",
        text="Asked by phone: MOQ, lead time, price FOB Ningbo and CIF Hamburg, payment terms.",
        products=[products["CX-PL6060-40"]],
        quantity="2,000 pcs",
        received_at=now - 3 * day,
        now=now,
    )

    # A quote sent to the German buyer and accepted: the order carries its Incoterm.
    quote = quote_create(
        actor=li_na,
        company=german,
        currency="USD",
        incoterm="FOB",
        named_place="Ningbo",
        valid_until=today + 30 * day,
        lines=_lines(products, ("CX-PL6060-40", "2000", "11.80"), ("CX-HB150", "200", "38.50")),
        inquiry_id=inquiry.pk,
        now=now - 2 * day,
    )
    quote_send(actor=li_na, quote=quote, now=now - 2 * day)
    new_order = quote_accept(actor=li_na, quote=quote, order_date=today - day, now=now - day)
    milestone_create(  # kept: production starts the day it was promised
        actor=li_na, order=new_order, kind=MilestoneKind.PRODUCTION_START,
        promised_on=today, now=now - day,
    )  # fmt: skip
    order_advance(actor=li_na, order=new_order, step="production", now=now)
    # Its proforma invoice, in the buyer's document language, with our approved USD account.
    proforma = document_draft(actor=li_na, kind="proforma", order=new_order, now=now - day)
    document_issue(actor=li_na, document=proforma, now=now - day)
    ready = milestone_create(
        actor=li_na, order=new_order, kind=MilestoneKind.READY,
        promised_on=today + 24 * day, now=now - day,
    )  # fmt: skip
    # The drivers are late at the supplier: the panels will be ready a week later.
    milestone_forecast(
        actor=li_na, milestone=ready, forecast_on=today + 31 * day,
        note="LED drivers from the supplier a week late", now=now,
    )  # fmt: skip

    # A long-standing American buyer: 10 % deposit, the balance 48 h after the B/L.
    american = _buyer(companies, zhang_wei, "US")
    shipped = order_create(
        actor=zhang_wei,
        company=american,
        currency="USD",
        incoterm="CIF",
        named_place="Los Angeles",
        lines=_lines(products, ("CX-BL9-E27", "40000", "0.62"), ("CX-STR-20M", "6000", "3.15")),
        order_date=today - 40 * day,
        terms={
            "lines": [
                {"kind": "deposit", "percent": "10"},
                {"kind": "balance", "trigger": "bl_hours", "hours": 48},
            ]
        },
        now=now - 40 * day,
    )
    payment_record(
        actor=finance, order=shipped, amount=Decimal("4373.00"), currency="USD",
        received_on=today - 38 * day, reference="TT HUDSON 0412", now=now - 38 * day,
    )  # fmt: skip
    order_advance(actor=zhang_wei, order=shipped, step="production", now=now - 37 * day)
    shipment = shipment_create(
        actor=zhang_wei,
        order=shipped,
        lines={line.pk: line.quantity for line in shipped.lines.all()},
        details={
            "mode": "sea",
            "carrier": "COSU",
            "bl_number": "COSU6312457890",
            "bl_issued_at": now - 2 * day,
            "etd": today - 2 * day,
            "eta": today + 16 * day,
            "port_of_loading": "CNNGB",
            "port_of_discharge": "USLAX",
        },
        containers=[ContainerIn(number="COSU6247180")],
        now=now - 2 * day,
    )
    cost_add(
        actor=zhang_wei, order=shipped, label="Ocean freight Ningbo–Los Angeles",
        amount=Decimal("2650"), currency="USD", incurred_on=today - 3 * day, now=now,
    )  # fmt: skip
    cost_add(
        actor=zhang_wei, order=shipped, label="Materials and assembly",
        amount=Decimal("198000"), currency="CNY", incurred_on=today - 20 * day, now=now,
    )  # fmt: skip
    milestone_create(
        actor=zhang_wei, order=shipped, kind=MilestoneKind.ARRIVAL,
        promised_on=today + 18 * day, now=now - 40 * day,
    )  # fmt: skip

    # A buyer in the Gulf who pays by L/C at sight.
    gulf = _buyer(companies, chen_jing, "AE")
    order_create(
        actor=chen_jing,
        company=gulf,
        currency="USD",
        incoterm="CFR",
        named_place="Jebel Ali",
        lines=_lines(products, ("CX-FL100", "1500", "14.20"), ("CX-HB150", "300", "37.90")),
        order_date=today - 5 * day,
        terms={"lines": [{"kind": "balance", "trigger": "lc_sight", "days": 21}]},
        now=now - 5 * day,
    )
    # A draft quote waiting to go out.
    quote_create(
        actor=chen_jing,
        company=gulf,
        currency="USD",
        incoterm="FOB",
        named_place="Shenzhen",
        valid_until=today + 14 * day,
        lines=_lines(products, ("CX-DL-T8", "800", "12.40")),
        now=now,
    )
    # What the hourly check would find: production started, the panels at risk.
    milestones_check(now=now)
    return DemoTradeSummary(
        products=len(products),
        orders=Order.objects.count(),
        quotes=2,
        shipments=1 if shipment else 0,
        inquiries=1,
    )
