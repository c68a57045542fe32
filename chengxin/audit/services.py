"""Writing to the audit trail. Every service that changes companies,
contacts, channels or users calls ``audit_record`` inside its transaction."""

from __future__ import annotations

import contextlib
import datetime
import decimal
import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from chengxin.audit.chain import GENESIS, Checkpoint, checkpoint_line, entry_hash
from chengxin.audit.context import current_origin
from chengxin.audit.keys import chain_key, checkpoint_key
from chengxin.audit.models import Action, AuditEntry, ChainHead
from chengxin.core.zones import user_zone
from chengxin.notifications.delivery import deliver_to_user
from chengxin.notifications.language import in_language_of

logger = logging.getLogger(__name__)


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


class ChainHeadMissing(RuntimeError):
    """The head row is gone while entries exist: someone deleted it in the database."""


def _head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        if AuditEntry.objects.exists():
            # Starting a new chain at #1 would hide the deletion (and collide).
            raise ChainHeadMissing(
                "The audit chain head row is missing: the audit tables were altered in the "
                "database. Run `chengxin audit verify`."
            )
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
        key = chain_key()
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
                object_type=change.instance._meta.model_name or "",  # set for every model
                object_id=str(change.instance.pk),
                object_label=(change.label or str(change.instance))[:300],
                company_id=change.company_id,
                before=change.before,
                after=change.after,
                prev_hash=previous,
            )
            entry.hash = entry_hash(key, previous, entry.chain_content())
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


def audit_created(
    *,
    actor,
    instance: models.Model,
    company_id: int | None = None,
    label: str = "",
    after: dict[str, Any] | None = None,
) -> AuditEntry | None:
    """Record that ``instance`` was created: its audited fields (``snapshot``, unless
    ``after`` gives the values to record) as the entry's after-state."""
    return audit_record(
        actor=actor,
        action=Action.CREATE,
        instance=instance,
        after=snapshot(instance) if after is None else after,
        company_id=company_id,
        label=label,
    )


@contextlib.contextmanager
def audited_update[M: models.Model](
    *,
    actor,
    instance: M,
    company_id: int | None = None,
    take: Callable[[M], dict[str, Any]] = snapshot,
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


# --- Checkpoints ----------------------------------------------------------------------

CHECKPOINT_PURPOSE = "audit.checkpoint"


def _checkpoint_append(path: Path, line: str) -> None:
    """Append ``line`` to ``path`` in one write (O_APPEND: never overwrite, even a file
    made append-only with ``chattr +a``), and make it durable."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, line.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)


def audit_checkpoint_write(
    *, path: Path | None = None, now: datetime.datetime | None = None
) -> Checkpoint:
    """Write a signed checkpoint (time, count, last entry's seq and hash) to the
    checkpoint file (``CHENGXIN_AUDIT_CHECKPOINT_FILE``) and return it. The head row
    is locked meanwhile, so the count and the head belong together."""
    path = Path(path or settings.CHENGXIN_AUDIT_CHECKPOINT_FILE)
    now = now or timezone.now()
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().filter(pk=1).first()
        count = AuditEntry.objects.count()
        last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
        head_seq, head_hash = last or (0, GENESIS)
        at = now.astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        checkpoint = Checkpoint(at=at, count=count, head_seq=head_seq, head_hash=head_hash)
        if head is None and count == 0:
            head = ChainHead.objects.create(pk=1, seq=0, hash=GENESIS)
        if head is not None:
            head.checkpointed_at = now
            head.save(update_fields=["checkpointed_at"])
        _checkpoint_append(path, checkpoint_line(checkpoint_key(), checkpoint))
    return checkpoint


def audit_checkpoint_mail(*, now: datetime.datetime | None = None) -> list:
    """Write a checkpoint and mail it to every active manager with an address (in their
    language and time zone; who they are: ``CHENGXIN_AUDIT_CHECKPOINT_RECIPIENTS``)
    through the outbox: a copy of the count and head outside the database and outside
    this server. The messages queued."""
    now = now or timezone.now()
    try:
        checkpoint = audit_checkpoint_write(now=now)
    except OSError:
        logger.exception("The audit checkpoint file cannot be written; mailing the values only.")
        with transaction.atomic():
            count = AuditEntry.objects.count()
            last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
        head_seq, head_hash = last or (0, GENESIS)
        at = now.astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        checkpoint = Checkpoint(at=at, count=count, head_seq=head_seq, head_hash=head_hash)
    managers = import_string(settings.CHENGXIN_AUDIT_CHECKPOINT_RECIPIENTS)()
    messages = []
    with transaction.atomic():
        for manager in managers:
            zone = user_zone(manager)
            with in_language_of(manager):
                when = formats.date_format(timezone.localtime(now, zone), "DATETIME_FORMAT")
                subject = _("Audit trail checkpoint: %(count)s entries") % {
                    "count": formats.number_format(checkpoint.count, force_grouping=True)
                }
                body = "\n".join(
                    [
                        _("The audit trail as of %(when)s (%(zone)s):")
                        % {"when": when, "zone": zone.key},
                        "",
                        _("Entries: %(count)s") % {"count": checkpoint.count},
                        _("Last entry: #%(seq)s") % {"seq": checkpoint.head_seq},
                        _("Its hash: %(hash)s") % {"hash": checkpoint.head_hash},
                        "",
                        _(
                            "Keep this mail. Should anyone delete or rewrite audit entries in "
                            "the database, an administrator can compare with it: "
                            "chengxin audit verify --expect %(seq)s:%(hash)s"
                        )
                        % {"seq": checkpoint.head_seq, "hash": checkpoint.head_hash},
                    ]
                )
            messages += deliver_to_user(
                manager,
                subject=subject,
                body=body,
                purpose=CHECKPOINT_PURPOSE,
                related_type="audit.chainhead",
                related_id="1",
            )
    return messages
