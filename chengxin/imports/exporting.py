"""Writing customers out, so nobody is locked in.

Every writer takes the chunks of :func:`chengxin.imports.selectors.export_companies`
and writes them to a binary file as they come, so 100,000 companies never sit
in memory at once. Formats:

- ``xlsx``: a workbook with the sheets Companies, Contacts and Channels, linked
  by their ids (company_id, contact_id);
- ``csv``: a zip of companies.csv, contacts.csv and channels.csv, the same three
  tables (a zip keeps the links that one flat file cannot: a company without
  contacts, retired channels, several channels of a kind);
- ``json``: companies with their contacts nested, each with its channels;
- ``flat_xlsx`` / ``flat_csv``: the import layout, one row per contact with its
  active channels, which Chengxin imports again as it is.

Retired channels are in the three full formats, with their status. Text that
starts like a spreadsheet formula (= + - @) is neutralised in CSV files with a
leading apostrophe; in XLSX every text is stored as text, never as a formula.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import tempfile
import zipfile
from collections.abc import Iterable
from typing import IO

from django.utils import timezone

from chengxin.imports import layout
from chengxin.imports.selectors import ExportCompany

FORMATS = ("xlsx", "csv", "json", "flat_xlsx", "flat_csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "flat_xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "application/zip",
    "flat_csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
EXTENSIONS = {
    "xlsx": "xlsx",
    "flat_xlsx": "xlsx",
    "csv": "zip",
    "flat_csv": "csv",
    "json": "json",
}

COMPANY_HEADERS = (
    "id", "legal_name", "other_names", "country", "website", "domains", "registration_number",
    "vat_number", "address", "currency", "document_language", "grade", "status", "tags", "owner",
    "notes", "owner_since", "last_followed_up_at", "created_at", "updated_at",
)  # fmt: skip
CONTACT_HEADERS = (
    "id", "company_id", "company", "name", "title", "language", "time_zone", "status", "notes",
    "created_at", "updated_at",
)  # fmt: skip
CHANNEL_HEADERS = (
    "id", "contact_id", "company_id", "kind", "value", "display", "label", "is_primary",
    "is_active", "status", "verified_at", "verified_by", "retired_at", "retired_by", "created_at",
)  # fmt: skip
FLAT_HEADERS = (*layout.REFERENCE_COLUMNS, *layout.COLUMN_NAMES)

LIST_JOIN = "; "


def _when(value) -> str:
    return value.astimezone(datetime.UTC).isoformat() if value else ""


def company_values(row: ExportCompany) -> dict:
    c = row.company
    return {
        "id": c.pk,
        "legal_name": c.legal_name,
        "other_names": list(c.other_names or []),
        "country": c.country,
        "website": c.website,
        "domains": row.domains,
        "registration_number": c.registration_number,
        "vat_number": c.vat_number,
        "address": c.address,
        "currency": c.currency,
        "document_language": c.document_language,
        "grade": c.grade,
        "status": c.status,
        "tags": row.tags,
        "owner": row.owner_username,
        "notes": c.notes,
        "owner_since": _when(c.owner_since),
        "last_followed_up_at": _when(c.last_followed_up_at),
        "created_at": _when(c.created_at),
        "updated_at": _when(c.updated_at),
    }


def contact_values(contact, company) -> dict:
    return {
        "id": contact.pk,
        "company_id": contact.company_id,
        "company": company.legal_name,
        "name": contact.name,
        "title": contact.title,
        "language": contact.language,
        "time_zone": contact.time_zone,
        "status": contact.status,
        "notes": contact.notes,
        "created_at": _when(contact.created_at),
        "updated_at": _when(contact.updated_at),
    }


def channel_values(channel, contact) -> dict:
    return {
        "id": channel.pk,
        "contact_id": channel.contact_id,
        "company_id": contact.company_id,
        "kind": channel.kind,
        "value": channel.value,
        "display": channel.display,
        "label": channel.label,
        "is_primary": channel.is_primary,
        "is_active": channel.is_active,
        "status": "active" if channel.is_active else "retired",
        "verified_at": _when(channel.verified_at),
        "verified_by": channel.verified_by.username if channel.verified_by_id else "",
        "retired_at": _when(channel.retired_at),
        "retired_by": channel.retired_by.username if channel.retired_by_id else "",
        "created_at": _when(channel.created_at),
    }


def flat_rows(row: ExportCompany) -> Iterable[dict]:
    """The company in the import layout: one row per contact (one row with the
    company alone when it has no contact); active channels only."""
    c = row.company
    company = {
        "company_id": c.pk,
        "company": c.legal_name,
        "other_names": LIST_JOIN.join(c.other_names or []),
        "country": c.country,
        "website": c.website,
        "domains": LIST_JOIN.join(row.domains),
        "registration_number": c.registration_number,
        "vat_number": c.vat_number,
        "address": c.address,
        "currency": c.currency,
        "document_language": c.document_language,
        "grade": c.grade,
        "tags": LIST_JOIN.join(row.tags),
        "notes": c.notes,
        "owner": row.owner_username,
    }
    if not row.contacts:
        yield company
    for contact, channels in row.contacts:
        values = {
            **company,
            "contact_id": contact.pk,
            "contact_name": contact.name,
            "contact_title": contact.title,
            "contact_language": contact.language,
            "time_zone": contact.time_zone,
        }
        for kind in layout.CHANNEL_COLUMNS:
            active = [ch for ch in channels if ch.kind == kind and ch.is_active]
            active.sort(key=lambda ch: not ch.is_primary)
            values[kind] = LIST_JOIN.join(ch.display for ch in active)
        yield values


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return LIST_JOIN.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


# --- CSV -------------------------------------------------------------------------------


class _CsvTable:
    def __init__(self, stream: IO[str], headers: tuple[str, ...]):
        self.headers = headers
        self.writer = csv.writer(stream)
        self.writer.writerow(headers)

    def write(self, values: dict) -> None:
        self.writer.writerow([layout.neutralise(_text(values.get(h))) for h in self.headers])


def write_csv_zip(chunks: Iterable[list[ExportCompany]], out: IO[bytes]) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # Three members written side by side: each chunk goes to all three.
        streams = {}
        tables = {}
        for name, headers in (
            ("companies.csv", COMPANY_HEADERS),
            ("contacts.csv", CONTACT_HEADERS),
            ("channels.csv", CHANNEL_HEADERS),
        ):
            # zipfile writes one member at a time: each table is spooled first.
            streams[name] = io.TextIOWrapper(
                _spool(), encoding="utf-8-sig", newline="", write_through=True
            )
            tables[name] = _CsvTable(streams[name], headers)
        for chunk in chunks:
            for row in chunk:
                tables["companies.csv"].write(company_values(row))
                for contact, channels in row.contacts:
                    tables["contacts.csv"].write(contact_values(contact, row.company))
                    for channel in channels:
                        tables["channels.csv"].write(channel_values(channel, contact))
        for name, stream in streams.items():
            raw = stream.detach()
            raw.seek(0)
            with archive.open(name, "w") as member:
                while block := raw.read(1 << 20):
                    member.write(block)
            raw.close()


def _spool():
    return tempfile.SpooledTemporaryFile(max_size=8 << 20)


def write_flat_csv(chunks: Iterable[list[ExportCompany]], out: IO[bytes]) -> None:
    stream = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    table = _CsvTable(stream, FLAT_HEADERS)
    for chunk in chunks:
        for row in chunk:
            for values in flat_rows(row):
                table.write(values)
    stream.flush()
    stream.detach()


# --- XLSX ------------------------------------------------------------------------------


def _xlsx_row(sheet, headers, values: dict):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cells = []
    for header in headers:
        value = values.get(header)
        if isinstance(value, bool | int):
            cells.append(value)
            continue
        text = ILLEGAL_CHARACTERS_RE.sub("", _text(value))
        if text.startswith("="):
            cell = WriteOnlyCell(sheet, value=text)
            cell.data_type = "s"  # text, never a formula
            cells.append(cell)
        else:
            cells.append(text)
    return cells


def _workbook_writer(sheets: list[tuple[str, tuple[str, ...]]]):
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    result = {}
    for title, headers in sheets:
        sheet = workbook.create_sheet(title)
        header_cells = []
        for header in headers:
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(sheet, value=header)
            cell.font = Font(bold=True)
            header_cells.append(cell)
        sheet.append(header_cells)
        sheet.freeze_panes = "A2"
        result[title] = sheet
    return workbook, result


def write_xlsx(chunks: Iterable[list[ExportCompany]], out: IO[bytes]) -> None:
    workbook, sheets = _workbook_writer(
        [
            ("Companies", COMPANY_HEADERS),
            ("Contacts", CONTACT_HEADERS),
            ("Channels", CHANNEL_HEADERS),
        ]
    )
    companies, contacts, channels_sheet = (
        sheets["Companies"],
        sheets["Contacts"],
        sheets["Channels"],
    )
    # A write-only workbook streams each sheet to its own temporary file.
    for chunk in chunks:
        for row in chunk:
            companies.append(_xlsx_row(companies, COMPANY_HEADERS, company_values(row)))
            for contact, channels in row.contacts:
                contacts.append(
                    _xlsx_row(contacts, CONTACT_HEADERS, contact_values(contact, row.company))
                )
                for channel in channels:
                    channels_sheet.append(
                        _xlsx_row(channels_sheet, CHANNEL_HEADERS, channel_values(channel, contact))
                    )
    workbook.save(out)


def write_flat_xlsx(chunks: Iterable[list[ExportCompany]], out: IO[bytes]) -> None:
    workbook, sheets = _workbook_writer([("Customers", FLAT_HEADERS)])
    sheet = sheets["Customers"]
    for chunk in chunks:
        for row in chunk:
            for values in flat_rows(row):
                sheet.append(_xlsx_row(sheet, FLAT_HEADERS, values))
    workbook.save(out)


# --- JSON ------------------------------------------------------------------------------


def write_json(chunks: Iterable[list[ExportCompany]], out: IO[bytes], *, exported_by: str) -> None:
    head = {
        "format": "chengxin-customers",
        "version": 1,
        "exported_at": _when(timezone.now()),
        "exported_by": exported_by,
    }
    out.write(json.dumps(head, ensure_ascii=False)[:-1].encode() + b', "companies": [')
    first = True
    for chunk in chunks:
        for row in chunk:
            company = company_values(row)
            company["contacts"] = [
                {
                    **contact_values(contact, row.company),
                    "channels": [channel_values(ch, contact) for ch in channels],
                }
                for contact, channels in row.contacts
            ]
            out.write((b"" if first else b",\n") + json.dumps(company, ensure_ascii=False).encode())
            first = False
    out.write(b"]}\n")


def write_export(file_format: str, chunks, out: IO[bytes], *, exported_by: str) -> None:
    if file_format == "xlsx":
        write_xlsx(chunks, out)
    elif file_format == "csv":
        write_csv_zip(chunks, out)
    elif file_format == "flat_csv":
        write_flat_csv(chunks, out)
    elif file_format == "flat_xlsx":
        write_flat_xlsx(chunks, out)
    elif file_format == "json":
        write_json(chunks, out, exported_by=exported_by)
    else:
        raise ValueError(f"Unknown export format {file_format!r}")


# --- the import template ------------------------------------------------------------------

TEMPLATE_EXAMPLE = (
    {
        "company": "Müller Maschinenbau GmbH", "other_names": "Mueller Maschinenbau",
        "country": "DE", "website": "https://www.mueller-maschinen.de",
        "domains": "mueller-maschinen.de", "address": "Alt-Moabit 91\n10559 Berlin",
        "currency": "EUR", "document_language": "de",
        "grade": "A", "tags": "machinery; trade fair 2025", "contact_name": "Anna Schmidt",
        "contact_title": "Einkaufsleiterin", "contact_language": "de",
        "email": "anna.schmidt@mueller-maschinen.de", "phone": "+49 30 901820",
    },
    {
        "company": "Müller Maschinenbau GmbH", "country": "DE", "contact_name": "Jörg Weber",
        "contact_title": "Technik", "email": "j.weber@mueller-maschinen.de",
        "whatsapp": "+49 151 23456789",
    },
    {
        "company": "Acme Trading Ltd", "country": "United Kingdom", "currency": "GBP",
        "contact_name": "John Doe", "email": "john.doe@acme.co.uk", "phone": "+44 20 7946 0958",
        "linkedin": "linkedin.com/in/john-doe-acme",
    },
)  # fmt: skip


def write_template(out: IO[bytes]) -> None:
    """An empty import sheet, a sheet describing each column, and an example."""
    names = layout.COLUMN_NAMES
    workbook, sheets = _workbook_writer(
        [("Customers", names), ("Columns", ("column", "description")), ("Example", names)]
    )
    for column in layout.COLUMNS:
        sheets["Columns"].append([column.name, str(column.label)])
    for example in TEMPLATE_EXAMPLE:
        sheets["Example"].append(_xlsx_row(sheets["Example"], names, example))
    workbook.save(out)
