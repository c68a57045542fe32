"""Building raw test messages (RFC 5322 bytes) with the standard library."""

from __future__ import annotations

import datetime
import itertools
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

_seq = itertools.count(1)


def make_raw(
    *,
    sender: str = "Anna Schmidt <anna.schmidt@mueller-maschinen.de>",
    to: str = "Li Na <li.na@chengxin-export.cn>",
    subject: str = "Order 4711: delivery schedule",
    text: str = "Dear Li Na,\n\nplease find the delivery schedule for order 4711 attached.\n\nBest regards\nAnna",
    html: str | None = None,
    reply_to: str | None = None,
    message_id: str | None = None,
    in_reply_to: str | None = None,
    references: str | None = None,
    cc: str | None = None,
    date: datetime.datetime | None = None,
    attachments: list[tuple[str, str, bytes]] = (),
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = subject
    message["Date"] = format_datetime(
        date or datetime.datetime(2025, 3, 4, 9, 30, next(_seq) % 60, tzinfo=datetime.UTC)
    )
    message["Message-ID"] = message_id or make_msgid(domain="mueller-maschinen.de")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if references:
        message["References"] = references
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for filename, content_type, content in attachments:
        maintype, subtype = content_type.split("/")
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return bytes(message)
