"""The stock levels the company's ERP sends: a file (CSV or JSON) or the rows of an API push,
read into validated rows. Pure: no database (whether each article number exists, and
whether a level is newer than the one kept, is for ``services.stock_levels_apply``).

**CSV**: UTF-8 (a byte-order mark is allowed), comma or semicolon separated, a header row
with ``sku`` and ``quantity``, optionally ``as_of`` and ``unit``; other columns ignored.
**JSON**: ``{"levels": [{"sku": ..., "quantity": ..., "as_of": ...}, ...]}`` or the list
alone. ``quantity``: a number of at least 0 with at most 3 decimals (a string or a JSON
number; a decimal comma is accepted in CSV). ``as_of``: when the ERP counted, ISO 8601
("2026-12-07T09:30:00+08:00"); without an offset it is the company's time
(``CHENGXIN_COMPANY_TIME_ZONE``); missing: the moment it is received. ``unit``, when
given, must be the product's.

An article number twice in one file is an error (which line is right?), as is any other
bad row: the caller applies a file all or nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_QUANTITY = Decimal("999999999999.999")  # what the column holds (15 digits, 3 decimals)
QUANTITY_PLACES = 3
SKU_MAX = 64
UNIT_MAX = 16
# A clock a little ahead is tolerated; a count dated later than this is refused.
FUTURE_TOLERANCE = datetime.timedelta(minutes=10)


@dataclass(frozen=True)
class StockRow:
    line: int  # the file's line (CSV) or the item's position, counting from 1
    sku: str
    quantity: Decimal
    as_of: datetime.datetime | None  # aware; None: when received
    unit: str = ""


@dataclass(frozen=True)
class RowError:
    line: int  # 0: the file as a whole
    sku: str
    message: str
    field: str = "sku"  # which value of the row is wrong

    def __str__(self) -> str:
        where = _("line %(line)d") % {"line": self.line} if self.line else _("file")
        return f"{where}{f' ({self.sku})' if self.sku else ''}: {self.message}"


@dataclass
class Feed:
    rows: list[StockRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def parse_quantity(raw: Any, *, decimal_comma: bool = False) -> Decimal:
    """A stock quantity; ValueError with a person's message."""
    if isinstance(raw, bool) or raw is None:
        raise ValueError(_("Enter the quantity as a number."))
    if isinstance(raw, float):
        raw = repr(raw)
    text = str(raw).strip()
    if decimal_comma and "," in text and "." not in text:
        text = text.replace(",", ".")
    if not text or len(text) > 40:
        raise ValueError(_("Enter the quantity as a number."))
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("“%(value)s” is not a number.") % {"value": text[:40]}) from None
    if not value.is_finite():
        raise ValueError(_("Enter the quantity as a number."))
    if value < 0:
        raise ValueError(_("The quantity cannot be negative."))
    if value > MAX_QUANTITY:
        raise ValueError(_("The quantity is too large."))
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > QUANTITY_PLACES:
        raise ValueError(_("Enter the quantity with at most 3 decimals."))
    return value.quantize(Decimal("0.001"))


def parse_as_of(
    raw: Any, *, zone: zoneinfo.ZoneInfo, now: datetime.datetime
) -> datetime.datetime | None:
    """When the ERP counted (aware, UTC); None when not given."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if not isinstance(raw, str) or len(raw) > 64:
        raise ValueError(_("Enter as_of as a date and time (ISO 8601)."))
    try:
        moment = datetime.datetime.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(
            _("“%(value)s” is not a date and time (ISO 8601, e.g. 2026-12-07T09:30:00+08:00).")
            % {"value": raw.strip()[:64]}
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    try:
        moment = moment.astimezone(datetime.UTC)
    except OverflowError:
        raise ValueError(_("Enter as_of as a date and time (ISO 8601).")) from None
    if moment > now + FUTURE_TOLERANCE:
        raise ValueError(_("as_of is in the future."))
    return moment


def _text(raw: Any, limit: int, label: str) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise ValueError(_("%(field)s must be text.") % {"field": label})
    text = raw.strip()
    if len(text) > limit:
        raise ValueError(
            _("%(field)s has more than %(limit)d characters.") % {"field": label, "limit": limit}
        )
    if any(ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise ValueError(_("%(field)s contains control characters.") % {"field": label})
    return text


def rows_read(
    records: Iterable[tuple[int, Mapping[str, Any]]],
    *,
    zone: zoneinfo.ZoneInfo,
    now: datetime.datetime,
    decimal_comma: bool = False,
) -> Feed:
    """Validate ``records`` ((line, {"sku", "quantity", "as_of", "unit"})): each good one a
    row, each bad one an error; an article number twice: an error on each line."""
    feed = Feed()
    seen: dict[str, int] = {}
    for line, record in records:
        if len(feed.rows) + len(feed.errors) >= MAX_ROWS:
            feed.errors.append(
                RowError(0, "", _("More than %(max)d rows: split the file.") % {"max": MAX_ROWS})
            )
            break
        if not isinstance(record, Mapping):
            feed.errors.append(
                RowError(line, "", _("Each level is an object with sku and quantity."))
            )
            continue
        sku, where = "", "sku"
        try:
            sku = _text(record.get("sku"), SKU_MAX, "sku")
            if not sku:
                raise ValueError(_("The article number (sku) is missing."))
            where = "quantity"
            quantity = parse_quantity(record.get("quantity"), decimal_comma=decimal_comma)
            where = "as_of"
            as_of = parse_as_of(record.get("as_of"), zone=zone, now=now)
            where = "unit"
            unit = _text(record.get("unit"), UNIT_MAX, "unit")
        except ValueError as exc:
            feed.errors.append(RowError(line, sku, str(exc), where))
            continue
        key = sku.casefold()
        if key in seen:
            feed.errors.append(
                RowError(
                    line,
                    sku,
                    _("This article number is also on line %(line)d: give it once.")
                    % {"line": seen[key]},
                )
            )
            continue
        seen[key] = line
        feed.rows.append(StockRow(line=line, sku=sku, quantity=quantity, as_of=as_of, unit=unit))
    return feed


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            _("The file is not UTF-8 text (byte %(position)d): save it as UTF-8.")
            % {"position": exc.start}
        ) from None
    if "\x00" in text:
        raise ValueError(_("The file contains NUL bytes: it is not a text file."))
    return text


def _csv_records(text: str) -> Iterable[tuple[int, dict[str, Any]]]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in ("sku", "quantity") if c not in header]
    if missing:
        raise ValueError(
            _("The header row must name the columns sku and quantity (missing: %(missing)s).")
            % {"missing": ", ".join(missing)}
        )
    wanted = {
        name: header.index(name) for name in ("sku", "quantity", "as_of", "unit") if name in header
    }
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        record = {name: (values[i] if i < len(values) else None) for name, i in wanted.items()}
        yield reader.line_num, record


def _json_records(text: str) -> list[tuple[int, Any]]:
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        message = getattr(exc, "msg", "too deeply nested")
        raise ValueError(_("The file is not valid JSON: %(error)s.") % {"error": message}) from None
    levels = document.get("levels") if isinstance(document, dict) else document
    if not isinstance(levels, list):
        raise ValueError(_('The JSON must be {"levels": [...]} or a list of levels.'))
    return list(enumerate(levels, start=1))


def file_read(data: bytes, *, name: str, zone: zoneinfo.ZoneInfo, now: datetime.datetime) -> Feed:
    """Read a stock file (its kind from the name's ending: .csv or .json). Never raises on
    bad content: every problem is an error of the result."""
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    try:
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(
                _("The file is larger than %(mb)d MB.") % {"mb": MAX_FILE_BYTES // 1024 // 1024}
            )
        if kind not in ("csv", "json"):
            raise ValueError(_("Only .csv and .json files are read."))
        text = _decode(data)
        if kind == "json":
            return rows_read(_json_records(text), zone=zone, now=now)
        return rows_read(_csv_records(text), zone=zone, now=now, decimal_comma=True)
    except ValueError as exc:
        return Feed(errors=[RowError(0, "", str(exc))])
    except csv.Error as exc:
        message = _("The CSV file could not be read: %(error)s.") % {"error": exc}
        return Feed(errors=[RowError(0, "", message)])
