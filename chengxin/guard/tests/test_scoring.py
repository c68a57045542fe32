"""Whole-message assessments: real phishing scores high, real benign mail scores low."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chengxin.guard.confusables import ConfusablesTable
from chengxin.guard.content import BankDetails
from chengxin.guard.lookalike import KnownAddress, KnownDomain, LookalikeIndex
from chengxin.guard.scoring import Assessment, Thresholds, assess_message
from chengxin.guard.signals import describe
from chengxin.guard.tests.conftest import data_path


def _no_dns(name: str) -> str | None:
    return None


def _phish(name: str) -> bytes:
    return data_path("phishing_bec", name).read_bytes()


def _auth(name: str) -> bytes:
    return data_path("email_auth", name).read_bytes()


def _signal_params(assessment: Assessment, code: str) -> dict:
    signal = assessment.signal(code)
    assert signal is not None, (code, sorted(assessment.codes))
    return dict(signal.params)


# -- the real phishing messages (phishing_bec/SOURCES.md) -----------------------------


def test_rfq_lure_with_capital_i_reply_to_is_critical(confusables: ConfusablesTable) -> None:
    # SOURCES.md: From shows purchasing@aquillaindustries.com, Reply-To uses a capital I
    # for l, the real sender is do-not-reply@ncs.gov.ng. The imitated buyer is known.
    index = LookalikeIndex(
        [KnownDomain("aquillaindustries.com", "Aquilla Industries", 2016)],
        [KnownAddress("purchasing@aquillaindustries.com", "Ellis", "Aquilla Industries")],
        confusables=confusables,
    )
    assessment = assess_message(
        _phish("mailparser_rfq_lure_replyto_lookalike.DEFANGED.eml"),
        index=index,
        txt_lookup=_no_dns,
    )
    assert assessment.level == "critical"
    lookalike = _signal_params(assessment, "lookalike_homoglyph")
    assert lookalike["field"] == "reply_to"
    assert lookalike["domain"] == "aquiIlaindustries.com"
    assert lookalike["known_domain"] == "aquillaindustries.com"
    assert describe(assessment.signal("lookalike_homoglyph")) == (  # type: ignore[arg-type]
        "The Reply-To domain aquiIlaindustries.com looks like aquillaindustries.com "
        "(I [LATIN CAPITAL LETTER I] looks like l [LATIN SMALL LETTER L]), the domain of "
        "Aquilla Industries, your customer since 2016."
    )
    shown = _signal_params(assessment, "display_name_known_address")
    assert (shown["shown"], shown["address"]) == (
        "purchasing@aquillaindustries.com",
        "do-not-reply@ncs.gov.ng",
    )
    assert {"archive_attachment", "urgency", "first_contact"} <= assessment.codes
    # the lookalike Reply-To is reported once, not also as a plain mismatch
    assert "reply_to_differs" not in assessment.codes


def test_bank_impersonation_with_typo_address_and_foreign_reply_to(
    confusables: ConfusablesTable,
) -> None:
    # SOURCES.md: From notificaccion-clientes@bbva.mx (typo), Reply-To another domain,
    # AR spf=None from the receiving server mailb.triara.com.
    index = LookalikeIndex(
        [KnownDomain("bbva.mx", "BBVA México", relation="bank")],
        [KnownAddress("notificacion-clientes@bbva.mx", "BBVA Notificaciones", "BBVA México")],
        confusables=confusables,
    )
    assessment = assess_message(
        _phish("mailparser_bbva_transfer_phish.eml"),
        index=index,
        trusted_authserv_ids={"mailb.triara.com"},
    )
    assert assessment.level == "critical"
    address = _signal_params(assessment, "lookalike_address")
    assert address["known_address"] == "notificacion-clientes@bbva.mx"
    assert address["differences"] == [["c", "", "typo"]]
    assert _signal_params(assessment, "reply_to_differs")["reply_to"] == "info@alejandrosalcedo.es"
    assert _signal_params(assessment, "unauthenticated")["domain"] == "bbva.mx"
    assert assessment.authentication is not None
    assert assessment.authentication.verdict == "none"


def test_bank_impersonation_scores_high_even_without_the_known_address(
    confusables: ConfusablesTable,
) -> None:
    index = LookalikeIndex(
        [KnownDomain("bbva.mx", "BBVA México", relation="bank")], confusables=confusables
    )
    assessment = assess_message(
        _phish("mailparser_bbva_transfer_phish.eml"),
        index=index,
        trusted_authserv_ids={"mailb.triara.com"},
    )
    assert assessment.level in ("high", "critical")
    assert {"reply_to_differs", "unauthenticated", "return_path_differs"} <= assessment.codes


def test_payment_notice_lure_from_a_stranger(confusables: ConfusablesTable) -> None:
    assessment = assess_message(
        _phish("mailparser_PI_payment_TT_copy.DEFANGED.eml"),
        index=LookalikeIndex(confusables=confusables),
        txt_lookup=_no_dns,
    )
    assert assessment.level in ("high", "critical")
    assert _signal_params(assessment, "payment_notice_first_contact")["phrase"] == (
        "We have made the payment"
    )
    assert _signal_params(assessment, "bank_details_unverified")["account"] == (
        "ES67 2100 3467 1007 0001 6539"
    )
    assert _signal_params(assessment, "archive_attachment")["filename"] == "Payment Invoice.zip"


def test_payment_notice_lure_against_a_known_customer_with_other_bank_details(
    confusables: ConfusablesTable,
) -> None:
    index = LookalikeIndex(
        [KnownDomain("fanox.com", "Fanox Electronic", 2014)], confusables=confusables
    )
    assessment = assess_message(
        _phish("mailparser_PI_payment_TT_copy.DEFANGED.eml"),
        index=index,
        txt_lookup=_no_dns,
        bank_details=BankDetails.of(ibans=["DE89 3704 0044 0532 0130 00"]),
    )
    assert assessment.level == "critical"
    assert _signal_params(assessment, "new_bank_account")["country"] == "ES"
    assert _signal_params(assessment, "bank_country_changed")["countries_on_file"] == ["DE"]


def test_bills_of_goods_lure(confusables: ConfusablesTable) -> None:
    assessment = assess_message(
        _phish("mailparser_bills_of_goods_lure.eml"),
        index=LookalikeIndex(confusables=confusables),
        txt_lookup=_no_dns,
    )
    assert assessment.level in ("high", "critical")
    assert _signal_params(assessment, "payment_notice_first_contact")["phrase"] == (
        "bills of the goods"
    )
    assert "attachment_removed_by_filter" in assessment.codes


def test_reply_to_mismatch_spam(confusables: ConfusablesTable) -> None:
    assessment = assess_message(
        _phish("mailparser_replyto_mismatch_spam_es.eml"),
        index=LookalikeIndex(confusables=confusables),
        txt_lookup=_no_dns,
    )
    assert assessment.level in ("high", "critical")
    reply = _signal_params(assessment, "reply_to_differs")
    assert (reply["reply_to"], reply["address"]) == ("smgesi4@gmail.com", "smgsiso@yahoo.com.mx")
    assert _signal_params(assessment, "return_path_differs")["return_path"] == "smgesi4@gmail.com"
    assert "boundary_mismatch" in _signal_params(assessment, "malformed_message")["problems"]


# -- benign mail from known correspondents -------------------------------------------


@pytest.mark.parametrize(
    ("name", "address", "authserv"),
    [
        ("mailauth_real_gmail_AR_pass.eml", "andris@ekiri.ee", "mx.google.com"),
        ("mailauth_real_arc_pass.eml", "andris@ekiri.ee", "mx.google.com"),
        ("mailauth_real_bimi_dmarc_pass.eml", "info@srv.dev", "mx.google.com"),
        ("mailauth_real_zonemx_spf_dkim_pass.eml", "andris.reinman@gmail.com", "zonemx.eu"),
    ],
)
def test_benign_mail_from_known_correspondents_scores_low(
    confusables: ConfusablesTable, name: str, address: str, authserv: str
) -> None:
    domain = address.rpartition("@")[2]
    index = LookalikeIndex(
        [KnownDomain(domain, "Known Partner", 2019)],
        [KnownAddress(address, "Andris Reinman")],
        confusables=confusables,
    )
    assessment = assess_message(_auth(name), index=index, trusted_authserv_ids={authserv})
    assert assessment.authentication is not None
    assert assessment.authentication.verdict == "pass"
    assert (assessment.score, assessment.level, assessment.signals) == (0, "low", ())


def test_own_dkim_check_of_a_known_correspondent_scores_low(
    confusables: ConfusablesTable, dkimpy_dns: Callable[[str], str | None]
) -> None:
    index = LookalikeIndex(
        [KnownDomain("football.example.com", "Football Club", 2020)],
        [KnownAddress("joe@football.example.com", "Joe SixPack")],
        confusables=confusables,
    )
    assessment = assess_message(
        _auth("dkimpy_rfc6376_signed_rsa.eml"), index=index, txt_lookup=dkimpy_dns
    )
    assert assessment.authentication is not None
    assert assessment.authentication.verdict == "pass"
    assert assessment.score == 0


def _message(body: str, *, sender: str = "Anna Weber <anna.weber@acme-gmbh.de>") -> bytes:
    return (
        f"From: {sender}\r\nTo: sales@chengxin-export.cn\r\nSubject: Order 4711\r\n"
        "Authentication-Results: mx.chengxin-export.cn; dkim=pass header.d=acme-gmbh.de; "
        "spf=pass smtp.mailfrom=anna.weber@acme-gmbh.de\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


@pytest.fixture(scope="module")
def acme_index(confusables: ConfusablesTable) -> LookalikeIndex:
    return LookalikeIndex(
        [
            KnownDomain("acme-gmbh.de", "Acme GmbH", 2021),
            KnownDomain("chengxin-export.cn", "Chengxin Export", relation="own"),
        ],
        [KnownAddress("anna.weber@acme-gmbh.de", "Anna Weber", "Acme GmbH")],
        confusables=confusables,
    )


def test_urgent_order_from_known_authenticated_buyer_stays_low(
    acme_index: LookalikeIndex,
) -> None:
    assessment = assess_message(
        _message("Please ship the order urgently, our customer is waiting."),
        index=acme_index,
        trusted_authserv_ids={"mx.chengxin-export.cn"},
        bank_details=BankDetails.of(ibans=["DE89370400440532013000"]),
    )
    assert assessment.level == "low"
    assert [s.code for s in assessment.signals] == ["urgency"]


def test_bank_change_from_known_authenticated_buyer_is_still_high(
    acme_index: LookalikeIndex,
) -> None:
    # A genuine but compromised mailbox passes authentication: a new account must still be
    # verified out of band.
    assessment = assess_message(
        _message("Please note our new bank details: IBAN GB82 WEST 1234 5698 7654 32."),
        index=acme_index,
        trusted_authserv_ids={"mx.chengxin-export.cn"},
        bank_details=BankDetails.of(ibans=["DE89370400440532013000"]),
    )
    assert (assessment.score, assessment.level) == (75, "critical")
    assert {"bank_change_request", "new_bank_account", "bank_country_changed"} == (assessment.codes)
    same_country = assess_message(
        _message("Please note our new bank details: IBAN DE02 1203 0000 0000 2020 51."),
        index=acme_index,
        trusted_authserv_ids={"mx.chengxin-export.cn"},
        bank_details=BankDetails.of(ibans=["DE89370400440532013000"]),
    )
    assert (same_country.score, same_country.level) == (60, "high")


def test_lookalike_sender_sentence(acme_index: LookalikeIndex) -> None:
    assessment = assess_message(
        _message("Hello", sender="Anna Weber <anna.weber@acrne-gmbh.de>"),
        index=acme_index,
        trusted_authserv_ids={"mx.chengxin-export.cn"},
    )
    assert assessment.level in ("high", "critical")
    assert assessment.sentences()[0] == (
        "The sender's domain acrne-gmbh.de looks like acme-gmbh.de (rn looks like m), "
        "the domain of Acme GmbH, your customer since 2021."
    )
    assert "display_name_known_contact" in assessment.codes


def test_thresholds_and_weights_are_parameters(acme_index: LookalikeIndex) -> None:
    raw = _message("Please ship the order urgently.")
    kwargs = {"index": acme_index, "trusted_authserv_ids": {"mx.chengxin-export.cn"}}
    strict = assess_message(raw, thresholds=Thresholds(medium=5, high=8, critical=9), **kwargs)
    assert (strict.score, strict.level) == (10, "critical")
    silent = assess_message(raw, weights={"urgency": 0}, **kwargs)
    assert (silent.score, silent.signals) == (0, ())


def test_broken_bytes_still_give_an_assessment(acme_index: LookalikeIndex) -> None:
    assessment = assess_message(b"\x00\xff\xfe garbage", index=acme_index)
    assert "no_from" in assessment.codes
    assert assessment.to_dict()["level"] == assessment.level
