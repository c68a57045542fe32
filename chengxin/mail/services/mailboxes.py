"""Mailboxes: connecting, changing, testing and disconnecting them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import audit_record, snapshot
from chengxin.core import crypto
from chengxin.core.lengths import length_errors
from chengxin.mail import hosts
from chengxin.mail.models import Mailbox, Security
from chengxin.mail.permissions import require_manage_mailbox
from chengxin.mail.transport import Connection, ImapTransport, MailTransport, TransportError

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


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
