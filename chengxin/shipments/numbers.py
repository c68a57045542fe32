"""Shipping numbers as people type them, checked without a database: container numbers
(ISO 6346), bills of lading by their carrier's SCAC prefix, air waybills, and the courier
formats whose check digit is public (UPS, FedEx, DHL Express, UPU S10 as used by EMS and
China Post).

Each check returns the number normalised (upper case, spaces, dashes, dots and slashes
removed, full-width characters folded) or raises :class:`InvalidNumber` with a code and
its parameters; the Django side (``shipments.validation``) turns the code into a
translated message. Nothing here knows a user or a language.

Sources of the algorithms:

* ISO 6346: letter values 10..38 skipping the multiples of 11, weights 2**position,
  sum mod 11, a remainder of 10 written as 0 (ISO 6346:2022; the same table in
  python-stdnum's ``stdnum/iso6346.py``).
* UPS 1Z: the 15 characters between "1Z" and the check digit, letters as
  ``(ord(c) - 3) % 10``, odd positions doubled, mod 10 (jkeen/tracking_number_data,
  ``couriers/ups.json`` and ``CHECKSUM_ALGORITHMS.md``).
* FedEx Express (12 digits): weights 3,1,7 repeated over the first 11 digits, sum mod 11
  mod 10; FedEx Ground (15 digits): mod 10 with odd positions tripled
  (``couriers/fedex.json``, same repository).
* DHL Express (10 digits): the first nine digits mod 7 (``couriers/dhl.json``).
* UPU S10 (EMS, China Post, every postal operator): two letters, eight digits weighted
  8,6,4,2,3,5,9,7, check ``11 - sum mod 11`` with 10 → 0 and 11 → 5, then the ISO
  country of the posting operator (``couriers/s10.json``; UPU standard S10).
* IATA air waybill: three-digit airline prefix, seven-digit serial, check digit = serial
  mod 7 (IATA Resolution 600a).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MAX_LENGTH = 35  # longer than any number here: longer input is refused, never cut


class InvalidNumber(ValueError):
    """A number that is not what it claims to be. ``code`` names the problem (see
    ``shipments.validation.MESSAGES``); ``params`` fill its message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


_SEPARATORS = re.compile(r"[\s\-./_]+")


def normalise(value: str) -> str:
    """``" csqu 305438-3 "`` → ``"CSQU3054383"``."""
    folded = unicodedata.normalize("NFKC", value or "")
    return _SEPARATORS.sub("", folded).upper()


def _checked_length(value: str) -> str:
    number = normalise(value)
    if not number:
        raise InvalidNumber("empty")
    if len(number) > MAX_LENGTH:
        raise InvalidNumber("too_long", limit=MAX_LENGTH)
    return number


# --- ISO 6346 container numbers ----------------------------------------------------------

# A=10, then each letter one more, skipping 11, 22 and 33 (multiples of 11).
_LETTER_VALUES: dict[str, int] = {}
_value = 10
for _letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _value % 11 == 0:
        _value += 1
    _LETTER_VALUES[_letter] = _value
    _value += 1

CONTAINER_CATEGORIES = {"U": "freight container", "J": "detachable equipment", "Z": "trailer"}
_CONTAINER_SHAPE = re.compile(r"^[A-Z]{3}[A-Z][0-9]{6}[0-9]$")


def container_check_digit(first_ten: str) -> int:
    """The ISO 6346 check digit of owner code, category and serial (10 characters)."""
    first_ten = normalise(first_ten)
    if not re.fullmatch(r"[A-Z]{4}[0-9]{6}", first_ten):
        raise InvalidNumber("container_format")
    total = sum(
        (_LETTER_VALUES[c] if c.isalpha() else int(c)) * 2**i for i, c in enumerate(first_ten)
    )
    return total % 11 % 10


def container_number(value: str) -> str:
    """A container number checked by ISO 6346: three letters of the owner, the category
    (U, J or Z), six digits of serial and the check digit."""
    number = _checked_length(value)
    if not _CONTAINER_SHAPE.match(number):
        raise InvalidNumber("container_format")
    if number[3] not in CONTAINER_CATEGORIES:
        raise InvalidNumber("container_category", category=number[3])
    expected = container_check_digit(number[:10])
    if int(number[10]) != expected:
        raise InvalidNumber("container_check_digit", expected=expected, given=number[10])
    return number


def looks_like_container(value: str) -> bool:
    return bool(_CONTAINER_SHAPE.match(normalise(value)))


# --- Carriers and bills of lading --------------------------------------------------------

# Where each SCAC came from: the table of its-br/pcs-sources
# (front-offices/carrierCodes.md, "Carrier Name | SCAC code"), except PABV (PIL) and
# WHLC (Wan Hai), which that table gives as PCIU and 22AA; PABV and WHLC are the codes
# those lines print on their bills of lading and the ones tracking services use (seen in
# public liner tables beside MAEU, MSCU ... ). MSC prints MEDU on its bills of lading.
SCAC_SOURCE = "its-br/pcs-sources front-offices/carrierCodes.md"


@dataclass(frozen=True)
class Carrier:
    code: str  # the SCAC, or the courier's short name
    name: str
    mode: str  # "sea" or "courier"
    bl_prefixes: tuple[str, ...] = field(default=())
    source: str = SCAC_SOURCE


OCEAN_CARRIERS: dict[str, Carrier] = {
    c.code: c
    for c in (
        Carrier("MAEU", "Maersk", "sea", ("MAEU", "MSKU")),
        Carrier("MSCU", "MSC", "sea", ("MSCU", "MEDU")),
        Carrier("COSU", "COSCO Shipping", "sea", ("COSU",)),
        Carrier("CMDU", "CMA CGM", "sea", ("CMDU",)),
        Carrier("HLCU", "Hapag-Lloyd", "sea", ("HLCU",)),
        Carrier("ONEY", "Ocean Network Express (ONE)", "sea", ("ONEY",)),
        Carrier("EGLV", "Evergreen", "sea", ("EGLV",)),
        Carrier("YMLU", "Yang Ming", "sea", ("YMLU",)),
        Carrier("HDMU", "HMM", "sea", ("HDMU",)),
        Carrier("ZIMU", "ZIM", "sea", ("ZIMU",)),
        Carrier("OOLU", "OOCL", "sea", ("OOLU",)),
        Carrier("PABV", "PIL (Pacific International Lines)", "sea", ("PABV", "PCIU"),
                source="bills of lading and tracking services; PCIU in " + SCAC_SOURCE),
        Carrier("WHLC", "Wan Hai Lines", "sea", ("WHLC",),
                source="bills of lading and tracking services; 22AA in " + SCAC_SOURCE),
    )
}  # fmt: skip

COURIERS: dict[str, Carrier] = {
    c.code: c
    for c in (
        Carrier("UPS", "UPS", "courier", source="jkeen/tracking_number_data couriers/ups.json"),
        Carrier("FEDEX", "FedEx", "courier", source="jkeen/tracking_number_data couriers/fedex.json"),
        Carrier("DHL", "DHL Express", "courier", source="jkeen/tracking_number_data couriers/dhl.json"),
        Carrier("EMS", "EMS / China Post (UPU S10)", "courier",
                source="jkeen/tracking_number_data couriers/s10.json"),
    )
}  # fmt: skip

CARRIERS: dict[str, Carrier] = {**OCEAN_CARRIERS, **COURIERS}

_BL_SHAPE = re.compile(r"^[A-Z0-9]{6,30}$")


def carrier_by_code(code: str) -> Carrier | None:
    return CARRIERS.get(normalise(code))


def carrier_of_bl(number: str) -> Carrier | None:
    """The ocean carrier whose SCAC (or B/L prefix) starts ``number``, if any."""
    number = normalise(number)
    for carrier in OCEAN_CARRIERS.values():
        if number.startswith(carrier.bl_prefixes):
            return carrier
    return None


@dataclass(frozen=True)
class BillOfLading:
    number: str
    carrier: Carrier | None  # the carrier its prefix names (None: no known prefix)
    note: str = ""  # "bl_no_prefix": the chosen carrier's SCAC is not in front


def bl_number(value: str, *, carrier: str = "") -> BillOfLading:
    """A bill of lading number: 6 to 30 letters and digits. When it starts with a known
    carrier's SCAC that carrier must be the shipment's (``carrier``, a code); a number
    without its carrier's prefix is accepted with the note ``bl_no_prefix`` (some lines
    print the SCAC beside the number, not in it)."""
    number = _checked_length(value)
    if not _BL_SHAPE.match(number):
        raise InvalidNumber("bl_format")
    named = carrier_of_bl(number)
    chosen = OCEAN_CARRIERS.get(normalise(carrier)) if carrier else None
    if named and chosen and named.code != chosen.code:
        raise InvalidNumber(
            "bl_other_carrier", prefix=number[:4], named=named.name, carrier=chosen.name
        )
    if chosen and not named:
        return BillOfLading(number, chosen, note="bl_no_prefix")
    return BillOfLading(number, named or chosen)


# --- Air waybills ------------------------------------------------------------------------

_AWB_SHAPE = re.compile(r"^[0-9]{11}$")


def air_waybill(value: str) -> str:
    """An IATA air waybill: airline prefix (3 digits), serial (7) and check digit."""
    number = _checked_length(value)
    if not _AWB_SHAPE.match(number):
        raise InvalidNumber("awb_format")
    expected = int(number[3:10]) % 7
    if int(number[10]) != expected:
        raise InvalidNumber("check_digit", expected=expected, given=number[10])
    return number


# --- Courier tracking numbers ------------------------------------------------------------


def _letter_digit(char: str) -> int:
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def ups_check_digit(body: str) -> int:
    """UPS: the 15 characters after "1Z" and before the check digit."""
    total = sum(_letter_digit(c) * (2 if i % 2 else 1) for i, c in enumerate(body))
    return (10 - total % 10) % 10


def fedex_express_check_digit(first_eleven: str) -> int:
    weights = (3, 1, 7) * 4
    return sum(int(c) * w for c, w in zip(first_eleven, weights, strict=False)) % 11 % 10


def fedex_ground_check_digit(first_fourteen: str) -> int:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(first_fourteen))
    return (10 - total % 10) % 10


def dhl_express_check_digit(first_nine: str) -> int:
    return int(first_nine) % 7


S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check_digit(serial: str) -> int:
    remainder = sum(int(c) * w for c, w in zip(serial, S10_WEIGHTS, strict=True)) % 11
    check = 11 - remainder
    return {10: 0, 11: 5}.get(check, check)


_UPS = re.compile(r"^1Z[A-Z0-9]{16}$")
_FEDEX = re.compile(r"^([0-9]{12}|[0-9]{15})$")
_DHL = re.compile(r"^[0-9]{10}$")
_S10 = re.compile(r"^[A-Z]{2}[0-9]{9}[A-Z]{2}$")


def _verify(expected: int, given: str) -> None:
    if not given.isdigit() or int(given) != expected:
        raise InvalidNumber("check_digit", expected=expected, given=given)


def tracking_number(value: str, *, courier: str, countries: frozenset[str] | None = None) -> str:
    """A courier's tracking number checked by that courier's format and check digit.
    ``courier``: UPS, FEDEX, DHL or EMS (UPU S10; ``countries``: the ISO codes its last
    two letters may be, when given). A courier not listed is not checked."""
    number = _checked_length(value)
    courier = normalise(courier)
    if courier == "UPS":
        if not _UPS.match(number):
            raise InvalidNumber("tracking_format", courier="UPS", example="1Z5R89390357567127")
        _verify(ups_check_digit(number[2:17]), number[17])
    elif courier == "FEDEX":
        if not _FEDEX.match(number):
            raise InvalidNumber("tracking_format", courier="FedEx", example="986578788855")
        if len(number) == 12:
            _verify(fedex_express_check_digit(number[:11]), number[11])
        else:
            _verify(fedex_ground_check_digit(number[:14]), number[14])
    elif courier == "DHL":
        if not _DHL.match(number):
            raise InvalidNumber("tracking_format", courier="DHL Express", example="3318810025")
        _verify(dhl_express_check_digit(number[:9]), number[9])
    elif courier == "EMS":
        if not _S10.match(number):
            raise InvalidNumber(
                "tracking_format", courier="EMS / China Post", example="EA123456785CN"
            )
        _verify(s10_check_digit(number[2:10]), number[10])
        if countries is not None and number[11:] not in countries:
            raise InvalidNumber("s10_country", country=number[11:])
    return number


def couriers_matching(value: str) -> list[str]:
    """The couriers whose format and check digit ``value`` passes (several may)."""
    matches = []
    for courier in COURIERS:
        try:
            tracking_number(value, courier=courier)
        except InvalidNumber:
            continue
        matches.append(courier)
    return matches
