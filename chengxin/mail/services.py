"""Storing inbound mail and managing mailboxes.

``message_ingest`` is the one door every message comes in through (IMAP poll,
uploaded file, command line): it stores the raw bytes first, so a message that
cannot be parsed is still kept, then what could be read, the attachments, the
conversation it belongs to and the customer it concerns; once committed, the
guard assesses it.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import audit_record, snapshot
from chengxin.core import crypto
from chengxin.core.lengths import length_errors
from chengxin.core.safe_html import sanitize_html
from chengxin.mail import hosts
from chengxin.mail.conversation import subject_key
from chengxin.mail.models import (
    Attachment,
    LinkReason,
    Mailbox,
    Message,
    MessageLocation,
    Security,
    Source,
    Thread,
)
from chengxin.mail.parsing import ParsedMail, looks_like_message, parse_mail
from chengxin.mail.permissions import require_manage_mailbox
from chengxin.mail.transport import (
    Connection,
    ImapTransport,
    MailTransport,
    TransportError,
)
from chengxin.parties import normalize
from chengxin.parties.models import Channel, ChannelKind, Company, CompanyDomain, Contact

logger = logging.getLogger("chengxin.mail")

# How far back a subject-only match may join a conversation.
THREAD_BY_SUBJECT_DAYS = 60
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


# --- storing messages -------------------------------------------------------------------


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


def _canonical_address(address: str) -> str:
    if not address:
        return ""
    try:
        return normalize.normalize_email(address).canonical
    except ValidationError:
        return address.strip().lower()[:320]


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
    from_key = _canonical_address(parsed.from_address)
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
                    filename=_text(attachment.filename, 255),
                    content_type=_text(attachment.content_type, 255),
                    size=len(attachment.content),
                    sha256=digest,
                    file=name,
                    content_id=_text(attachment.content_id, 500),
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
                parse_error=_text(
                    f"Chengxin could not process this message ({type(exc).__name__}: {exc}); "
                    "it is stored as received."
                ),
                dated_at=timezone.now(),
            )
            _add_location(message, mailbox, location)
    transaction.on_commit(lambda: _assess_after_commit(message.pk))
    return IngestResult(message, created=True)


def _assess_after_commit(message_pk: int) -> None:
    from chengxin.guard.services import message_assess

    try:
        message_assess(message=Message.objects.get(pk=message_pk))
    except Exception:  # the scheduled sweep assesses it later
        logger.exception("Assessing message %s failed; it will be retried", message_pk)


def _without_nul(parsed: ParsedMail) -> ParsedMail:
    """Every text field without NUL characters, which PostgreSQL refuses even in queries."""
    for name, value in vars(parsed).items():
        if isinstance(value, str):
            setattr(parsed, name, _text(value))
    parsed.references = [_text(i) for i in parsed.references]
    parsed.to = [(_text(n), _text(a)) for n, a in parsed.to]
    parsed.cc = [(_text(n), _text(a)) for n, a in parsed.cc]
    return parsed


def _text(value: str, limit: int | None = None) -> str:
    """Text fit for any database: no NUL characters (PostgreSQL refuses them)."""
    cleaned = value.replace("\x00", "\ufffd") if "\x00" in value else value
    return cleaned[:limit] if limit else cleaned


def _pairs(pairs: Sequence[tuple[str, str]]) -> list[list[str]]:
    return [[_text(name, 200), _text(address, 320)] for name, address in pairs[:200]]


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
    thread = _thread_for(parsed, from_key=from_key, dated_at=dated_at)
    contact, company, reason = _link(from_key, thread)
    message = Message.objects.create(
        source=source,
        mailbox=mailbox,
        uploaded_by=uploaded_by,
        message_id=_text(parsed.message_id, 500),
        fingerprint=fingerprint,
        raw=raw_name,
        raw_size=len(raw),
        raw_sha256=raw_sha256,
        parse_error=_text(parsed.parse_error),
        from_name=_text(parsed.from_name, 200),
        from_address=_text(parsed.from_address, 320),
        from_key=_text(from_key, 320),
        reply_to_name=_text(parsed.reply_to_name, 200),
        reply_to_address=_text(parsed.reply_to_address, 320),
        return_path=_text(parsed.return_path, 320),
        to=_pairs(parsed.to),
        cc=_pairs(parsed.cc),
        subject=_text(parsed.subject, 998),
        sent_at=parsed.sent_at,
        received_at=now,
        dated_at=dated_at,
        text_body=_text(parsed.text),
        html_body=_text(sanitized.html),
        blocked_images=sanitized.blocked_images,
        in_reply_to=_text(parsed.in_reply_to, 500),
        references=[_text(i, 500) for i in parsed.references],
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


# --- conversations ---------------------------------------------------------------------------


def own_domains() -> frozenset[str]:
    return frozenset(settings.CHENGXIN_OWN_DOMAINS)


def _external(addresses: Sequence[str]) -> set[str]:
    own = own_domains()
    return {a for a in addresses if a and a.rpartition("@")[2] not in own}


def _participants(message: Message | ParsedMail, from_key: str) -> set[str]:
    pairs = [*message.to, *message.cc]
    return _external([from_key, *(_canonical_address(address) for _name, address in pairs)])


def _thread_for(parsed: ParsedMail, *, from_key: str, dated_at: datetime.datetime) -> Thread:
    ids = [i for i in (parsed.in_reply_to, *parsed.references) if i]
    if ids:
        parent = (
            Message.objects.filter(message_id__in=ids, thread__isnull=False)
            .order_by("-dated_at")
            .first()
        )
        if parent is not None:
            return parent.thread
    if parsed.message_id:
        child = Message.objects.filter(in_reply_to=parsed.message_id, thread__isnull=False).first()
        if child is not None:
            return child.thread
    key = subject_key(parsed.subject)
    if len(key) >= 3:
        participants = _participants(parsed, from_key)
        window = datetime.timedelta(days=THREAD_BY_SUBJECT_DAYS)
        candidates = Thread.objects.filter(
            subject_key=key,
            last_message_at__gte=dated_at - window,
            first_message_at__lte=dated_at + window,
        )
        for thread in candidates.order_by("-last_message_at")[:5]:
            for other in thread.messages.only("from_key", "to", "cc")[:50]:
                if participants & _participants(other, other.from_key):
                    return thread
    return Thread.objects.create(
        subject=_text(parsed.subject, 998),
        subject_key=_text(key),
        first_message_at=dated_at,
        last_message_at=dated_at,
    )


# --- linking to customers --------------------------------------------------------------------


def _surviving(company: Company | None) -> Company | None:
    seen = set()
    while company is not None and company.merged_into_id and company.pk not in seen:
        seen.add(company.pk)
        company = company.merged_into
    return company


def _link(from_key: str, thread: Thread | None) -> tuple[Contact | None, Company | None, str]:
    if from_key and "@" in from_key:
        channel = (
            Channel.objects.filter(kind=ChannelKind.EMAIL, value=from_key)
            .select_related("contact__company")
            .order_by("-is_active", "-is_primary", "-id")
            .first()
        )
        if channel is not None:
            contact = channel.contact
            return contact, _surviving(contact.company), LinkReason.CONTACT
        company = company_for_domain(from_key.rpartition("@")[2])
        if company is not None:
            return None, company, LinkReason.DOMAIN
    if thread is not None and thread.pk:
        linked = (
            Message.objects.filter(thread=thread, company__isnull=False)
            .exclude(link_reason=LinkReason.LOOKALIKE)
            .select_related("company")
            .order_by("-dated_at")
            .first()
        )
        if linked is not None:
            return None, _surviving(linked.company), LinkReason.THREAD
    return None, None, LinkReason.NONE


def company_for_domain(domain: str) -> Company | None:
    """The one customer that owns ``domain`` (or a parent of it); None if none or several."""
    labels = domain.lower().strip(".").split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    if not candidates:
        return None
    rows = list(
        CompanyDomain.objects.filter(domain__in=candidates).select_related("company__merged_into")
    )
    if not rows:
        return None
    longest = max(len(row.domain) for row in rows)
    companies = {_surviving(row.company) for row in rows if len(row.domain) == longest}
    return companies.pop() if len(companies) == 1 else None


def message_link_to_imitated(*, message: Message, company: Company) -> Message:
    """The guard found the sender imitating ``company``: show the message on its page."""
    if message.company_id is None:
        message.company = company
        message.link_reason = LinkReason.LOOKALIKE
        message.save(update_fields=["company", "link_reason"])
    return message


# --- mailboxes -------------------------------------------------------------------------------


@dataclass
class MailboxInput:
    name: str
    host: str
    port: int
    security: str
    username: str
    password: str = field(default="", repr=False)  # empty on update: keep the stored one
    folder: str = "INBOX"
    is_active: bool = True
    shared: bool = False
    members: Sequence[User] = ()


def _host_refusal(host: str, port: int) -> str | None:
    """Why the host may not be used, or None. A name that does not resolve now is not
    refused (it is checked again at every connection)."""
    if settings.CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS:
        return None
    try:
        addresses = hosts.resolve(host, port if 0 < port < 65536 else 993)
    except (OSError, UnicodeError, ValueError):
        return None
    if all(hosts.is_public_address(address) for address in addresses):
        return None
    return _(
        "This server is on a private, loopback or reserved address. Mailboxes may only use "
        "mail servers on the Internet unless an administrator allows private ones."
    )


def _clean_mailbox(data: MailboxInput, *, creating: bool) -> MailboxInput:
    errors: dict[str, list[str]] = {}
    host = (data.host or "").strip().lower()
    if not host:
        errors["host"] = [_("The server's name is required.")]
    if data.security not in Security.values:
        errors["security"] = [_("Unknown security setting.")]
    elif data.security == Security.NONE and host not in LOCAL_HOSTS:
        errors["security"] = [
            _(
                "Without encryption the password would cross the network readable by anyone; "
                "use SSL/TLS or STARTTLS."
            )
        ]
    if not (0 < int(data.port or 0) < 65536):
        errors["port"] = [_("The port must be between 1 and 65535.")]
    if not (data.username or "").strip():
        errors["username"] = [_("The user name is required.")]
    if creating and not data.password:
        errors["password"] = [_("The password is required.")]
    if host and "host" not in errors:
        host_error = _host_refusal(host, int(data.port or 0))
        if host_error:
            errors["host"] = [host_error]
    errors.update(
        length_errors(
            Mailbox,
            name=(data.name or "").strip(),
            host=host,
            username=(data.username or "").strip(),
            folder=(data.folder or "").strip(),
        )
    )
    if errors:
        raise ValidationError(errors)
    return MailboxInput(
        # A name made up from the user and host is cut to fit; a typed one was checked.
        name=(data.name or "").strip() or f"{data.username.strip()}@{host}"[:100],
        host=host,
        port=int(data.port),
        security=data.security,
        username=data.username.strip(),
        password=data.password,
        folder=(data.folder or "").strip() or "INBOX",
        is_active=data.is_active,
        shared=data.shared,
        members=list(data.members),
    )


@transaction.atomic
def mailbox_create(*, actor: User, data: MailboxInput) -> Mailbox:
    """A personal mailbox for ``actor``, or (managers only) a shared one."""
    if data.shared and not actor.edits_all_customers:
        raise PermissionDenied(_("Only a manager may connect a shared mailbox."))
    clean = _clean_mailbox(data, creating=True)
    mailbox = Mailbox.objects.create(
        name=clean.name,
        owner=None if clean.shared else actor,
        host=clean.host,
        port=clean.port,
        security=clean.security,
        username=clean.username,
        password_encrypted=crypto.encrypt(clean.password),
        folder=clean.folder,
        is_active=clean.is_active,
        created_by=actor,
    )
    if clean.shared:
        mailbox.members.set(clean.members)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        instance=mailbox,
        after=snapshot(mailbox, extra={"members": [u.pk for u in clean.members]}),
    )
    return mailbox


@transaction.atomic
def mailbox_update(*, actor: User, mailbox: Mailbox, data: MailboxInput) -> Mailbox:
    require_manage_mailbox(actor, mailbox)
    clean = _clean_mailbox(data, creating=False)
    before = snapshot(
        mailbox, extra={"members": sorted(mailbox.members.values_list("pk", flat=True))}
    )
    moved = (clean.host, clean.username, clean.folder) != (
        mailbox.host,
        mailbox.username,
        mailbox.folder,
    )
    mailbox.name = clean.name
    mailbox.host = clean.host
    mailbox.port = clean.port
    mailbox.security = clean.security
    mailbox.username = clean.username
    mailbox.folder = clean.folder
    mailbox.is_active = clean.is_active
    fields = ["name", "host", "port", "security", "username", "folder", "is_active", "updated_at"]
    if clean.password:
        mailbox.password_encrypted = crypto.encrypt(clean.password)
        fields.append("password_encrypted")
    if moved:
        # Another server or folder: its UIDs mean nothing here.
        mailbox.uidvalidity, mailbox.last_uid = None, 0
        fields += ["uidvalidity", "last_uid"]
    mailbox.save(update_fields=fields)
    if mailbox.is_shared:
        mailbox.members.set(clean.members)
    after = snapshot(
        mailbox,
        extra={
            "members": sorted(mailbox.members.values_list("pk", flat=True)),
            **({"password": "changed"} if clean.password else {}),
        },
    )
    audit_record(actor=actor, action=Action.UPDATE, instance=mailbox, before=before, after=after)
    return mailbox


@transaction.atomic
def mailbox_delete(*, actor: User, mailbox: Mailbox) -> None:
    """Stop reading the mailbox. Its messages stay (a customer's history is not lost)."""
    require_manage_mailbox(actor, mailbox)
    audit_record(actor=actor, action=Action.DELETE, instance=mailbox, before=snapshot(mailbox))
    mailbox.delete()


def mailbox_connection(mailbox: Mailbox, *, timeout: float | None = None) -> Connection:
    extra = {} if timeout is None else {"timeout": timeout}
    return Connection(
        host=mailbox.host,
        port=mailbox.port,
        security=mailbox.security,
        username=mailbox.username,
        password=crypto.decrypt(mailbox.password_encrypted),
        folder=mailbox.folder,
        allow_private_hosts=settings.CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS,
        **extra,
    )


def mailbox_test(*, actor: User, mailbox: Mailbox, transport: MailTransport | None = None) -> int:
    """Log in and open the folder; the number of messages in it. ValidationError if not."""
    require_manage_mailbox(actor, mailbox)
    transport = transport or ImapTransport()
    try:
        connection = mailbox_connection(mailbox, timeout=settings.CHENGXIN_MAIL_TEST_TIMEOUT)
        with transport.open(connection) as session:
            return session.message_count
    except (TransportError, crypto.DecryptionError) as exc:
        raise ValidationError(str(exc)) from exc


@dataclass
class PollResult:
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    error: str = ""
    skipped: bool = False


def mailbox_poll(
    *, mailbox: Mailbox, transport: MailTransport | None = None, limit: int | None = None
) -> PollResult:
    """Fetch what arrived since the last poll. Safe to run twice: nothing is stored twice.

    Two polls of one mailbox never run at once: each claims a lease first.
    """
    limit = limit or settings.CHENGXIN_MAIL_POLL_BATCH
    now = timezone.now()
    claimed = Mailbox.objects.filter(
        Q(poll_lease_until__isnull=True) | Q(poll_lease_until__lt=now), pk=mailbox.pk
    ).update(poll_lease_until=now + datetime.timedelta(minutes=15))
    if not claimed:
        return PollResult(skipped=True)
    result = PollResult()
    try:
        _poll(mailbox, transport or ImapTransport(), limit, result)
    except (TransportError, crypto.DecryptionError) as exc:
        result.error = str(exc)
    finally:
        finished = timezone.now()
        update = {"poll_lease_until": None, "last_polled_at": finished}
        update |= (
            {"last_error": result.error, "last_error_at": finished}
            if result.error
            else {"last_error": ""}
        )
        Mailbox.objects.filter(pk=mailbox.pk).update(**update)
    return result


def _poll(mailbox: Mailbox, transport: MailTransport, limit: int, result: PollResult) -> None:
    mailbox.refresh_from_db(fields=["uidvalidity", "last_uid"])
    with transport.open(mailbox_connection(mailbox)) as session:
        after = mailbox.last_uid
        if mailbox.uidvalidity != session.uidvalidity:
            # First poll, or the server renumbered the folder: read it again from
            # the start; messages already stored are recognised by Message-ID.
            after = 0
            Mailbox.objects.filter(pk=mailbox.pk).update(
                uidvalidity=session.uidvalidity, last_uid=0
            )
        for uid in session.uids_after(after)[:limit]:
            raw = session.fetch(uid)
            if raw is not None:
                result.fetched += 1
                ingested = message_ingest(
                    raw=raw,
                    source=Source.IMAP,
                    mailbox=mailbox,
                    location=Location(mailbox.folder, session.uidvalidity, uid),
                )
                if ingested.created:
                    result.stored += 1
                else:
                    result.duplicates += 1
            Mailbox.objects.filter(pk=mailbox.pk).update(last_uid=uid)


def mailbox_poll_all(*, transport: MailTransport | None = None) -> list[PollResult]:
    return [
        mailbox_poll(mailbox=mailbox, transport=transport)
        for mailbox in Mailbox.objects.filter(is_active=True).order_by("pk")
    ]


# --- uploads ---------------------------------------------------------------------------------


def message_upload(*, actor: User, raw: bytes) -> IngestResult:
    """An .eml file a user uploaded. They can see it afterwards even if it is linked to
    no customer."""
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionDenied(_("You must be logged in."))
    if not raw.strip():
        raise ValidationError({"file": [_("The file is empty.")]})
    if not looks_like_message(raw):
        raise ValidationError(
            {
                "file": [
                    _(
                        "This file is not an email message: a message (.eml) begins with "
                        "header lines such as From: and Subject:. Save the message from "
                        "your mail program and upload that file."
                    )
                ]
            }
        )
    result = message_ingest(raw=raw, source=Source.UPLOAD, uploaded_by=actor)
    if not result.created and result.message.uploaded_by_id is None:
        # Already stored from a mailbox the uploader may not read: they have the file,
        # so they may read the stored copy too.
        Message.objects.filter(pk=result.message.pk).update(uploaded_by=actor)
        result.message.uploaded_by = actor
    return result
