"""Reading an uploaded CSV or XLSX file into a header and rows of text.

Everything a person can get wrong about a file (its encoding, its columns,
its size, a damaged workbook) becomes a ``ValidationError`` with a message
they can act on; nothing here touches the database.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import logging
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chengxin.imports import layout

logger = logging.getLogger(__name__)

CSV = "csv"
XLSX = "xlsx"

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
_DELIMITERS = (",", ";", "\t")
# A row longer than this is not a contact list (and would exhaust memory).
_MAX_COLUMNS = 200
# An .xlsx is a zip of XML: what it may unpack to, and how many parts it may have, checked
# from its directory before anything is decompressed (a "zip bomb" of a few hundred KB can
# unpack to gigabytes). 50,000 rows of a contact list unpack to far less. It also bounds
# openpyxl's work on a sheet without a <dimension> (it reads such a sheet through once
# before the first row).
_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
_MAX_ZIP_MEMBERS = 1_000


@dataclass
class Table:
    file_format: str
    headers: list[str]
    header_map: layout.HeaderMap
    # (row number as the user sees it in a spreadsheet, {column: text})
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


def detect_format(filename: str, content: bytes) -> str:
    name = (filename or "").lower()
    if content.startswith(_OLE_MAGIC) or name.endswith(".xls"):
        raise ValidationError(
            _(
                "This is an old Excel file (.xls). Open it in Excel or WPS and save it as "
                "“Excel Workbook (.xlsx)” or as CSV, then upload it again."
            ),
            code="xls",
        )
    if name.endswith((".xlsx", ".xlsm")) or content.startswith(_ZIP_MAGIC):
        return XLSX
    if name.endswith((".csv", ".txt", ".tsv")) or not name.rpartition(".")[1]:
        return CSV
    raise ValidationError(
        _("Upload a CSV or an Excel (.xlsx) file; “%(name)s” is neither.") % {"name": filename},
        code="format",
    )


def read_table(filename: str, content: bytes, *, max_rows: int | None = None) -> Table:
    """The file's header and its rows with data, read as a stream: reading stops with a
    ValidationError after ``max_rows`` rows with data (CHENGXIN_IMPORT_MAX_ROWS)."""
    if not content.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    if max_rows is None:
        max_rows = settings.CHENGXIN_IMPORT_MAX_ROWS
    file_format = detect_format(filename, content)
    if file_format == XLSX:
        headers, records, extra = _read_xlsx(content, max_rows)
    else:
        headers, records, extra = _read_csv(content, max_rows)
    return _table(file_format, headers, records, **extra)


def _too_many_rows(max_rows: int) -> ValidationError:
    return ValidationError(
        ngettext(
            "The file has more than %(max)d row with data; import at most %(max)d at a "
            "time. Split the file and import the parts one after another.",
            "The file has more than %(max)d rows with data; import at most %(max)d at a "
            "time. Split the file and import the parts one after another.",
            max_rows,
        )
        % {"max": max_rows},
        code="rows_too_many",
    )


def _records(rows: Iterator[list[str]], max_rows: int, first_number: int = 2):
    """(spreadsheet row number, cells) for each row with any text; stops past max_rows."""
    records: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(rows, start=first_number):
        if not any(cell.strip() for cell in cells):
            continue  # a blank row takes no memory
        if len(records) >= max_rows:
            raise _too_many_rows(max_rows)
        records.append((number, cells))
    return records


def _table(file_format, headers, records, **extra) -> Table:
    header_map = layout.map_headers(headers)
    if not header_map.positions or (header_map.missing and layout.recognised_count(headers) <= 1):
        raise ValidationError(
            _(
                "The first row must name the columns (company, country, contact_name, email, "
                "…); this file's first row names none of them. Download the template to see "
                "the layout."
            ),
            code="columns",
        )
    if header_map.missing:
        raise ValidationError(
            ngettext(
                "The column %(columns)s is missing.",
                "The columns %(columns)s are missing.",
                len(header_map.missing),
            )
            % {"columns": ", ".join(header_map.missing)},
            code="columns_missing",
        )
    if header_map.repeated:
        raise ValidationError(
            _("These columns appear more than once: %(columns)s. Keep one of each.")
            % {"columns": ", ".join(sorted(set(header_map.repeated)))},
            code="columns_repeated",
        )
    table = Table(file_format, headers, header_map, **extra)
    for number, cells in records:
        row = {}
        for name, index in header_map.positions.items():
            value = cells[index] if index < len(cells) else ""
            row[name] = layout.unneutralise(value.strip())
        if any(row.get(name) for name in layout.COLUMN_NAMES):
            table.rows.append((number, row))
    if not table.rows:
        raise ValidationError(
            _("The file has column names but no rows below them."), code="no_rows"
        )
    return table


# --- CSV -----------------------------------------------------------------------------


def decode_text(content: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM), else GB18030
    (which covers GBK, what Chinese Excel writes). Anything else is refused."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        # UTF-16 text without a BOM "decodes" as letters separated by NULs.
        if "\x00" not in text:
            return text, "utf-8" if encoding == "utf-8-sig" else "gbk"
    raise ValidationError(
        _(
            "The file is not UTF-8 or GBK text. In Excel choose “Save as → CSV UTF-8”, "
            "or upload the .xlsx file itself."
        ),
        code="encoding",
    )


def _guess_delimiter(text: str) -> str:
    first_line = next(iter(text.splitlines()), "")
    best, best_score = ",", -1
    for delimiter in _DELIMITERS:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        score = layout.recognised_count(cells) * 1000 + len(cells)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(content: bytes, max_rows: int):
    text, encoding = decode_text(content)
    delimiter = _guess_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows() -> Iterator[list[str]]:
        for cells in reader:
            if len(cells) > _MAX_COLUMNS:
                raise ValidationError(
                    _("Row %(row)d has more than %(max)d columns; is this the right file?")
                    % {"row": reader.line_num, "max": _MAX_COLUMNS},
                    code="columns_too_many",
                )
            yield cells

    try:
        headers = next(reader, [])
        records = _records(rows(), max_rows)
    except csv.Error as exc:
        raise ValidationError(
            _("Row %(row)d could not be read as CSV (%(reason)s).")
            % {"row": reader.line_num, "reason": exc},
            code="csv",
        ) from exc
    return headers, records, {"encoding": encoding, "delimiter": delimiter}


# --- XLSX ----------------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, decimal.Decimal | float | int):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _xlsx_rows(content: bytes) -> Generator[tuple]:
    # openpyxl is imported here: reading a CSV should not pay for it.
    import openpyxl

    # read_only: rows are parsed as they are asked for, never the whole sheet at once.
    # data_only=False: a formula comes back as its text ("=…") and is refused
    # as such, instead of importing whatever value it last computed.
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    try:
        sheet = workbook.worksheets[0]
        # At most one column past the limit: a sheet that claims 16,384 columns is not
        # padded to them row after row.
        yield from sheet.iter_rows(values_only=True, max_col=_MAX_COLUMNS + 1)
    finally:
        workbook.close()


def _check_unpacked_size(content: bytes, broken: ValidationError) -> None:
    """Refuse a workbook that would unpack to more than _MAX_UNPACKED_BYTES, judged by
    its zip directory before anything is decompressed (zipfile never inflates a member
    past the size its directory declares)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise broken from exc
    unpacked = sum(member.file_size for member in members)
    if len(members) > _MAX_ZIP_MEMBERS or unpacked > _MAX_UNPACKED_BYTES:
        raise ValidationError(
            _(
                "This Excel file unpacks to more than %(mb)d MB, far more than a list of "
                "customers needs. Save the sheet as CSV UTF-8, or split it, and upload that."
            )
            % {"mb": _MAX_UNPACKED_BYTES // (1024 * 1024)},
            code="xlsx_too_large",
        )


def _read_xlsx(content: bytes, max_rows: int):
    broken = ValidationError(
        _(
            "The Excel file could not be opened; it may be damaged or not really an .xlsx "
            "file. Open it in Excel or WPS, save it again as .xlsx (or CSV UTF-8) and retry."
        ),
        code="xlsx_broken",
    )
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise broken
    _check_unpacked_size(content, broken)
    headers: list[str] = []
    records: list[tuple[int, list[str]]] = []
    rows = _xlsx_rows(content)
    try:
        first = next(rows, None)
        if first is not None:
            headers = [_cell_text(v) for v in first[:_MAX_COLUMNS]]
            records = _records(
                ([_cell_text(v) for v in values[:_MAX_COLUMNS]] for values in rows), max_rows
            )
    except ValidationError:
        raise
    except Exception as exc:
        # openpyxl parses an untrusted zip of XML; a damaged one can fail in
        # many ways (zip, XML, KeyError for missing parts, ValueError …).
        logger.info("Unreadable XLSX upload: %r", exc)
        raise broken from exc
    finally:
        rows.close()  # closes the workbook also when reading stopped early
    if not headers:
        raise ValidationError(_("The file is empty."), code="empty")
    return headers, records, {}
