"""The audit chain becomes keyed (HMAC-SHA256): every existing entry is re-hashed
under the key, in order, after checking that the old, unkeyed chain is intact (a
chain already broken is not laundered: the migration stops and says where, unless
CHENGXIN_AUDIT_RECHAIN_BROKEN=true says to re-chain it anyway after investigation).

The hashing is frozen here (v1 of chengxin.audit.chain and chengxin.audit.keys), so
later changes to the code do not change what this migration did.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import migrations, models

from chengxin.env import envbool

GENESIS = "0" * 64
BATCH = 2000


def _canonical(content):
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _content(entry):
    return {
        "seq": entry.seq,
        "at": entry.at.isoformat(),
        "actor": entry.actor_id,
        "actor_name": entry.actor_name,
        "origin": entry.origin,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_label": entry.object_label,
        "company_id": entry.company_id,
        "before": entry.before,
        "after": entry.after,
    }


def _unkeyed(previous, content):
    return hashlib.sha256(previous.encode() + _canonical(content)).hexdigest()


def _key():
    secret = (getattr(settings, "CHENGXIN_AUDIT_KEY", "") or settings.SECRET_KEY).encode()
    return hashlib.sha256(b"chengxin.audit.chain/v1:" + secret).digest()


def _keyed(key):
    def compute(previous, content):
        return hmac.new(key, previous.encode() + _canonical(content), hashlib.sha256).hexdigest()

    return compute


def _rechain(apps, *, old, new, check_old):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ChainHead = apps.get_model("audit", "ChainHead")
    previous_old = previous_new = GENESIS
    expected_seq = 1
    batch = []
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=BATCH):
        content = _content(entry)
        if check_old and (
            entry.seq != expected_seq
            or entry.prev_hash != previous_old
            or old(previous_old, content) != entry.hash
        ):
            raise RuntimeError(
                f"The audit chain is already broken at entry #{entry.seq} (before keying it). "
                "Investigate with the previous version's `chengxin audit verify`; to re-chain "
                "it anyway, set CHENGXIN_AUDIT_RECHAIN_BROKEN=true and migrate again."
            )
        previous_old = entry.hash
        entry.prev_hash = previous_new
        entry.hash = previous_new = new(previous_new, content)
        expected_seq = entry.seq + 1
        batch.append(entry)
        if len(batch) >= BATCH:
            AuditEntry.objects.bulk_update(batch, ["prev_hash", "hash"])
            batch = []
    AuditEntry.objects.bulk_update(batch, ["prev_hash", "hash"])
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None:
        if check_old and (head.seq, head.hash) != (expected_seq - 1, previous_old):
            raise RuntimeError(
                "The audit chain head does not match its last entry (before keying it): "
                "entries were removed from the end. Investigate; to re-chain anyway, set "
                "CHENGXIN_AUDIT_RECHAIN_BROKEN=true and migrate again."
            )
        head.seq, head.hash = expected_seq - 1, previous_new
        head.save(update_fields=["seq", "hash"])


def key_the_chain(apps, schema_editor):
    check = not envbool("CHENGXIN_AUDIT_RECHAIN_BROKEN", False)
    _rechain(apps, old=_unkeyed, new=_keyed(_key()), check_old=check)


def unkey_the_chain(apps, schema_editor):
    _rechain(apps, old=_keyed(_key()), new=_unkeyed, check_old=False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_chain_head")]

    operations = [
        migrations.AddField(
            model_name="chainhead",
            name="checkpointed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(key_the_chain, unkey_the_chain),
    ]
