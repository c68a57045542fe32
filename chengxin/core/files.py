"""Files people upload (remittance vouchers, bank proofs, documents to check): what they
really are, judged by their first bytes and never by their name; a name safe to store
and send back; the text of a PDF. Plain functions without Django."""

from __future__ import annotations

import io
import logging
import re

logger = logging.getLogger(__name__)

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"

# The first bytes of each kind of file accepted as evidence.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
)
EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg"}

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


class UnreadableDocument(ValueError):
    """The bytes claim to be a PDF but no page of it can be read."""


def sniff(content: bytes) -> str | None:
    """The content type the bytes really are (PDF, PNG or JPEG), or None."""
    # A PDF may have a little junk before its header; readers accept it within 1 KB.
    if b"%PDF-" in content[:1024]:
        return PDF
    for magic, content_type in _MAGIC:
        if content.startswith(magic):
            return content_type
    return None


# pypdf's limits for files from outside, far below its defaults (which allow 75 MB per
# stream): a voucher or a bank's letter is a few pages, and a hostile file must not make a
# web worker decompress, parse or allocate more than this.
_PDF_LIMITS = {
    "maximum_declared_stream_length": 20_000_000,
    "array_based_stream_maximum_output_length": 20_000_000,
    "jbig2_maximum_output_length": 20_000_000,
    "lzw_maximum_output_length": 20_000_000,
    "run_length_maximum_output_length": 20_000_000,
    "zlib_maximum_output_length": 20_000_000,
    "zlib_maximum_recovery_input_length": 2_000_000,
    "brotli_maximum_output_length": 20_000_000,
    "image_maximum_buffer_size": 20_000_000,
    "stream_decoding_work_maximum_length": 60_000_000,
    "stream_parsing_work_maximum_count": 500_000,
    "page_tree_maximum_entries": 5_000,
    "page_tree_maximum_page_entries": 50_000,
    "outline_maximum_entries": 5_000,
    "form_fields_maximum_entries": 5_000,
    "named_destinations_maximum_entries": 5_000,
    "xform_maximum_invocations_per_extraction": 500,
    "xfa_decoding_work_maximum_length": 20_000_000,
    "jbig2dec_binary": None,  # never run an external decoder on an upload
}
_PDF_XREF_MAXIMUM_ENTRIES = 100_000


def _pdf_limits():
    from pypdf import apply_configuration

    return apply_configuration(**_PDF_LIMITS)


def pdf_reader(content: bytes):
    """A pypdf reader that has read the page tree; UnreadableDocument otherwise, whatever
    the bytes (a huge startxref, an encryption handler pypdf lacks, broken objects, a
    structure past the limits above: pypdf raises many kinds, not only its own)."""
    from pypdf import PdfReader

    with _pdf_limits():
        try:
            reader = PdfReader(
                io.BytesIO(content),
                strict=False,
                root_object_recovery_limit=1_000,
                xref_stream_maximum_entries=_PDF_XREF_MAXIMUM_ENTRIES,
            )
            if reader.is_encrypted:
                reader.decrypt("")
            len(reader.pages)
        except Exception as exc:  # noqa: BLE001 - any failure means: not a readable PDF
            raise UnreadableDocument("unreadable PDF") from exc
    return reader


def pdf_text(content: bytes, *, max_pages: int = 30, max_chars: int = 200_000) -> str:
    """The text of a PDF's first pages ("" for a scan without a text layer, and for a PDF
    that cannot be read: a broken or hostile file has no text to trust). Never raises."""
    try:
        reader = pdf_reader(content)
        parts: list[str] = []
        size = 0
        with _pdf_limits():
            for index in range(min(max_pages, len(reader.pages))):
                try:
                    text = reader.pages[index].extract_text() or ""
                except Exception:  # noqa: BLE001 - one unreadable page does not hide the others
                    text = ""
                parts.append(text)
                size += len(text)
                if size >= max_chars:
                    break
        return "\n".join(parts)[:max_chars]
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on hostile input
        logger.info("A PDF could not be read", exc_info=True)
        return ""


def safe_filename(name: str, content_type: str, *, default: str) -> str:
    """The uploaded name without folders, control or reserved characters, at most 200
    characters, with the extension of what the file really is."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _UNSAFE.sub("_", base).strip(" ._")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return (stem.strip(" ._")[:200] or default) + EXTENSIONS.get(content_type, "")
