"""Messages for the pipeline's tests, built as real RFC 5322 bytes."""

from __future__ import annotations

import datetime
import itertools
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

_seq = itertools.count()


def make_raw(
    *,
    sender: str = "Anna Schmidt <anna.schmidt@mueller-maschinen.de>",
    subject: str = "Order 4711",
    text: str = "Dear Li Na,\n\nthe delivery schedule is attached.\n\nAnna",
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Li Na <li.na@chengxin-export.cn>"
    message["Subject"] = subject
    message["Date"] = format_datetime(
        datetime.datetime(2025, 3, 4, 9, 30, next(_seq) % 60, tzinfo=datetime.UTC)
    )
    message["Message-ID"] = make_msgid(domain="mueller-maschinen.de")
    message.set_content(text)
    return message.as_bytes()
