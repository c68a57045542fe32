"""Polling through the in-memory transport: positions, renumbered folders, batches,
concurrent polls, messages deleted on the server."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from chengxin.inbound.tasks import mail_poll_task
from chengxin.mail.models import Mailbox, Message, MessageLocation, Security
from chengxin.mail.services.ingest import message_ingest
from chengxin.mail.services.mailboxes import MailboxInput, mailbox_create, mailbox_test
from chengxin.mail.services.polling import mailbox_poll
from chengxin.mail.transport import LocalTransport
from chengxin.testing.mail import make_raw


@pytest.fixture
def server():
    return LocalTransport(username="li.na", password="Imap-Secret-9")


@pytest.fixture
def mailbox(owner):
    return mailbox_create(
        actor=owner,
        data=MailboxInput("Li Na", "localhost", 143, Security.NONE, "li.na", "Imap-Secret-9"),
    )


def test_positions_are_remembered(server, mailbox, company):
    server.append(make_raw(subject="one"))
    server.append(make_raw(subject="two"))
    assert mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server).stored == 2
    server.append(make_raw(subject="three"))
    result = mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server)
    assert (result.fetched, result.stored) == (1, 1)
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 3


def test_a_renumbered_folder_is_read_again_without_duplicates(server, mailbox, company):
    server.append(make_raw(subject="one"))
    server.append(make_raw(subject="two"))
    mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server)
    old_validity = Mailbox.objects.get(pk=mailbox.pk).uidvalidity
    server.renumber()
    server.append(make_raw(subject="three"))
    result = mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server)
    assert (result.fetched, result.stored, result.duplicates) == (3, 1, 2)
    assert Message.objects.count() == 3
    mailbox.refresh_from_db()
    assert mailbox.uidvalidity != old_validity
    # Each message now also knows where it sits under the new numbering.
    assert MessageLocation.objects.filter(uidvalidity=mailbox.uidvalidity).count() == 3


def test_large_backlogs_are_read_in_batches(server, mailbox, company, settings):
    settings.CHENGXIN_MAIL_POLL_BATCH = 2
    for n in range(5):
        server.append(make_raw(subject=f"m{n}"))
    counts = [
        mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server).stored
        for _ in range(4)
    ]
    assert counts == [2, 2, 1, 0]


def test_a_message_deleted_on_the_server_is_skipped(server, mailbox, company):
    server.append(make_raw(subject="kept"))
    uid = server.append(make_raw(subject="deleted"))
    server.expunge(uid)
    assert mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server).stored == 1


def test_two_polls_of_one_mailbox_never_run_at_once(server, mailbox, company):
    Mailbox.objects.filter(pk=mailbox.pk).update(
        poll_lease_until=timezone.now() + datetime.timedelta(minutes=5)
    )
    server.append(make_raw())
    assert mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server).skipped
    assert Message.objects.count() == 0
    Mailbox.objects.filter(pk=mailbox.pk).update(
        poll_lease_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server).stored == 1
    assert Mailbox.objects.get(pk=mailbox.pk).poll_lease_until is None


def test_a_missing_folder_is_an_error_on_the_mailbox(server, mailbox):
    result = mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server)
    assert "Cannot open the folder 'INBOX'" in result.error
    assert Mailbox.objects.get(pk=mailbox.pk).last_error == result.error


def test_an_error_clears_after_a_good_poll(server, mailbox, company):
    mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server)
    server.append(make_raw())
    assert mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server).error == ""
    assert Mailbox.objects.get(pk=mailbox.pk).last_error == ""


def test_a_password_that_cannot_be_decrypted_is_an_error_not_a_crash(
    server, mailbox, settings, company
):
    server.append(make_raw())
    settings.CHENGXIN_ENCRYPTION_KEY = "a-new-key-without-the-old-one"
    result = mailbox_poll(mailbox=mailbox, receive=message_ingest, transport=server)
    assert "cannot be decrypted" in result.error
    with pytest.raises(Exception, match="cannot be decrypted"):
        mailbox_test(actor=mailbox.owner, mailbox=mailbox, transport=server)


def test_the_scheduled_task_polls_every_active_mailbox(owner, manager, company, monkeypatch):
    servers = {}
    for name, active in (("a", True), ("b", True), ("paused", False)):
        box = mailbox_create(
            actor=owner,
            data=MailboxInput(
                name, f"{name}.local", 143, Security.STARTTLS, name, "pw", is_active=active
            ),
        )
        servers[box.host] = LocalTransport(username=name, password="pw", host=box.host)
        servers[box.host].append(make_raw(subject=f"for {name}"))

    class Router:
        def open(self, connection):
            return servers[connection.host].open(connection)

    monkeypatch.setattr("chengxin.mail.services.polling.ImapTransport", Router)
    assert mail_poll_task.call() == 2
    assert sorted(Message.objects.values_list("subject", flat=True)) == ["for a", "for b"]


def test_the_poll_is_scheduled(db):
    from chengxin.core.schedules import SCHEDULES, scheduler_tick

    assert "chengxin.inbound.tasks.mail_poll_task" in {s.task for s in SCHEDULES}
    assert {"mail_poll", "guard_assess_pending"} <= set(scheduler_tick())
