"""Importing a CSV file of rates: a good file, bad bytes of every kind, bad rows, a
currency that does not exist. Nothing is written unless the whole file is valid."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chengxin.audit.models import AuditEntry
from chengxin.fx.models import Rate, Source
from chengxin.fx.rate_file import read_rate_file
from chengxin.fx.selectors import rate_on
from chengxin.fx.services import rates_import_csv

from .conftest import FRIDAY, MONDAY

pytestmark = pytest.mark.django_db
GOOD = (
    b"date,currency,rate,quote\n"
    b"2026-12-04,AED,1.9412,CNY\n"
    b"2026-12-04,SAR,1.9008,\n"
    b"2026-12-04,EGP,0.0325,usd\n"
)


def _problems(actor, content: bytes, name="rates.csv") -> list[str]:
    with pytest.raises(ValidationError) as raised:
        rates_import_csv(actor=actor, file_name=name, content=content)
    assert not Rate.objects.exists(), "nothing is written from a file with a problem"
    return raised.value.messages


def test_a_good_file_is_imported_with_its_name_and_audited(finance, english):
    result = rates_import_csv(actor=finance, file_name="C:\\finance\\rates dec.csv", content=GOOD)
    assert (result.created, result.corrected) == (3, 0)
    aed = Rate.objects.get(currency="AED")
    assert (aed.quote, aed.day, aed.rate, aed.source) == (
        "CNY",
        FRIDAY,
        Decimal("1.9412"),
        Source.CSV,
    )
    assert aed.file_name == "rates dec.csv" and aed.entered_by == finance
    assert Rate.objects.get(currency="SAR").quote == "CNY"  # the base currency by default
    assert Rate.objects.get(currency="EGP").quote == "USD"
    assert AuditEntry.objects.filter(object_type="rate", action="create").count() == 3
    assert rate_on("AED", "CNY", on=MONDAY).source == "csv"
    # The same file again corrects nothing and creates nothing.
    again = rates_import_csv(actor=finance, file_name="rates dec.csv", content=GOOD)
    assert (again.created, again.corrected) == (0, 3)
    assert AuditEntry.objects.filter(object_type="rate").count() == 3


def test_semicolons_gbk_and_chinese_headers(finance):
    content = "日期;币种;汇率\n2026/12/04;AED;1.94\n".encode("gb18030")
    assert rates_import_csv(actor=finance, file_name="汇率.csv", content=content).created == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "The file is empty."),
        (b"PK\x03\x04\x14\x00rest-of-a-workbook", "Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old-xls", "Excel workbook"),
        (b"%PDF-1.7\n", "not a CSV file"),
        ("date,currency,rate\n2026-12-04,AED,1.9\n".encode("utf-16"), "not UTF-8 or GBK"),
        (b"\x81\x30\xff\xfe\xfd\x00\x00", "not UTF-8 or GBK"),
        (b"date,currency,rate\n2026-12-04,AED,1.9\x00\n", "not UTF-8 or GBK"),
        (b"date,currency,rate\n", "no rates below its header"),
        (b"day,money\n2026-12-04,AED\n", "Unknown column"),
        (b"when,currency,rate\n2026-12-04,AED,1.9\n", "missing: date"),
        (b'date,currency,rate\n2026-12-04,"AED,1.9\n', "could not be read as CSV"),
    ],
)
def test_bad_bytes_give_one_clear_message(finance, english, content, expected):
    problems = _problems(finance, content)
    assert any(expected in p for p in problems), problems


def test_every_bad_row_is_named_and_nothing_is_written(finance, english):
    content = (
        b"date,currency,rate,quote\n"
        b"2026-12-04,AED,1.9412,CNY\n"  # fine, but not written: row 4 and others are wrong
        b"04.12.2026,SAR,1.9,CNY\n"
        b"2026-12-04,XYZ,1.9,CNY\n"
        b"2026-12-04,EGP,-3,CNY\n"
        b'2026-12-04,EGP,"1,95",CNY\n'
        b"2099-01-01,RUB,0.09,CNY\n"
        b"2026-12-04,CNY,1,CNY\n"
        b"2026-12-04,AED,1.95,CNY\n"
        b"2026-12-04,QAR,1.2345678901234,CNY\n"
        b",,,\n"
        b"2026-12-04,,abc,\n"
    )
    problems = _problems(finance, content)
    expected = [
        "Row 3: “04.12.2026” is not a date",
        "Row 4: “XYZ” is not an ISO 4217 currency code.",
        "Row 5: Enter a rate above zero.",
        "Row 6: “1,95”: write the rate with a decimal point",
        "Row 7: 2099-01-01 is in the future.",
        "Row 8: A rate needs two different currencies.",
        "Row 9: row 2 already gives 1 AED in CNY on 2026-12-04.",
        "Row 10: Enter a rate with at most 12 decimals.",
        "Row 12: The currency is missing.",
        "Row 12: “abc” is not a rate",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert len(problems) == len(expected)


def test_sales_may_not_import(owner):
    with pytest.raises(PermissionDenied):
        rates_import_csv(actor=owner, file_name="rates.csv", content=GOOD)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.binary(max_size=400)
    | st.text(max_size=200).map(
        lambda t: ("date,currency,rate\n" + t).encode("utf-8", "surrogatepass")
    )
)
def test_any_bytes_give_rates_or_messages_never_an_exception(content):
    result = read_rate_file(content, base="CNY", latest=datetime.date(2026, 12, 8))
    assert result.valid or result.errors
    assert all(isinstance(p, str) and p for p in result.errors)
