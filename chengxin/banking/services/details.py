"""Checking a proposed account's bank details: each field against the others and the
registries, with every field's problem at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from chengxin.core import bank_numbers as numbers


@dataclass(frozen=True)
class CheckedDetails:
    iban: str
    number: str
    routing_code: str
    bic: str
    bank_name: str
    bank_country: str
    currency: str
    intermediary_bic: str
    warnings: tuple[str, ...]


@dataclass
class _Check:
    """What the checks found so far: problems by field, warnings, the bank's names in the
    registries."""

    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    known_names: list[str] = field(default_factory=list)

    def refuse(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)


def schwifty_reason(exc: ValueError) -> str:
    """schwifty's reason in the reader's language (its own text is English)."""
    from schwifty import exceptions as sx

    cause = exc.__cause__
    reasons = (
        (sx.InvalidChecksumDigits, _("its check digits are wrong (a typing error?)")),
        (sx.InvalidBBANChecksum, _("the national check digit is wrong")),
        (sx.InvalidLength, _("its length is wrong for its country")),
        (sx.InvalidCountryCode, _("the country code is unknown")),
        (sx.InvalidStructure, _("its format does not fit its country")),
        (sx.InvalidBankCode, _("the bank code is not valid")),
        (sx.InvalidBranchCode, _("the branch code is not valid")),
        (sx.InvalidAccountCode, _("the account code is not valid")),
    )
    for kind, reason in reasons:
        if isinstance(cause, kind):
            return f"{reason} ({exc})"
    return str(exc)


def _bic_invalid(exc: ValueError) -> str:
    return _("This SWIFT/BIC code is not valid: %(reason)s") % {"reason": schwifty_reason(exc)}


def _typed_country(check: _Check, bank_country: str) -> str:
    country = (bank_country or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        check.refuse("bank_country", _("Enter a two-letter country code."))
    return country


def _checked_iban(check: _Check, iban: str) -> tuple[str, str, str]:
    """The IBAN, its country and the BIC the registry gives its bank ("" when invalid)."""
    try:
        parsed = numbers.validate_iban(iban)
    except ValueError as exc:
        check.refuse(
            "iban", _("This IBAN is not valid: %(reason)s") % {"reason": schwifty_reason(exc)}
        )
        return "", "", ""
    name, registry_bic = numbers.iban_bank(parsed)
    if name:
        check.known_names.append(name)
    return parsed.compact, parsed.country_code, registry_bic


def _checked_bic(check: _Check, bic: str, *, iban_country: str, registry_bic: str):
    """The BIC and its country: the typed one, else the registry's for the IBAN's bank."""
    if not numbers.normalise(bic):
        return (registry_bic, iban_country) if registry_bic else ("", "")
    try:
        info = numbers.validate_bic(bic)
    except ValueError as exc:
        check.refuse("bic", _bic_invalid(exc))
        return "", ""
    check.known_names.extend(info.bank_names)
    if iban_country and info.country != iban_country:
        check.refuse(
            "bic",
            _("The SWIFT/BIC code is of a bank in %(bic)s, the IBAN of one in %(iban)s.")
            % {"bic": info.country, "iban": iban_country},
        )
    return info.bic, info.country


def _routing_refusal(country: str, routing_code: str) -> str:
    """Why ``routing_code`` is no valid routing code in ``country``."""
    rule = numbers.routing_rule(country)
    if rule is not None and not numbers.normalise(routing_code):
        return _("An account in %(country)s needs its %(name)s.") % {
            "country": country,
            "name": rule.name,
        }
    if country == "US" and rule and rule.pattern.match(numbers.normalise(routing_code)):
        return _("The ABA routing number's check digit is wrong.")
    if rule is not None:
        return _("This is not a valid %(name)s (for example %(example)s).") % {
            "name": rule.name,
            "example": rule.example,
        }
    return _("The routing or clearing code has characters it cannot have.")


def _checked_local_number(
    check: _Check, account_number: str, routing_code: str, country: str
) -> tuple[str, str]:
    """A local account number and its routing code (no IBAN)."""
    number = code = ""
    try:
        number = numbers.validate_local_number(account_number)
    except ValueError:
        check.refuse("account_number", _("An account number has 4 to 34 letters and digits."))
    if not country:
        check.refuse(
            "bank_country",
            _("Enter the bank's country (or its SWIFT/BIC code) for a local account number."),
        )
        return number, code
    try:
        code = numbers.validate_routing_code(country, routing_code)
    except ValueError:
        check.refuse("routing_code", _routing_refusal(country, routing_code))
    return number, code


def _checked_currency(check: _Check, currency: str) -> str:
    try:
        return numbers.validate_currency(currency)
    except ValueError:
        check.refuse("currency", _("Enter an ISO 4217 currency code, e.g. USD."))
        return ""


def _checked_intermediary(check: _Check, intermediary_bic: str) -> str:
    if not numbers.normalise(intermediary_bic):
        return ""
    try:
        return numbers.validate_bic(intermediary_bic).bic
    except ValueError as exc:
        check.refuse("intermediary_bic", _bic_invalid(exc))
        return ""


def _checked_bank_name(check: _Check, bank_name: str) -> str:
    """The typed name (a warning when the registries know the bank by another), else the
    registry's."""
    name = (bank_name or "").strip()
    known = check.known_names
    registry_name = numbers.BicInfo("", "", tuple(known)).bank_name if known else ""
    if not name:
        if not registry_name:
            check.refuse("bank_name", _("Enter the bank's name."))
        return registry_name
    if known and numbers.bank_names_differ(name, known):
        check.warnings.append(
            _("The bank's registry knows this bank as “%(known)s”, not “%(typed)s”: check it.")
            % {"known": registry_name or known[0], "typed": name}
        )
    return name


def details_check(
    *,
    iban: str,
    account_number: str,
    routing_code: str,
    bic: str,
    bank_name: str,
    bank_country: str,
    currency: str,
    intermediary_bic: str,
) -> CheckedDetails:
    """Validate the bank details; ValidationError with every field's problem at once."""
    check = _Check()
    country = _typed_country(check, bank_country)
    iban_value = iban_country = registry_bic = number_value = code = ""
    has_iban, has_number = bool(numbers.normalise(iban)), bool(numbers.normalise(account_number))
    if has_iban == has_number:
        check.refuse(
            "iban",
            _("Enter either an IBAN or a local account number, not both.")
            if has_iban
            else _("Enter an IBAN or a local account number."),
        )
    elif has_iban:
        iban_value, iban_country, registry_bic = _checked_iban(check, iban)
    bic_value, bic_country = _checked_bic(
        check, bic, iban_country=iban_country, registry_bic=registry_bic
    )
    inferred = iban_country or bic_country
    if country and inferred and country != inferred:
        check.refuse(
            "bank_country",
            _("The bank's country does not match its IBAN or SWIFT/BIC code (%(country)s).")
            % {"country": inferred},
        )
    country = country or inferred
    if has_number and not has_iban:
        number_value, code = _checked_local_number(check, account_number, routing_code, country)
    elif numbers.normalise(routing_code):
        check.refuse(
            "routing_code", _("An IBAN carries its bank code; leave the routing code empty.")
        )
    currency_value = _checked_currency(check, currency)
    intermediary_value = _checked_intermediary(check, intermediary_bic)
    name = _checked_bank_name(check, bank_name)
    if check.errors:
        raise ValidationError(check.errors)
    return CheckedDetails(
        iban=iban_value,
        number=number_value,
        routing_code=code,
        bic=bic_value,
        bank_name=name[:200],  # a typed name is checked first; a registry's is cut
        bank_country=country,
        currency=currency_value,
        intermediary_bic=intermediary_value,
        warnings=tuple(check.warnings),
    )
