"""Account numbers as people type them: normalising, digests for look-up, last digits.

Plain functions (the digest needs the configured key, through core.crypto). Validation
of IBANs and BICs is schwifty's (see ``validate_iban`` / ``validate_bic``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException

from chengxin.core.crypto import lookup_digest

_SEPARATORS = re.compile(r"[\s\-./_]+")
_IBAN_SHAPE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$")


def normalise(value: str) -> str:
    """Upper case with spaces, dashes, dots and slashes removed: ``de89 3704-0044`` and
    ``DE8937040044`` are the same account. Full-width digits and letters are folded."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", value or "")
    return _SEPARATORS.sub("", folded).upper()


def looks_like_iban(value: str) -> bool:
    return bool(_IBAN_SHAPE.match(normalise(value)))


def digest(value: str) -> str:
    """The keyed digest stored in ``BankAccount.number_digest`` for a normalised number."""
    return lookup_digest("bank-account:" + normalise(value))


def last4(value: str) -> str:
    return normalise(value)[-4:]


def domestic_part(value: str) -> str:
    """An IBAN's embedded domestic account number (``0532013000`` for a German IBAN),
    or "" when ``value`` is not a valid IBAN or schwifty knows no layout for it."""
    try:
        iban = IBAN(normalise(value))
    except SchwiftyException:
        return ""
    account = (iban.account_code or "").lstrip("0")
    return account if len(account) >= 6 else ""


def domestic_forms(value: str) -> tuple[str, ...]:
    """The ways an IBAN's domestic account number is written: as in the IBAN (with its
    leading zeros) and without them; () when there is none."""
    stripped = domestic_part(value)
    if not stripped:
        return ()
    raw = IBAN(normalise(value)).account_code or ""
    return tuple(dict.fromkeys(f for f in (raw, stripped) if f))


def candidate_digests(value: str) -> list[str]:
    """Every digest a typed number could be stored under: itself, and the domestic
    number with leading zeros dropped (what buyers often type for an IBAN's account)."""
    norm = normalise(value)
    if not norm:
        return []
    candidates = [digest(norm)]
    stripped = norm.lstrip("0")
    if stripped and stripped != norm:
        candidates.append(digest(stripped))
    return candidates


@dataclass(frozen=True)
class BicInfo:
    bic: str
    country: str
    bank_names: tuple[str, ...]

    @property
    def bank_name(self) -> str:
        """The bank's name when the registry knows exactly one bank for the code."""
        names = {name.split(",")[0].strip() for name in self.bank_names}
        return self.bank_names[0] if len(names) == 1 or len(self.bank_names) == 1 else ""


def validate_bic(value: str) -> BicInfo:
    """The BIC, checked for format and country; ValueError with schwifty's reason."""
    try:
        bic = BIC(normalise(value))
    except SchwiftyException as exc:
        raise ValueError(str(exc)) from exc
    try:
        names = tuple(bic.bank_names)
    except (SchwiftyException, AttributeError):
        names = ()
    return BicInfo(bic=str(bic.compact), country=bic.country_code, bank_names=names)


def validate_iban(value: str) -> IBAN:
    """The IBAN, checked for checksum, length and the country's format; ValueError."""
    try:
        return IBAN(normalise(value))
    except SchwiftyException as exc:
        raise ValueError(str(exc)) from exc


def formatted(value: str) -> str:
    """How a full number is shown: an IBAN in groups of four, anything else as stored."""
    norm = normalise(value)
    if looks_like_iban(norm):
        return " ".join(norm[i : i + 4] for i in range(0, len(norm), 4))
    return value.strip()


# --- local account numbers and their routing/clearing codes ------------------------------
#
# Written here from the banks' published formats (no library covers all of these):
#   US  ABA routing transit number: 9 digits, weighted checksum 3-7-1 (mod 10);
#   GB  sort code: 6 digits;
#   AU  BSB: 6 digits;
#   CA  routing number: 5-digit transit + 3-digit institution (8 digits), or the
#       electronic form 0 + institution + transit (9 digits);
#   IN  IFSC: 4 letters (bank), 0, 6 letters or digits (branch): 11 characters;
#   CN  CNAPS bank code: 12 digits.

_LOCAL_NUMBER = re.compile(r"^[A-Z0-9]{4,34}$")


@dataclass(frozen=True)
class RoutingRule:
    name: str
    pattern: re.Pattern[str]
    example: str


ROUTING_RULES: dict[str, RoutingRule] = {
    "US": RoutingRule("ABA routing number", re.compile(r"^\d{9}$"), "021000021"),
    "GB": RoutingRule("sort code", re.compile(r"^\d{6}$"), "60-16-13"),
    "AU": RoutingRule("BSB", re.compile(r"^\d{6}$"), "062-000"),
    "CA": RoutingRule("transit and institution number", re.compile(r"^\d{8,9}$"), "00011-001"),
    "IN": RoutingRule("IFSC", re.compile(r"^[A-Z]{4}0[A-Z0-9]{6}$"), "SBIN0000058"),
    "CN": RoutingRule("CNAPS code", re.compile(r"^\d{12}$"), "102100099996"),
}


def aba_checksum_ok(code: str) -> bool:
    """The ABA routing number's check: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10)."""
    if not re.fullmatch(r"\d{9}", code):
        return False
    d = [int(c) for c in code]
    total = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])
    return total % 10 == 0


def routing_rule(country: str) -> RoutingRule | None:
    """The routing/clearing code a local account number in ``country`` needs, if any."""
    return ROUTING_RULES.get((country or "").upper())


def validate_routing_code(country: str, value: str) -> str:
    """The code normalised for ``country``'s rule; ValueError when it does not fit."""
    rule = routing_rule(country)
    code = normalise(value)
    if rule is None:
        if code and not re.fullmatch(r"[A-Z0-9]{2,34}", code):
            raise ValueError("The routing or clearing code has characters it cannot have.")
        return code
    if not code:
        raise ValueError(f"A {rule.name} is required for an account in {country.upper()}.")
    if not rule.pattern.match(code):
        raise ValueError(f"This is not a valid {rule.name} (for example {rule.example}).")
    if country.upper() == "US" and not aba_checksum_ok(code):
        raise ValueError("The ABA routing number's check digit is wrong.")
    return code


def validate_local_number(value: str) -> str:
    """A local account number: 4 to 34 letters and digits once separators are removed."""
    number = normalise(value)
    if not _LOCAL_NUMBER.match(number):
        raise ValueError("An account number has 4 to 34 letters and digits.")
    return number


def validate_currency(value: str) -> str:
    """An ISO 4217 currency code (upper case); ValueError when there is no such currency."""
    import pycountry

    code = (value or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError("This is not an ISO 4217 currency code.")
    return code


def iban_bank(iban: IBAN) -> tuple[str, str]:
    """(bank name, BIC) schwifty's registry knows for an IBAN's bank code, or ("", "")."""
    try:
        name = str(iban.bank_name or "")
    except (SchwiftyException, AttributeError):
        name = ""
    try:
        bic = str(iban.bic.compact) if iban.bic else ""
    except (SchwiftyException, AttributeError):
        bic = ""
    return name, bic


_NAME_NOISE = frozenset(
    "bank banque banco bancaria the of and und de del la le ag sa spa plc ltd limited co "
    "company corp corporation nv bv gmbh kg eg ev group branch filiale".split()
)


def bank_names_differ(typed: str, known: tuple[str, ...] | list[str]) -> bool:
    """True when the typed bank name shares no meaningful word with any name the
    registry knows ("Commerzbank AG" matches "Commerzbank"; "Deutsche Bank" does not)."""

    def words(name: str) -> set[str]:
        folded = re.sub(r"[^\w]+", " ", name.casefold())
        return {w for w in folded.split() if len(w) > 2 and w not in _NAME_NOISE}

    typed_words = words(typed)
    if not typed_words or not known:
        return False
    for name in known:
        known_words = words(name)
        if typed_words & known_words:
            return False
        if any(t in k or k in t for t in typed_words for k in known_words):
            return False
    return True


def masked(value: str) -> str:
    """An identifier as a task or page may name it without revealing it: an IBAN's country
    and check digits and its last four (``DE89 ···· 3000``), a number's last four."""
    norm = normalise(value)
    if looks_like_iban(norm):
        return f"{norm[:4]} ···· {norm[-4:]}"
    return f"···· {norm[-4:]}"
