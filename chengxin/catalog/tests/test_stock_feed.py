"""Reading the ERP's stock files (pure): good CSV and JSON, and every kind of bad one, which
becomes a list of errors, never an exception."""

import datetime
import json
import zoneinfo
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chengxin.catalog.stock_feed import MAX_FILE_BYTES, file_read, rows_read
from chengxin.testing.hostile_files import hostile_bytes

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
NOW = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)


def read(data: bytes | str, name="stock.csv"):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return file_read(data, name=name, zone=SHANGHAI, now=NOW)


def messages(feed):
    return [str(e) for e in feed.errors]


def test_a_good_csv(english):
    feed = read(
        "\ufeffsku,quantity,as_of,unit\n"
        "LED-CL-40,1200,2026-12-07T09:30:00+08:00,pcs\n"
        'TS-100,"12,5",2026-12-07 08:00,\n'
        "\n"
        "X-1,0,,\n"
    )
    assert feed.errors == []
    lamp, shirt, other = feed.rows
    assert lamp.quantity == Decimal("1200") and lamp.unit == "pcs"
    assert lamp.as_of == datetime.datetime(2026, 12, 7, 1, 30, tzinfo=datetime.UTC)
    # No offset: the company's time (Shanghai); a decimal comma is read.
    assert shirt.quantity == Decimal("12.5")
    assert shirt.as_of == datetime.datetime(2026, 12, 7, 0, 0, tzinfo=datetime.UTC)
    assert other.as_of is None and other.line == 5


def test_a_semicolon_csv_from_a_spreadsheet(english):
    feed = read("SKU;Quantity;Warehouse\nA-1;7;Ningbo\n")
    assert feed.errors == [] and feed.rows[0].quantity == 7


def test_a_good_json(english):
    body = {"levels": [{"sku": "A-1", "quantity": 3.25}, {"sku": "B-2", "quantity": "10"}]}
    feed = read(json.dumps(body), name="stock.JSON")
    assert feed.errors == []
    assert [r.quantity for r in feed.rows] == [Decimal("3.25"), Decimal("10")]
    assert read(json.dumps(body["levels"]), name="x.json").errors == []


def test_bad_rows_are_errors_with_their_line(english):
    feed = read(
        "sku,quantity,as_of\n"
        "A-1,-5,\n"  # negative
        "A-2,1e30,\n"  # too large
        "A-3,abc,\n"
        "A-4,1.2345,\n"  # four decimals
        ",5,\n"  # no article number
        "A-6,NaN,\n"
        "A-7,5,yesterday\n"
        "A-8,5,2027-06-01T00:00:00Z\n"  # in the future
        "A-9,5,\n"
        "a-9,6,\n"  # the same article number again
    )
    assert feed.rows[0].sku == "A-9" and len(feed.rows) == 1
    text = messages(feed)
    assert text == [
        "line 2 (A-1): The quantity cannot be negative.",
        "line 3 (A-2): The quantity is too large.",
        "line 4 (A-3): “abc” is not a number.",
        "line 5 (A-4): Enter the quantity with at most 3 decimals.",
        "line 6: The article number (sku) is missing.",
        "line 7 (A-6): Enter the quantity as a number.",
        "line 8 (A-7): “yesterday” is not a date and time (ISO 8601, e.g. "
        "2026-12-07T09:30:00+08:00).",
        "line 9 (A-8): as_of is in the future.",
        "line 11 (a-9): This article number is also on line 10: give it once.",
    ]


def test_bad_files_are_one_error_each(english):
    assert messages(read(b"sku,quantity\nA,\xff\xfe1\n")) == [
        "file: The file is not UTF-8 text (byte 15): save it as UTF-8."
    ]
    assert "NUL" in messages(read(b"sku,quantity\nA,1\x00\n"))[0]
    assert "header row" in messages(read("article,count\nA,1\n"))[0]
    assert "not valid JSON" in messages(read("{levels:", name="s.json"))[0]
    assert "must be" in messages(read('{"levels": 5}', name="s.json"))[0]
    assert "Only .csv and .json" in messages(read("sku,quantity\n", name="s.xlsx"))[0]
    assert "larger than" in messages(read(b"x" * (MAX_FILE_BYTES + 1)))[0]
    assert "could not be read" in messages(read('sku,quantity\n"A,1\n'))[0]
    deep = "[" * 100_000 + "]" * 100_000
    assert messages(read(deep, name="s.json"))


def test_json_values_of_the_wrong_kind(english):
    body = {
        "levels": [
            "A-1",
            {"sku": 12, "quantity": 1},
            {"sku": "B", "quantity": True},
            {"sku": "C", "quantity": None},
            {"sku": "D", "quantity": 1, "as_of": 17},
            {"sku": "E" * 65, "quantity": 1},
            {"sku": "F\u0000", "quantity": 1},
        ]
    }
    feed = read(json.dumps(body), name="s.json")
    assert feed.rows == []
    assert len(feed.errors) == 7


def test_rows_read_takes_the_api_push_the_same_way(english):
    feed = rows_read(
        enumerate([{"sku": "A", "quantity": "1"}, {"sku": "A", "quantity": "2"}], start=1),
        zone=SHANGHAI,
        now=NOW,
    )
    assert len(feed.rows) == 1 and feed.errors[0].line == 2


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=hostile_bytes(), name=st.sampled_from(["s.csv", "s.json"]))
def test_any_bytes_give_rows_or_errors_never_an_exception(data, name):
    feed = read(data, name=name)
    assert isinstance(feed.rows, list) and isinstance(feed.errors, list)
    for row in feed.rows:
        assert row.quantity >= 0
