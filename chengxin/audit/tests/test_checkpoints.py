"""Checkpoints leave the database: the hourly file line, the managers' daily mail;
and existing installs are re-chained under the key by a migration."""

from __future__ import annotations

import os

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from chengxin.accounts.models import Role
from chengxin.audit import chain
from chengxin.audit.models import AuditEntry
from chengxin.audit.selectors import audit_verify
from chengxin.audit.services import CHECKPOINT_PURPOSE, audit_checkpoint_mail
from chengxin.audit.tasks import audit_checkpoint_task
from chengxin.core.schedules import SCHEDULES
from chengxin.outbox.models import OutboundMessage
from chengxin.testing import make_company, make_user


def test_checkpoints_are_scheduled():
    tasks = {schedule.task: schedule.every.total_seconds() for schedule in SCHEDULES}
    assert tasks["chengxin.audit.tasks.audit_checkpoint_task"] == 3600
    assert tasks["chengxin.audit.tasks.audit_checkpoint_mail_task"] == 24 * 3600


def test_the_hourly_task_writes_a_line(company, settings):
    head_seq = audit_checkpoint_task.call()
    line = settings.CHENGXIN_AUDIT_CHECKPOINT_FILE.read_text()
    assert f"seq={head_seq} " in line and head_seq == AuditEntry.objects.last().seq


def test_the_daily_mail_tells_each_manager_the_count_and_head(company, settings):
    make_user(Role.MANAGER, username="m.berlin", email="m@example.de", language="en",
                       time_zone="Europe/Berlin")  # fmt: skip
    make_user(Role.MANAGER, username="m.nomail")
    make_user(Role.MANAGER, username="m.gone", email="gone@example.cn", is_active=False)
    make_user(Role.SALES, username="rep", email="rep@example.cn")
    head = AuditEntry.objects.last()
    count = AuditEntry.objects.count()
    messages = audit_checkpoint_mail()
    assert [m.to_address for m in messages] == ["m@example.de"]
    mail = OutboundMessage.objects.get(to_address="m@example.de")
    assert mail.purpose == CHECKPOINT_PURPOSE and str(count) in mail.subject
    assert f"#{head.seq}" in mail.body_text and head.hash in mail.body_text
    assert "Europe/Berlin" in mail.body_text
    assert f"--expect {head.seq}:{head.hash}" in mail.body_text
    # The same values went to the checkpoint file.
    assert f"seq={head.seq} head={head.hash}" in settings.CHENGXIN_AUDIT_CHECKPOINT_FILE.read_text()
    assert audit_verify().intact


@pytest.mark.django_db(transaction=True)
def test_the_migration_keys_an_existing_unkeyed_chain(owner):
    make_company(actor=owner, name="Before The Key GmbH")
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0002_chain_head")])
    # What an install of the previous version holds: the plain SHA-256 chain.
    entries = list(AuditEntry.objects.order_by("seq"))
    previous = chain.GENESIS
    for entry in entries:
        assert entry.hash == chain.unkeyed_hash(previous, entry.chain_content())
        previous = entry.hash
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert audit_verify().intact
    assert AuditEntry.objects.last().hash != entries[-1].hash


@pytest.mark.django_db(transaction=True)
def test_the_migration_does_not_launder_a_broken_chain(owner, monkeypatch):
    make_company(actor=owner, name="Broken Before GmbH")
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0002_chain_head")])
    victim = AuditEntry.objects.order_by("seq")[1]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET actor_name = 'x' WHERE id = %s", [victim.pk])
    executor = MigrationExecutor(connection)
    with pytest.raises(RuntimeError, match=f"already broken at entry #{victim.seq}"):
        executor.migrate([("audit", "0003_keyed_chain")])
    monkeypatch.setenv("CHENGXIN_AUDIT_RECHAIN_BROKEN", "true")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert audit_verify().intact


def test_an_unwritable_checkpoint_file_is_reported_at_start(settings, tmp_path):
    from chengxin.audit.checks import audit_checkpoint_file_check

    settings.CHENGXIN_AUDIT_CHECKPOINT_FILE = tmp_path / "new" / "checkpoints.log"
    assert audit_checkpoint_file_check(None) == []
    settings.CHENGXIN_AUDIT_CHECKPOINT_FILE = tmp_path
    assert [w.id for w in audit_checkpoint_file_check(None)] == ["chengxin.audit.W001"]
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    settings.CHENGXIN_AUDIT_CHECKPOINT_FILE = locked / "audit" / "checkpoints.log"
    if not os.access(locked, os.W_OK):  # (root may write anywhere)
        assert [w.id for w in audit_checkpoint_file_check(None)] == ["chengxin.audit.W001"]
