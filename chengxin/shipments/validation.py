"""The number checks of ``numbers`` and ``locode`` as Django validation: each problem's
code becomes a message in the user's language."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chengxin.shipments import locode as locodes
from chengxin.shipments import numbers
from chengxin.shipments.numbers import InvalidNumber


def _texts() -> dict[str, str]:
    return {
        "empty": _("Enter a number."),
        "too_long": _("Enter at most %(limit)s characters."),
        "container_format": _("A container number is 4 letters and 7 digits, e.g. CSQU 305438 3."),
        "container_category": _(
            "The fourth letter of a container number is U, J or Z, not %(category)s."
        ),
        "container_check_digit": _(
            "The check digit of this container number should be %(expected)s, not "
            "%(given)s: a character was probably mistyped."
        ),
        "bl_format": _("A bill of lading number is 6 to 30 letters and digits."),
        "bl_other_carrier": _(
            "This bill of lading starts with %(prefix)s, the code of %(named)s, but the "
            "carrier is %(carrier)s."
        ),
        "awb_format": _("An air waybill number is 11 digits, e.g. 160-1234567 5."),
        "check_digit": _(
            "The check digit should be %(expected)s, not %(given)s: a character was "
            "probably mistyped."
        ),
        "tracking_format": _(
            "This is not a %(courier)s tracking number (they look like %(example)s)."
        ),
        "s10_country": _(
            "%(country)s is not a country code: the last two letters name the post "
            "office's country."
        ),
        "locode_format": _(
            "A UN/LOCODE is the country's two letters and three letters or digits 2-9, e.g. CNSHA."
        ),
        "locode_country": _("%(country)s is not a country code."),
    }


def message(exc: InvalidNumber) -> str:
    """The problem ``exc`` in the active language."""
    text = _texts().get(exc.code, exc.code)
    return text % exc.params if exc.params else text


def invalid(field: str, exc: InvalidNumber) -> ValidationError:
    return ValidationError({field: ValidationError(message(exc), code=exc.code)})


def bl_note(note: str, carrier: numbers.Carrier | None) -> str:
    if note == "bl_no_prefix" and carrier is not None:
        return _(
            "This bill of lading number does not start with %(scac)s, %(carrier)s's code: "
            "check it against the document."
        ) % {"scac": carrier.code, "carrier": carrier.name}
    return ""


def port_note(code: str) -> str:
    return _(
        "%(code)s is a well-formed UN/LOCODE but not in the port list: check it "
        "(an administrator loads the list with “chengxin ports_load”)."
    ) % {"code": code}


def check_locode(value: str, *, field: str) -> str:
    try:
        return locodes.locode(value)
    except InvalidNumber as exc:
        raise invalid(field, exc) from None
