"""``chengxin ingest_mail FILE...``: .eml and .mbox files, each message stored once."""

from __future__ import annotations

import io
import mailbox

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from chengxin.guard.models import Assessment
from chengxin.mail.models import Message, Source
from chengxin.testing.mail import make_raw


def _run(*paths) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest_mail", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_eml_and_mbox_files(tmp_path, company, django_capture_on_commit_callbacks):
    eml = tmp_path / "one.eml"
    eml.write_bytes(make_raw(subject="From an eml file"))
    box_path = tmp_path / "archive.mbox"
    box = mailbox.mbox(box_path)
    for n in range(3):
        box.add(make_raw(subject=f"Archived {n}"))
    box.add(
        b"From: anna.schmidt@mueller-maschinen.de\nSubject: odd\nContent-Type: text/plain;"
        b" charset=no-such-charset\n\nFrom the archive\n"
    )
    box.close()
    with django_capture_on_commit_callbacks(execute=True):
        out, err = _run(eml, box_path)
    assert "Stored 5 new message(s), 0 already stored; 1 could not be read completely" in out
    assert "no-such-charset" in err
    subjects = sorted(Message.objects.values_list("subject", flat=True))
    assert subjects == ["Archived 0", "Archived 1", "Archived 2", "From an eml file", "odd"]
    assert set(Message.objects.values_list("source", flat=True)) == {Source.COMMAND}
    assert Message.objects.filter(company=company).count() == 5
    assert Assessment.objects.count() == 5
    out, _err = _run(eml, box_path)
    assert "Stored 0 new message(s), 5 already stored" in out
    assert Message.objects.count() == 5


def test_an_mbox_message_keeps_its_bytes(tmp_path, company):
    raw = make_raw(subject="Bytes kept").replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n")
    box_path = tmp_path / "a.mbox"
    box = mailbox.mbox(box_path)
    box.add(raw)
    box.close()
    _run(box_path)
    stored = Message.objects.get().raw.read()
    assert b"Subject: Bytes kept" in stored


def test_a_missing_file_is_an_error(tmp_path, db):
    with pytest.raises(CommandError, match="no such file"):
        _run(tmp_path / "nothing.eml")
