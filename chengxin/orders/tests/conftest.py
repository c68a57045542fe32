import datetime
from decimal import Decimal

import pytest

from chengxin.orders import services

NOW = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def line(description="LED panel", quantity="100", price="10"):
    return services.LineIn(
        description=description, quantity=Decimal(quantity), unit_price=Decimal(price)
    )


@pytest.fixture
def make_order(owner, company):
    def _make(actor=None, terms=None, lines=None, currency="USD", **kwargs):
        return services.order_create(
            actor=actor or owner, company=kwargs.pop("for_company", company), currency=currency,
            incoterm="FOB", named_place="Ningbo",
            lines=lines or [line(), line("Driver", "100", "5")], terms=terms,
            order_date=kwargs.pop("order_date", datetime.date(2026, 3, 1)), now=NOW, **kwargs,
        )  # fmt: skip

    return _make


@pytest.fixture
def make_quote(owner, company):
    def _make(actor=None, **kwargs):
        return services.quote_create(
            actor=actor or owner, company=company, currency="EUR", incoterm="CIF",
            named_place="Hamburg", valid_until=datetime.date(2026, 4, 1),
            lines=kwargs.pop("lines", [line(price="12.5")]), now=NOW, **kwargs,
        )  # fmt: skip

    return _make


@pytest.fixture(autouse=True)
def _english(request):
    if "db" in request.fixturenames or "django_db" in [m.name for m in request.node.iter_markers()]:
        request.getfixturevalue("english")
