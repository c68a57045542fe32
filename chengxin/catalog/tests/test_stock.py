"""Stock levels from the ERP: applied all or nothing, never an older count over a newer one;
the watched folder moving each file to done/ or failed/ with its report; the API push."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from chengxin.audit.models import AuditEntry
from chengxin.catalog.models import StockLevel
from chengxin.catalog.selectors import stock_for
from chengxin.catalog.services import StockRejected, stock_inbox_read, stock_levels_apply
from chengxin.catalog.stock_feed import StockRow
from chengxin.catalog.tasks import stock_inbox_read_task
from chengxin.testing import Api

T0 = datetime.datetime(2026, 12, 7, 1, 0, tzinfo=datetime.UTC)


def row(sku, quantity, as_of=None, line=1, unit=""):
    return StockRow(line=line, sku=sku, quantity=Decimal(quantity), as_of=as_of, unit=unit)


def test_levels_are_written_with_the_erp_time_and_audited(lamp, shirt):
    result = stock_levels_apply(
        actor=None,
        rows=[row("LED-CL-40", "120", T0), row("TS-100", "0", T0, line=2)],
        source="file",
        source_name="erp.csv",
        now=T0 + datetime.timedelta(minutes=5),
    )
    assert result.applied == ["LED-CL-40", "TS-100"] and result.older == []
    stock = stock_for([lamp.pk, shirt.pk, 999999])
    assert stock[lamp.pk].quantity == 120 and stock[lamp.pk].unit == "pcs"
    assert stock[lamp.pk].as_of == T0
    assert stock[lamp.pk].received_at == T0 + datetime.timedelta(minutes=5)
    assert stock[shirt.pk].quantity == 0
    assert 999999 not in stock
    assert AuditEntry.objects.filter(object_type="stocklevel").count() == 2


def test_an_older_count_never_overwrites_a_newer_one(lamp, english):
    stock_levels_apply(actor=None, rows=[row("LED-CL-40", "120", T0)], source="file")
    older = stock_levels_apply(
        actor=None, rows=[row("LED-CL-40", "999", T0 - datetime.timedelta(hours=1))], source="api"
    )
    assert older.applied == [] and "left as it was" in older.older[0].message
    assert StockLevel.objects.get().quantity == 120
    newer = stock_levels_apply(
        actor=None, rows=[row("LED-CL-40", "80", T0 + datetime.timedelta(hours=1))], source="api"
    )
    assert newer.applied == ["LED-CL-40"]
    assert StockLevel.objects.get().quantity == 80


def test_an_unknown_article_number_refuses_the_whole_batch(lamp, english):
    with pytest.raises(StockRejected) as caught:
        stock_levels_apply(
            actor=None,
            rows=[row("LED-CL-40", "5", T0), row("NOPE", "1", T0, line=3)],
            source="file",
        )
    assert [str(e) for e in caught.value.row_errors] == [
        "line 3 (NOPE): No product has this article number."
    ]
    assert not StockLevel.objects.exists()


def test_a_unit_other_than_the_products_is_refused(lamp, english):
    with pytest.raises(StockRejected, match="counted in pcs"):
        stock_levels_apply(actor=None, rows=[row("LED-CL-40", "5", T0, unit="kg")], source="file")


def test_a_sales_rep_may_not_push_stock(owner, lamp):
    with pytest.raises(PermissionDenied):
        stock_levels_apply(actor=owner, rows=[row("LED-CL-40", "5", T0)], source="api")


# The watched folder ----------------------------------------------------------------------


def test_a_good_file_is_applied_and_moved_to_done(inbox, lamp, shirt):
    (inbox / "stock-0701.csv").write_text(
        "sku,quantity,as_of\nLED-CL-40,340,2026-12-07T09:00:00+08:00\nTS-100,12.5,\n",
        encoding="utf-8",
    )
    (inbox / "stock-0702.json").write_text(
        json.dumps({"levels": [{"sku": "TS-100", "quantity": 7}]}), encoding="utf-8"
    )
    outcomes = stock_inbox_read()
    assert [(o.name, o.ok, o.applied) for o in outcomes] == [
        ("stock-0701.csv", True, 2),
        ("stock-0702.json", True, 1),
    ]
    assert sorted(p.name for p in inbox.iterdir() if p.is_file()) == []
    done = sorted(p.name for p in (inbox / "done").iterdir())
    assert len(done) == 4 and any(n.endswith("stock-0701.csv.report.txt") for n in done)
    levels = stock_for([lamp.pk, shirt.pk])
    assert levels[lamp.pk].quantity == 340
    assert levels[lamp.pk].source == "file" and levels[lamp.pk].source_name == "stock-0701.csv"
    assert levels[shirt.pk].quantity == 7


def test_a_bad_file_is_moved_to_failed_with_its_errors_and_nothing_applied(inbox, lamp, english):
    (inbox / "erp.csv").write_text(
        "sku,quantity\nLED-CL-40,10\nLED-CL-40,11\nGHOST,3\nTS-9,-1\n", encoding="utf-8"
    )
    (outcome,) = stock_inbox_read()
    assert not outcome.ok and outcome.moved_to.parent == inbox / "failed"
    report = outcome.moved_to.with_name(outcome.moved_to.name + ".report.txt").read_text()
    assert "refused, nothing was applied" in report
    assert "line 3 (LED-CL-40): This article number is also on line 2" in report
    assert "line 5 (TS-9): The quantity cannot be negative." in report
    assert not StockLevel.objects.exists()


def test_an_unknown_article_number_in_a_file_fails_it_whole(inbox, lamp, english):
    (inbox / "erp.csv").write_text("sku,quantity\nLED-CL-40,10\nGHOST,3\n", encoding="utf-8")
    (outcome,) = stock_inbox_read()
    assert outcome.errors == ["line 3 (GHOST): No product has this article number."]
    assert not StockLevel.objects.exists()


def test_any_bytes_in_a_file_are_an_error_not_a_crash(inbox, lamp, english):
    (inbox / "garbage.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff")
    (inbox / "empty.json").write_bytes(b"")
    (inbox / "huge.csv").write_text("sku,quantity\nLED-CL-40,99999999999999999999\n")
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    outcomes = {o.name: o for o in stock_inbox_read()}
    assert not any(o.ok for o in outcomes.values())
    assert "not UTF-8" in outcomes["garbage.csv"].errors[0]
    assert "not valid JSON" in outcomes["empty.json"].errors[0]
    assert "too large" in outcomes["huge.csv"].errors[0]
    assert "Only .csv and .json" in outcomes["photo.jpg"].errors[0]
    assert len(list((inbox / "failed").iterdir())) == 8


def test_files_being_written_and_hidden_files_are_left_alone(inbox, lamp):
    (inbox / "stock.csv.part").write_text("sku,quantity\nLED-CL-40,1\n")
    (inbox / ".stock.csv").write_text("sku,quantity\nLED-CL-40,1\n")
    assert stock_inbox_read() == []
    assert (inbox / "stock.csv.part").exists() and (inbox / ".stock.csv").exists()


def test_a_file_with_an_older_count_is_done_and_says_what_it_left(inbox, lamp, english):
    stock_levels_apply(actor=None, rows=[row("LED-CL-40", "50", T0)], source="api")
    (inbox / "late.csv").write_text("sku,quantity,as_of\nLED-CL-40,70,2026-12-06T12:00:00Z\n")
    (outcome,) = stock_inbox_read()
    assert outcome.ok and outcome.applied == 0 and outcome.older == 1
    report = outcome.moved_to.with_name(outcome.moved_to.name + ".report.txt").read_text()
    assert "left as it was" in report
    assert StockLevel.objects.get().quantity == 50


def test_the_same_name_twice_keeps_both_files(inbox, lamp):
    now = timezone.now()
    for quantity in (1, 2):
        (inbox / "stock.csv").write_text(f"sku,quantity\nLED-CL-40,{quantity}\n")
        stock_inbox_read(now=now)
    assert len(list((inbox / "done").iterdir())) == 4


def test_the_task_and_the_command_read_the_inbox(inbox, lamp, capsys):
    (inbox / "a.csv").write_text("sku,quantity\nLED-CL-40,1\n")
    assert stock_inbox_read_task.call() == 1
    (inbox / "b.csv").write_text("sku,quantity\nGHOST,1\n")
    call_command("stock_inbox_read")
    out = capsys.readouterr().out
    assert "b.csv: refused" in out and "GHOST" in out
    call_command("stock_inbox_read")
    assert "No stock file waiting." in capsys.readouterr().out


# The API push ----------------------------------------------------------------------------


def test_a_manager_pushes_levels(manager, lamp, shirt):
    response = Api(manager).post(
        "/stock",
        {
            "levels": [
                {"sku": "LED-CL-40", "quantity": "25.5", "as_of": "2026-12-07T09:00:00+08:00"},
                {"sku": "TS-100", "quantity": 0},
            ]
        },
    )
    assert response.status_code == 200, response.content
    assert response.json() == {"applied": ["LED-CL-40", "TS-100"], "older": []}
    level = StockLevel.objects.get(product=lamp)
    assert level.quantity == Decimal("25.5") and level.source == "api"
    assert level.source_name == "API: manager"
    assert level.as_of == datetime.datetime(2026, 12, 7, 1, 0, tzinfo=datetime.UTC)
    entry = AuditEntry.objects.filter(object_type="stocklevel").last()
    assert entry.origin == "api" and entry.actor_id == manager.pk


def test_a_push_with_one_bad_level_writes_nothing_and_names_each(admin_user, lamp):
    response = Api(admin_user).post(
        "/stock",
        {
            "levels": [
                {"sku": "LED-CL-40", "quantity": 5},
                {"sku": "GHOST", "quantity": 1},
                {"sku": "LED-CL-40", "quantity": 6},
            ]
        },
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"levels.2.sku"}
    assert not StockLevel.objects.exists()
    response = Api(admin_user).post("/stock", {"levels": [{"sku": "GHOST", "quantity": 1}]})
    assert response.status_code == 422 and "levels.0.sku" in response.json()["errors"]
    assert not StockLevel.objects.exists()


@pytest.mark.parametrize(
    "level, field",
    [
        ({"sku": "LED-CL-40", "quantity": -1}, "levels.0.quantity"),
        ({"sku": "LED-CL-40", "quantity": "1e20"}, "levels.0.quantity"),
        ({"sku": "LED-CL-40", "quantity": "0.0001"}, "levels.0.quantity"),
        ({"sku": "LED-CL-40", "quantity": 1, "as_of": "2099-01-01T00:00:00Z"}, "levels.0.as_of"),
        ({"sku": "LED-CL-40", "quantity": 1, "as_of": "soon"}, "levels.0.as_of"),
        ({"sku": "LED-CL-40", "quantity": 1, "unit": "kg"}, "levels.0.unit"),
        ({"quantity": 1}, "levels.0.sku"),
    ],
)
def test_bad_levels_are_422_per_field(manager, lamp, level, field):
    response = Api(manager).post("/stock", {"levels": [level]})
    assert response.status_code == 422
    assert field in response.json()["errors"], response.json()
    assert not StockLevel.objects.exists()


def test_an_empty_push_is_refused(manager):
    response = Api(manager).post("/stock", {"levels": []})
    assert response.status_code == 422


def test_who_may_push(owner, finance, outsider, lamp):
    body = {"levels": [{"sku": "LED-CL-40", "quantity": 1}]}
    assert Api(owner).post("/stock", body).status_code == 403
    assert Api(finance).post("/stock", body).status_code == 403
    assert Api(outsider).post("/stock", body).status_code == 401
    assert Api(None).post("/stock", body).status_code == 401
    assert Api(owner).get("/stock").status_code == 405
    assert not StockLevel.objects.exists()
