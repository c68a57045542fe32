"""Re-assessing stored mail from a sender just blocked, so that it shows as critical too."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import import_string

from chengxin.guard.models import BlockKind
from chengxin.mail.models import Message
from chengxin.parties.models import Company

logger = logging.getLogger("chengxin.guard")

#: At most this many stored messages are re-assessed after a sender is blocked.
REASSESS_LIMIT = 200


def mail_from_blocked(company: Company, blocked: list[dict], *, exclude_pk: int) -> list[int]:
    """Stored messages about ``company`` (or about no customer) from a sender just blocked
    and not closed yet: they are assessed again, so they show as critical too."""
    from chengxin.parties.selectors import company_history_ids

    condition = Q()
    for block in blocked:
        if block["kind"] == BlockKind.ADDRESS:
            condition |= Q(from_key=block["value"])
        else:
            condition |= Q(from_key__endswith="@" + block["value"])
            condition |= Q(from_key__endswith="." + block["value"])
    return list(
        Message.objects.filter(condition)
        .filter(Q(company_id__in=company_history_ids(company)) | Q(company__isnull=True))
        .exclude(pk=exclude_pk)
        .exclude(assessment__safe_confirmed_at__isnull=False)
        .exclude(assessment__fraud_confirmed_at__isnull=False)
        .order_by("-pk")
        .values_list("pk", flat=True)[:REASSESS_LIMIT]
    )


def reassess(message_ids: list[int]) -> None:
    """Assess the messages again the way every message is (the inbound pipeline, named by
    the setting: the guard does not reach above itself by import)."""
    process = import_string(settings.CHENGXIN_GUARD_REASSESS)
    for message in Message.objects.filter(pk__in=message_ids):
        try:
            process(message=message)
        except Exception:  # one broken message never stops the others
            logger.exception("Re-assessing message %s after a block failed", message.pk)
