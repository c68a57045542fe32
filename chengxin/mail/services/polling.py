"""Fetching new mail from mailboxes. Each message fetched is handed to ``receive``
(the inbound pipeline's door, which stores it and acts on it); nothing is stored twice.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from chengxin.core import crypto
from chengxin.mail.models import Mailbox, Source
from chengxin.mail.services.ingest import IngestResult, Location
from chengxin.mail.services.mailboxes import mailbox_connection
from chengxin.mail.transport import ImapTransport, MailTransport, TransportError

#: ``receive(raw=..., source=..., mailbox=..., location=...)``: store one message.
Receive = Callable[..., IngestResult]


@dataclass
class PollResult:
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    error: str = ""
    skipped: bool = False


def mailbox_poll(
    *,
    mailbox: Mailbox,
    receive: Receive,
    transport: MailTransport | None = None,
    limit: int | None = None,
) -> PollResult:
    """Fetch what arrived since the last poll and hand each message to ``receive``. Safe to
    run twice: nothing is stored twice.

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
        _poll(mailbox, receive, transport or ImapTransport(), limit, result)
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


def _poll(
    mailbox: Mailbox, receive: Receive, transport: MailTransport, limit: int, result: PollResult
) -> None:
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
                ingested = receive(
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


def mailbox_poll_all(
    *, receive: Receive, transport: MailTransport | None = None
) -> list[PollResult]:
    return [
        mailbox_poll(mailbox=mailbox, receive=receive, transport=transport)
        for mailbox in Mailbox.objects.filter(is_active=True).order_by("pk")
    ]
