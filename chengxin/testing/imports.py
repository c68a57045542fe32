"""Import files for the tests of every path that reads them (CSV and XLSX bytes,
uploads)."""

from __future__ import annotations

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

HEADER = ["company", "country", "contact_name", "contact_title", "email", "phone", "tags"]

GOOD_ROWS = [
    ["Acme Trading Ltd", "GB", "John Doe", "Buyer", "john.doe@acme.co.uk", "+44 20 7946 0958", "uk; tools"],
    ["Acme Trading Ltd", "GB", "Jane Roe", "CEO", "jane.roe@acme.co.uk", "", ""],
    ["Beta Industrie SAS", "France", "Claire Martin", "", "claire@beta-industrie.fr", "01 42 68 53 00", "tools"],
]  # fmt: skip


def csv_bytes(rows, *, header=HEADER, encoding="utf-8", delimiter=",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows, *, header=HEADER) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(content: bytes, name: str = "customers.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def problems(batch, row):
    """The problems an import's report lists for ``row``: (severity, column, message)."""
    for entry in batch.report["rows"]:
        if entry["row"] == row:
            return [(p["severity"], p["column"], p["message"]) for p in entry["problems"]]
    return []
