"""Storing inbound mail: ``message_ingest`` is the one door every message is stored
through (IMAP poll, uploaded file, command line).

It stores the raw bytes first, so a message that cannot be parsed is still kept, then
what could be read, the attachments, the conversation it belongs to and the customer it
concerns. What happens next (the guard's assessment and what follows) is the inbound
pipeline's (``chengxin.inbound.pipeline``), which calls this.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from chengxin.accounts.models import User
from chengxin.core.sanitize import sanitize_html
from chengxin.mail.models import Attachment, Mailbox, Message, MessageLocation, Thread
from chengxin.mail.parsing import ParsedMail, parse_mail
from chengxin.mail.services.cleaning import canonical_address, db_text
from chengxin.mail.services.linking import link_for
from chengxin.mail.services.threads import thread_for

logger = logging.getLogger("chengxin.mail")


@dataclass(frozen=True)
class Location:
    folder: str
    uidvalidity: int
    uid: int


@dataclass(frozen=True)
class IngestResult:
    message: Message
    created: bool


def _max_parse_bytes() -> int:
    return settings.CHENGXIN_MAIL_MAX_PARSE_MB * 1_000_000


def _store_blob(prefix: str, content: bytes, suffix: str = "") -> tuple[str, str]:
    """Save ``content`` under a name made of its SHA-256 (the same file is kept once)."""
    digest = hashlib.sha256(content).hexdigest()
    name = f"{prefix}/{digest[:2]}/{digest}{suffix}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(content))
    return name, digest


def _body_bytes(raw: bytes) -> bytes:
    for separator in (b"\r\n\r\n", b"\n\n"):
        end = raw.find(separator)
        if end >= 0:
            return raw[end + len(separator) :]
    return b""


def _fingerprint(parsed: ParsedMail, from_key: str, raw: bytes) -> str:
    """Sender, date, subject and body bytes: the same for one message fetched from two
    mailboxes (only the delivery headers differ), different for a forged copy."""
    digest = hashlib.sha256()
    for part in (from_key, parsed.sent_at.isoformat() if parsed.sent_at else "", parsed.subject):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(hashlib.sha256(_body_bytes(raw).replace(b"\r\n", b"\n").rstrip()).digest())
    return digest.hexdigest()


def _duplicate_of(*, raw_sha256: str, message_id: str, fingerprint: str) -> Message | None:
    found = Message.objects.filter(raw_sha256=raw_sha256).first()
    if found is None and message_id:
        found = Message.objects.filter(message_id=message_id, fingerprint=fingerprint).first()
    return found


def _add_location(message: Message, mailbox: Mailbox | None, location: Location | None) -> None:
    if mailbox is None or location is None:
        return
    try:
        with transaction.atomic():
            MessageLocation.objects.create(
                message=message,
                mailbox=mailbox,
                folder=location.folder,
                uidvalidity=location.uidvalidity,
                uid=location.uid,
            )
    except IntegrityError:
        pass  # already recorded by a concurrent poll


def message_ingest(
    *,
    raw: bytes,
    source: str,
    mailbox: Mailbox | None = None,
    location: Location | None = None,
    uploaded_by: User | None = None,
) -> IngestResult:
    """Store one raw message once. Never raises for what is inside the message."""
    if mailbox is not None and location is not None:
        known = (
            MessageLocation.objects.filter(
                mailbox=mailbox,
                folder=location.folder,
                uidvalidity=location.uidvalidity,
                uid=location.uid,
            )
            .select_related("message")
            .first()
        )
        if known is not None:
            return IngestResult(known.message, created=False)
    parsed = _without_nul(parse_mail(raw, max_body_bytes=_max_parse_bytes()))
    from_key = canonical_address(parsed.from_address)
    raw_sha256 = hashlib.sha256(raw).hexdigest()
    fingerprint = _fingerprint(parsed, from_key, raw)
    duplicate = _duplicate_of(
        raw_sha256=raw_sha256, message_id=parsed.message_id[:500], fingerprint=fingerprint
    )
    if duplicate is not None:
        _add_location(duplicate, mailbox, location)
        return IngestResult(duplicate, created=False)
    raw_name, _digest = _store_blob("mail/raw", raw, ".eml")
    attachment_files = [
        (attachment, *_store_blob("mail/attachments", attachment.content))
        for attachment in parsed.attachments
    ]
    try:
        with transaction.atomic():
            message = _create_message(
                parsed=parsed,
                raw=raw,
                raw_name=raw_name,
                raw_sha256=raw_sha256,
                from_key=from_key,
                fingerprint=fingerprint,
                source=source,
                mailbox=mailbox,
                uploaded_by=uploaded_by,
            )
            Attachment.objects.bulk_create(
                Attachment(
                    message=message,
                    filename=db_text(attachment.filename, 255),
                    content_type=db_text(attachment.content_type, 255),
                    size=len(attachment.content),
                    sha256=digest,
                    file=name,
                    content_id=db_text(attachment.content_id, 500),
                    inline=attachment.inline,
                )
                for attachment, name, digest in attachment_files
            )
            _add_location(message, mailbox, location)
    except IntegrityError:
        # The same bytes were stored meanwhile (two polls, two uploads at once).
        message = Message.objects.get(raw_sha256=raw_sha256)
        _add_location(message, mailbox, location)
        return IngestResult(message, created=False)
    except Exception as exc:  # never lose a message to a bug in reading it
        logger.exception("Message %s could not be stored normally", raw_sha256)
        with transaction.atomic():
            message = Message.objects.create(
                source=source,
                mailbox=mailbox,
                uploaded_by=uploaded_by,
                fingerprint=fingerprint,
                raw=raw_name,
                raw_size=len(raw),
                raw_sha256=raw_sha256,
                parse_error=db_text(
                    f"Chengxin could not process this message ({type(exc).__name__}: {exc}); "
                    "it is stored as received."
                ),
                dated_at=timezone.now(),
            )
            _add_location(message, mailbox, location)
    return IngestResult(message, created=True)


def _without_nul(parsed: ParsedMail) -> ParsedMail:
    """Every text field without NUL characters, which PostgreSQL refuses even in queries."""
    for name, value in vars(parsed).items():
        if isinstance(value, str):
            setattr(parsed, name, db_text(value))
    parsed.references = [db_text(i) for i in parsed.references]
    parsed.to = [(db_text(n), db_text(a)) for n, a in parsed.to]
    parsed.cc = [(db_text(n), db_text(a)) for n, a in parsed.cc]
    return parsed


def _pairs(pairs: Sequence[tuple[str, str]]) -> list[list[str]]:
    return [[db_text(name, 200), db_text(address, 320)] for name, address in pairs[:200]]


def _create_message(
    *,
    parsed: ParsedMail,
    raw: bytes,
    raw_name: str,
    raw_sha256: str,
    from_key: str,
    fingerprint: str,
    source: str,
    mailbox: Mailbox | None,
    uploaded_by: User | None,
) -> Message:
    now = timezone.now()
    sanitized = sanitize_html(parsed.html)
    dated_at = min(parsed.sent_at, now) if parsed.sent_at else now
    thread = thread_for(parsed, from_key=from_key, dated_at=dated_at)
    contact, company, reason = link_for(from_key, thread)
    message = Message.objects.create(
        source=source,
        mailbox=mailbox,
        uploaded_by=uploaded_by,
        message_id=db_text(parsed.message_id, 500),
        fingerprint=fingerprint,
        raw=raw_name,
        raw_size=len(raw),
        raw_sha256=raw_sha256,
        parse_error=db_text(parsed.parse_error),
        from_name=db_text(parsed.from_name, 200),
        from_address=db_text(parsed.from_address, 320),
        from_key=db_text(from_key, 320),
        reply_to_name=db_text(parsed.reply_to_name, 200),
        reply_to_address=db_text(parsed.reply_to_address, 320),
        return_path=db_text(parsed.return_path, 320),
        to=_pairs(parsed.to),
        cc=_pairs(parsed.cc),
        subject=db_text(parsed.subject, 998),
        sent_at=parsed.sent_at,
        received_at=now,
        dated_at=dated_at,
        text_body=db_text(parsed.text),
        html_body=db_text(sanitized.html),
        blocked_images=sanitized.blocked_images,
        in_reply_to=db_text(parsed.in_reply_to, 500),
        references=[db_text(i, 500) for i in parsed.references],
        thread=thread,
        contact=contact,
        company=company,
        link_reason=reason,
    )
    if thread.last_message_at < dated_at:
        Thread.objects.filter(pk=thread.pk).update(last_message_at=dated_at)
    if thread.first_message_at > dated_at:
        Thread.objects.filter(pk=thread.pk).update(first_message_at=dated_at)
    return message
