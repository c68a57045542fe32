"""The local mail catcher: an SMTP server on loopback that keeps what it is given.

``chengxin start`` runs it for the demo when no SMTP relay is configured, and points
the outbox at it, so a newcomer can read in the browser what Chengxin sent instead of
seeing every message wait with "connection refused". Nothing is delivered anywhere:
each message is stored as received in a Maildir (``DATA_DIR/mail-catcher``), which
the catcher pages list and show (administrators and managers only).
"""

from __future__ import annotations

import datetime
import mailbox
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path

from aiosmtpd.controller import Controller
from django.conf import settings

from chengxin.accounts.models import Role
from chengxin.core.safe_html import sanitize_html

__all__ = [
    "CaughtMessage",
    "CaughtMessageDetail",
    "catcher_dir",
    "catcher_start",
    "may_read_caught_mail",
    "caught_get",
    "caught_list",
]

FOLDER_NAME = "mail-catcher"
# Header the catcher adds with the envelope's recipients (what the relay was told).
ENVELOPE_TO = "X-Chengxin-Envelope-To"
LIST_LIMIT = 500


def may_read_caught_mail(user) -> bool:
    """Administrators and managers: the catcher holds everyone's letters to every buyer."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role in (Role.ADMIN, Role.MANAGER)
    )


def catcher_dir() -> Path:
    """Where the caught messages are kept (read from settings now, not at import)."""
    return Path(settings.DATA_DIR) / FOLDER_NAME


def _maildir(folder: Path, *, create: bool = False) -> mailbox.Maildir:
    return mailbox.Maildir(folder, factory=None, create=create)


class CatcherHandler:
    """aiosmtpd handler: every message is accepted and added to the Maildir."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        _maildir(folder, create=True)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        recipients = ", ".join(envelope.rcpt_tos)
        header = f"{ENVELOPE_TO}: {recipients}\r\n".encode("ascii", "replace")
        _maildir(self.folder).add(header + content)
        return "250 Message accepted for delivery"


def catcher_start(*, host: str, port: int, folder: Path) -> Controller:
    """Listen on ``host``:``port`` until the returned controller's ``stop()``."""
    controller = Controller(CatcherHandler(folder), hostname=host, port=port)
    controller.start()
    return controller


# --- reading what was caught ---------------------------------------------------------------


@dataclass(frozen=True)
class CaughtMessage:
    key: str
    subject: str
    sender: str
    to: str
    dated_at: datetime.datetime | None
    received_at: datetime.datetime


@dataclass(frozen=True)
class CaughtAttachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class CaughtMessageDetail:
    summary: CaughtMessage
    text: str
    html: str  # sanitised
    blocked_images: int
    attachments: list[CaughtAttachment] = field(default_factory=list)
    envelope_to: str = ""


def _parse(raw: bytes) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(raw)  # type: ignore[return-value]


def _header(message: EmailMessage, name: str) -> str:
    try:
        return str(message.get(name, "") or "")
    except (ValueError, TypeError, IndexError):  # a malformed header is shown as empty
        return ""


def _date(message: EmailMessage) -> datetime.datetime | None:
    try:
        value = parsedate_to_datetime(_header(message, "Date"))
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo is not None else None


def _summary(key: str, message: EmailMessage, received_at: datetime.datetime) -> CaughtMessage:
    return CaughtMessage(
        key=key,
        subject=_header(message, "Subject"),
        sender=_header(message, "From"),
        to=_header(message, "To") or _header(message, ENVELOPE_TO),
        dated_at=_date(message),
        received_at=received_at,
    )


def _received_at(folder: Path, box: mailbox.Maildir, key: str) -> datetime.datetime:
    path = folder / box._lookup(key)  # noqa: SLF001 - Maildir keeps the relative path
    return datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC)


def caught_list(*, folder: Path | None = None, limit: int = LIST_LIMIT) -> list[CaughtMessage]:
    """The caught messages, newest first (headers only)."""
    folder = folder or catcher_dir()
    if not folder.is_dir():
        return []
    box = _maildir(folder)
    found = []
    for key in box.iterkeys():
        try:
            received_at = _received_at(folder, box, key)
            with box.get_file(key) as handle:
                headers = BytesParser(policy=policy.default).parse(handle, headersonly=True)
        except (KeyError, OSError):  # removed meanwhile
            continue
        found.append(_summary(key, headers, received_at))  # type: ignore[arg-type]
    found.sort(key=lambda m: (m.received_at, m.key), reverse=True)
    return found[:limit]


def caught_get(*, key: str, folder: Path | None = None) -> CaughtMessageDetail:
    """One caught message, its HTML sanitised like inbound mail; KeyError if unknown."""
    folder = folder or catcher_dir()
    if not folder.is_dir():
        raise KeyError(key)
    box = _maildir(folder)
    try:
        raw = box.get_bytes(key)
        received_at = _received_at(folder, box, key)
    except OSError as exc:
        raise KeyError(key) from exc
    message = _parse(raw)
    text = html = ""
    attachments = []
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        content_type = part.get_content_type()
        if disposition == "attachment" or (
            disposition == "inline" and part.get_filename() is not None
        ):
            payload = part.get_payload(decode=True) or b""
            attachments.append(
                CaughtAttachment(part.get_filename() or "", content_type, len(payload))
            )
        elif content_type == "text/plain" and not text:
            text = _content(part)
        elif content_type == "text/html" and not html:
            html = _content(part)
    sanitized = sanitize_html(html)
    return CaughtMessageDetail(
        summary=_summary(key, message, received_at),
        text=text,
        html=sanitized.html,
        blocked_images=sanitized.blocked_images,
        attachments=attachments,
        envelope_to=_header(message, ENVELOPE_TO),
    )


def _content(part) -> str:
    try:
        return part.get_content()
    except (LookupError, ValueError):  # an unknown charset: show what can be read
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace")
