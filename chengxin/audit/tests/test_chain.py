import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from chengxin.audit import chain
from chengxin.audit.models import AppendOnlyError, AuditEntry
from chengxin.audit.selectors import audit_chain_first_break


def test_every_change_is_recorded_with_before_and_after(owner, company):
    from chengxin.parties.services.contacts import contact_update

    contact = company.contacts.get()
    contact_update(
        actor=owner,
        contact=contact,
        name="Anna Schmidt-Weber",
        title="CFO",
        language="de",
        time_zone="Europe/Berlin",
        notes="",
        status="active",
    )
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.action == "update" and entry.actor == owner
    assert ("name", "Anna Schmidt", "Anna Schmidt-Weber") in entry.changed_fields()
    assert entry.company_id == company.pk


def test_append_only(company):
    entry = AuditEntry.objects.first()
    entry.after = {"legal_name": "forged"}
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(actor_name="x")


def test_verify_detects_row_changed_directly_in_database(company, capsys):
    call_command("audit", "verify")
    assert "intact" in capsys.readouterr().out
    victim = AuditEntry.objects.order_by("seq")[2]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditentry SET actor_name = %s WHERE id = %s", ["mallory", victim.pk]
        )
    broken = audit_chain_first_break()
    assert broken.seq == victim.seq and broken.kind == chain.EDITED
    with pytest.raises(CommandError, match=f"BROKEN at entry #{victim.seq}"):
        call_command("audit", "verify")


def test_verify_detects_deleted_rows(company):
    last = AuditEntry.objects.order_by("-seq").first()
    middle = AuditEntry.objects.order_by("seq")[1]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [last.pk])
    assert audit_chain_first_break() == chain.Finding(chain.TAIL_DELETED, last.seq, last.seq)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [middle.pk])
    assert audit_chain_first_break() == chain.Finding(chain.DELETED_ROWS, middle.seq, middle.seq)
