"""Files made to break readers, for the tests of every upload path: PDFs with a startxref
beyond any integer, an encryption handler pypdf does not have, a broken encryption
dictionary; and a hypothesis strategy of arbitrary bytes, some dressed as a PDF, a ZIP
(XLSX) or a message so that the readers behind the first check get them too."""

from __future__ import annotations

import io

from hypothesis import strategies as st


def pdf(*, trailer_extra: bytes = b"", startxref: int | None = None) -> bytes:
    """A one-page PDF, its trailer extended and its startxref replaced as asked."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer_extra))
    out.write(b"startxref\n%d\n%%%%EOF\n" % (xref if startxref is None else startxref))
    return out.getvalue()


CRAFTED_PDFS = {
    "huge startxref": pdf(startxref=10**30),
    "startxref past the end": pdf(startxref=2**63 - 1),
    "unknown encryption filter": pdf(
        trailer_extra=b"/Encrypt << /Filter /NoSuchHandler /V 1 /R 2 /O <00> /U <00> /P -4 >> "
        b"/ID [<00> <00>] "
    ),
    "unsupported encryption version": pdf(
        trailer_extra=b"/Encrypt << /Filter /Standard /V 9 /R 9 /O <00> /U <00> /P -4 >> "
        b"/ID [<00> <00>] "
    ),
    "encryption that is no dictionary": pdf(trailer_extra=b"/Encrypt 99 0 R "),
    "header only": b"%PDF-1.7\n%%EOF",
}

_PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"From: a@b.example\r\n", b"\x89PNG\r\n\x1a\n"]


def hostile_bytes() -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, half of them after the first bytes of a PDF, ZIP, message or PNG,
    or a crafted PDF cut or extended at random."""
    dressed = st.tuples(st.sampled_from(_PREFIXES), st.binary(max_size=2000)).map(
        lambda pair: pair[0] + pair[1]
    )
    crafted = st.tuples(
        st.sampled_from(sorted(CRAFTED_PDFS.values())), st.integers(0, 400), st.binary(max_size=50)
    ).map(lambda t: t[0][: len(t[0]) - t[1]] + t[2])
    return st.one_of(st.binary(max_size=2000), dressed, crafted)
