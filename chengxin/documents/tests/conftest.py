"""The documents' tests: our company, our accounts in every state (only the active,
approved USD and EUR ones may ever be printed), a German buyer's open order of LED panels
with the catalogue's packing data, and the URLs of the documents' pages and API."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from chengxin.banking.models import Purpose, Side, State
from chengxin.catalog.models import Product
from chengxin.orders import services as order_services
from chengxin.testing.banking import IBAN_DE, IBAN_FR, IBAN_GB, IBAN_NL, make_account

NOW = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=datetime.UTC)
COMPANY = "Ningbo Chengxin Trading Co., Ltd."
USD_NUMBER = "351258369147"
USD_PENDING_NUMBER = "351258360000"
TERMS = {
    "lines": [
        {"kind": "deposit", "percent": "30"},
        {"kind": "balance", "trigger": "before_shipment"},
    ]
}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, a test database in a file (not in memory): two threads then meet on
    SQLite's own locks (IMMEDIATE transactions, busy timeout) as two workers do, which
    the in-memory database's shared cache cannot show."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        folder = tmp_path_factory.mktemp("documents-db")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


def two_writers_possible() -> None:
    """Skip when the test database is SQLite in memory (the documents' tests run with
    others that set it up first): its shared cache refuses a second writer at once."""
    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("SQLite in memory: run the documents' tests on their own")


@pytest.fixture(autouse=True)
def _documents_settings(settings):
    settings.ROOT_URLCONF = "chengxin.documents.tests.urls"
    settings.CHENGXIN_COMPANY_NAME = COMPANY
    settings.CHENGXIN_COMPANY_PHONE = "+86 574 8765 4321"
    settings.SITE_ROOT = "https://crm.chengxin.example"


@pytest.fixture(autouse=True)
def _english(request):
    if "db" in request.fixturenames or "django_db" in [m.name for m in request.node.iter_markers()]:
        request.getfixturevalue("english")


def _ours(**fields):
    return {"holder_name": COMPANY, "at": NOW - datetime.timedelta(days=30), **fields}


@pytest.fixture
def accounts(finance, manager):
    """Ours: USD and EUR active and approved; a USD one only verified, one proposed, one
    retired; a refund account; a counterparty's account."""
    return {
        "usd": make_account(
            **_ours(
                account_number=USD_NUMBER,
                currency="USD",
                bank_name="Bank of China, Ningbo Branch",
                bank_address="139 Yaohang Street, Ningbo",
                bic="BKCHCNBJ92A",
                intermediary_bic="BKCHUS33",
                proposed_by=finance,
                verified_by=finance,
                approved_by=manager,
            )
        ),
        "eur": make_account(
            **_ours(
                iban=IBAN_DE,
                currency="EUR",
                bank_name="Commerzbank",
                bic="COBADEFFXXX",
                proposed_by=finance,
                approved_by=manager,
            )
        ),
        "verified": make_account(
            **_ours(
                account_number=USD_PENDING_NUMBER,
                currency="USD",
                bank_name="Pending Bank",
                bic="BKCHCNBJ92A",
                state=State.VERIFIED,
                proposed_by=finance,
                verified_by=finance,
            )
        ),
        "proposed": make_account(
            **_ours(
                iban=IBAN_FR,
                currency="USD",
                bank_name="Proposed Bank",
                bic="PSSTFRPPXXX",
                state=State.PROPOSED,
                proposed_by=finance,
            )
        ),
        "retired": make_account(
            **_ours(
                iban=IBAN_GB,
                currency="USD",
                bank_name="Retired Bank",
                bic="NWBKGB2L",
                state=State.RETIRED,
                proposed_by=finance,
                approved_by=manager,
            )
        ),
        "refund": make_account(
            **_ours(
                iban=IBAN_NL,
                currency="USD",
                bank_name="Refund Bank",
                bic="ABNANL2A",
                purpose=Purpose.REFUND,
                proposed_by=finance,
                approved_by=manager,
            )
        ),
    }


@pytest.fixture
def counterparty_account(finance, manager, company):
    return make_account(
        account_number="998877665544",
        currency="USD",
        bank_name="Buyer Bank",
        bic="DEUTDEFF",
        side=Side.COUNTERPARTY,
        company=company,
        proposed_by=finance,
        approved_by=manager,
        holder_name="Müller Maschinenbau GmbH",
    )


@pytest.fixture
def product(db):
    return Product.objects.create(
        sku="LP-600",
        name="LED panel light 600x600 40W",
        names={"de": "LED-Panel 600x600 40W"},
        hs_code="940542",
        unit="pcs",
        net_weight_kg=Decimal("2.1"),
        gross_weight_kg=Decimal("2.6"),
        package_length_cm=Decimal("62"),
        package_width_cm=Decimal("62"),
        package_height_cm=Decimal("40"),
        units_per_package=4,
    )


def line(description="LED panel light 600x600 40W", quantity="400", price="12.50", product=None):
    return order_services.LineIn(
        description=description,
        quantity=Decimal(quantity),
        unit_price=Decimal(price),
        product_id=product.pk if product else None,
    )


@pytest.fixture
def make_order(owner, company, product):
    def _make(currency="USD", lines=None, **kwargs):
        return order_services.order_create(
            actor=kwargs.pop("actor", owner), company=kwargs.pop("for_company", company),
            currency=currency, incoterm="FOB", named_place="Ningbo",
            lines=lines or [line(product=product), line("Driver 40W", "400", "1.25")],
            terms=TERMS, order_date=datetime.date(2026, 12, 1), now=NOW, **kwargs,
        )  # fmt: skip

    return _make


@pytest.fixture
def order(make_order, accounts):
    return make_order()
