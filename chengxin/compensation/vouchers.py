"""Remittance vouchers as buyers upload them: a PDF, PNG or JPEG judged by its bytes
(core.files), with its SHA-256 so that one payment is claimed once.

Plain functions without Django, testable on their own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from chengxin.core import files
from chengxin.core.files import JPEG, PDF, PNG

__all__ = ["JPEG", "PDF", "PNG", "NotAVoucher", "Voucher", "inspect", "safe_name"]


@dataclass(frozen=True)
class Voucher:
    content_type: str
    sha256: str
    size: int


class NotAVoucher(ValueError):
    """The file is not a PDF, PNG or JPEG (whatever its name says)."""


def inspect(content: bytes) -> Voucher:
    """What the file is, its SHA-256 and size; NotAVoucher when it is none of the
    accepted kinds, or claims to be a PDF that cannot be read."""
    content_type = files.sniff(content)
    if content_type is None:
        raise NotAVoucher("unknown type")
    if content_type == PDF:
        try:
            files.pdf_reader(content)
        except files.UnreadableDocument as exc:
            raise NotAVoucher("unreadable PDF") from exc
    return Voucher(
        content_type=content_type, sha256=hashlib.sha256(content).hexdigest(), size=len(content)
    )


def safe_name(name: str, content_type: str) -> str:
    return files.safe_filename(name, content_type, default="voucher")
