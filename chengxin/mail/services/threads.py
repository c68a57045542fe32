"""Conversations: which thread a stored message joins."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.conf import settings

from chengxin.mail.conversation import subject_key
from chengxin.mail.models import Message, Thread
from chengxin.mail.parsing import ParsedMail
from chengxin.mail.services.cleaning import canonical_address, db_text

# How far back a subject-only match may join a conversation.
THREAD_BY_SUBJECT_DAYS = 60


def own_domains() -> frozenset[str]:
    return frozenset(settings.CHENGXIN_OWN_DOMAINS)


def _external(addresses: Sequence[str]) -> set[str]:
    own = own_domains()
    return {a for a in addresses if a and a.rpartition("@")[2] not in own}


def _participants(message: Message | ParsedMail, from_key: str) -> set[str]:
    pairs = [*message.to, *message.cc]
    return _external([from_key, *(canonical_address(address) for _name, address in pairs)])


def thread_for(parsed: ParsedMail, *, from_key: str, dated_at: datetime.datetime) -> Thread:
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
        subject=db_text(parsed.subject, 998),
        subject_key=db_text(key),
        first_message_at=dated_at,
        last_message_at=dated_at,
    )
