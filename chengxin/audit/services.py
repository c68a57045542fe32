"""Writing to the audit trail. Every service that changes companies,
contacts, channels or users calls ``audit_record`` inside its transaction."""

from __future__ import annotations

import contextlib
import datetime
import decimal
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from chengxin.audit.chain import GENESIS, entry_hash
from chengxin.audit.context import current_origin
from chengxin.audit.models import Action, AuditEntry, ChainHead


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def snapshot(instance: models.Model, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The audited fields of an instance (its ``AUDIT_FIELDS``) as plain JSON values."""
    values: dict[str, Any] = {}
    for name in instance.AUDIT_FIELDS:  # type: ignore[attr-defined]
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        values[name] = _plain(getattr(instance, attname))
    if extra:
        values.update({k: _plain(v) for k, v in extra.items()})
    return values


@dataclass
class Change:
    action: str
    instance: models.Model
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    company_id: int | None = None
    label: str = ""


def _head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head = ChainHead.objects.create(pk=1, seq=0, hash=GENESIS)
    return head


def audit_record_many(*, actor, changes: Sequence[Change]) -> list[AuditEntry]:
    """Append entries for ``changes`` to the chain, in order, in the caller's transaction."""
    if not changes:
        return []
    entries: list[AuditEntry] = []
    with transaction.atomic():
        head = _head()
        now = timezone.now()
        seq, previous = head.seq, head.hash
        origin = current_origin()
        actor_id = getattr(actor, "pk", None)
        actor_name = str(actor) if actor is not None else ""
        for change in changes:
            seq += 1
            entry = AuditEntry(
                seq=seq,
                at=now,
                actor_id=actor_id,
                actor_name=actor_name[:150],
                origin=origin,
                action=change.action,
                object_type=change.instance._meta.model_name,
                object_id=str(change.instance.pk),
                object_label=(change.label or str(change.instance))[:300],
                company_id=change.company_id,
                before=change.before,
                after=change.after,
                prev_hash=previous,
            )
            entry.hash = entry_hash(previous, entry.chain_content())
            previous = entry.hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=1000)
        head.seq, head.hash = seq, previous
        head.save(update_fields=["seq", "hash"])
    return entries


def audit_record(
    *,
    actor,
    action: str,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    company_id: int | None = None,
    label: str = "",
) -> AuditEntry | None:
    """Append one entry. An update that changed nothing is not recorded."""
    if action == Action.UPDATE and before == after:
        return None
    return audit_record_many(
        actor=actor,
        changes=[Change(action, instance, before, after, company_id, label)],
    )[0]


@contextlib.contextmanager
def audited_update(
    *,
    actor,
    instance: models.Model,
    company_id: int | None = None,
    take: Callable[[models.Model], dict[str, Any]] = snapshot,
) -> Iterator[None]:
    """Record an update of ``instance``: its state is taken before and after the
    ``with`` block (by ``take``) and one entry is appended if anything changed."""
    before = take(instance)
    yield
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        instance=instance,
        before=before,
        after=take(instance),
        company_id=company_id,
    )


def audit_entries_in_order(batch_size: int = 5000) -> Iterable[tuple[int, str, str, dict]]:
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=batch_size):
        yield entry.seq, entry.prev_hash, entry.hash, entry.chain_content()
