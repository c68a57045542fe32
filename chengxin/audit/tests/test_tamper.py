"""Someone with write access to the database (raw SQL, or the ORM's plain QuerySet
around the append-only guard) tampers with the audit trail: ``audit verify`` names
each case and exits non-zero."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, models

from chengxin.audit import chain
from chengxin.audit.keys import chain_key, checkpoint_key
from chengxin.audit.models import AuditEntry, ChainHead
from chengxin.audit.selectors import audit_verify
from chengxin.audit.services import ChainHeadMissing, audit_checkpoint_write
from chengxin.testing import make_company

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(owner):
    """A few companies' worth of entries (more than ten)."""
    for n in range(3):
        make_company(actor=owner, name=f"Tamper Test {n} GmbH")
    assert AuditEntry.objects.count() > 10
    return AuditEntry.objects.order_by("seq")


def _raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _plain():
    """The ORM without the append-only guard, as anyone with the database may use it."""
    return models.QuerySet(AuditEntry)


def _kinds(report=None):
    report = report or audit_verify()
    return [finding.kind for finding in report.findings]


def _verify_fails(match):
    with pytest.raises(CommandError, match=match):
        call_command("audit", "verify")


def _recompute_from(seq, hasher):
    """Rewrite every hash from ``seq`` on with ``hasher(previous, content)``, and the head."""
    entries = list(AuditEntry.objects.order_by("seq"))
    previous = entries[seq - 2].hash if seq > 1 else chain.GENESIS
    for entry in entries[seq - 1 :]:
        digest = hasher(previous, entry.chain_content())
        _plain().filter(pk=entry.pk).update(prev_hash=previous, hash=digest)
        previous = digest
    models.QuerySet(ChainHead).filter(pk=1).update(hash=previous)


def test_an_intact_trail_verifies_with_its_checkpoints(trail, capsys):
    audit_checkpoint_write()
    call_command("audit", "checkpoint")
    call_command("audit", "verify")
    out = capsys.readouterr().out
    assert "Audit chain intact" in out and "2 checkpoints compared" in out


def test_deleting_the_last_entries_and_rewinding_the_head(trail):
    audit_checkpoint_write()
    keep = trail[len(trail) - 3]
    _raw("DELETE FROM audit_auditentry WHERE seq > %s", [keep.seq])
    _raw("UPDATE audit_chainhead SET seq = %s, hash = %s", [keep.seq, keep.hash])
    # The chain that is left is valid: only the checkpoint can tell.
    assert (
        chain.chain_findings(
            ((e.seq, e.prev_hash, e.hash, e.chain_content()) for e in trail), chain_key()
        )
        == []
    )
    assert _kinds() == [chain.REWOUND, chain.COUNT_DROPPED]
    _verify_fails("deleted from the end and the head rewound")


def test_deleting_the_last_entries_without_rewinding(trail):
    last = trail.last()
    _plain().filter(seq=last.seq).delete()
    assert _kinds() == [chain.TAIL_DELETED]


def test_deleting_the_head_row(trail):
    _raw("DELETE FROM audit_chainhead")
    assert _kinds() == [chain.HEAD_MISSING]
    _verify_fails("chain head row was deleted")
    # Writing on would start a new chain and hide it: refused instead.
    with pytest.raises(ChainHeadMissing):
        make_company(actor=trail.first().actor, name="After The Deletion GmbH")


def test_emptying_the_table(trail):
    audit_checkpoint_write()
    _raw("DELETE FROM audit_auditentry")
    assert chain.EMPTIED in _kinds()
    _verify_fails("audit table was emptied")
    # Even with the head row gone too, the checkpoint remembers.
    _raw("DELETE FROM audit_chainhead")
    assert chain.EMPTIED in _kinds()


def test_editing_an_entry_and_recomputing_the_later_hashes(trail):
    audit_checkpoint_write()
    victim = trail[3]
    _plain().filter(pk=victim.pk).update(actor_name="mallory")
    _recompute_from(victim.seq, chain.unkeyed_hash)
    report = audit_verify()
    assert report.findings[0] == chain.Finding(chain.RECOMPUTED, victim.seq, trail.last().seq)
    assert chain.CHECKPOINT_MISMATCH in _kinds(report)
    _verify_fails(f"BROKEN at entry #{victim.seq}.*recomputed without the key")


def test_recomputing_with_a_guessed_key_fails_too(trail):
    victim = trail[2]
    _plain().filter(pk=victim.pk).update(object_label="Someone Else Ltd")
    guessed = chain_key()[:-1] + b"\x00"
    _recompute_from(victim.seq, lambda prev, content: chain.entry_hash(guessed, prev, content))
    assert _kinds() == [chain.RECOMPUTED]


def test_editing_a_row(trail):
    victim = trail[4]
    _raw("UPDATE audit_auditentry SET after = %s WHERE id = %s", ['{"x": 1}', victim.pk])
    assert audit_verify().findings == [chain.Finding(chain.EDITED, victim.seq, victim.seq)]
    _verify_fails(f"entry #{victim.seq} was edited")


def test_deleting_a_row(trail):
    victim = trail[4]
    _raw("DELETE FROM audit_auditentry WHERE id = %s", [victim.pk])
    assert audit_verify().findings == [chain.Finding(chain.DELETED_ROWS, victim.seq, victim.seq)]
    _verify_fails("were deleted")


def test_an_edited_or_unsigned_checkpoint_line_is_detected(trail, settings):
    checkpoint = audit_checkpoint_write()
    path = settings.CHENGXIN_AUDIT_CHECKPOINT_FILE
    text = path.read_text()
    path.write_text(
        text.replace(f"count={checkpoint.count}", f"count={checkpoint.count - 5}")
        + f"v1 2026-12-07T00:00:00Z count=1 seq=1 head={'0' * 64}\n"
    )
    report = audit_verify()
    assert [(f.kind, f.line) for f in report.findings] == [
        (chain.FORGED_CHECKPOINT, 1),
        (chain.FORGED_CHECKPOINT, 2),
    ]
    _verify_fails("checkpoint line 1 is forged")


def test_a_missing_checkpoint_file(trail, settings, capsys):
    # Never written: said, not fatal.
    call_command("audit", "verify")
    assert "No checkpoint has been written yet" in capsys.readouterr().out
    # Written, then gone: fatal.
    audit_checkpoint_write()
    settings.CHENGXIN_AUDIT_CHECKPOINT_FILE.unlink()
    assert _kinds() == [chain.CHECKPOINT_FILE_MISSING]
    _verify_fails("checkpoint file is missing")


def test_the_checkpoint_file_is_only_appended(trail, settings):
    first = audit_checkpoint_write()
    make_company(actor=trail.first().actor, name="Later GmbH")
    second = audit_checkpoint_write()
    lines = settings.CHENGXIN_AUDIT_CHECKPOINT_FILE.read_text().splitlines()
    assert [chain.checkpoint_parse(checkpoint_key(), line) for line in lines] == [first, second]
    assert second.count > first.count and second.head_seq == AuditEntry.objects.last().seq
    assert ChainHead.objects.get().checkpointed_at is not None


def test_a_mailed_head_can_be_compared(trail, owner):
    head = trail.last()
    call_command("audit", "verify", "--expect", f"{head.seq}:{head.hash}")
    _plain().filter(seq__gte=head.seq - 1).delete()
    previous = AuditEntry.objects.order_by("-seq").first()
    models.QuerySet(ChainHead).filter(pk=1).update(seq=previous.seq, hash=previous.hash)
    call_command("audit", "verify")  # no checkpoint file: the rewind is invisible
    with pytest.raises(CommandError, match="head rewound"):
        call_command("audit", "verify", "--expect", f"{head.seq}:{head.hash}")
    with pytest.raises(CommandError, match="SEQ:HASH"):
        call_command("audit", "verify", "--expect", "12:nothex")


def test_the_key_is_not_in_the_database_and_is_configurable(trail, settings):
    assert audit_verify().intact
    settings.CHENGXIN_AUDIT_KEY = "a key kept elsewhere"
    assert _kinds() == [chain.RECOMPUTED]
    # Rotating SECRET_KEY: the documented way keeps the same chain key.
    settings.CHENGXIN_AUDIT_KEY, settings.SECRET_KEY = settings.SECRET_KEY, "a new secret key"
    assert audit_verify().intact


def test_entries_written_after_tampering_do_not_hide_it(trail, owner):
    victim = trail[2]
    _plain().filter(pk=victim.pk).update(actor_name="mallory")
    make_company(actor=owner, name="Written Afterwards GmbH")
    assert audit_verify().findings == [chain.Finding(chain.EDITED, victim.seq, victim.seq)]
