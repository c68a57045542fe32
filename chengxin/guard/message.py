"""Parse raw RFC 5322 messages into the fields the guard needs, without ever raising.

Real mail is often broken: multipart bodies whose boundary does not match the one
declared, parts declared in one charset and written in another, unknown charset
names, raw 8-bit headers, display names that are themselves e-mail addresses. The
standard library parser (``compat32`` policy, which records defects instead of
raising) does the structure; this module adds the recoveries:

* a multipart part whose declared boundary never occurs is re-parsed with the
  boundary actually used in its body;
* text is decoded with the declared charset, then UTF-8, then Windows-1252, then
  Latin-1 (which cannot fail);
* ``From: purchasing@acme.com <do-not-reply@elsewhere>`` keeps the visible address as
  the display name (Python's strict address parser would see two addresses).

Anything unexpected is caught at the top and returned as ``parse_error`` with
whatever was parsed until then.
"""

from __future__ import annotations

import email
import email.message
import email.policy
import re
from dataclasses import dataclass, field
from email.header import Header, decode_header
from email.utils import getaddresses

from chengxin.mail.decoding import decode_bytes, html_to_text

__all__ = ["Attachment", "ParsedMessage", "decode_bytes", "html_to_text", "parse_message"]

_ANGLE_ADDRESS = re.compile(r"^\s*(?P<name>[^<>]*?)\s*<(?P<address>[^<>]*)>\s*$", re.DOTALL)
_BOUNDARY_LINE = re.compile(r"^--(?P<boundary>[^\s]{1,200}?)(?:--)?[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """What the guard reads from a message. Addresses are ``(display name, address)``."""

    raw: bytes
    from_addresses: tuple[tuple[str, str], ...] = ()
    reply_to: tuple[tuple[str, str], ...] = ()
    return_path: str = ""
    sender: str = ""
    subject: str = ""
    message_id: str = ""
    date: str = ""
    text: str = ""
    html_text: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    attachments: tuple[Attachment, ...] = ()
    defects: tuple[str, ...] = ()
    parse_error: str | None = None

    @property
    def from_address(self) -> str:
        return self.from_addresses[0][1] if self.from_addresses else ""

    @property
    def from_display_name(self) -> str:
        return self.from_addresses[0][0] if self.from_addresses else ""

    @property
    def from_domain(self) -> str:
        _, at, domain = self.from_address.rpartition("@")
        return domain.strip().strip(".").lower() if at else ""

    def header(self, name: str) -> str | None:
        """The first header of that name (decoded), or ``None``."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def header_values(self, name: str) -> list[str]:
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]


@dataclass(slots=True)
class _Collected:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)


def parse_message(raw: bytes | str) -> ParsedMessage:
    """Parse a raw message. Never raises; see ``ParsedMessage.parse_error``."""
    data = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else bytes(raw)
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception as error:  # the parser must never fail the guard
        return ParsedMessage(raw=data, parse_error=f"unreadable message: {error}")
    headers: list[tuple[str, str]] = []
    collected = _Collected()
    fields: dict[str, object] = {}
    try:
        for name, value in message.items():
            headers.append((name, decode_header_value(value)))
        fields["from_addresses"] = _addresses(message.get_all("From") or [])
        fields["reply_to"] = _addresses(message.get_all("Reply-To") or [])
        fields["return_path"] = _single_address(message.get("Return-Path"))
        fields["sender"] = _single_address(message.get("Sender"))
        fields["subject"] = decode_header_value(message.get("Subject", ""))
        fields["message_id"] = decode_header_value(message.get("Message-ID", "")).strip()
        fields["date"] = decode_header_value(message.get("Date", "")).strip()
        subjects = message.get_all("Subject") or []
        if len(subjects) > 1:
            collected.defects.append("more than one Subject header")
        _collect(message, collected, depth=0)
    except Exception as error:  # report, keep what was parsed
        return _build(
            data, headers, fields, collected, parse_error=f"{type(error).__name__}: {error}"
        )
    return _build(data, headers, fields, collected, parse_error=None)


def _build(
    data: bytes,
    headers: list[tuple[str, str]],
    fields: dict[str, object],
    collected: _Collected,
    parse_error: str | None,
) -> ParsedMessage:
    plain = "\n".join(part for part in collected.plain if part.strip())
    html = "\n".join(part for part in collected.html if part.strip())
    return ParsedMessage(
        raw=data,
        from_addresses=fields.get("from_addresses", ()),  # type: ignore[arg-type]
        reply_to=fields.get("reply_to", ()),  # type: ignore[arg-type]
        return_path=str(fields.get("return_path", "")),
        sender=str(fields.get("sender", "")),
        subject=str(fields.get("subject", "")),
        message_id=str(fields.get("message_id", "")),
        date=str(fields.get("date", "")),
        text=plain.strip() or html.strip(),
        html_text=html.strip(),
        headers=tuple(headers),
        attachments=tuple(collected.attachments),
        defects=tuple(dict.fromkeys(collected.defects)),
        parse_error=parse_error,
    )


def _collect(part: email.message.Message, collected: _Collected, *, depth: int) -> None:
    if depth > 20:
        collected.defects.append("MIME nesting deeper than 20 levels")
        return
    for defect in getattr(part, "defects", ()):
        collected.defects.append(type(defect).__name__)
    content_type = part.get_content_type()
    if part.is_multipart():
        for child in part.get_payload():
            if isinstance(child, email.message.Message):
                _collect(child, collected, depth=depth + 1)
        return
    if content_type.startswith("multipart/"):
        recovered = _recover_multipart(part, collected)
        if recovered is not None:
            _collect(recovered, collected, depth=depth + 1)
            return
    disposition = (part.get_content_disposition() or "").lower()
    filename = decode_header_value(part.get_filename() or "")
    is_text = content_type in ("text/plain", "text/html")
    if disposition == "attachment" or (filename and not is_text):
        payload = _payload_bytes(part)
        collected.attachments.append(
            Attachment(filename=filename, content_type=content_type, size=len(payload))
        )
        return
    if content_type == "text/html":
        collected.html.append(html_to_text(_part_text(part)))
    elif part.get_content_maintype() == "text":
        collected.plain.append(_part_text(part))


def _recover_multipart(
    part: email.message.Message, collected: _Collected
) -> email.message.Message | None:
    body = part.get_payload()
    if not isinstance(body, str):
        return None
    found = _BOUNDARY_LINE.search(body)
    if found is None:
        return None
    boundary = found.group("boundary")
    declared = part.get_param("boundary") or ""
    collected.defects.append(f"boundary mismatch: declared {declared!r}, used {boundary!r}")
    rebuilt = f'Content-Type: {part.get_content_type()}; boundary="{boundary}"\n\n{body}'
    recovered = email.message_from_string(rebuilt, policy=email.policy.compat32)
    return recovered if recovered.is_multipart() else None


def _payload_bytes(part: email.message.Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # broken transfer encodings
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""


def _part_text(part: email.message.Message) -> str:
    return decode_bytes(_payload_bytes(part), part.get_content_charset())


def _raw_header_text(value: object) -> str:
    """A header value as text; raw 8-bit bytes (which compat32 wraps in a ``Header``
    with the charset "unknown-8bit") are decoded by the charset fallbacks."""
    if value is None:
        return ""
    if isinstance(value, Header):
        pieces = []
        for chunk, charset in decode_header(value):
            if isinstance(chunk, bytes):
                known = charset if charset and charset != "unknown-8bit" else None
                pieces.append(decode_bytes(chunk, known))
            else:
                pieces.append(chunk)
        return "".join(pieces)
    return str(value)


def decode_header_value(value: object) -> str:
    """Decode RFC 2047 encoded words and stray 8-bit bytes in a header value."""
    text = _raw_header_text(value)
    if any("\udc80" <= c <= "\udcff" for c in text):
        text = decode_bytes(text.encode("utf-8", "surrogateescape"), None)
    if "=?" not in text:
        return " ".join(text.split())
    try:
        pieces = []
        for chunk, charset in decode_header(text):
            if isinstance(chunk, bytes):
                pieces.append(decode_bytes(chunk, charset))
            else:
                pieces.append(chunk)
        joined = "".join(pieces)
    except Exception:  # malformed encoded words
        joined = text
    return " ".join(joined.split())


def _addresses(values: list[str]) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for value in values:
        text = _raw_header_text(value)
        single = _ANGLE_ADDRESS.match(text)
        if single is not None and "," not in _strip_quoted(single.group("name")):
            name = decode_header_value(single.group("name")).strip().strip('"').strip()
            found.append((name, single.group("address").strip()))
            continue
        for name, address in getaddresses([text]):
            if not name and not address:
                continue
            found.append((decode_header_value(name).strip(), address.strip()))
    cleaned: list[tuple[str, str]] = []
    for name, address in found:
        if address and "@" not in address:
            name, address = (name or address), ""
        if name or address:
            cleaned.append((name, address))
    return tuple(cleaned)


def _strip_quoted(text: str) -> str:
    return re.sub(r'"[^"]*"', "", text)


def _single_address(value: object) -> str:
    text = _raw_header_text(value).strip()
    match = _ANGLE_ADDRESS.match(text)
    if match is not None:
        return match.group("address").strip()
    return text.strip("<>").strip()
