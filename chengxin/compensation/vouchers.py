"""Remittance vouchers as buyers upload them: what the file really is (by its first
bytes, never its name), its text when it is a PDF, and the IBANs that text names.

Plain functions without Django, testable on their own.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"

# The first bytes of each accepted kind of file.
_MAGIC = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
)
EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg"}

# Two letters, two check digits, then 11–30 letters/digits possibly split by single spaces
# (banks print IBANs in groups of four). Over-long matches are cut back in ``ibans_in``.
_IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,30}\b")
# At most this many characters of PDF text are searched (a voucher is a page or two).
MAX_TEXT = 200_000


@dataclass(frozen=True)
class Voucher:
    content_type: str
    sha256: str
    size: int


class NotAVoucher(ValueError):
    """The file is not a PDF, PNG or JPEG (whatever its name says)."""


def sniff(content: bytes) -> str | None:
    """The content type the bytes really are (PDF, PNG or JPEG), or None."""
    head = content[:16]
    # A PDF may have a little junk before its header; readers accept it within 1 KB.
    if b"%PDF-" in content[:1024]:
        return PDF
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    return None


def inspect(content: bytes) -> Voucher:
    """What the file is, its SHA-256 and size; NotAVoucher when it is none of the
    accepted kinds, or claims to be a PDF that cannot be read."""
    content_type = sniff(content)
    if content_type is None:
        raise NotAVoucher("unknown type")
    if content_type == PDF:
        _pdf_reader(content)  # raises NotAVoucher when it is not a readable PDF
    return Voucher(
        content_type=content_type, sha256=hashlib.sha256(content).hexdigest(), size=len(content)
    )


def _pdf_reader(content: bytes):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            reader.decrypt("")
        len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise NotAVoucher("unreadable PDF") from exc
    return reader


def pdf_text(content: bytes) -> str:
    """The text of a PDF's pages ("" for a scan without a text layer)."""
    from pypdf.errors import PyPdfError

    try:
        reader = _pdf_reader(content)
    except NotAVoucher:
        return ""
    parts: list[str] = []
    size = 0
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
            text = ""  # one unreadable page does not hide the others
        parts.append(text)
        size += len(text)
        if size >= MAX_TEXT:
            break
    return "\n".join(parts)[:MAX_TEXT]


def ibans_in(text: str) -> list[str]:
    """The valid IBANs (checksum and country format) named in ``text``, compact,
    in order of appearance, each once."""
    found: list[str] = []
    for match in _IBAN_CANDIDATE.finditer(text.upper()):
        compact = re.sub(r"\s", "", match.group(0))
        # The pattern may run on into the next word; the longest valid prefix wins.
        for end in range(len(compact), 14, -1):
            try:
                iban = IBAN(compact[:end])
            except SchwiftyException:
                continue
            value = str(iban.compact)
            if value not in found:
                found.append(value)
            break
    return found


def mask_iban(iban: str) -> str:
    """``GB29 ···· 6819``: the country and check digits and the last four, for display."""
    return f"{iban[:4]} ···· {iban[-4:]}"


def safe_name(name: str, content_type: str) -> str:
    """The uploaded file's name without folders or control characters, at most 200
    characters, with the extension of what it really is."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip(" .") or "voucher"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return stem[:200] + EXTENSIONS[content_type]
