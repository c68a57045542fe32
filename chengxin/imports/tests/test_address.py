"""Customers' postal addresses through the import and the export: several lines in one
cell, under an English or a Chinese header, checked as the pages check them, and the same
after an export imported again."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest
from django.urls import reverse

from chengxin.imports import services
from chengxin.parties.models import ADDRESS_LIMIT, Company
from chengxin.testing.imports import csv_bytes, problems, upload, xlsx_bytes

HEADER = ["Company", "Country", "Contact name", "Email", "地址"]
ROWS = [
    ["Acme Trading Ltd", "GB", "John Doe", "john.doe@acme.co.uk",
     "Unit 4, 12 Canal Street\nManchester\nM1 3HE"],
    ["Acme Trading Ltd", "GB", "Jane Roe", "jane.roe@acme.co.uk", ""],
    ["Beta Industrie SAS", "France", "Claire Martin", "claire@beta-industrie.fr",
     "12 rue des Artisans\r\n69002 Lyon"],
    ["Gamma Oy", "FI", "Aino Virtanen", "aino@gamma.fi", ""],
]  # fmt: skip
EXPECTED = {
    "Acme Trading Ltd": "Unit 4, 12 Canal Street\nManchester\nM1 3HE",
    "Beta Industrie SAS": "12 rue des Artisans\n69002 Lyon",
    "Gamma Oy": "",
}


def _addresses() -> dict[str, str]:
    return dict(Company.objects.values_list("legal_name", "address"))


def _download(client, file_format) -> bytes:
    response = client.get(reverse("imports:export"), {"format": file_format})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("file_format", ["flat_csv", "flat_xlsx"])
def test_imported_addresses_export_and_import_again(client_for, manager, file_format):
    batch = services.import_dry_run(
        actor=manager, uploaded_file=upload(csv_bytes(ROWS, header=HEADER))
    )
    assert batch.error_count == 0, batch.report["rows"]
    services.import_confirm(actor=manager, batch=batch)
    assert _addresses() == EXPECTED

    content = _download(client_for(manager), file_format)
    Company.objects.all().delete()
    name = "export.csv" if file_format == "flat_csv" else "export.xlsx"
    again = services.import_dry_run(actor=manager, uploaded_file=upload(content, name))
    assert again.error_count == 0, again.report["rows"]
    services.import_confirm(actor=manager, batch=again)
    assert _addresses() == EXPECTED


def test_xlsx_import_reads_a_cell_of_several_lines(manager):
    rows = [row[:4] + [row[4]] for row in ROWS]
    header = ["Company", "Country", "Contact name", "Email", "Postal address"]
    batch = services.import_dry_run(
        actor=manager, uploaded_file=upload(xlsx_bytes(rows, header=header), "customers.xlsx")
    )
    assert batch.error_count == 0, batch.report["rows"]
    services.import_confirm(actor=manager, batch=batch)
    assert _addresses() == EXPECTED


def test_export_formats_carry_the_address(client_for, manager):
    batch = services.import_dry_run(
        actor=manager, uploaded_file=upload(csv_bytes(ROWS, header=HEADER))
    )
    services.import_confirm(actor=manager, batch=batch)
    client = client_for(manager)
    data = json.loads(_download(client, "json"))
    assert {c["legal_name"]: c["address"] for c in data["companies"]} == EXPECTED
    workbook = openpyxl.load_workbook(io.BytesIO(_download(client, "xlsx")))
    rows = list(workbook["Companies"].iter_rows(values_only=True))
    table = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {r["legal_name"]: r["address"] or "" for r in table} == EXPECTED
    flat = list(csv.DictReader(io.StringIO(_download(client, "flat_csv").decode("utf-8-sig"))))
    assert {r["company"]: r["address"] for r in flat} == EXPECTED


def test_bad_addresses_are_reported_on_their_rows(manager):
    rows = [
        ["Acme Trading Ltd", "GB", "John Doe", "john@acme.co.uk", "12 Canal Street\nManchester"],
        ["Acme Trading Ltd", "GB", "Jane Roe", "jane@acme.co.uk", "1 Other Road\nLondon"],
        ["Long Address Ltd", "GB", "Max Long", "max@long.co.uk", "x" * (ADDRESS_LIMIT + 1)],
    ]
    batch = services.import_dry_run(
        actor=manager, uploaded_file=upload(csv_bytes(rows, header=HEADER))
    )
    assert batch.error_count == 2
    assert problems(batch, 3) == [
        (
            "error",
            "address",
            "The address differs from row 2 of the same company; write the same value on "
            "every row of a company (or leave it empty).",
        )
    ]
    assert problems(batch, 4) == [
        (
            "error",
            "address",
            f"Enter at most {ADDRESS_LIMIT} characters (this has {ADDRESS_LIMIT + 1}).",
        )
    ]
