"""Is the From domain authentic? DKIM, ARC, DMARC and the receiving server's verdicts.

Two sources of evidence, combined by :func:`authenticate`:

* the ``Authentication-Results`` (RFC 8601) and ``ARC-Authentication-Results``
  (RFC 8617) headers, parsed with *authres*. Anybody can write such a header into a
  message, so only headers whose authserv-id is one of ``trusted_authserv_ids`` (the
  receiving mail server of the mailbox, e.g. ``mx.google.com``) count;
* Chengxin's own checks with *dkimpy* (DKIM signatures and the ARC chain) and its own
  DMARC evaluation. Every DNS question goes through an injectable ``txt_lookup``
  callable (name -> TXT text or ``None``), so tests and benchmarks run offline and the
  Django layer can plug in dnspython with caching and timeouts.

DMARC (RFC 7489, with the DMARCbis tree walk for policy discovery): the From domain
passes when a DKIM signature or the SPF identity that passed is *aligned* with it —
relaxed: same organisational domain (Public Suffix List); strict: the same name.

Ed25519 DKIM signatures (RFC 8463) need PyNaCl (``dkimpy[ed25519]``); without it such
a signature is reported as ``neutral`` with the reason, never as a failure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

import authres
import dkim
import dkim.util

from chengxin.guard.domains import domain_of_address, organizational_domain
from chengxin.guard.message import ParsedMessage

__all__ = [
    "ArcResult",
    "AuthenticationReport",
    "DkimResult",
    "DmarcResult",
    "DomainExists",
    "ReportedResult",
    "TxtLookup",
    "aligned",
    "authenticate",
    "evaluate_dmarc",
    "live_txt_lookup",
    "parse_arc_authentication_results",
    "parse_authentication_results",
    "parse_dmarc_record",
    "verify_arc",
    "verify_dkim",
]

#: name -> TXT record text (several strings of one record joined), or None if none.
TxtLookup = Callable[[str], str | None]
#: name -> does the domain exist in DNS (for the DMARC "np" policy).
DomainExists = Callable[[str], bool]

_RESULT_ORDER = {"fail": 0, "permerror": 1, "temperror": 2, "none": 3, "neutral": 3, "pass": 4}
_POLICY_IN_COMMENT = re.compile(r"\bp=(none|quarantine|reject)\b", re.IGNORECASE)
_ARC_INSTANCE = re.compile(r"^\s*i\s*=\s*(\d+)\s*;", re.IGNORECASE)
_CV_TAG = re.compile(rb"[\s;]cv\s*=\s*([a-z]+)", re.IGNORECASE)
_RESULT_COMMENT = re.compile(r"^\s*[\w.-]+\s*=\s*[\w-]+\s*(?:\((?P<comment>[^()]*)\))?")


@dataclass(frozen=True, slots=True)
class DkimResult:
    """One DKIM signature verified by Chengxin."""

    domain: str
    selector: str
    result: str
    algorithm: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ArcResult:
    result: str
    instances: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ReportedResult:
    """One result from an (ARC-)Authentication-Results header."""

    authserv_id: str
    method: str
    result: str
    domain: str = ""
    reason: str = ""
    comment: str = ""
    properties: tuple[tuple[str, str], ...] = ()
    instance: int | None = None

    def property(self, name: str) -> str:
        return next((value for key, value in self.properties if key == name), "")


@dataclass(frozen=True, slots=True)
class DmarcResult:
    result: str
    from_domain: str
    policy: str = ""
    record_domain: str = ""
    reason: str = ""
    aligned_dkim: tuple[str, ...] = ()
    aligned_spf: str = ""
    source: str = "chengxin"

    @property
    def aligned(self) -> bool:
        return bool(self.aligned_dkim or self.aligned_spf)


@dataclass(frozen=True, slots=True)
class AuthenticationReport:
    """Everything known about the authenticity of the From domain.

    ``verdict`` is ``pass`` (DMARC pass or an aligned DKIM/SPF pass), ``fail`` (DMARC
    fail or a failing aligned signature), ``none`` (checked, nothing proves the
    domain) or ``unknown`` (no trusted results and no DNS to check with).
    """

    verdict: str
    from_domains: tuple[str, ...] = ()
    dkim: tuple[DkimResult, ...] = ()
    reported: tuple[ReportedResult, ...] = ()
    arc: ArcResult | None = None
    dmarc: tuple[DmarcResult, ...] = ()
    reason: str = ""
    untrusted_headers: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "reason": self.reason,
            "from_domains": list(self.from_domains),
            "dkim": [vars_of(r) for r in self.dkim],
            "reported": [
                {
                    "authserv_id": r.authserv_id,
                    "method": r.method,
                    "result": r.result,
                    "domain": r.domain,
                    "instance": r.instance,
                }
                for r in self.reported
            ],
            "arc": vars_of(self.arc) if self.arc else None,
            "dmarc": [
                {
                    "result": d.result,
                    "from_domain": d.from_domain,
                    "policy": d.policy,
                    "record_domain": d.record_domain,
                    "reason": d.reason,
                    "aligned_dkim": list(d.aligned_dkim),
                    "aligned_spf": d.aligned_spf,
                    "source": d.source,
                }
                for d in self.dmarc
            ],
            "untrusted_headers": self.untrusted_headers,
        }


def vars_of(instance: object) -> dict[str, Any]:
    """A slotted dataclass as a plain dict."""
    return {name: getattr(instance, name) for name in instance.__dataclass_fields__}  # type: ignore[attr-defined]


def live_txt_lookup(*, timeout: float = 3.0) -> TxtLookup:
    """A ``txt_lookup`` that asks the system's DNS resolvers (dnspython)."""
    import dns.exception
    import dns.resolver

    resolver = dns.resolver.Resolver()
    resolver.lifetime = timeout

    def lookup(name: str) -> str | None:
        try:
            answer = resolver.resolve(name, "TXT", raise_on_no_answer=False)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoNameservers, dns.exception.Timeout):
            return None
        for record in answer.rrset or ():
            return b"".join(record.strings).decode("utf-8", "replace")
        return None

    return lookup


# -- DKIM and ARC ---------------------------------------------------------------------


def _dnsfunc(txt_lookup: TxtLookup) -> Callable[..., bytes | None]:
    def lookup(name: bytes | str, timeout: float = 5) -> bytes | None:
        text = name.decode("ascii", "replace") if isinstance(name, bytes) else name
        answer = txt_lookup(text.rstrip("."))
        return answer.encode("utf-8") if answer else None

    return lookup


def verify_dkim(raw: bytes, txt_lookup: TxtLookup, *, minkey: int = 1024) -> tuple[DkimResult, ...]:
    """Verify every DKIM-Signature of a raw message with keys from ``txt_lookup``."""
    try:
        verifier = dkim.DKIM(raw, minkey=minkey)
    except Exception as error:  # dkimpy raises on unparseable messages
        return (DkimResult("", "", "permerror", reason=f"unreadable message: {error}"),)
    signatures = [value for name, value in verifier.headers if name.lower() == b"dkim-signature"]
    dnsfunc = _dnsfunc(txt_lookup)
    results: list[DkimResult] = []
    for index, value in enumerate(signatures):
        try:
            tags = dkim.util.parse_tag_value(value)
        except Exception as error:  # malformed tag list
            results.append(DkimResult("", "", "permerror", reason=f"bad signature: {error}"))
            continue
        domain = _tag(tags, b"d").lower()
        selector = _tag(tags, b"s")
        algorithm = _tag(tags, b"a")
        if domain and selector and not txt_lookup(f"{selector}._domainkey.{domain}"):
            results.append(DkimResult(domain, selector, "permerror", algorithm, "no key in DNS"))
            continue
        try:
            ok = verifier.verify(idx=index, dnsfunc=dnsfunc)
        except dkim.NaClNotFoundError:
            results.append(
                DkimResult(domain, selector, "neutral", algorithm, "ed25519 needs PyNaCl")
            )
            continue
        except dkim.DnsTimeoutError as error:
            results.append(DkimResult(domain, selector, "temperror", algorithm, str(error)))
            continue
        except dkim.DKIMException as error:
            results.append(DkimResult(domain, selector, "permerror", algorithm, str(error)))
            continue
        except Exception as error:  # dkimpy can raise plain errors on odd input
            results.append(
                DkimResult(domain, selector, "permerror", algorithm, f"{type(error).__name__}")
            )
            continue
        results.append(
            DkimResult(
                domain,
                selector,
                "pass" if ok else "fail",
                algorithm,
                "" if ok else "signature does not match the message",
            )
        )
    return tuple(results)


def verify_arc(raw: bytes, txt_lookup: TxtLookup) -> ArcResult:
    """Validate the ARC chain (RFC 8617 section 5.2)."""
    try:
        verifier = dkim.ARC(raw)
        highest, headers = verifier.sorted_arc_headers()
    except Exception as error:  # unparseable message
        return ArcResult("permerror", reason=f"unreadable message: {error}")
    if highest == 0:
        return ArcResult("none")
    for instance, (name, value) in headers:
        if name.lower() != b"arc-seal":
            continue
        cv = _CV_TAG.search(b";" + value)
        if cv is not None and cv.group(1).lower() == b"fail":
            return ArcResult("fail", highest, f"ARC-Seal i={instance} records cv=fail")
    try:
        cv_value, _, reason = dkim.arc_verify(raw, dnsfunc=_dnsfunc(txt_lookup))
    except Exception as error:  # dkimpy errors on malformed chains
        return ArcResult("permerror", highest, f"{type(error).__name__}: {error}")
    result = cv_value.decode() if isinstance(cv_value, bytes) else str(cv_value or "none")
    return ArcResult(result.lower(), highest, str(reason or ""))


def _tag(tags: dict[bytes, bytes], name: bytes) -> str:
    value = tags.get(name, b"")
    return value.decode("ascii", "replace").strip() if isinstance(value, bytes) else str(value)


# -- Authentication-Results -----------------------------------------------------------


def parse_authentication_results(
    value: str, *, instance: int | None = None
) -> tuple[ReportedResult, ...]:
    """Parse the value of an Authentication-Results header (never raises)."""
    text = " ".join(value.split())
    try:
        header = authres.parse_value(text)
    except Exception:  # authres is strict; fall back to a lenient reading
        return _parse_leniently(text, instance)
    authserv_id = str(header.authserv_id or "").lower()
    comments = _result_comments(text)
    results: list[ReportedResult] = []
    for position, item in enumerate(header.results):
        properties = tuple(
            (f"{prop.type}.{prop.name}".lower(), str(prop.value or "")) for prop in item.properties
        )
        comment = item.result_comment or (comments[position] if position < len(comments) else "")
        results.append(
            _reported(
                authserv_id, item.method, item.result, properties, item.reason, comment, instance
            )
        )
    return tuple(results)


def _result_comments(text: str) -> list[str]:
    """The comment right after each "method=result" (authres drops some of them)."""
    comments: list[str] = []
    for part in text.split(";")[1:]:
        match = _RESULT_COMMENT.match(part)
        if match is not None:
            comments.append(match.group("comment") or "")
    return comments


def parse_arc_authentication_results(value: str) -> tuple[ReportedResult, ...]:
    """Parse an ARC-Authentication-Results value ("i=N; authserv-id; results")."""
    match = _ARC_INSTANCE.match(value)
    if match is None:
        return parse_authentication_results(value)
    return parse_authentication_results(value[match.end() :], instance=int(match.group(1)))


def _reported(
    authserv_id: str,
    method: object,
    result: object,
    properties: tuple[tuple[str, str], ...],
    reason: object,
    comment: object,
    instance: int | None,
) -> ReportedResult:
    method_name = str(method or "").lower()
    props = dict(properties)
    if method_name == "dkim":
        domain = props.get("header.d") or domain_of_address(props.get("header.i", "") or "")
    elif method_name == "spf":
        mailfrom = props.get("smtp.mailfrom") or props.get("smtp.mfrom", "")
        domain = domain_of_address(mailfrom) if "@" in mailfrom else mailfrom
        domain = domain or props.get("smtp.helo", "")
    elif method_name == "dmarc":
        domain = props.get("header.from", "")
    else:
        domain = ""
    return ReportedResult(
        authserv_id=authserv_id,
        method=method_name,
        result=str(result or "").lower(),
        domain=domain.strip().strip(".").lower(),
        reason=str(reason or ""),
        comment=str(comment or ""),
        properties=properties,
        instance=instance,
    )


def _parse_leniently(text: str, instance: int | None) -> tuple[ReportedResult, ...]:
    without_comments = re.sub(r"\([^()]*\)", " ", text)
    parts = [part.strip() for part in without_comments.split(";")]
    if not parts or not parts[0]:
        return ()
    authserv_id = parts[0].split()[0].lower()
    results: list[ReportedResult] = []
    for part in parts[1:]:
        tokens = part.split()
        if not tokens or "=" not in tokens[0]:
            continue
        method, _, result = tokens[0].partition("=")
        properties = tuple(
            (key.lower(), value.strip('"'))
            for key, _, value in (token.partition("=") for token in tokens[1:])
            if "." in key
        )
        results.append(_reported(authserv_id, method, result, properties, "", "", instance))
    return tuple(results)


# -- DMARC ----------------------------------------------------------------------------


def parse_dmarc_record(text: str) -> dict[str, str]:
    """Tags of a DMARC record; ``ValueError`` when it is not a valid one."""
    parts = [part.strip() for part in text.split(";")]
    parts = [part for part in parts if part]
    if not parts or parts[0].replace(" ", "").lower() != "v=dmarc1":
        raise ValueError(f"not a DMARC record: {text!r}")
    tags: dict[str, str] = {}
    for part in parts[1:]:
        key, equals, value = part.partition("=")
        if not equals or not key.strip() or not value.strip():
            raise ValueError(f"missing tag or value: {text!r}")
        tags[key.strip().lower()] = value.strip()
    for policy_tag in ("p", "sp", "np"):
        if policy_tag in tags and tags[policy_tag].lower() not in ("none", "quarantine", "reject"):
            raise ValueError(f"bad {policy_tag}= value: {text!r}")
    return tags


def aligned(from_domain: str, other: str, mode: str = "r") -> bool:
    """DMARC identifier alignment: strict = same name, relaxed = same organisational domain."""
    first = from_domain.strip(".").lower()
    second = other.strip(".").lower()
    if not first or not second:
        return False
    if mode == "s":
        return first == second
    return organizational_domain(first) == organizational_domain(second)


def _discover_record(
    from_domain: str, txt_lookup: TxtLookup
) -> tuple[str, dict[str, str] | None, str]:
    """(record domain, tags, error) by the DMARCbis tree walk (at most 8 queries)."""
    labels = from_domain.split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels))]
    if len(candidates) > 8:
        candidates = [candidates[0], *candidates[-7:]]
    for candidate in candidates:
        text = txt_lookup(f"_dmarc.{candidate}")
        if not text or not text.strip().lower().replace(" ", "").startswith("v=dmarc1"):
            continue
        try:
            return candidate, parse_dmarc_record(text), ""
        except ValueError as error:
            return candidate, None, str(error)
    return "", None, ""


def evaluate_dmarc(
    from_domain: str,
    *,
    dkim_pass_domains: Iterable[str],
    spf_pass_domain: str = "",
    txt_lookup: TxtLookup,
    domain_exists: DomainExists | None = None,
) -> DmarcResult:
    """Evaluate DMARC for one From domain."""
    domain = from_domain.strip().strip(".").lower()
    if not domain:
        return DmarcResult("permerror", "", reason="no From domain")
    record_domain, tags, error = _discover_record(domain, txt_lookup)
    if error:
        return DmarcResult(
            "permerror", domain, policy="none", record_domain=record_domain, reason=error
        )
    adkim = (tags or {}).get("adkim", "r").lower()
    aspf = (tags or {}).get("aspf", "r").lower()
    dkim_aligned = tuple(sorted({d for d in dkim_pass_domains if aligned(domain, d, adkim)}))
    spf_aligned = (
        spf_pass_domain if spf_pass_domain and aligned(domain, spf_pass_domain, aspf) else ""
    )
    if tags is None:
        return DmarcResult(
            "none",
            domain,
            reason="no DMARC record",
            aligned_dkim=dkim_aligned,
            aligned_spf=spf_aligned,
        )
    policy = _applicable_policy(domain, record_domain, tags, domain_exists)
    passed = bool(dkim_aligned or spf_aligned)
    return DmarcResult(
        "pass" if passed else "fail",
        domain,
        policy=policy,
        record_domain=record_domain,
        reason="" if passed else "no aligned DKIM signature or SPF pass",
        aligned_dkim=dkim_aligned,
        aligned_spf=spf_aligned,
    )


def _applicable_policy(
    domain: str, record_domain: str, tags: dict[str, str], domain_exists: DomainExists | None
) -> str:
    if domain == record_domain:
        return tags.get("p", "none").lower()
    if "np" in tags and domain_exists is not None and not domain_exists(domain):
        return tags["np"].lower()
    return tags.get("sp", tags.get("p", "none")).lower()


# -- everything together --------------------------------------------------------------


def authenticate(
    message: ParsedMessage,
    *,
    txt_lookup: TxtLookup | None = None,
    domain_exists: DomainExists | None = None,
    trusted_authserv_ids: Collection[str] = (),
) -> AuthenticationReport:
    """Combine trusted receiving-server results and (with DNS) Chengxin's own checks."""
    trusted = {authserv.lower() for authserv in trusted_authserv_ids}
    reported: list[ReportedResult] = []
    untrusted = 0
    for name, value in message.headers:
        lowered = name.lower()
        if lowered == "authentication-results":
            results = parse_authentication_results(value)
        elif lowered == "arc-authentication-results":
            results = parse_arc_authentication_results(value)
        else:
            continue
        if results and results[0].authserv_id in trusted:
            reported.extend(results)
        else:
            untrusted += 1
    direct = [r for r in reported if r.instance is None]
    from_domains = tuple(
        dict.fromkeys(
            domain_of_address(address) for _, address in message.from_addresses if address
        )
    )
    own_dkim: tuple[DkimResult, ...] = ()
    arc: ArcResult | None = None
    if txt_lookup is not None:
        own_dkim = verify_dkim(message.raw, txt_lookup)
        if message.header("ARC-Seal") is not None:
            arc = verify_arc(message.raw, txt_lookup)
    elif any(r.method == "arc" for r in direct):
        first_arc = next(r for r in direct if r.method == "arc")
        arc = ArcResult(first_arc.result, reason=f"reported by {first_arc.authserv_id}")
    checked = txt_lookup is not None or bool(direct)
    dkim_pass = {r.domain for r in own_dkim if r.result == "pass" and r.domain}
    dkim_pass |= {
        r.domain for r in direct if r.method == "dkim" and r.result == "pass" and r.domain
    }
    spf_pass = next(
        (r.domain for r in direct if r.method == "spf" and r.result == "pass" and r.domain), ""
    )
    dmarc_results = tuple(
        _dmarc_for(domain, direct, dkim_pass, spf_pass, txt_lookup, domain_exists)
        for domain in (from_domains or ("",))
    )
    verdict, reason = _verdict(checked, dmarc_results, own_dkim, direct, from_domains)
    if verdict == "fail" and _arc_vouches(reported, direct, arc, from_domains):
        verdict, reason = "pass", "forwarded: the ARC chain shows the original message passed DMARC"
    return AuthenticationReport(
        verdict=verdict,
        from_domains=from_domains,
        dkim=own_dkim,
        reported=tuple(reported),
        arc=arc,
        dmarc=dmarc_results,
        reason=reason,
        untrusted_headers=untrusted,
    )


def _dmarc_for(
    domain: str,
    direct: list[ReportedResult],
    dkim_pass: set[str],
    spf_pass: str,
    txt_lookup: TxtLookup | None,
    domain_exists: DomainExists | None,
) -> DmarcResult:
    if txt_lookup is not None:
        own = evaluate_dmarc(
            domain,
            dkim_pass_domains=dkim_pass,
            spf_pass_domain=spf_pass,
            txt_lookup=txt_lookup,
            domain_exists=domain_exists,
        )
        reported = _reported_dmarc(domain, direct, own.aligned_dkim, own.aligned_spf)
        # DNS that shows no record (or timed out) does not overrule the receiving server,
        # which saw the record when the message arrived.
        if own.result in ("none", "temperror") and reported is not None:
            return reported
        return own
    dkim_aligned = tuple(sorted(d for d in dkim_pass if aligned(domain, d)))
    spf_aligned = spf_pass if aligned(domain, spf_pass) else ""
    reported = _reported_dmarc(domain, direct, dkim_aligned, spf_aligned)
    if reported is not None:
        return reported
    if not domain:
        return DmarcResult("permerror", "", reason="no From domain")
    return DmarcResult(
        "pass" if dkim_aligned or spf_aligned else "none",
        domain,
        reason="alignment of reported results",
        aligned_dkim=dkim_aligned,
        aligned_spf=spf_aligned,
        source="reported",
    )


def _reported_dmarc(
    domain: str,
    direct: list[ReportedResult],
    dkim_aligned: tuple[str, ...],
    spf_aligned: str,
) -> DmarcResult | None:
    for result in direct:
        if result.method == "dmarc" and (not result.domain or result.domain == domain):
            match = _POLICY_IN_COMMENT.search(result.comment)
            policy = result.property("policy.dmarc") or (match.group(1) if match else "")
            return DmarcResult(
                result.result,
                domain,
                policy=policy.lower(),
                reason=result.reason,
                aligned_dkim=dkim_aligned,
                aligned_spf=spf_aligned,
                source=result.authserv_id,
            )
    return None


def _arc_vouches(
    reported: list[ReportedResult],
    direct: list[ReportedResult],
    arc: ArcResult | None,
    from_domains: tuple[str, ...],
) -> bool:
    """A trusted receiver saw a valid ARC chain whose first hop recorded DMARC pass."""
    if arc is None or arc.result != "pass":
        return False
    if not any(r.method == "arc" and r.result == "pass" for r in direct):
        return False
    sealed = [r for r in reported if r.instance is not None]
    if not sealed:
        return False
    first = min(r.instance for r in sealed if r.instance is not None)
    return all(
        any(
            r.instance == first
            and r.method == "dmarc"
            and r.result == "pass"
            and (not r.domain or r.domain == domain)
            for r in sealed
        )
        for domain in from_domains
    )


def _verdict(
    checked: bool,
    dmarc_results: tuple[DmarcResult, ...],
    own_dkim: tuple[DkimResult, ...],
    direct: list[ReportedResult],
    from_domains: tuple[str, ...],
) -> tuple[str, str]:
    if not from_domains:
        return ("fail" if checked else "unknown"), "the message has no From address"
    if not checked:
        return "unknown", "no trusted Authentication-Results and no DNS to check with"
    worst = min(dmarc_results, key=lambda d: _RESULT_ORDER.get(d.result, 3))
    if worst.result == "fail":
        return "fail", f"DMARC fail for {worst.from_domain} (policy {worst.policy or 'none'})"
    if all(d.result == "pass" or d.aligned for d in dmarc_results):
        return "pass", "aligned DKIM or SPF pass"
    dkim_results: list[DkimResult | ReportedResult] = [
        *own_dkim,
        *(d for d in direct if d.method == "dkim"),
    ]
    failed_aligned = [
        r.domain
        for r in dkim_results
        if r.result == "fail" and any(aligned(f, r.domain) for f in from_domains)
    ]
    if failed_aligned:
        return "fail", f"DKIM signature of {failed_aligned[0]} does not verify"
    return "none", "no valid DKIM signature or SPF pass for the From domain"
