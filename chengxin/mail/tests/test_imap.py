"""Polling a real IMAP server (Dovecot, started by the tests): each message is stored
once, linked to its customer, whatever the number of polls."""

from __future__ import annotations

import pytest

from chengxin.guard.models import Assessment
from chengxin.inbound.pipeline import message_receive
from chengxin.mail.models import Mailbox, Message, MessageLocation, Security
from chengxin.mail.services.mailboxes import MailboxInput, mailbox_create, mailbox_test
from chengxin.mail.services.polling import mailbox_poll
from chengxin.mail.transport import ImapTransport
from chengxin.testing import make_company
from chengxin.testing.mail import make_raw


@pytest.fixture
def account(dovecot):
    return dovecot.add_account()


@pytest.fixture
def mailbox(owner, dovecot, account):
    return mailbox_create(
        actor=owner,
        data=MailboxInput(
            name="Li Na's inbox",
            host="127.0.0.1",
            port=dovecot.imap_port,
            security=Security.NONE,
            username=account.username,
            password=account.password,
        ),
    )


def _poll(mailbox, django_capture_on_commit_callbacks, transport=None):
    with django_capture_on_commit_callbacks(execute=True):
        return mailbox_poll(mailbox=mailbox, receive=message_receive, transport=transport)


def test_polling_stores_each_message_once_and_links_it(
    dovecot, account, mailbox, owner, company, django_capture_on_commit_callbacks
):
    buyer = make_company(
        actor=owner, name="Acme Trading LLC", country="US", email="john.doe@acme-trading.com"
    )
    dovecot.append(account, make_raw(subject="Order 4711"))
    dovecot.append(
        account,
        make_raw(sender="John Doe <john.doe@acme-trading.com>", subject="Samples received"),
    )
    dovecot.append(account, make_raw(sender="newsletter@unrelated.example", subject="News"))

    first = _poll(mailbox, django_capture_on_commit_callbacks)
    assert (first.fetched, first.stored, first.duplicates, first.error) == (3, 3, 0, "")
    second = _poll(mailbox, django_capture_on_commit_callbacks)
    assert (second.fetched, second.stored) == (0, 0)

    assert Message.objects.count() == 3
    by_subject = {m.subject: m for m in Message.objects.all()}
    assert by_subject["Order 4711"].company == company
    assert by_subject["Order 4711"].contact.name == "Anna Schmidt"
    assert by_subject["Samples received"].company == buyer
    assert by_subject["News"].company is None
    assert Assessment.objects.count() == 3
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 3 and mailbox.uidvalidity and mailbox.last_error == ""
    assert MessageLocation.objects.filter(mailbox=mailbox).count() == 3


def test_new_mail_after_a_poll_is_fetched_by_the_next(
    dovecot, account, mailbox, company, django_capture_on_commit_callbacks
):
    dovecot.append(account, make_raw(subject="First"))
    assert _poll(mailbox, django_capture_on_commit_callbacks).stored == 1
    dovecot.append(account, make_raw(subject="Second"))
    result = _poll(mailbox, django_capture_on_commit_callbacks)
    assert (result.fetched, result.stored) == (1, 1)
    assert sorted(Message.objects.values_list("subject", flat=True)) == ["First", "Second"]


def test_forgetting_the_position_does_not_duplicate(
    dovecot, account, mailbox, company, django_capture_on_commit_callbacks
):
    """As after a UIDVALIDITY change: everything is read again, nothing stored twice."""
    dovecot.append(account, make_raw(subject="Only once"))
    _poll(mailbox, django_capture_on_commit_callbacks)
    Mailbox.objects.filter(pk=mailbox.pk).update(uidvalidity=1, last_uid=0)
    again = _poll(mailbox, django_capture_on_commit_callbacks)
    assert (again.fetched, again.stored, again.duplicates) == (1, 0, 1)
    assert Message.objects.count() == 1


def test_polling_does_not_mark_the_mail_read(
    dovecot, account, mailbox, company, django_capture_on_commit_callbacks
):
    import imaplib

    dovecot.append(account, make_raw(subject="Still unread"))
    _poll(mailbox, django_capture_on_commit_callbacks)
    client = imaplib.IMAP4("127.0.0.1", dovecot.imap_port)
    client.login(account.username, account.password)
    client.select('"INBOX"', readonly=True)
    assert client.search(None, "UNSEEN")[1] == [b"1"]
    client.logout()


def test_a_wrong_password_is_recorded_on_the_mailbox(
    dovecot, account, owner, django_capture_on_commit_callbacks
):
    mailbox = mailbox_create(
        actor=owner,
        data=MailboxInput(
            name="wrong",
            host="127.0.0.1",
            port=dovecot.imap_port,
            security=Security.NONE,
            username=account.username,
            password="not-the-password",
        ),
    )
    result = _poll(mailbox, django_capture_on_commit_callbacks)
    assert "refused the login" in result.error
    mailbox.refresh_from_db()
    assert "refused the login" in mailbox.last_error and mailbox.last_error_at


@pytest.mark.parametrize("security", [Security.STARTTLS, Security.SSL])
def test_encrypted_connections(
    dovecot, account, owner, company, security, django_capture_on_commit_callbacks
):
    mailbox = mailbox_create(
        actor=owner,
        data=MailboxInput(
            name=f"tls {security}",
            host="localhost",
            port=dovecot.imap_port if security == Security.STARTTLS else dovecot.imaps_port,
            security=security,
            username=account.username,
            password=account.password,
        ),
    )
    dovecot.append(account, make_raw(subject=f"Over {security}"))
    transport = ImapTransport(ssl_context=dovecot.ssl_context)
    assert mailbox_test(actor=owner, mailbox=mailbox, transport=transport) == 1
    result = _poll(mailbox, django_capture_on_commit_callbacks, transport=transport)
    assert (result.stored, result.error) == (1, "")


def test_an_untrusted_certificate_is_refused(dovecot, account, owner):
    mailbox = mailbox_create(
        actor=owner,
        data=MailboxInput(
            name="self-signed",
            host="localhost",
            port=dovecot.imaps_port,
            security=Security.SSL,
            username=account.username,
            password=account.password,
        ),
    )
    result = mailbox_poll(
        mailbox=mailbox, receive=message_receive
    )  # the system's trust store: not our test CA
    assert "CERTIFICATE_VERIFY_FAILED" in result.error
    assert Message.objects.count() == 0
