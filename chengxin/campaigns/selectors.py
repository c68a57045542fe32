"""Reading campaigns."""

from __future__ import annotations

from chengxin.campaigns.models import Recipient
from chengxin.campaigns.tokens import MAX_TOKEN_LENGTH, token_digest


def recipient_by_token(token: str) -> Recipient | None:
    """The recipient whose personal link carries ``token``, or None (also for malformed
    tokens, so that a wrong link and a made-up one look the same)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return (
        Recipient.objects.select_related(
            "plan__new_account", "plan__old_account", "company", "contact"
        )
        .filter(token_digest=token_digest(token))
        .first()
    )
