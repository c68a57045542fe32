"""Reading a raw message into what Chengxin stores: a pure module, never raises.

A message that cannot be read completely (broken MIME, an unknown or wrong
charset, a body too large to parse) still yields whatever could be read, and a
``parse_error`` saying what went wrong; the caller stores the raw bytes as
received, so nothing is ever lost.
"""

from __future__ import annotations

import datetime
import email
import email.message
import email.policy
import re
from dataclasses import dataclass, field
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime

from chengxin.mail.decoding import decode_bytes, html_to_text

__all__ = [
    "ParsedAttachment",
    "ParsedMail",
    "looks_like_message",
    "parse_mail",
    "split_message_ids",
    "without_mbox_separator",
]

_MSG_ID = re.compile(r"<([^<>\s]{1,490})>")
_MAX_DEPTH = 30
# Header section of a message too large to parse: read at most this much.
_MAX_HEADER_BYTES = 256 * 1024


# A header field's first line (RFC 5322 2.2: a name of printable ASCII but the colon, then
# a colon) and a folded continuation line.
_HEADER_FIELD = re.compile(rb"[\x21-\x39\x3b-\x7e]{1,200}[ \t]*:")
_HEADER_CONTINUATION = re.compile(rb"[ \t]")
# The headers a message has: at least one of them must be there.
_MESSAGE_HEADERS = (
    b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"received", b"return-path",
    b"sender", b"reply-to", b"mime-version", b"delivered-to",
)  # fmt: skip


def without_mbox_separator(raw: bytes) -> bytes:
    """The message without an mbox "From " line in front of it (one message saved from
    an mbox file), as it was received."""
    if raw.startswith(b"From "):
        _separator, _newline, rest = raw.partition(b"\n")
        return rest
    return raw


def looks_like_message(raw: bytes) -> bool:
    """Whether the bytes are an Internet message (RFC 5322): header lines first (each a
    field name and a colon, or a folded continuation), then an empty line and the body,
    with at least one of a message's usual headers. An mbox "From " line before it is
    allowed. An image, an archive or a document renamed to .eml is not a message."""
    head = without_mbox_separator(raw)[:_MAX_HEADER_BYTES]
    if b"\x00" in head:
        return False
    names: set[bytes] = set()
    for number, line in enumerate(head.splitlines()):
        if not line.strip():
            break  # the end of the header section
        if number and _HEADER_CONTINUATION.match(line):
            continue
        field_name = _HEADER_FIELD.match(line)
        if field_name is None:
            return False
        names.add(field_name.group().rstrip(b": \t").lower())
    return bool(names.intersection(_MESSAGE_HEADERS))


_STRUCTURE_DEFECTS = {
    "StartBoundaryNotFoundDefect": "broken MIME: the declared boundary %(boundary)r never occurs",
    "CloseBoundaryNotFoundDefect": "broken MIME: the closing boundary %(boundary)r is missing",
    "MultipartInvariantViolationDefect": "broken MIME: a multipart message has no parts",
    "NoBoundaryInMultipartDefect": "broken MIME: a multipart message declares no boundary",
}


@dataclass(frozen=True)
class ParsedAttachment:
    filename: str
    content_type: str
    content: bytes
    content_id: str = ""
    inline: bool = False


@dataclass
class ParsedMail:
    message_id: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    from_name: str = ""
    from_address: str = ""
    reply_to_name: str = ""
    reply_to_address: str = ""
    return_path: str = ""
    to: list[tuple[str, str]] = field(default_factory=list)
    cc: list[tuple[str, str]] = field(default_factory=list)
    subject: str = ""
    sent_at: datetime.datetime | None = None
    text: str = ""
    html: str = ""
    attachments: list[ParsedAttachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    parse_error: str = ""


def parse_mail(raw: bytes, *, max_body_bytes: int) -> ParsedMail:
    """Parse ``raw``; a message larger than ``max_body_bytes`` gets its headers only."""
    parsed = ParsedMail()
    if len(raw) > max_body_bytes:
        parsed.parse_error = (
            f"The message is {len(raw) / 1_000_000:.1f} MB, larger than the "
            f"{max_body_bytes / 1_000_000:.0f} MB that is parsed; only its headers were read."
        )
        try:
            head = BytesHeaderParser(policy=email.policy.compat32).parsebytes(_header_section(raw))
            _read_headers(head, parsed)
        except Exception as exc:  # a broken header block must not lose the message
            parsed.parse_error += f" The headers could not be read either: {exc}"
        return parsed
    try:
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
    except Exception as exc:
        parsed.parse_error = f"The message could not be read: {type(exc).__name__}: {exc}"
        return parsed
    problems: list[str] = []
    try:
        _read_headers(message, parsed)
    except Exception as exc:
        problems.append(f"headers: {type(exc).__name__}: {exc}")
    texts: list[str] = []
    htmls: list[str] = []
    try:
        _walk(message, parsed, texts, htmls, problems, depth=0)
    except Exception as exc:
        problems.append(f"body: {type(exc).__name__}: {exc}")
    parsed.text = "\n\n".join(t for t in texts if t.strip())
    parsed.html = "\n".join(htmls)
    if not parsed.text and htmls:
        parsed.text = "\n\n".join(html_to_text(h) for h in htmls)
    if problems:
        parsed.parse_error = "; ".join(dict.fromkeys(problems))
    return parsed


def _header_section(raw: bytes) -> bytes:
    head = raw[:_MAX_HEADER_BYTES]
    for separator in (b"\r\n\r\n", b"\n\n"):
        end = head.find(separator)
        if end >= 0:
            return head[: end + len(separator)]
    return head


def _read_headers(message: email.message.Message, parsed: ParsedMail) -> None:
    parsed.message_id = _first_id(message.get("Message-ID"))
    parsed.in_reply_to = _first_id(message.get("In-Reply-To"))
    parsed.references = split_message_ids(_text(message.get("References")))
    parsed.from_name, parsed.from_address = _first_address(message.get_all("From") or [])
    parsed.reply_to_name, parsed.reply_to_address = _first_address(
        message.get_all("Reply-To") or []
    )
    _name, parsed.return_path = _first_address(message.get_all("Return-Path") or [])
    parsed.to = _addresses(message.get_all("To") or [])
    parsed.cc = _addresses(message.get_all("Cc") or [])
    parsed.subject = _text(message.get("Subject"))[:998]
    parsed.sent_at = _date(message.get("Date"))


def _walk(
    part: email.message.Message,
    parsed: ParsedMail,
    texts: list[str],
    htmls: list[str],
    problems: list[str],
    *,
    depth: int,
) -> None:
    if depth > _MAX_DEPTH:
        problems.append(f"MIME parts nested deeper than {_MAX_DEPTH} levels were not read")
        return
    for defect in getattr(part, "defects", ()):
        name = type(defect).__name__
        parsed.defects.append(name)
        if name in _STRUCTURE_DEFECTS:
            problems.append(_STRUCTURE_DEFECTS[name] % {"boundary": part.get_boundary() or ""})
    content_type = part.get_content_type()
    if part.is_multipart() and content_type != "message/rfc822":
        for child in part.get_payload():
            if isinstance(child, email.message.Message):
                _walk(child, parsed, texts, htmls, problems, depth=depth + 1)
        return
    if content_type.startswith("multipart/"):
        recovered = _recover_multipart(part)
        if recovered is not None:
            problems.append("the parts were read with the boundary actually used")
            _walk(recovered, parsed, texts, htmls, problems, depth=depth + 1)
            return
    disposition = (part.get_content_disposition() or "").lower()
    filename = _text(part.get_filename() or "")
    payload = _payload(part, problems)
    is_body_text = (
        content_type in ("text/plain", "text/html") and disposition != "attachment" and not filename
    )
    if is_body_text:
        text = _decode(payload, part.get_content_charset(), problems)
        (htmls if content_type == "text/html" else texts).append(text)
        return
    if content_type.startswith("multipart/"):
        # A multipart whose parts cannot be found: keep its body as a file.
        problems.append("a multipart part has no readable parts; its body is kept as a file")
        filename = filename or "unreadable-part.txt"
    if content_type == "message/rfc822" and not filename:
        filename = "attached-message.eml"
    parsed.attachments.append(
        ParsedAttachment(
            filename=_safe_filename(filename, content_type, len(parsed.attachments) + 1),
            content_type=content_type,
            content=payload,
            content_id=_first_id(part.get("Content-ID")),
            inline=disposition == "inline",
        )
    )


_BOUNDARY_LINE = re.compile(r"^--(?P<boundary>[^\s]{1,200}?)(?:--)?[ \t]*\r?$", re.MULTILINE)


def _recover_multipart(part: email.message.Message) -> email.message.Message | None:
    """Re-read a multipart whose declared boundary never occurs, with the one used."""
    body = part.get_payload()
    if not isinstance(body, str):
        return None
    found = _BOUNDARY_LINE.search(body)
    if found is None or found.group("boundary") == part.get_param("boundary"):
        return None
    rebuilt = (
        f'Content-Type: {part.get_content_type()}; boundary="{found.group("boundary")}"\n\n{body}'
    )
    recovered = email.message_from_string(rebuilt, policy=email.policy.compat32)
    return recovered if recovered.is_multipart() else None


def _payload(part: email.message.Message, problems: list[str]) -> bytes:
    if part.get_content_type() == "message/rfc822" or part.is_multipart():
        # compat32 parses an attached message into sub-parts; keep it as bytes.
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], email.message.Message):
            return inner[0].as_bytes(policy=email.policy.compat32)
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:
        problems.append(f"a part could not be decoded: {exc}")
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""


def _decode(data: bytes, charset: str | None, problems: list[str]) -> str:
    if charset:
        try:
            return data.decode(charset)
        except LookupError:
            problems.append(f"unknown charset {charset!r}; the text was decoded by guessing")
        except UnicodeDecodeError:
            problems.append(
                f"the text is not valid {charset!r} as declared; it was decoded by guessing"
            )
    return decode_bytes(data, None)


def _text(value: object) -> str:
    """A header value with RFC 2047 words and stray 8-bit bytes decoded."""
    if value is None:
        return ""
    if isinstance(value, email.header.Header):
        try:
            return " ".join(str(make_header(decode_header(str(value)))).split())
        except Exception:
            value = str(value)
    text = str(value)
    if any("\udc80" <= c <= "\udcff" for c in text):
        text = decode_bytes(text.encode("utf-8", "surrogateescape"), None)
    if "=?" in text:
        text = _decode_words(text)
    return " ".join(text.split())


def _decode_words(text: str) -> str:
    try:
        pieces = []
        for chunk, charset in decode_header(text):
            pieces.append(decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk)
    except Exception:  # malformed encoded words: keep them as written
        return text
    return "".join(pieces)


_ANGLE_ADDRESS = re.compile(r"^\s*(?P<name>[^<>]*?)\s*<(?P<address>[^<>]*)>\s*$", re.DOTALL)


def _addresses(values: list) -> list[tuple[str, str]]:
    found = []
    pairs: list[tuple[str, str]] = []
    for value in values:
        text = _text(value)
        single = _ANGLE_ADDRESS.match(text)
        if single and "," not in re.sub(r'"[^"]*"', "", single.group("name")):
            # "purchasing@buyer.com <x@elsewhere>": the address in angle brackets is the
            # sender; an address written as the name is only what the reader sees.
            pairs.append((single.group("name").strip().strip('"').strip(), single["address"]))
        else:
            pairs.extend(getaddresses([text]))
    for name, address in pairs:
        name, address = name.strip(), address.strip()
        if address and "@" in address:
            found.append((name[:200], address[:320]))
        elif name or address:
            found.append(((name or address)[:200], ""))
    return found


def _first_address(values: list) -> tuple[str, str]:
    for name, address in _addresses(values):
        if address:
            return name, address
    return "", ""


def _first_id(value: object) -> str:
    ids = split_message_ids(_text(value))
    if ids:
        return ids[0]
    text = _text(value).strip().strip("<>").strip()
    return text[:490] if text and " " not in text else ""


def split_message_ids(text: str) -> list[str]:
    """The Message-IDs in a References or In-Reply-To header, without angle brackets."""
    return list(dict.fromkeys(_MSG_ID.findall(text or "")))[:100]


def _date(value: object) -> datetime.datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return parsed.astimezone(datetime.UTC)


_UNSAFE_FILENAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def _safe_filename(filename: str, content_type: str, number: int) -> str:
    """A file name fit for Content-Disposition and the file system: no paths."""
    name = _UNSAFE_FILENAME.sub("_", filename).strip(" ._")[:200]
    if name:
        return name
    extension = {
        "application/pdf": ".pdf",
        "image/png": ".png",
        "image/jpeg": ".jpg",
        "image/gif": ".gif",
        "text/plain": ".txt",
        "text/html": ".html",
        "message/rfc822": ".eml",
    }.get(content_type, ".bin")
    return f"attachment-{number}{extension}"
