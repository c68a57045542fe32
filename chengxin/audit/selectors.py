from __future__ import annotations

from django.db.models import QuerySet

from chengxin.audit.chain import Break, first_break
from chengxin.audit.models import AuditEntry, ChainHead
from chengxin.audit.services import audit_entries_in_order


def audit_timeline_for_companies(*, company_ids: list[int], limit: int = 200) -> QuerySet:
    return (
        AuditEntry.objects.filter(company_id__in=company_ids)
        .select_related("actor")
        .order_by("-seq")[:limit]
    )


def audit_chain_first_break() -> Break | None:
    """The first broken entry, or None. Also catches entries cut off the end,
    by comparing the last entry with the chain head written alongside it."""
    broken = first_break(audit_entries_in_order())
    if broken is not None:
        return broken
    head = ChainHead.objects.filter(pk=1).first()
    last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
    last_seq, last_hash = last if last else (0, None)
    if head is not None and head.seq != last_seq:
        return Break(last_seq + 1, "missing")
    if head is not None and last_hash is not None and head.hash != last_hash:
        return Break(last_seq, "content")
    return None
