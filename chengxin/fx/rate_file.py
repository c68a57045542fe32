"""Reading a CSV file of exchange rates (columns date, currency, rate, and optionally
quote): every problem a person can make in such a file becomes a message naming its row,
and nothing is read as a rate unless the whole file is clean. No database here.

    date,currency,rate,quote
    2026-12-04,AED,1.9412,CNY      → on 4 Dec 2026, 1 AED = 1.9412 CNY
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from chengxin.core.text_input import text_problem, unsafe_text_message
from chengxin.fx.currencies import is_currency
from chengxin.fx.models import RATE_DECIMAL_PLACES, RATE_MAX_DIGITS

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
MAX_ERRORS = 50
_DELIMITERS = (",", ";", "\t")
_RATE_LIMIT = Decimal(10) ** (RATE_MAX_DIGITS - RATE_DECIMAL_PLACES)

# The header names each column may have (lower case), English and Chinese.
COLUMNS = {
    "date": ("date", "day", "日期"),
    "currency": ("currency", "code", "币种", "货币"),
    "rate": ("rate", "exchange rate", "汇率"),
    "quote": ("quote", "quote currency", "quote_currency", "in", "to", "报价币种", "折算币种"),
}
REQUIRED = ("date", "currency", "rate")

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d")
_MAGIC_BINARY = (
    (b"PK\x03\x04", "xlsx"),
    (b"\xd0\xcf\x11\xe0", "xls"),
    (b"%PDF-", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
)


@dataclass(frozen=True)
class RateLine:
    row: int  # as a spreadsheet numbers it: the header is row 1
    day: datetime.date
    currency: str
    quote: str
    rate: Decimal


@dataclass
class RateFile:
    lines: list[RateLine] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "Row 3: ..." or about the whole file

    @property
    def valid(self) -> bool:
        return not self.errors and bool(self.lines)


def _file_error(message: str) -> RateFile:
    return RateFile(errors=[message])


def _decode(content: bytes) -> str | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:  # UTF-16 or a binary file "decodes" with NULs
            return text
    return None


def _delimiter(first_line: str) -> str:
    return max(_DELIMITERS, key=lambda d: len(next(csv.reader([first_line], delimiter=d), [])))


def _header(cells: list[str]) -> tuple[dict[str, int], list[str]]:
    """{column: index} and the problems with the header."""
    names = {name: column for column, names in COLUMNS.items() for name in names}
    found: dict[str, int] = {}
    problems: list[str] = []
    for index, cell in enumerate(cells):
        label = cell.strip().lower()
        if not label:
            continue
        column = names.get(label)
        if column is None:
            problems.append(
                _("Unknown column “%(name)s”: the columns are date, currency, rate and "
                  "optionally quote.") % {"name": cell.strip()[:40]}
            )  # fmt: skip
        elif column in found:
            problems.append(_("The column “%(name)s” appears twice.") % {"name": column})
        else:
            found[column] = index
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        problems.append(
            _("The first row must name the columns date, currency and rate (missing: "
              "%(missing)s).") % {"missing": ", ".join(missing)}
        )  # fmt: skip
    return found, problems


def _parse_day(text: str) -> datetime.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a day
        except ValueError:
            continue
    return None


def rate_problem(value: Decimal) -> str:
    """Why ``value`` cannot be stored as a rate ("" when it can)."""
    if not value.is_finite() or value <= 0:
        return _("Enter a rate above zero.")
    if value >= _RATE_LIMIT:
        return _("This rate is too large.")
    if value.as_tuple().exponent < -RATE_DECIMAL_PLACES and value != value.quantize(  # type: ignore[operator]
        Decimal(1).scaleb(-RATE_DECIMAL_PLACES)
    ):
        return _("Enter a rate with at most %(places)d decimals.") % {"places": RATE_DECIMAL_PLACES}
    return ""


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_rate(text: str) -> tuple[Decimal | None, str]:
    """The rate typed in ``text`` and why it is refused ("" when it is not)."""
    value_text = text.strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d+,\d+", value_text):
        return None, _(
            "“%(value)s”: write the rate with a decimal point (1.9412), not a comma."
        ) % {"value": text.strip()[:40]}
    if not _NUMBER.match(value_text):
        return None, _("“%(value)s” is not a rate (a number such as 1.9412).") % {
            "value": text.strip()[:40]
        }
    try:
        value = Decimal(value_text)
    except InvalidOperation:
        return None, _("“%(value)s” is not a rate (a number such as 1.9412).") % {
            "value": text.strip()[:40]
        }
    problem = rate_problem(value)
    return (None, problem) if problem else (value, "")


def _line(
    number: int, cells: list[str], columns: dict[str, int], base: str, latest: datetime.date
) -> tuple[RateLine | None, list[str]]:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    problems: list[str] = []
    day_text = cell("date")
    day = _parse_day(day_text)
    if day is None:
        problems.append(
            _("“%(value)s” is not a date; write it as 2026-12-04.") % {"value": day_text[:40]}
            if day_text
            else _("The date is missing.")
        )
    elif day > latest:
        problems.append(_("%(day)s is in the future.") % {"day": day.isoformat()})
    codes = {}
    for column, default in (("currency", ""), ("quote", base)):
        text = cell(column) or default
        code = text.upper()
        if not text:
            problems.append(_("The currency is missing."))
        elif not is_currency(code):
            problems.append(
                _("“%(value)s” is not an ISO 4217 currency code.") % {"value": text[:40]}
            )
        codes[column] = code
    if codes["currency"] and codes["currency"] == codes["quote"]:
        problems.append(_("A rate needs two different currencies."))
    rate_text = cell("rate")
    rate, refusal = parse_rate(rate_text) if rate_text else (None, _("The rate is missing."))
    if refusal:
        problems.append(refusal)
    if problems or day is None or rate is None:
        return None, problems
    return RateLine(number, day, codes["currency"], codes["quote"], rate), []


def read_rate_file(content: bytes, *, base: str, latest: datetime.date) -> RateFile:
    """The rates in ``content`` (a CSV file's bytes, UTF-8 or GBK), each quoted in
    ``base`` unless its row names another quote, none dated after ``latest``; or the
    messages saying what is wrong, each naming its row."""
    if not content.strip():
        return _file_error(_("The file is empty."))
    if len(content) > MAX_BYTES:
        return _file_error(
            _("The file is larger than %(size)d MB: split it.") % {"size": MAX_BYTES // 2**20}
        )
    for magic, kind in _MAGIC_BINARY:
        if content.startswith(magic):
            if kind in ("xlsx", "xls"):
                return _file_error(
                    _("This is an Excel workbook, not a CSV file. In Excel choose “Save as → "
                      "CSV UTF-8” and upload that file.")
                )  # fmt: skip
            return _file_error(_("This is not a CSV file (it is a PDF or an image)."))
    text = _decode(content)
    if text is None:
        return _file_error(
            _("The file is not UTF-8 or GBK text. In Excel choose “Save as → CSV UTF-8”.")
        )
    problem = text_problem(text)
    if problem:
        return _file_error(unsafe_text_message(problem))
    first_line = next(iter(text.splitlines()), "")
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(first_line), strict=True
    )
    result = RateFile()
    seen: dict[tuple[str, str, datetime.date], int] = {}
    try:
        columns, header_problems = _header(next(reader, []))
        if header_problems:
            return RateFile(errors=header_problems)
        for cells in reader:
            number = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(result.lines) + len(result.errors) >= MAX_ROWS:
                return _file_error(
                    _("The file has more than %(max)d rows: split it.") % {"max": MAX_ROWS}
                )
            if len(cells) > len(COLUMNS) + 5:
                result.errors.append(
                    _("Row %(row)d: it has %(count)d cells; is this the right file?")
                    % {"row": number, "count": len(cells)}
                )
                continue
            line, problems = _line(number, cells, columns, base, latest)
            result.errors += [
                _("Row %(row)d: %(problem)s") % {"row": number, "problem": p} for p in problems
            ]
            if line is None:
                continue
            key = (line.currency, line.quote, line.day)
            if key in seen:
                result.errors.append(
                    _("Row %(row)d: row %(first)d already gives 1 %(currency)s in %(quote)s on "
                      "%(day)s.")
                    % {"row": number, "first": seen[key], "currency": line.currency,
                       "quote": line.quote, "day": line.day.isoformat()}
                )  # fmt: skip
                continue
            seen[key] = number
            result.lines.append(line)
    except csv.Error as exc:
        result.errors.append(
            _("Row %(row)d could not be read as CSV (%(reason)s).")
            % {"row": reader.line_num, "reason": exc}
        )
    if not result.lines and not result.errors:
        result.errors.append(_("The file has no rates below its header row."))
    if len(result.errors) > MAX_ERRORS:
        more = len(result.errors) - MAX_ERRORS
        result.errors = result.errors[:MAX_ERRORS] + [
            _("… and %(count)d more problems.") % {"count": more}
        ]
    return result
