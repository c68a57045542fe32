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
