"""The outbox's side of ``chengxin.notifications.delivery``: a message to a user, by
e-mail and, when asked, by WhatsApp (named by the setting ``CHENGXIN_USER_DELIVERY``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from chengxin.outbox.models import Kind, OutboundMessage
from chengxin.outbox.services import chat_channel_configured, outbox_enqueue


def deliver_to_user(
    user,
    *,
    subject: str,
    body: str,
    purpose: str,
    chat: bool = False,
    related_type: str,
    related_id: str,
) -> list[OutboundMessage]:
    """Queue the message to the user's e-mail address (if any) and, with ``chat``, to
    their phone by WhatsApp when it is configured and the number can take it. The
    messages queued."""
    queued = []
    if user.email:
        queued.append(
            outbox_enqueue(
                actor=None,
                to=user.email,
                subject=subject,
                body_text=body,
                purpose=purpose,
                related_type=related_type,
                related_id=related_id,
            )
        )
    if chat and user.phone and chat_channel_configured(Kind.WHATSAPP):
        try:
            queued.append(
                outbox_enqueue(
                    actor=None,
                    to=user.phone,
                    kind=Kind.WHATSAPP,
                    subject=subject,
                    body_text=body,
                    purpose=purpose,
                    related_type=related_type,
                    related_id=related_id,
                )
            )
        except ValidationError:
            pass  # a number WhatsApp cannot take: the other channels remain
    return queued
