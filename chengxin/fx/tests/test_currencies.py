from decimal import Decimal

from django.utils import translation

from chengxin.fx.currencies import all_currencies, currency_name, minor_units, quantize


def test_every_current_iso_currency_and_no_withdrawn_one():
    codes = all_currencies()
    assert len(codes) > 150
    assert {"CNY", "USD", "EUR", "AED", "SAR", "EGP", "RUB", "XCG", "ZWG"} <= set(codes)
    assert not {"HRK", "SLL", "BGN", "ZWL"} & set(codes)
    assert codes == sorted(codes)


def test_minor_units_and_quantize():
    assert (minor_units("JPY"), minor_units("CNY"), minor_units("KWD")) == (0, 2, 3)
    assert quantize(Decimal("1234.5"), "JPY") == Decimal("1235")
    assert quantize(Decimal("0.005"), "CNY") == Decimal("0.01")
    assert quantize(Decimal("1.23456"), "KWD") == Decimal("1.235")
    assert str(quantize(Decimal("7"), "usd")) == "7.00"


def test_names_in_the_active_language():
    with translation.override("zh-hans"):
        assert currency_name("CNY") == "人民币"
    with translation.override("en"):
        assert currency_name("AED") == "United Arab Emirates Dirham"
    assert currency_name("USD", language="de") == "US-Dollar"
