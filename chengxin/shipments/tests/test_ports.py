"""UN/LOCODE codes and the port list (``chengxin ports_load``)."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from chengxin.shipments import locode
from chengxin.shipments.models import Port
from chengxin.shipments.numbers import InvalidNumber
from chengxin.shipments.selectors import shipment_notes
from chengxin.shipments.services import ports_load
from chengxin.testing import shared_data


@pytest.mark.parametrize(
    ("value", "code"),
    [("cnsha", "CNSHA"), ("DE HAM", "DEHAM"), ("US-LAX", "USLAX"), ("XZ2AB", "XZ2AB")],
)
def test_well_formed_codes(value, code):
    assert locode.locode(value) == code


@pytest.mark.parametrize(
    ("value", "problem"),
    [("CNSH", "locode_format"), ("CNSH1", "locode_format"), ("CNSH0", "locode_format"),
     ("QQSHA", "locode_country"), ("", "locode_format"), ("CNSHAX", "locode_format")],
)  # fmt: skip
def test_malformed_codes(value, problem):
    with pytest.raises(InvalidNumber) as caught:
        locode.locode(value)
    assert caught.value.code == problem


def _rows(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_country_of_un_locode_is_accepted():
    """UN/LOCODE's own country table (datasets/un-locode, country-codes.csv): each of its
    countries is accepted as a code's country part."""
    rows = _rows(shared_data("trade_data", "unlocode_country-codes.csv"))
    assert len(rows) > 240
    refused = [r["CountryCode"] for r in rows if not locode.country_exists(r["CountryCode"])]
    assert refused == []


def test_subdivisions_of_the_main_trading_countries_are_named():
    """UN/LOCODE's subdivision table: the subdivisions of China, Germany and the United
    States are the ISO 3166-2 ones the port page names."""
    rows = _rows(shared_data("trade_data", "unlocode_subdivision-codes.csv"))
    wanted = [r for r in rows if r["SUCountry"] in ("CN", "DE", "US")]
    assert len(wanted) > 60
    unnamed = [r["SUCountry"] + "-" + r["SUCode"] for r in wanted
               if not locode.subdivision_name(r["SUCountry"], r["SUCode"])]  # fmt: skip
    assert len(unnamed) <= len(wanted) // 20, unnamed
    assert locode.subdivision_name("CN", "SH").startswith("Shanghai")


def _code_list(subdivisions):
    """A code list in UNECE's layout built from the shared subdivision table: one place
    per subdivision of Germany."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["", "DE", "", ".GERMANY", "", "", "", "", "", "", "", ""])
    for n, row in enumerate(subdivisions):
        code = "".join("ABCDEFGHJKLMNPQRSTUVWXYZ"[(n // 24**i) % 24] for i in range(3))
        writer.writerow(["", "DE", code, f"Ört {n}", f"Ort {n}", row["SUCode"], "AI",
                         "1-------", "2401", "", "", ""])  # fmt: skip
    return out.getvalue().encode("cp1252")


@pytest.mark.django_db
def test_loading_a_code_list_built_from_the_subdivision_table():
    rows = [r for r in _rows(shared_data("trade_data", "unlocode_subdivision-codes.csv"))
            if r["SUCountry"] == "DE"]  # fmt: skip
    result = ports_load(content=_code_list(rows))
    assert (result.created, result.updated, result.problems) == (len(rows), 0, [])
    assert Port.objects.filter(country="DE").count() == len(rows)
    again = ports_load(content=_code_list(rows))
    assert (again.created, again.updated) == (0, 0)


@pytest.mark.django_db
def test_the_official_layout_with_header_title_rows_and_bad_rows():
    content = (
        b"Change,Country,Location,Name,NameWoDiacritics,Subdivision,Status,Function,Date,IATA,"
        b"Coordinates,Remarks\n"
        b",CN,,.CHINA,,,,,,,,\n"
        b",CN,SHA,Shanghai,Shanghai,SH,AI,12345---,0501,,3114N 12129E,\n"
        b"X,CN,OLD,Gone,Gone,,,1-------,,,,\n"
        b",QQ,ABC,Nowhere,Nowhere,,,1-------,,,,\n"
        b",CN,NGB,Ningbo\n"
    )
    result = ports_load(content=content)
    assert result.created == 1
    assert [(p.line, p.code) for p in result.problems] == [
        (5, "locode_country"),
        (6, "row_columns"),
    ]
    port = Port.objects.get()
    assert (port.locode, port.name, port.subdivision, port.is_seaport) == (
        "CNSHA", "Shanghai", "SH", True,
    )  # fmt: skip


@pytest.mark.django_db
def test_the_command_loads_the_demo_ports(capsys):
    call_command("ports_load", "--demo")
    assert "ports added" in capsys.readouterr().out
    assert Port.objects.get(locode="CNNGB").name == "Ningbo"
    assert Port.objects.get(locode="CNPVG").is_airport
    with pytest.raises(CommandError):
        call_command("ports_load")
    with pytest.raises(CommandError):
        call_command("ports_load", "/nonexistent/file.csv")


@pytest.mark.django_db
def test_an_unknown_well_formed_port_is_a_note(english):
    from chengxin.shipments.models import Shipment

    Port.objects.create(locode="CNNGB", name="Ningbo", country="CN")
    shipment = Shipment(port_of_loading="CNNGB", port_of_discharge="DEZZZ", carrier="MAEU",
                        bl_number="254789631")  # fmt: skip
    notes = shipment_notes(shipment)
    assert any("DEZZZ" in note for note in notes)
    assert any("does not start with MAEU" in note for note in notes)
    assert not any("CNNGB" in note for note in notes)
