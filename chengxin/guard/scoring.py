"""Combine everything the guard knows about a message into an :class:`Assessment`.

The score is the sum of the weights of the signals found, capped at 100; each code
counts once. The weights (``DEFAULT_WEIGHTS``) and the level thresholds
(``Thresholds``) are parameters. Lookalike signals scale their weight by the match's
confidence, so "c0mpany.com" weighs more than a short name found inside a long word.

The design goal is no alarm fatigue: a message from a known correspondent whose
domain authenticates raises no signal at all unless its *content* asks for something
dangerous, and one weak content signal ("urgent") stays under the medium threshold.
A request to change bank details is always at least medium, because such a change
must be verified out of band even when the sender's account is genuine (it may be
compromised).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from chengxin.core.email_text import emails_in_text
from chengxin.guard.authentication import (
    AuthenticationReport,
    DomainExists,
    TxtLookup,
    authenticate,
)
from chengxin.guard.content import BankDetails, ContactDetails, ContentAnalysis, analyse_content
from chengxin.guard.domains import domain_of_address, organizational_domain
from chengxin.guard.lookalike import (
    AddressCheck,
    DomainCheck,
    KnownDomain,
    LookalikeIndex,
    LookalikeMatch,
    describe_character,
)
from chengxin.guard.message import ParsedMessage, parse_message
from chengxin.guard.signals import Signal, describe, gettext_noop

__all__ = [
    "DEFAULT_THRESHOLDS",
    "DEFAULT_WEIGHTS",
    "Assessment",
    "Thresholds",
    "assess_message",
]

DEFAULT_WEIGHTS: Mapping[str, int] = {
    # identity
    "lookalike_homoglyph": 60,
    "lookalike_typo": 60,
    "lookalike_short_typo": 60,
    "lookalike_split": 60,
    "lookalike_other_suffix": 60,
    "lookalike_added_words": 60,
    "lookalike_subdomain": 60,
    "lookalike_embedded": 60,
    "lookalike_address": 55,
    "display_name_known_contact": 35,
    "display_name_same_domain_new_address": 10,
    "display_name_company": 25,
    "display_name_address": 30,
    "display_name_known_address": 45,
    "reply_to_differs": 20,
    "return_path_differs": 10,
    "first_contact": 10,
    "idn_domain": 5,
    "no_from": 30,
    "multiple_from": 25,
    # authentication
    "auth_fail": 35,
    "auth_fail_known_domain": 50,
    "unauthenticated": 10,
    # content
    "bank_change_request": 35,
    "contact_change_request": 25,
    "urgency": 10,
    "secrecy": 15,
    "payment_notice": 10,
    "payment_notice_first_contact": 20,
    "attachment_removed_by_filter": 30,
    "new_bank_account": 25,
    "bank_details_unverified": 10,
    "bank_country_changed": 15,
    "new_phone_number": 10,
    # attachments and structure
    "executable_attachment": 40,
    "double_extension_attachment": 45,
    "macro_attachment": 25,
    "archive_attachment": 20,
    "html_attachment": 20,
    "malformed_message": 10,
    "parse_error": 10,
    # people's verdicts (added by the Django side: a sender confirmed fraudulent for the
    # customer makes any later message from it critical)
    "sender_confirmed_fraud": 100,
    "domain_confirmed_fraud": 100,
}

_EXECUTABLE = frozenset(
    "exe scr com pif bat cmd js jse vbs vbe wsf wsh hta jar msi ps1 lnk cpl reg dll iso img vhd "
    "vhdx apk app gadget msc".split()
)
_ARCHIVE = frozenset("zip rar 7z gz tgz ace arj cab xz bz2 tar r00 r01 z lzh uue".split())
_MACRO = frozenset("docm xlsm pptm xlam dotm xltm ppsm".split())
_HTML = frozenset("htm html shtml xhtml svg".split())
_DOCUMENT = frozenset("pdf doc docx xls xlsx ppt pptx txt jpg jpeg png gif rtf csv".split())
#: parser defect (prefix) -> problem code shown to people (see signals.PROBLEM_LABELS)
_SIGNIFICANT_DEFECTS = {
    "boundary mismatch": "boundary_mismatch",
    "StartBoundaryNotFoundDefect": "boundary_missing",
    "NoBoundaryInMultipartDefect": "boundary_missing",
    "MultipartInvariantViolationDefect": "broken_structure",
    "MissingHeaderBodySeparatorDefect": "no_header_separator",
    "InvalidBase64CharactersDefect": "invalid_base64",
    "more than one Subject header": "several_subjects",
}


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Lowest score of each level; below ``medium`` is low."""

    medium: int = 25
    high: int = 50
    critical: int = 75

    def level(self, score: int) -> str:
        if score >= self.critical:
            return "critical"
        if score >= self.high:
            return "high"
        if score >= self.medium:
            return "medium"
        return "low"


DEFAULT_THRESHOLDS = Thresholds()

LEVEL_LABELS: Mapping[str, str] = {
    "low": gettext_noop("low"),
    "medium": gettext_noop("medium"),
    "high": gettext_noop("high"),
    "critical": gettext_noop("critical"),
}


@dataclass(frozen=True, slots=True)
class Assessment:
    score: int
    level: str
    signals: tuple[Signal, ...]
    sender: str = ""
    subject: str = ""
    authentication: AuthenticationReport | None = None
    content: ContentAnalysis | None = None
    parse_error: str | None = None

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(signal.code for signal in self.signals)

    def signal(self, code: str) -> Signal | None:
        return next((s for s in self.signals if s.code == code), None)

    def sentences(self, gettext: Any = gettext_noop) -> list[str]:
        return [describe(signal, gettext) for signal in self.signals]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "level": self.level,
            "sender": self.sender,
            "subject": self.subject,
            "signals": [{**signal.to_dict(), "text": describe(signal)} for signal in self.signals],
            "authentication": self.authentication.to_dict() if self.authentication else None,
            "parse_error": self.parse_error,
        }


class _Collector:
    def __init__(self, weights: Mapping[str, int]) -> None:
        self.weights = weights
        self.signals: dict[tuple[str, str], Signal] = {}

    def add(self, code: str, *, scale: int = 100, key: str = "", **params: Any) -> None:
        weight = round(self.weights.get(code, 0) * scale / 100)
        current = self.signals.get((code, key))
        if current is None or weight > current.weight:
            self.signals[(code, key)] = Signal(code, weight, params)

    def has(self, *codes: str) -> bool:
        return any(code in codes for code, _ in self.signals)


def assess_message(
    message: bytes | str | ParsedMessage,
    *,
    index: LookalikeIndex,
    sender_seen_before: bool | None = None,
    bank_details: BankDetails | None = None,
    contact_details: ContactDetails | None = None,
    txt_lookup: TxtLookup | None = None,
    domain_exists: DomainExists | None = None,
    trusted_authserv_ids: Collection[str] = (),
    weights: Mapping[str, int] | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Assessment:
    """Assess one message.

    ``sender_seen_before`` is whether the From address has written to us before
    (``None``: decide from the index of known addresses). ``bank_details`` and
    ``contact_details`` are what is on file for the counterpart. DNS (``txt_lookup``,
    ``domain_exists``) enables Chengxin's own DKIM/ARC/DMARC checks; results of the
    receiving server count when its authserv-id is in ``trusted_authserv_ids``.
    """
    parsed = message if isinstance(message, ParsedMessage) else parse_message(message)
    collector = _Collector({**DEFAULT_WEIGHTS, **(weights or {})})
    report = authenticate(
        parsed,
        txt_lookup=txt_lookup,
        domain_exists=domain_exists,
        trusted_authserv_ids=trusted_authserv_ids,
    )
    from_check = _identity_signals(parsed, index, collector, sender_seen_before)
    first_contact = collector.has("first_contact")
    _authentication_signals(parsed, report, from_check, collector)
    content = analyse_content(
        parsed.subject,
        parsed.text,
        headers=parsed.headers,
        bank_details=bank_details,
        contact_details=contact_details,
    )
    _content_signals(content, bank_details or BankDetails(), first_contact, from_check, collector)
    _attachment_signals(parsed, collector)
    _structure_signals(parsed, collector)
    signals = sorted(collector.signals.values(), key=lambda s: (-s.weight, s.code))
    signals = [s for s in signals if s.weight > 0]
    score = min(100, sum(signal.weight for signal in signals))
    return Assessment(
        score=score,
        level=thresholds.level(score),
        signals=tuple(signals),
        sender=parsed.from_address,
        subject=parsed.subject,
        authentication=report,
        content=content,
        parse_error=parsed.parse_error,
    )


# -- identity -------------------------------------------------------------------------


def _identity_signals(
    parsed: ParsedMessage,
    index: LookalikeIndex,
    collector: _Collector,
    sender_seen_before: bool | None = None,
) -> AddressCheck | None:
    """Signals about who the message claims to come from; returns the From check."""
    addresses = [address for _, address in parsed.from_addresses if address]
    if not addresses:
        collector.add("no_from")
        return None
    distinct = list(dict.fromkeys(a.lower() for a in addresses))
    if len(distinct) > 1:
        collector.add("multiple_from", addresses=distinct)
    address = parsed.from_address
    display_name = parsed.from_display_name
    from_check = index.check_address(address, display_name)
    _lookalike_signals(from_check, "from", collector, index)
    seen = sender_seen_before if sender_seen_before is not None else from_check.is_known
    if not seen:
        collector.add("first_contact", address=from_check.address)
    _display_name_signals(display_name, from_check, collector, index)
    from_org = organizational_domain(domain_of_address(address))
    for _, reply_address in parsed.reply_to:
        if not reply_address or reply_address.lower() == address.lower():
            continue
        reply_check = index.check_address(reply_address)
        if organizational_domain(domain_of_address(reply_address)) == from_org:
            continue
        flagged = _lookalike_signals(reply_check, "reply_to", collector, index)
        if not flagged:
            collector.add(
                "reply_to_differs",
                key=reply_check.address,
                reply_to=reply_check.address,
                address=from_check.address,
                reply_to_known=reply_check.is_known,
            )
    return from_check


def _lookalike_signals(
    check: AddressCheck, field_name: str, collector: _Collector, index: LookalikeIndex
) -> bool:
    flagged = False
    domain = check.domain
    best = domain.best
    if best is not None:
        collector.add(
            f"lookalike_{best.kind}",
            scale=best.confidence,
            key=field_name,
            **_match_params(field_name, domain, best, index),
        )
        flagged = True
    elif domain.domain is not None and domain.domain.is_idn and not domain.is_known:
        collector.add(
            "idn_domain", key=field_name, field=field_name, domain=domain.domain.display()
        )
    if check.local_part_matches:
        match = check.local_part_matches[0]
        known_domain = index.known_domain(domain_of_address(match.known.address))
        collector.add(
            "lookalike_address",
            scale=match.confidence,
            key=field_name,
            field=field_name,
            address=check.address,
            known_address=match.known.address,
            known_name=match.known.display_name,
            known_company=match.known.company or (known_domain.company if known_domain else ""),
            differences=_differences(match.differences, index),
            confidence=match.confidence,
        )
        flagged = True
    return flagged


def _match_params(
    field_name: str, check: DomainCheck, match: LookalikeMatch, index: LookalikeIndex
) -> dict[str, Any]:
    domain = check.domain
    known = match.known
    known_parsed = index.check_domain(known.domain).domain
    params: dict[str, Any] = {
        "field": field_name,
        "domain": domain.display() if domain else "",
        "known_domain": known.domain,
        "confidence": match.confidence,
        **_known_params(known),
    }
    if match.differences:
        params["differences"] = _differences(match.differences, index)
    if match.kind == "other_suffix" and domain is not None:
        params["suffix"] = domain.suffix
        params["known_suffix"] = known_parsed.suffix if known_parsed else ""
    if match.extra:
        params["extra"] = match.extra
    if match.matched_name:
        params["matched_name"] = match.matched_name
    others = [m.known.domain for m in check.matches[1:]]
    if others:
        params["also_like"] = others
    return params


def _known_params(known: KnownDomain) -> dict[str, Any]:
    return {
        "company": known.company,
        "since": known.customer_since,
        "relation": known.relation,
    }


def _differences(pairs: tuple[tuple[str, str], ...], index: LookalikeIndex) -> list[list[str]]:
    key = index.confusables.visual_key
    return [
        [
            describe_character(fake),
            describe_character(real),
            "visual" if fake and real and key(fake) == key(real) else "typo",
        ]
        for fake, real in pairs
    ]


def _display_name_signals(
    display_name: str, from_check: AddressCheck, collector: _Collector, index: LookalikeIndex
) -> None:
    if not display_name:
        return
    shown = [a for a in emails_in_text(display_name) if a.lower() != from_check.address]
    if shown:
        shown_check = index.check_address(shown[0])
        known = shown_check.domain.known
        if known is not None:
            collector.add(
                "display_name_known_address",
                shown=shown[0],
                address=from_check.address,
                known_domain=known.domain,
                **_known_params(known),
            )
        else:
            collector.add("display_name_address", shown=shown[0], address=from_check.address)
            _lookalike_signals(shown_check, "display_name", collector, index)
        return
    from_org = organizational_domain(domain_of_address(from_check.address))
    for contact in from_check.display_name_matches:
        same_org = organizational_domain(domain_of_address(contact.address)) == from_org
        collector.add(
            "display_name_same_domain_new_address" if same_org else "display_name_known_contact",
            display_name=display_name,
            known_address=contact.address,
            address=from_check.address,
        )
        break
    for company in from_check.company_name_matches:
        collector.add(
            "display_name_company",
            display_name=display_name,
            address=from_check.address,
            known_domain=company.domain,
            **_known_params(company),
        )
        break


# -- authentication -------------------------------------------------------------------


def _authentication_signals(
    parsed: ParsedMessage,
    report: AuthenticationReport,
    from_check: AddressCheck | None,
    collector: _Collector,
) -> None:
    domain = parsed.from_domain
    if not domain:
        return
    dmarc = next((d for d in report.dmarc if d.result == "fail"), None)
    policy = dmarc.policy if dmarc else ""
    known = from_check.domain.known if from_check else None
    if report.verdict == "fail":
        if known is not None:
            collector.add(
                "auth_fail_known_domain",
                domain=domain,
                policy=policy,
                reason=report.reason,
                known_domain=known.domain,
                **_known_params(known),
            )
        else:
            collector.add("auth_fail", domain=domain, policy=policy, reason=report.reason)
    elif report.verdict == "none":
        collector.add("unauthenticated", domain=domain, reason=report.reason)
    if report.verdict != "pass" and parsed.return_path:
        bounce_domain = domain_of_address(parsed.return_path)
        if bounce_domain and organizational_domain(bounce_domain) != organizational_domain(domain):
            collector.add(
                "return_path_differs",
                return_path=parsed.return_path.lower(),
                address=parsed.from_address.lower(),
            )


# -- content --------------------------------------------------------------------------


def _content_signals(
    content: ContentAnalysis,
    on_file: BankDetails,
    first_contact: bool,
    from_check: AddressCheck | None,
    collector: _Collector,
) -> None:
    for finding in content.findings:
        code = finding.code
        known_domain = from_check is not None and from_check.domain.is_known
        if code == "payment_notice" and first_contact and not known_domain:
            code = "payment_notice_first_contact"
        collector.add(code, phrase=finding.phrase, language=finding.language)
    new_accounts = [a for a in content.new_accounts if a.kind != "bic"] or list(
        content.new_accounts
    )
    if new_accounts:
        account = new_accounts[0]
        code = "bank_details_unverified" if on_file.empty else "new_bank_account"
        collector.add(
            code,
            kind=account.kind,
            account=account.display,
            country=account.country,
            bank=account.bank,
            accounts=[a.display for a in content.new_accounts],
        )
        countries_on_file = sorted({iban[:2] for iban in on_file.ibans})
        foreign = [
            a
            for a in content.new_accounts
            if a.kind == "iban" and countries_on_file and a.country not in countries_on_file
        ]
        if foreign:
            collector.add(
                "bank_country_changed",
                account=foreign[0].display,
                country=foreign[0].country,
                countries_on_file=countries_on_file,
            )
    if "contact_change_request" in content.codes and content.unknown_phones:
        collector.add("new_phone_number", phone=content.unknown_phones[0])


# -- attachments and structure --------------------------------------------------------


def _attachment_signals(parsed: ParsedMessage, collector: _Collector) -> None:
    for attachment in parsed.attachments:
        name = attachment.filename.strip().lower().rstrip(".")
        parts = name.rsplit(".", 2)
        extension = parts[-1] if len(parts) > 1 else ""
        previous = parts[-2] if len(parts) > 2 else ""
        if extension in _EXECUTABLE and previous in _DOCUMENT:
            code = "double_extension_attachment"
        elif extension in _EXECUTABLE:
            code = "executable_attachment"
        elif extension in _MACRO:
            code = "macro_attachment"
        elif extension in _ARCHIVE or attachment.content_type in (
            "application/zip",
            "application/x-zip-compressed",
            "application/x-rar-compressed",
            "application/x-7z-compressed",
        ):
            code = "archive_attachment"
        elif extension in _HTML or attachment.content_type == "text/html":
            code = "html_attachment"
        else:
            continue
        collector.add(code, filename=attachment.filename)


def _structure_signals(parsed: ParsedMessage, collector: _Collector) -> None:
    problems: list[str] = []
    defects: list[str] = []
    for defect in parsed.defects:
        for prefix, problem in _SIGNIFICANT_DEFECTS.items():
            if defect.startswith(prefix):
                defects.append(defect)
                if problem not in problems:
                    problems.append(problem)
    if problems:
        collector.add("malformed_message", problems=problems, defects=defects)
    if parsed.parse_error:
        collector.add("parse_error", error=parsed.parse_error)
