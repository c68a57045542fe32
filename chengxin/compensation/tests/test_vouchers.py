"""The voucher module on its own: what a file really is, the IBANs its text names."""

from __future__ import annotations

import pytest

from chengxin.compensation import vouchers
from chengxin.compensation.tests.conftest import FRAUD_IBAN, NEW_IBAN, voucher_pdf, voucher_png


def test_a_pdf_is_known_by_its_bytes():
    assert vouchers.inspect(voucher_pdf()).content_type == vouchers.PDF


def test_a_png_and_a_jpeg_are_known_by_their_bytes():
    assert vouchers.sniff(voucher_png()) == vouchers.PNG
    assert vouchers.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00") == vouchers.JPEG


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00 this is a Windows program",
        b"<html><script>alert(1)</script></html>",
        b"PK\x03\x04 a zip or an Office document",
        b"GIF89a",
    ],
)
def test_other_files_are_not_vouchers_whatever_their_name(content):
    with pytest.raises(vouchers.NotAVoucher):
        vouchers.inspect(content)


def test_a_pdf_header_on_garbage_is_not_a_voucher():
    with pytest.raises(vouchers.NotAVoucher):
        vouchers.inspect(b"%PDF-1.7\n" + b"\x00garbage" * 50)


def test_the_pdf_text_names_the_beneficiary_iban():
    text = vouchers.pdf_text(voucher_pdf(iban=FRAUD_IBAN))
    assert "Payment confirmation" in text
    assert vouchers.ibans_in(text) == [FRAUD_IBAN]


def test_ibans_are_found_grouped_or_compact_and_checked():
    text = (
        "Beneficiary: DE89 3704 0044 0532 0130 00 Commerzbank\n"
        f"Ordering account {FRAUD_IBAN}, ref INV 2026\n"
        "Not an IBAN: DE00 3704 0044 0532 0130 00 (bad check digits)\n"
        f"Again: {NEW_IBAN}"
    )
    assert vouchers.ibans_in(text) == [NEW_IBAN, FRAUD_IBAN]


def test_masks_and_safe_names():
    assert vouchers.mask_iban(FRAUD_IBAN) == "GB29 ···· 6819"
    assert vouchers.safe_name("../../etc/passwd", vouchers.PDF) == "passwd.pdf"
    assert vouchers.safe_name("C:\\scan\\slip.exe", vouchers.PNG) == "slip.png"
    assert vouchers.safe_name("\x00\x07", vouchers.JPEG) == "voucher.jpg"
