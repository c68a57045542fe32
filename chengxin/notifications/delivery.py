"""Telling a user something outside the application (an e-mail, a chat message), for the
kernel apps, which stand below the outbox that carries it.

The implementation is named by the setting ``CHENGXIN_USER_DELIVERY`` (the outbox's
``chengxin.outbox.delivery.deliver_to_user``), so accounts and audit reach it without
importing the outbox.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


def deliver_to_user(
    user,
    *,
    subject: str,
    body: str,
    purpose: str,
    chat: bool = False,
    related_type: str = "accounts.user",
    related_id: str | None = None,
) -> list[Any]:
    """Queue ``subject`` and ``body`` (already in the user's language) for ``user``, in the
    caller's transaction: by e-mail when they have an address and, with ``chat``, by chat
    (WhatsApp) to their phone where this server can send it. What was queued, one item per
    channel used; each has the channel's name in ``kind`` ("email", "whatsapp").
    ``related_type``/``related_id`` say what it is about (default: the user)."""
    implementation = import_string(settings.CHENGXIN_USER_DELIVERY)
    return implementation(
        user,
        subject=subject,
        body=body,
        purpose=purpose,
        chat=chat,
        related_type=related_type,
        related_id=str(user.pk) if related_id is None else related_id,
    )
