"""The voucher module on its own: what a file really is, its text, a safe name."""

from __future__ import annotations

import pytest

from chengxin.compensation import vouchers
from chengxin.compensation.tests.conftest import FRAUD_IBAN, voucher_pdf, voucher_png
from chengxin.core import files


def test_a_pdf_is_known_by_its_bytes():
    assert vouchers.inspect(voucher_pdf()).content_type == vouchers.PDF


def test_a_png_and_a_jpeg_are_known_by_their_bytes():
    assert files.sniff(voucher_png()) == vouchers.PNG
    assert files.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00") == vouchers.JPEG


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
    text = files.pdf_text(voucher_pdf(iban=FRAUD_IBAN))
    assert "Payment confirmation" in text
    assert "GB29 NWBK 6016 1331 9268 19" in text


def test_safe_names():
    assert vouchers.safe_name("../../etc/passwd", vouchers.PDF) == "passwd.pdf"
    assert vouchers.safe_name("C:\\scan\\slip.exe", vouchers.PNG) == "slip.png"
    assert vouchers.safe_name("\x00\x07", vouchers.JPEG) == "voucher.jpg"
