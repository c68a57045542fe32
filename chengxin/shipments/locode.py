"""UN/LOCODE: the five-character codes of ports and places (``CNSHA`` Shanghai,
``DEHAM`` Hamburg), checked without a database, and the official code list's CSV
layout read row by row.

A code is the ISO 3166-1 alpha-2 code of a country that exists (pycountry; UN/LOCODE
also uses ``XZ`` for installations in international waters) and three characters of
A-Z and 2-9 (UN/LOCODE leaves out 0 and 1, which read as O and I). The full list of
some 115,000 places is not shipped: ``chengxin ports_load FILE.csv`` loads it (or a
part) into the ``Port`` table, and a well-formed code that is not there is accepted
with a note.

The CSV layout is UNECE's "CodeListPart1/2/3.csv" (no header, ISO-8859-1 or UTF-8):
Change, Country, Location, Name, NameWoDiacritics, Subdivision, Status, Function, Date,
IATA, Coordinates, Remarks; the datasets/un-locode ``code-list.csv`` has the same
columns with a header row. Rows without a location are the country's title rows
(",CN,,.CHINA"); rows marked "X" in Change are to be removed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pycountry

from chengxin.shipments.numbers import InvalidNumber, normalise

INTERNATIONAL_WATERS = "XZ"
_SHAPE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")

COLUMNS = (
    "Change", "Country", "Location", "Name", "NameWoDiacritics", "Subdivision", "Status",
    "Function", "Date", "IATA", "Coordinates", "Remarks",
)  # fmt: skip


def country_exists(code: str) -> bool:
    return code == INTERNATIONAL_WATERS or pycountry.countries.get(alpha_2=code) is not None


def locode(value: str) -> str:
    """``"cn sha"`` → ``"CNSHA"``; InvalidNumber ``locode_format`` or
    ``locode_country`` otherwise."""
    code = normalise(value)
    if not _SHAPE.match(code):
        raise InvalidNumber("locode_format")
    if not country_exists(code[:2]):
        raise InvalidNumber("locode_country", country=code[:2])
    return code


def subdivision_name(country: str, subdivision: str) -> str:
    """The name of ``country``'s subdivision ``subdivision`` (``CN``, ``SH`` →
    "Shanghai Shi"), or "" when pycountry does not know it."""
    if not subdivision:
        return ""
    found = pycountry.subdivisions.get(code=f"{country}-{subdivision}")
    return found.name if found else ""


@dataclass(frozen=True)
class PortRow:
    locode: str
    name: str
    country: str
    subdivision: str
    functions: str
    line: int


@dataclass(frozen=True)
class RowProblem:
    line: int
    code: str
    params: dict


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes everything")  # pragma: no cover


def read_code_list(content: bytes) -> Iterator[PortRow | RowProblem]:
    """The places of a UN/LOCODE CSV (with or without its header), each a PortRow, or a
    RowProblem for a row that cannot be one (its line number and why)."""
    reader = csv.reader(io.StringIO(_decode(content)))
    for line, row in enumerate(reader, start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if line == 1 and [c.strip() for c in row[:3]] == list(COLUMNS[:3]):
            continue
        if len(row) < 8:
            yield RowProblem(line, "row_columns", {"found": len(row), "expected": len(COLUMNS)})
            continue
        change, country, location = (c.strip().upper() for c in row[:3])
        if not location or change == "X":
            continue  # a country's title row, or a place to be removed
        name = (row[4].strip() or row[3].strip())[:200]
        try:
            code = locode(country + location)
        except InvalidNumber as exc:
            yield RowProblem(line, exc.code, {"value": country + location, **exc.params})
            continue
        yield PortRow(
            locode=code,
            name=name,
            country=code[:2],
            subdivision=row[5].strip().upper()[:3],
            functions=row[7].strip()[:8],
            line=line,
        )
