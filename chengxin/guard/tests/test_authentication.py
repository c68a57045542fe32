"""DKIM, ARC, DMARC and Authentication-Results against the shared real messages."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable

import pytest

from chengxin.guard.authentication import (
    aligned,
    authenticate,
    evaluate_dmarc,
    parse_arc_authentication_results,
    parse_authentication_results,
    parse_dmarc_record,
    verify_arc,
    verify_dkim,
)
from chengxin.guard.cli import load_dns
from chengxin.guard.message import parse_message
from chengxin.guard.tests.conftest import data_path

HAS_NACL = importlib.util.find_spec("nacl") is not None
Lookup = Callable[[str], str | None]


def _raw(name: str) -> bytes:
    return data_path("email_auth", name).read_bytes()


# -- DKIM: expectations from email_auth/SOURCES.md --------------------------------------


@pytest.mark.parametrize(
    "name",
    ["dkimpy_rfc6376_signed_rsa.eml", "dkimpy_real_gmail_2013.eml"],
)
def test_rsa_signatures_verify(dkimpy_dns: Lookup, name: str) -> None:
    results = verify_dkim(_raw(name), dkimpy_dns)
    assert [r.result for r in results] == ["pass"]


def test_real_gmail_2013_signature_names_gmail(dkimpy_dns: Lookup) -> None:
    (result,) = verify_dkim(_raw("dkimpy_real_gmail_2013.eml"), dkimpy_dns)
    assert (result.domain, result.selector, result.algorithm) == (
        "gmail.com",
        "20120113",
        "rsa-sha256",
    )


def test_authheaders_signed_message_verifies(authheaders_data: dict) -> None:
    dns = authheaders_data["dns"]
    (result,) = verify_dkim(_raw("authheaders_test_message_signed.eml"), dns.get)
    assert (result.domain, result.result) == ("example.com", "pass")


def test_attack_with_bad_domain_fails(dkimpy_dns: Lookup) -> None:
    (result,) = verify_dkim(_raw("dkimpy_attack_baddomain.eml"), dkimpy_dns)
    assert result.result == "permerror"
    assert "d= value is not valid" in result.reason


def test_signature_without_t_tag_fails(dkimpy_dns: Lookup) -> None:
    (result,) = verify_dkim(_raw("dkimpy_no_t_tag.eml"), dkimpy_dns)
    assert result.result == "fail"


def test_missing_key_is_a_permerror_not_a_crash() -> None:
    (result,) = verify_dkim(_raw("dkimpy_real_kitterman_2011.eml"), lambda name: None)
    assert (result.domain, result.result, result.reason) == (
        "kitterman.com",
        "permerror",
        "no key in DNS",
    )


def test_rsa_half_of_dual_signed_messages_verifies(dkimpy_dns: Lookup) -> None:
    results = verify_dkim(_raw("dkimpy_rfc8463_signed_rsa+ed25519.eml"), dkimpy_dns)
    by_algorithm = {r.algorithm: r.result for r in results}
    assert by_algorithm["rsa-sha256"] == "pass"
    mailauth = verify_dkim(
        _raw("mailauth_ec_signed.eml"), load_dns(data_path("email_auth", "mailauth_ec_dns.json"))
    )
    assert {r.algorithm: r.result for r in mailauth}["rsa-sha256"] == "pass"


@pytest.mark.skipif(not HAS_NACL, reason="PyNaCl (dkimpy[ed25519]) is not installed")
@pytest.mark.parametrize(
    "name", ["dkimpy_rfc8463_signed_rsa+ed25519.eml", "dkimpy_exim_ed25519.eml"]
)
def test_ed25519_signatures_verify(dkimpy_dns: Lookup, name: str) -> None:
    results = verify_dkim(_raw(name), dkimpy_dns)
    assert [r.result for r in results if r.algorithm == "ed25519-sha256"] == ["pass"]


@pytest.mark.skipif(HAS_NACL, reason="PyNaCl is installed: ed25519 is verified")
def test_ed25519_without_pynacl_is_neutral_with_reason(dkimpy_dns: Lookup) -> None:
    (result,) = verify_dkim(_raw("dkimpy_exim_ed25519.eml"), dkimpy_dns)
    assert (result.result, result.reason) == ("neutral", "ed25519 needs PyNaCl")


# -- DMARC: expectations from authheaders_dns_and_expected.json -------------------------


def _expected(case: dict) -> tuple[str, str, str]:
    text = case["expected"]
    result = re.search(r"dmarc=(\w+)", text)
    domain = re.search(r"header\.from=(\S+)", text)
    policy = re.search(r"policy\.dmarc=(\w+)", text)
    assert result and domain and policy
    from_domain = "" if domain.group(1) == "none" else domain.group(1)
    return result.group(1), from_domain, policy.group(1)


def test_dmarc_cases_of_authheaders(authheaders_data: dict) -> None:
    dns: dict[str, str | None] = authheaders_data["dns"]

    def lookup(name: str) -> str | None:
        return dns.get(name) or None

    def exists(name: str) -> bool:
        return bool(dns.get(name, "exists"))

    assert len(authheaders_data["cases"]) == 8
    for case in authheaders_data["cases"]:
        raw = data_path("email_auth", case["file"]).read_bytes()
        previous = case["args"].get("prev")
        if previous:  # the earlier MTA's header, as authheaders' test supplies it
            raw = previous.encode() + b"\r\n" + raw
        report = authenticate(
            parse_message(raw),
            txt_lookup=lookup,
            domain_exists=exists,
            trusted_authserv_ids={"example.com"},
        )
        result, from_domain, policy = _expected(case)
        dmarc = next((d for d in report.dmarc if d.from_domain == from_domain), report.dmarc[0])
        assert (dmarc.result, dmarc.from_domain) == (result, from_domain), case["file"]
        if result != "permerror":
            assert dmarc.policy == policy, case["file"]
        if result == "pass":
            assert report.verdict == "pass"
        elif result == "fail":
            assert report.verdict == "fail", case["file"]


def test_untrusted_authentication_results_are_ignored() -> None:
    # authheaders_test_bad_message.eml carries "dmarc=pass" from lists.example.org.
    report = authenticate(
        parse_message(_raw("authheaders_test_bad_message.eml")),
        trusted_authserv_ids={"mx.example.com"},
    )
    assert report.verdict == "unknown"
    assert report.untrusted_headers == 1
    assert report.reported == ()


def test_dmarc_record_parsing_and_alignment() -> None:
    assert parse_dmarc_record("v=DMARC1; p=reject; adkim=s")["adkim"] == "s"
    with pytest.raises(ValueError, match="missing tag or value"):
        parse_dmarc_record("v=DMARC1; p=none; reject")
    with pytest.raises(ValueError, match="not a DMARC record"):
        parse_dmarc_record("v=spf1 -all")
    assert aligned("srv.dev", "out.srv.dev")
    assert not aligned("srv.dev", "out.srv.dev", "s")
    assert aligned("shop.acme.co.uk", "mail.acme.co.uk")
    assert not aligned("acme.co.uk", "other.co.uk")


def test_strict_dkim_alignment_from_the_record() -> None:
    records = {"_dmarc.acme.com": "v=DMARC1; p=quarantine; adkim=s"}
    strict = evaluate_dmarc("acme.com", dkim_pass_domains=["mail.acme.com"], txt_lookup=records.get)
    assert (strict.result, strict.policy) == ("fail", "quarantine")
    relaxed = evaluate_dmarc("acme.com", dkim_pass_domains=["acme.com"], txt_lookup=records.get)
    assert relaxed.result == "pass"


# -- Authentication-Results of real messages ------------------------------------------


def test_gmail_authentication_results() -> None:
    parsed = parse_message(_raw("mailauth_real_gmail_AR_pass.eml"))
    report = authenticate(parsed, trusted_authserv_ids={"mx.google.com"})
    direct = [r for r in report.reported if r.instance is None]
    assert [(r.method, r.result, r.domain) for r in direct] == [
        ("dkim", "pass", "ekiri.ee"),
        ("spf", "pass", "ekiri.ee"),
    ]
    assert report.verdict == "pass"


def test_dmarc_policy_is_read_from_the_comment() -> None:
    report = authenticate(
        parse_message(_raw("mailauth_real_bimi_dmarc_pass.eml")),
        trusted_authserv_ids={"mx.google.com"},
    )
    (dmarc,) = report.dmarc
    assert (dmarc.result, dmarc.policy, dmarc.source) == ("pass", "reject", "mx.google.com")


def test_insecure_key_reason_is_kept() -> None:
    (header,) = [
        value
        for name, value in parse_message(_raw("mailauth_real_insecure_key.eml")).headers
        if name.lower() == "authentication-results"
    ]
    results = parse_authentication_results(header)
    assert results[0].authserv_id == "uvn-67-33.tll01.zonevs.eu"
    assert (results[0].method, results[0].result, results[0].domain) == (
        "dkim",
        "pass",
        "out.srv.dev",
    )
    assert "insecure key" in results[0].reason


def test_arc_authentication_results_of_a_forwarded_message() -> None:
    parsed = parse_message(_raw("mailauth_real_arc_fail.eml"))
    aars = [v for n, v in parsed.headers if n.lower() == "arc-authentication-results"]
    first = [
        r for value in aars for r in parse_arc_authentication_results(value) if r.instance == 1
    ]
    dmarc = next(r for r in first if r.method == "dmarc")
    # SOURCES.md: "i=1 AAR has dmarc=pass p=REJECT"
    assert (dmarc.result, dmarc.domain) == ("pass", "zone.ee")
    assert "p=REJECT" in dmarc.comment
    # The receiving server's own DMARC result fails after forwarding, but it reports a
    # passing ARC chain whose first hop recorded DMARC pass.
    report = authenticate(parsed, trusted_authserv_ids={"mx.google.com"})
    assert report.dmarc[0].result == "fail"
    assert report.verdict == "pass"
    # Chengxin's own ARC check (no keys offline) does not vouch, so DMARC fail stands.
    offline = authenticate(
        parsed, txt_lookup=lambda name: None, trusted_authserv_ids={"mx.google.com"}
    )
    assert offline.arc is not None and offline.arc.result == "fail"
    assert offline.verdict == "fail"


def test_lenient_parser_reads_what_authres_rejects() -> None:
    results = parse_authentication_results(
        "mx.example.net; dkim=pass header.d=acme.com; spf=pass smtp.mailfrom=bounce@acme.com; "
        "weird stuff without result"
    )
    assert [(r.method, r.result, r.domain) for r in results] == [
        ("dkim", "pass", "acme.com"),
        ("spf", "pass", "acme.com"),
    ]


# -- ARC: the ValiMail validation suite -----------------------------------------------


def test_arc_validation_suite() -> None:
    suite = json.loads(data_path("email_auth", "arc_validation_test_suite.json").read_text())
    checked = 0
    for group in suite:
        records: dict[str, str] = group["txt-records"]
        for name, case in group["tests"].items():
            # An empty expectation is a chain whose last seal already says cv=fail;
            # RFC 8617 section 5.2 step 2 makes its validation result "fail".
            expected = case["cv"].lower() or "fail"
            result = verify_arc(case["message"].encode(), records.get)
            assert result.result == expected, (group["description"], name)
            checked += 1
    assert checked == 171
