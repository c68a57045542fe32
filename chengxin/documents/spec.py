"""What a trade document says, as plain frozen dataclasses: the engine's only input.

A ``DocumentSpec`` is a quotation, a proforma invoice, a commercial invoice, a packing
list or an order confirmation: who sells to whom, the lines, the currency, the Incoterm
and its named place, the payment terms with their schedule, the exchange-rate rule, the
receiving account with the link to verify it, and the tax data some countries ask for
(Japan's qualified invoice, the EU's VAT number and reverse charge, HS code and origin
per line for the Gulf states). Nothing here reads the database.

``DocumentSpec.from_dict(data)`` checks everything and raises one ``DocumentSpecError``
listing every problem with the field it concerns (``lines[2].unit_price``); its messages
are translatable. ``spec.to_dict()`` gives the same dictionary back (strings for money,
ISO dates), so ``DocumentSpec.from_dict(spec.to_dict()) == spec``.

Money is ``Decimal``: line amounts and totals in the currency's minor unit (JPY 0, USD 2,
KWD 3), unit prices with up to four more decimals. Tax is computed once per rate on the
sum of that rate's lines, as Japan's qualified invoice requires.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from chengxin.core.bank_numbers import validate_bic, validate_iban
from chengxin.core.buyer_language import buyer_languages

KINDS = ("quotation", "proforma", "commercial_invoice", "packing_list", "order_confirmation")
INCOTERMS = ("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF")
# Incoterms 2020 for sea and inland waterway only: the named place is a port.
SEA_INCOTERMS = ("FAS", "FOB", "CFR", "CIF")

# Countries whose customs ask for the HS code and the country of origin on every line of
# a commercial document: the Gulf Cooperation Council, Egypt, Jordan, Iraq.
HS_AND_ORIGIN_COUNTRIES = frozenset({"SA", "AE", "KW", "QA", "BH", "OM", "EG", "JO", "IQ"})
# EU member states (ISO 3166 codes; Greece's VAT numbers start with EL).
EU_COUNTRIES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
# Japan's consumption tax: the standard rate and the reduced rate (food, newspapers).
JAPAN_STANDARD_RATE = Decimal(10)
JAPAN_REDUCED_RATE = Decimal(8)

MAX_LINES = 500
MAX_SCHEDULE_ROWS = 24
UNIT_PRICE_EXTRA_DECIMALS = 4
QUANTITY_DECIMALS = 3
WEIGHT_DECIMALS = 3
MAX_AMOUNT = Decimal("1e15")
SHORT = 200
LONG = 2000

_JAPAN_REGISTRATION = re.compile(r"T\d{13}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_CURRENCY = re.compile(r"[A-Z]{3}")
# Control characters a line of text never needs. Bidi overrides and isolates typed into a
# field could reorder what the buyer reads (an account number shown backwards), so they
# are refused; the engine isolates mixed-direction text itself.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@dataclass(frozen=True)
class FieldError:
    """One problem: the field's path (``buyer.vat_number``, ``lines[0].quantity``) and
    a translatable message (``str(error)`` reads it in the active language)."""

    field: str
    message: Promise | str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def text(self) -> str:
        return str(self.message) % dict(self.params)

    def __str__(self) -> str:
        return f"{self.field}: {self.text()}" if self.field else self.text()


class DocumentSpecError(ValueError):
    """Everything wrong with a document's description, each with its field."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(error) for error in self.errors))

    def __str__(self) -> str:
        # Read again at display time: the messages follow the active language.
        return "\n".join(str(error) for error in self.errors)


# --- the document -------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """The seller or the buyer as the document names them."""

    name: str
    address: str = ""
    country: str = ""  # ISO 3166-1 alpha-2
    vat_number: str = ""  # VAT, GST or TRN number; checked for EU countries and others stdnum knows
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Packing:
    """How a line is packed (packing list, commercial invoice)."""

    net_kg: Decimal | None = None
    gross_kg: Decimal | None = None
    packages: int | None = None
    package_type: str = ""  # "cartons", "pallets"
    dimensions: str = ""  # "60 × 40 × 45 cm"
    marks: str = ""


@dataclass(frozen=True)
class Line:
    position: int
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    sku: str = ""
    hs_code: str = ""  # digits only: 6, or 8 to 10 with national digits
    origin_country: str = ""  # ISO 3166-1 alpha-2
    tax_rate: Decimal = Decimal(0)  # percent
    reduced_rate: bool = False  # Japan's reduced rate (8 %): marked ※ on the line
    packing: Packing | None = None


@dataclass(frozen=True)
class ScheduleRow:
    """One amount due: when (a date, or what triggers it) and how much."""

    description: str
    amount: Decimal
    due_date: date | None = None
    trigger: str = ""  # "against copy of B/L", "30 days after shipment"


@dataclass(frozen=True)
class ReceivingAccount:
    """Where the buyer pays, printed in full, with the page that confirms it is ours."""

    bank_name: str
    holder: str
    swift: str
    verify_url: str
    bank_address: str = ""
    account_number: str = ""
    iban: str = ""
    intermediary_bank: str = ""
    intermediary_swift: str = ""


@dataclass(frozen=True)
class Tax:
    japan_registration_number: str = ""  # T + 13 digits: our qualified invoice issuer number
    reverse_charge: bool = False  # EU: VAT due from the buyer (Directive 2006/112/EC art. 196)


@dataclass(frozen=True)
class RateTotal:
    """The lines taxed at one rate: their sum and the tax on it (rounded once)."""

    rate: Decimal
    reduced: bool
    taxable: Decimal
    tax: Decimal


@dataclass(frozen=True)
class DocumentSpec:
    kind: str
    number: str
    issue_date: date
    language: str  # one of the twelve buyer languages (Django spelling: "zh-hans")
    seller: Party
    buyer: Party
    lines: tuple[Line, ...]
    currency: str  # ISO 4217
    incoterm: str = ""  # Incoterms 2020
    named_place: str = ""
    payment_terms: str = ""
    schedule: tuple[ScheduleRow, ...] = ()
    rate_rule: str = ""  # the exchange-rate rule, as text
    account: ReceivingAccount | None = None
    tax: Tax = Tax()
    buyer_reference: str = ""  # the buyer's PO number
    valid_until: date | None = None  # quotations
    shipping_marks: str = ""
    notes: str = ""

    # --- figures -------------------------------------------------------------------------

    @property
    def subtotal(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def rate_totals(self) -> tuple[RateTotal, ...]:
        """Per tax rate, highest first: the taxable sum and the tax, rounded once."""
        groups: dict[tuple[Decimal, bool], Decimal] = {}
        for line in self.lines:
            key = (line.tax_rate, line.reduced_rate)
            groups[key] = groups.get(key, Decimal(0)) + line.amount
        return tuple(
            RateTotal(
                rate=rate,
                reduced=reduced,
                taxable=taxable,
                tax=_round_money(taxable * rate / 100, self.currency),
            )
            for (rate, reduced), taxable in sorted(groups.items(), reverse=True)
        )

    @property
    def tax_total(self) -> Decimal:
        return sum((row.tax for row in self.rate_totals), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax_total

    @property
    def has_tax(self) -> bool:
        return any(line.tax_rate for line in self.lines)

    @property
    def is_japan_qualified_invoice(self) -> bool:
        """A document to a Japanese buyer on which consumption tax is charged."""
        return self.buyer.country == "JP" and self.has_tax

    @property
    def is_japan_export_without_tax(self) -> bool:
        return self.buyer.country == "JP" and not self.has_tax

    @property
    def shows_hs_and_origin(self) -> bool:
        return any(line.hs_code or line.origin_country for line in self.lines)

    @property
    def shows_prices(self) -> bool:
        return self.kind != "packing_list"

    @property
    def shows_packing(self) -> bool:
        return self.kind == "packing_list" or any(line.packing for line in self.lines)

    @property
    def packing_totals(self) -> Packing:
        packings = [line.packing for line in self.lines if line.packing]
        return Packing(
            net_kg=_sum_or_none(p.net_kg for p in packings),
            gross_kg=_sum_or_none(p.gross_kg for p in packings),
            packages=_sum_or_none(p.packages for p in packings),
        )

    # --- conversion ----------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: object) -> DocumentSpec:
        """The document described by ``data`` (decoded JSON); ``DocumentSpecError`` with
        every problem otherwise. Never any other exception, whatever ``data`` holds."""
        reader = _Reader()
        try:
            spec = _read_document(reader, data)
        except _Abort:
            spec = None
        except RecursionError:
            reader.add("", _("The document is nested too deeply."))
            spec = None
        if reader.errors or spec is None:
            raise DocumentSpecError(reader.errors)
        return spec

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number,
            "issue_date": self.issue_date.isoformat(),
            "language": self.language,
            "seller": _party_dict(self.seller),
            "buyer": _party_dict(self.buyer),
            "lines": [_line_dict(line) for line in self.lines],
            "currency": self.currency,
            "incoterm": self.incoterm,
            "named_place": self.named_place,
            "payment_terms": self.payment_terms,
            "schedule": [
                {
                    "description": row.description,
                    "amount": str(row.amount),
                    "due_date": row.due_date.isoformat() if row.due_date else None,
                    "trigger": row.trigger,
                }
                for row in self.schedule
            ],
            "rate_rule": self.rate_rule,
            "account": _account_dict(self.account) if self.account else None,
            "tax": {
                "japan_registration_number": self.tax.japan_registration_number,
                "reverse_charge": self.tax.reverse_charge,
            },
            "buyer_reference": self.buyer_reference,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "shipping_marks": self.shipping_marks,
            "notes": self.notes,
        }


def _sum_or_none(values):
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _round_money(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_HALF_UP)


def minor_units(currency: str) -> int:
    from babel.numbers import get_currency_precision

    return get_currency_precision(currency)


def _party_dict(party: Party) -> dict[str, Any]:
    return {
        "name": party.name,
        "address": party.address,
        "country": party.country,
        "vat_number": party.vat_number,
        "email": party.email,
        "phone": party.phone,
    }


def _line_dict(line: Line) -> dict[str, Any]:
    packing = line.packing
    return {
        "position": line.position,
        "sku": line.sku,
        "description": line.description,
        "hs_code": line.hs_code,
        "origin_country": line.origin_country,
        "quantity": str(line.quantity),
        "unit": line.unit,
        "unit_price": str(line.unit_price),
        "amount": str(line.amount),
        "tax_rate": str(line.tax_rate),
        "reduced_rate": line.reduced_rate,
        "packing": (
            {
                "net_kg": None if packing.net_kg is None else str(packing.net_kg),
                "gross_kg": None if packing.gross_kg is None else str(packing.gross_kg),
                "packages": packing.packages,
                "package_type": packing.package_type,
                "dimensions": packing.dimensions,
                "marks": packing.marks,
            }
            if packing
            else None
        ),
    }


def _account_dict(account: ReceivingAccount) -> dict[str, Any]:
    return {
        "bank_name": account.bank_name,
        "bank_address": account.bank_address,
        "holder": account.holder,
        "account_number": account.account_number,
        "iban": account.iban,
        "swift": account.swift,
        "intermediary_bank": account.intermediary_bank,
        "intermediary_swift": account.intermediary_swift,
        "verify_url": account.verify_url,
    }


# --- reading and checking ----------------------------------------------------------------

T = TypeVar("T")


class _Abort(Exception):
    """The input is not an object at all: nothing more can be read."""


class _Missing:
    pass


MISSING = _Missing()


class _Reader:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, path: str, message: Promise | str, **params: object) -> None:
        self.errors.append(FieldError(path, message, params))

    def mapping(self, value: object, path: str, allowed: tuple[str, ...]) -> Mapping | None:
        if not isinstance(value, Mapping):
            self.add(path, _("Expected an object ({…})."))
            return None
        for key in value:
            if not isinstance(key, str) or key not in allowed:
                shown = key if isinstance(key, str) else repr(key)
                self.add(
                    _join(path, str(shown)[:60]),
                    _("Unknown field. Known fields here: %(fields)s."),
                    fields=", ".join(allowed),
                )
        return value

    def text(
        self,
        data: Mapping,
        name: str,
        path: str,
        *,
        required: bool = False,
        max_length: int = SHORT,
        multiline: bool = False,
    ) -> str:
        where = _join(path, name)
        value = data.get(name, MISSING)
        if value is MISSING or value is None:
            value = ""
        if not isinstance(value, str):
            self.add(where, _("Expected text."))
            return ""
        value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").strip())
        if _FORBIDDEN.search(value):
            self.add(where, _("The text contains control or bidi override characters."))
            return ""
        if not multiline and "\n" in value:
            self.add(where, _("Expected a single line of text."))
            return ""
        if required and not value:
            self.add(where, _("This field is required."))
        if len(value) > max_length:
            self.add(
                where,
                _("At most %(max)d characters (this has %(count)d)."),
                max=max_length,
                count=len(value),
            )
            return ""
        return value

    def decimal(
        self,
        data: Mapping,
        name: str,
        path: str,
        *,
        places: int,
        required: bool = True,
        positive: bool = False,
        default: Decimal | None = None,
    ) -> Decimal | None:
        where = _join(path, name)
        value = data.get(name, MISSING)
        if value is MISSING or value is None or value == "":
            if required:
                self.add(where, _("This field is required."))
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
            self.add(where, _('Expected a number, as a string such as "1234.50".'))
            return default
        try:
            number = Decimal(str(value).strip())
        except (InvalidOperation, ValueError):
            self.add(where, _("“%(value)s” is not a number."), value=str(value)[:40])
            return default
        if not number.is_finite() or abs(number) >= MAX_AMOUNT:
            self.add(where, _("The number is out of range."))
            return default
        if number < 0 or (positive and number == 0):
            self.add(
                where,
                _("Must be greater than zero.") if positive else _("Must not be negative."),
            )
            return default
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places:
            self.add(where, _("At most %(places)d decimal places."), places=places)
            return default
        return number

    def boolean(self, data: Mapping, name: str, path: str) -> bool:
        value = data.get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.add(_join(path, name), _("Expected true or false."))
            return False
        return value

    def day(self, data: Mapping, name: str, path: str, *, required: bool = False) -> date | None:
        where = _join(path, name)
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.add(where, _("This field is required."))
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.add(where, _("Expected a date as YYYY-MM-DD."))
        return None

    def country(self, data: Mapping, name: str, path: str, *, required: bool = False) -> str:
        value = self.text(data, name, path, required=required, max_length=2).upper()
        if value and not (_COUNTRY.fullmatch(value) and _known_country(value)):
            self.add(
                _join(path, name),
                _("“%(value)s” is not an ISO 3166 country code (e.g. DE, JP)."),
                value=value,
            )
            return ""
        return value

    def items(
        self,
        data: Mapping,
        name: str,
        path: str,
        read: Callable[[object, str], T | None],
        *,
        limit: int,
    ) -> tuple[T, ...]:
        where = _join(path, name)
        value = data.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.add(where, _("Expected a list ([…])."))
            return ()
        if len(value) > limit:
            self.add(where, _("At most %(limit)d entries."), limit=limit)
            return ()
        found = []
        for index, item in enumerate(value):
            read_item = read(item, f"{where}[{index}]")
            if read_item is not None:
                found.append(read_item)
        return tuple(found)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _known_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_2=code) is not None


def _read_document(reader: _Reader, data: object) -> DocumentSpec | None:
    fields = (
        "kind", "number", "issue_date", "language", "seller", "buyer", "lines", "currency",
        "incoterm", "named_place", "payment_terms", "schedule", "rate_rule", "account", "tax",
        "buyer_reference", "valid_until", "shipping_marks", "notes",
    )  # fmt: skip
    root = reader.mapping(data, "", fields)
    if root is None:
        raise _Abort

    kind = reader.text(root, "kind", "", required=True)
    if kind and kind not in KINDS:
        reader.add("kind", _("Expected one of: %(choices)s."), choices=", ".join(KINDS))
    number = reader.text(root, "number", "", required=True, max_length=60)
    issue_date = reader.day(root, "issue_date", "", required=True)
    language = _read_language(reader, root)
    currency = reader.text(root, "currency", "", required=True, max_length=3).upper()
    if currency and not _is_currency(currency):
        reader.add("currency", _("“%(value)s” is not an ISO 4217 currency code."), value=currency)
        currency = ""
    places = minor_units(currency) if currency else 2

    seller = _read_party(reader, root.get("seller"), "seller", vat_checked=False)
    buyer = _read_party(reader, root.get("buyer"), "buyer", vat_checked=True)

    pricing = kind != "packing_list"

    def read_line(item: object, path: str) -> Line | None:
        return _read_line(reader, item, path, places=places, priced=pricing, kind=kind)

    lines = reader.items(root, "lines", "", read_line, limit=MAX_LINES)
    if "lines" in root and isinstance(root["lines"], list) and not root["lines"]:
        reader.add("lines", _("A document needs at least one line."))
    elif "lines" not in root or root["lines"] is None:
        reader.add("lines", _("This field is required."))
    positions = [line.position for line in lines]
    if len(set(positions)) != len(positions):
        reader.add("lines", _("Two lines have the same position."))

    incoterm = reader.text(root, "incoterm", "", max_length=3).upper()
    if incoterm and incoterm not in INCOTERMS:
        reader.add(
            "incoterm", _("Expected an Incoterm 2020: %(choices)s."), choices=", ".join(INCOTERMS)
        )
    named_place = reader.text(root, "named_place", "", max_length=SHORT)
    if incoterm and not named_place:
        reader.add("named_place", _("An Incoterm needs its named place (e.g. FOB Ningbo)."))
    if named_place and not incoterm:
        reader.add("incoterm", _("A named place needs its Incoterm."))
    if kind in ("proforma", "commercial_invoice", "quotation", "order_confirmation"):
        if not incoterm and "incoterm" not in {e.field for e in reader.errors}:
            reader.add("incoterm", _("This field is required."))

    payment_terms = reader.text(root, "payment_terms", "", max_length=LONG, multiline=True)

    def read_row(item: object, path: str) -> ScheduleRow | None:
        return _read_schedule_row(reader, item, path, places=places)

    schedule = reader.items(root, "schedule", "", read_row, limit=MAX_SCHEDULE_ROWS)
    rate_rule = reader.text(root, "rate_rule", "", max_length=LONG, multiline=True)
    account_data = root.get("account")
    account = _read_account(reader, account_data, "account") if account_data is not None else None
    if kind == "proforma" and account_data is None:
        reader.add("account", _("A proforma invoice needs the receiving account."))
    if kind == "packing_list" and account_data is not None:
        reader.add("account", _("A packing list does not carry a receiving account."))
    tax = _read_tax(reader, root.get("tax"))
    buyer_reference = reader.text(root, "buyer_reference", "", max_length=60)
    valid_until = reader.day(root, "valid_until", "")
    if valid_until and kind != "quotation":
        reader.add("valid_until", _("Only a quotation has a validity date."))
    if valid_until and issue_date and valid_until < issue_date:
        reader.add("valid_until", _("The validity ends before the issue date."))
    shipping_marks = reader.text(root, "shipping_marks", "", max_length=LONG, multiline=True)
    notes = reader.text(root, "notes", "", max_length=LONG, multiline=True)

    if reader.errors or issue_date is None or seller is None or buyer is None:
        return None
    spec = DocumentSpec(
        kind=kind,
        number=number,
        issue_date=issue_date,
        language=language,
        seller=seller,
        buyer=buyer,
        lines=lines,
        currency=currency,
        incoterm=incoterm,
        named_place=named_place,
        payment_terms=payment_terms,
        schedule=schedule,
        rate_rule=rate_rule,
        account=account,
        tax=tax,
        buyer_reference=buyer_reference,
        valid_until=valid_until,
        shipping_marks=shipping_marks,
        notes=notes,
    )
    _check_rules(reader, spec)
    return spec


def _read_language(reader: _Reader, root: Mapping) -> str:
    value = reader.text(root, "language", "", required=True, max_length=10)
    code = re.sub(r"[_\s]+", "-", value.lower())
    if code in ("zh", "zh-cn"):
        code = "zh-hans"
    if value and code not in buyer_languages():
        reader.add(
            "language",
            _("Expected one of the buyer languages: %(choices)s."),
            choices=", ".join(buyer_languages()),
        )
        return ""
    return code


def _is_currency(code: str) -> bool:
    if not _CURRENCY.fullmatch(code):
        return False
    import pycountry

    return pycountry.currencies.get(alpha_3=code) is not None


def _read_party(reader: _Reader, value: object, path: str, *, vat_checked: bool) -> Party | None:
    data = reader.mapping(
        value, path, ("name", "address", "country", "vat_number", "email", "phone")
    )
    if data is None:
        return None
    name = reader.text(data, "name", path, required=True)
    address = reader.text(data, "address", path, max_length=LONG, multiline=True)
    country = reader.country(data, "country", path, required=True)
    vat_number = reader.text(data, "vat_number", path, max_length=40)
    if vat_number and country:
        vat_number = _checked_vat(reader, _join(path, "vat_number"), country, vat_number)
    email = reader.text(data, "email", path)
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        reader.add(_join(path, "email"), _("Enter a valid email address."))
    phone = reader.text(data, "phone", path, max_length=40)
    return Party(
        name=name, address=address, country=country, vat_number=vat_number, email=email,
        phone=phone,
    )  # fmt: skip


def vat_module(country: str):
    """python-stdnum's VAT number module for a country (the EU's for member states), or
    None when stdnum does not know the country's VAT numbers."""
    from stdnum import get_cc_module

    if country in EU_COUNTRIES:
        from stdnum.eu import vat

        return vat
    try:
        return get_cc_module(country.lower(), "vat")
    except (ImportError, ValueError):
        return None


def _checked_vat(reader: _Reader, where: str, country: str, value: str) -> str:
    module = vat_module(country)
    if module is None:
        return value

    candidate = value
    if country in EU_COUNTRIES:
        prefix = "EL" if country == "GR" else country
        compact = re.sub(r"[\s.\-/]", "", value).upper()
        if not compact.startswith(prefix):
            if compact[:2].isalpha():
                reader.add(
                    where,
                    _("A VAT number of %(country)s starts with %(prefix)s."),
                    country=country,
                    prefix=prefix,
                )
                return value
            candidate = prefix + compact
    try:
        return str(module.compact(module.validate(candidate)))
    except Exception:  # noqa: BLE001 - stdnum's ValidationError, or any other failure: a wrong number to the user
        reader.add(
            where,
            _("“%(value)s” is not a valid VAT number for %(country)s."),
            value=value,
            country=country,
        )
        return value


def _read_line(
    reader: _Reader, item: object, path: str, *, places: int, priced: bool, kind: str
) -> Line | None:
    fields = (
        "position", "sku", "description", "hs_code", "origin_country", "quantity", "unit",
        "unit_price", "amount", "tax_rate", "reduced_rate", "packing",
    )  # fmt: skip
    data = reader.mapping(item, path, fields)
    if data is None:
        return None
    position = data.get("position")
    if isinstance(position, bool) or not isinstance(position, int) or not 0 < position < 10_000:
        reader.add(_join(path, "position"), _("Expected a whole number from 1 to 9999."))
        position = 0
    sku = reader.text(data, "sku", path, max_length=60)
    description = reader.text(data, "description", path, required=True, max_length=LONG, multiline=True)  # fmt: skip
    hs_code = re.sub(r"[\s.]", "", reader.text(data, "hs_code", path, max_length=20))
    if hs_code and not (hs_code.isascii() and hs_code.isdigit() and len(hs_code) in (6, 8, 9, 10)):
        reader.add(
            _join(path, "hs_code"),
            _("An HS code has six digits, or eight to ten with the national digits."),
        )
    origin = reader.country(data, "origin_country", path)
    quantity = reader.decimal(data, "quantity", path, places=QUANTITY_DECIMALS, positive=True)
    unit = reader.text(data, "unit", path, required=True, max_length=20)
    unit_price = reader.decimal(
        data, "unit_price", path, places=places + UNIT_PRICE_EXTRA_DECIMALS, required=priced,
        default=Decimal(0),
    )  # fmt: skip
    amount = reader.decimal(data, "amount", path, places=places, required=False)
    tax_rate = reader.decimal(
        data, "tax_rate", path, places=2, required=False, default=Decimal(0)
    ) or Decimal(0)
    if tax_rate > 100:
        reader.add(_join(path, "tax_rate"), _("A tax rate is a percentage from 0 to 100."))
    reduced = reader.boolean(data, "reduced_rate", path)
    packing_data = data.get("packing")
    packing = (
        _read_packing(reader, packing_data, _join(path, "packing"))
        if packing_data is not None
        else None
    )
    if kind == "packing_list" and packing_data is None:
        reader.add(_join(path, "packing"), _("A packing list needs the packing of every line."))
    if quantity is None or unit_price is None:
        return None
    computed = (quantity * unit_price).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if amount is None:
        amount = computed
    elif priced and amount != computed:
        reader.add(
            _join(path, "amount"),
            _("The amount should be quantity × unit price = %(computed)s."),
            computed=str(computed),
        )
    return Line(
        position=position, description=description, quantity=quantity, unit=unit,
        unit_price=unit_price, amount=amount, sku=sku, hs_code=hs_code, origin_country=origin,
        tax_rate=tax_rate.normalize() if tax_rate else Decimal(0), reduced_rate=reduced,
        packing=packing,
    )  # fmt: skip


def _read_packing(reader: _Reader, value: object, path: str) -> Packing | None:
    fields = ("net_kg", "gross_kg", "packages", "package_type", "dimensions", "marks")
    data = reader.mapping(value, path, fields)
    if data is None:
        return None
    net = reader.decimal(data, "net_kg", path, places=WEIGHT_DECIMALS, required=False)
    gross = reader.decimal(data, "gross_kg", path, places=WEIGHT_DECIMALS, required=False)
    if net is not None and gross is not None and gross < net:
        reader.add(_join(path, "gross_kg"), _("The gross weight is less than the net weight."))
    packages = data.get("packages")
    if packages is not None and (
        isinstance(packages, bool) or not isinstance(packages, int) or not 0 < packages < 10**7
    ):
        reader.add(_join(path, "packages"), _("Expected a whole number of packages."))
        packages = None
    return Packing(
        net_kg=net,
        gross_kg=gross,
        packages=packages,
        package_type=reader.text(data, "package_type", path, max_length=40),
        dimensions=reader.text(data, "dimensions", path, max_length=60),
        marks=reader.text(data, "marks", path, max_length=SHORT, multiline=True),
    )


def _read_schedule_row(
    reader: _Reader, item: object, path: str, *, places: int
) -> ScheduleRow | None:
    data = reader.mapping(item, path, ("description", "amount", "due_date", "trigger"))
    if data is None:
        return None
    description = reader.text(data, "description", path, required=True)
    amount = reader.decimal(data, "amount", path, places=places, positive=True)
    due_date = reader.day(data, "due_date", path)
    trigger = reader.text(data, "trigger", path)
    if due_date is None and not trigger and "due_date" not in data:
        reader.add(path, _("Give the due date or what makes the amount due (trigger)."))
    if amount is None:
        return None
    return ScheduleRow(description=description, amount=amount, due_date=due_date, trigger=trigger)


def _read_account(reader: _Reader, value: object, path: str) -> ReceivingAccount | None:
    fields = (
        "bank_name", "bank_address", "holder", "account_number", "iban", "swift",
        "intermediary_bank", "intermediary_swift", "verify_url",
    )  # fmt: skip
    data = reader.mapping(value, path, fields)
    if data is None:
        return None
    bank_name = reader.text(data, "bank_name", path, required=True)
    bank_address = reader.text(data, "bank_address", path, max_length=400, multiline=True)
    holder = reader.text(data, "holder", path, required=True)
    account_number = re.sub(r"\s", "", reader.text(data, "account_number", path, max_length=40))
    if account_number and not re.fullmatch(r"[0-9A-Za-z\-]{4,34}", account_number):
        reader.add(
            _join(path, "account_number"),
            _("An account number has 4 to 34 letters, digits or hyphens."),
        )
    iban = reader.text(data, "iban", path, max_length=50)
    if iban:
        try:
            iban = str(validate_iban(iban).compact)
        except ValueError:
            reader.add(_join(path, "iban"), _("This IBAN is not valid (check digits or length)."))
    if not iban and not account_number:
        reader.add(path, _("Give the account number or the IBAN."))
    swift = _read_swift(reader, data, "swift", path, required=True)
    intermediary_bank = reader.text(data, "intermediary_bank", path, max_length=400, multiline=True)
    intermediary_swift = _read_swift(reader, data, "intermediary_swift", path, required=False)
    verify_url = reader.text(data, "verify_url", path, required=True, max_length=500)
    if verify_url:
        parts = urlsplit(verify_url)
        if parts.scheme not in ("https", "http") or not parts.netloc or " " in verify_url:
            reader.add(
                _join(path, "verify_url"), _("Expected a web address starting with https://.")
            )
    return ReceivingAccount(
        bank_name=bank_name, holder=holder, swift=swift, verify_url=verify_url,
        bank_address=bank_address, account_number=account_number, iban=iban,
        intermediary_bank=intermediary_bank, intermediary_swift=intermediary_swift,
    )  # fmt: skip


def _read_swift(reader: _Reader, data: Mapping, name: str, path: str, *, required: bool) -> str:
    value = reader.text(data, name, path, required=required, max_length=20)
    if not value:
        return ""
    try:
        return validate_bic(value).bic
    except ValueError:
        reader.add(_join(path, name), _("This SWIFT/BIC code is not valid (8 or 11 characters)."))
        return value


def _read_tax(reader: _Reader, value: object) -> Tax:
    if value is None:
        return Tax()
    data = reader.mapping(value, "tax", ("japan_registration_number", "reverse_charge"))
    if data is None:
        return Tax()
    number = re.sub(r"[\s\-]", "", reader.text(data, "japan_registration_number", "tax"))
    number = number.upper()
    if number and not japan_registration_number_valid(number):
        reader.add(
            "tax.japan_registration_number",
            _("A Japanese registration number is T and 13 digits with a valid check digit."),
        )
    return Tax(japan_registration_number=number, reverse_charge=reader.boolean(data, "reverse_charge", "tax"))  # fmt: skip


def japan_registration_number_valid(number: str) -> bool:
    """``T`` and the 13-digit corporate number (法人番号) whose first digit checks the
    other twelve (National Tax Agency: 9 − (Σ digit × 1 or 2, from the right) mod 9)."""
    if not _JAPAN_REGISTRATION.fullmatch(number):
        return False
    from stdnum.jp import cn

    return bool(cn.is_valid(number[1:]))


def _check_rules(reader: _Reader, spec: DocumentSpec) -> None:
    """Rules across fields: the schedule adds up, the tax data fits the buyer's country."""
    if spec.schedule and spec.shows_prices:
        scheduled = sum((row.amount for row in spec.schedule), Decimal(0))
        if scheduled != spec.total:
            reader.add(
                "schedule",
                _("The schedule adds up to %(scheduled)s but the document's total is %(total)s."),
                scheduled=str(scheduled),
                total=str(spec.total),
            )
    if spec.buyer.country in HS_AND_ORIGIN_COUNTRIES and spec.kind != "quotation":
        for index, line in enumerate(spec.lines):
            if not line.hs_code:
                reader.add(
                    f"lines[{index}].hs_code",
                    _("Buyers in %(country)s need the HS code on every line."),
                    country=spec.buyer.country,
                )
            if not line.origin_country:
                reader.add(
                    f"lines[{index}].origin_country",
                    _("Buyers in %(country)s need the country of origin on every line."),
                    country=spec.buyer.country,
                )
    for index, line in enumerate(spec.lines):
        if line.reduced_rate and spec.buyer.country != "JP":
            reader.add(
                f"lines[{index}].reduced_rate", _("The reduced rate mark is for Japanese buyers.")
            )
    if spec.is_japan_qualified_invoice:
        if not spec.tax.japan_registration_number:
            reader.add(
                "tax.japan_registration_number",
                _("A document charging Japanese consumption tax needs our registration number."),
            )
        for index, line in enumerate(spec.lines):
            expected = JAPAN_REDUCED_RATE if line.reduced_rate else JAPAN_STANDARD_RATE
            if line.tax_rate != expected:
                reader.add(
                    f"lines[{index}].tax_rate",
                    _("Japanese consumption tax is 10%%, or 8%% for reduced-rate items."),
                )
    if spec.tax.reverse_charge:
        if spec.buyer.country not in EU_COUNTRIES:
            reader.add("tax.reverse_charge", _("The reverse charge applies to EU buyers only."))
        elif not spec.buyer.vat_number:
            reader.add("buyer.vat_number", _("The reverse charge needs the buyer's VAT number."))
        if spec.has_tax:
            reader.add("tax.reverse_charge", _("Under the reverse charge no VAT is charged."))
