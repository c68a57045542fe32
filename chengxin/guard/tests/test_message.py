"""Robust parsing of raw messages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chengxin.guard.message import html_to_text, parse_message
from chengxin.guard.tests.conftest import data_path


@pytest.mark.parametrize("folder", ["email_auth", "phishing_bec"])
def test_every_shared_message_parses_without_error(folder: str) -> None:
    files = sorted(data_path(folder).glob("*.eml"))
    assert files
    for path in files:
        parsed = parse_message(path.read_bytes())
        assert parsed.parse_error is None, path.name
        assert parsed.headers, path.name


def test_display_name_that_is_an_address_is_kept_as_display_name() -> None:
    raw = data_path("phishing_bec", "mailparser_rfq_lure_replyto_lookalike.DEFANGED.eml")
    parsed = parse_message(raw.read_bytes())
    assert parsed.from_addresses == (
        ("purchasing@aquillaindustries.com", "do-not-reply@ncs.gov.ng"),
    )
    assert parsed.reply_to == (("", "purchasing@aquiIlaindustries.com"),)
    assert parsed.return_path == "do-not-reply@ncs.gov.ng"
    assert parsed.subject == "Urgent Request for Order Quotation"
    assert "forward all communication related to this RFQ" in parsed.text
    assert [a.filename for a in parsed.attachments] == ["REQUEST FOR QUOTE.zip"]


def test_encoded_display_name_and_html_only_body() -> None:
    parsed = parse_message(
        data_path("phishing_bec", "mailparser_bbva_transfer_phish.eml").read_bytes()
    )
    assert parsed.from_display_name == "notificaccion-clientes@bbva.mx"
    assert parsed.subject == "Transferencia Interbancaria Banca en Línea"
    assert parsed.text == "Test"


def test_wrong_boundary_is_recovered() -> None:
    parsed = parse_message(
        data_path("phishing_bec", "mailparser_replyto_mismatch_spam_es.eml").read_bytes()
    )
    assert any(d.startswith("boundary mismatch") for d in parsed.defects)
    # the base64 HTML part without a charset is decoded as Windows-1252
    assert "información de la compañía" in parsed.text
    assert parsed.reply_to == (("VICTORIA Souvenirs", "smgesi4@gmail.com"),)


def test_html_payment_lure_text_and_table() -> None:
    parsed = parse_message(
        data_path("phishing_bec", "mailparser_PI_payment_TT_copy.DEFANGED.eml").read_bytes()
    )
    assert "We have made the payment of USD 103,349,35." in parsed.text
    assert "IBAN: ES67 2100 3467 1007 0001 6539" in parsed.text
    assert {a.filename for a in parsed.attachments} == {"img1.jpg", "Payment Invoice.zip"}


def test_multiple_from_and_missing_address() -> None:
    multi = parse_message(
        data_path("email_auth", "authheaders_test_message_multi.eml").read_bytes()
    )
    assert [address for _, address in multi.from_addresses] == [
        "spoof@example.org",
        "test@example.com",
    ]
    nofrom = parse_message(
        data_path("email_auth", "authheaders_test_nofrom_message.eml").read_bytes()
    )
    assert nofrom.from_address == ""
    assert nofrom.from_display_name == "Test User"


def test_declared_charset_is_wrong() -> None:
    raw = (
        b"From: =?utf-8?q?Jos=C3=A9?= <jose@example.es>\n"
        b"Subject: Pedido\n"
        b"Content-Type: text/plain; charset=utf-8\n\n"
    ) + "Año nuevo, cuenta nueva".encode("cp1252")
    parsed = parse_message(raw)
    assert parsed.parse_error is None
    assert parsed.from_display_name == "José"
    assert parsed.text == "Año nuevo, cuenta nueva"


def test_unknown_charset_and_raw_8bit_header() -> None:
    raw = (
        b"From: \xe5\xbc\xa0\xe4\xbc\x9f <zhang@example.cn>\n"
        b"Subject: \xe8\xae\xa2\xe5\x8d\x95\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\n\n"
        b"\xe8\xb4\xa7\xe5\xb7\xb2\xe5\x8f\x91"
    )
    parsed = parse_message(raw)
    assert parsed.from_addresses == (("张伟", "zhang@example.cn"),)
    assert parsed.subject == "订单"
    assert parsed.text == "货已发"


def test_html_to_text_skips_scripts_and_keeps_blocks() -> None:
    html = "<html><head><title>x</title><style>p{}</style></head><body><p>Dear&nbsp;buyer</p>"
    html += "<script>alert(1)</script><div>New <b>IBAN</b></div><p>unclosed"
    assert html_to_text(html) == "Dear buyer\nNew IBAN\nunclosed"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_garbage_never_raises(raw: bytes) -> None:
    parsed = parse_message(raw)
    assert isinstance(parsed.text, str)


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=300),
    st.sampled_from(["utf-8", "latin-1", "utf-16", "bogus", "gb2312"]),
    st.sampled_from(["base64", "quoted-printable", "7bit", "x-uuencode", "nonsense"]),
)
def test_broken_mime_never_raises(body: str, charset: str, encoding: str) -> None:
    raw = (
        "From: a@b.c\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="zz"\n\n--zz\n'
        f"Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: {encoding}\n\n"
        f"{body}\n--zz\nContent-Type: application/octet-stream; name=x.zip\n\n{body}\n"
    ).encode("utf-8", "surrogatepass")
    parsed = parse_message(raw)
    assert parsed.parse_error is None or isinstance(parsed.parse_error, str)
    assert parsed.from_address == "a@b.c"
