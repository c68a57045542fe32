import datetime
from decimal import Decimal

import pytest

from chengxin.fx.ecb import FixedEcbRates
from chengxin.fx.services import rates_load_ecb

# A Friday and the week after it.
FRIDAY = datetime.date(2026, 12, 4)
MONDAY = datetime.date(2026, 12, 7)


@pytest.fixture(autouse=True)
def _base_cny(settings):
    settings.CHENGXIN_BASE_CURRENCY = "CNY"
    settings.CHENGXIN_FX_STALE_DAYS = 7


@pytest.fixture
def ecb(db):
    """The ECB's rates of one Friday: 1 EUR = 1.05 USD = 7.7 CNY = 160 JPY."""
    source = FixedEcbRates(
        {FRIDAY: {"USD": Decimal("1.05"), "CNY": Decimal("7.7"), "JPY": Decimal("160")}}
    )
    rates_load_ecb(since=FRIDAY, until=FRIDAY, source=source)
    return source
