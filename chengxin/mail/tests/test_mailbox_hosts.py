"""A mailbox cannot point Chengxin at its own loopback services or the private network
behind it (reading from "Test connection" which ports are open) unless an administrator
allows private mail servers; the check holds at save and at every connection, on the
address actually connected to; every failure to connect reads the same; the test gives
up after CHENGXIN_MAIL_TEST_TIMEOUT seconds."""

from __future__ import annotations

import contextlib
import socket
import threading

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from chengxin.mail import hosts
from chengxin.mail.models import Mailbox, Security
from chengxin.mail.services.mailboxes import MailboxInput, mailbox_create, mailbox_test
from chengxin.mail.transport import ImapTransport, TransportError

pytestmark = pytest.mark.usefixtures("english")

PRIVATE = ["127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "169.254.169.254", "::1",
           "0.0.0.0", "100.64.0.1", "fd00::1", "::ffff:127.0.0.1"]  # fmt: skip  # noqa: S104
REFUSED = "private, loopback or reserved address"


@pytest.fixture
def no_private_hosts(settings):
    settings.CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS = False


def _input(host: str, port: int = 993, security: str = Security.SSL) -> MailboxInput:
    return MailboxInput("box", host, port, security, "li.na", "Imap-Secret-9")


@pytest.mark.parametrize("host", PRIVATE)
def test_a_private_host_is_refused_at_save(owner, no_private_hosts, host):
    with pytest.raises(ValidationError) as refused:
        mailbox_create(actor=owner, data=_input(host))
    assert REFUSED in refused.value.message_dict["host"][0]
    assert not Mailbox.objects.exists()


def test_the_page_shows_the_refusal_to_a_sales_rep(client_for, owner, no_private_hosts):
    response = client_for(owner).post(
        reverse("mail:mailbox_create"),
        {
            "name": "probe",
            "host": "127.0.0.1",
            "port": 22,
            "security": "ssl",
            "username": "x",
            "password": "x",
            "folder": "INBOX",
        },
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Mailbox.objects.exists()


def test_a_public_address_or_an_unresolvable_name_may_be_saved(owner, no_private_hosts):
    mailbox_create(actor=owner, data=_input("93.184.216.34"))
    mailbox_create(actor=owner, data=_input("imap.example.invalid"))  # checked at connect
    assert Mailbox.objects.count() == 2


def test_an_administrator_may_allow_private_hosts(owner, settings):
    settings.CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS = True
    assert mailbox_create(actor=owner, data=_input("10.1.2.3")).host == "10.1.2.3"


def test_a_name_that_resolves_privately_at_connect_time_is_refused(
    owner, monkeypatch, no_private_hosts
):
    """DNS rebinding: public when saved, loopback when connecting."""
    monkeypatch.setattr(hosts, "resolve", lambda host, port: ["93.184.216.34"])
    mailbox = mailbox_create(actor=owner, data=_input("imap.rebind.example"))
    connected = []
    monkeypatch.setattr(hosts, "resolve", lambda host, port: ["127.0.0.1"])
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connected.append(a))
    with pytest.raises(ValidationError) as refused:
        mailbox_test(actor=owner, mailbox=mailbox, transport=ImapTransport())
    assert "not on the public Internet" in refused.value.messages[0]
    assert connected == []


@contextlib.contextmanager
def _listener(behaviour: str):
    """A loopback port that refuses (closed), talks nonsense, or says nothing."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    port = server.getsockname()[1]
    if behaviour == "closed":
        server.close()
        yield port
        return
    server.listen()
    stop = threading.Event()

    def serve():
        with contextlib.suppress(OSError):
            conn, _addr = server.accept()
            if behaviour == "nonsense":
                conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")
            stop.wait(5)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        server.close()
        thread.join(5)


@pytest.mark.parametrize("behaviour", ["closed", "nonsense", "silent"])
def test_every_failure_to_connect_reads_the_same(owner, settings, behaviour):
    settings.CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS = True
    settings.CHENGXIN_MAIL_TEST_TIMEOUT = 1
    with _listener(behaviour) as port:
        mailbox = mailbox_create(
            actor=owner, data=_input("127.0.0.1", port=port, security=Security.NONE)
        )
        with pytest.raises(ValidationError) as failed:
            mailbox_test(actor=owner, mailbox=mailbox, transport=ImapTransport())
    assert failed.value.messages == [f"Cannot connect to an IMAP server at 127.0.0.1:{port}."]


def test_the_test_connection_uses_the_short_timeout(owner, settings):
    settings.CHENGXIN_MAIL_TEST_TIMEOUT = 7
    mailbox = mailbox_create(actor=owner, data=_input("127.0.0.1"))
    seen = []

    class Recording:
        @contextlib.contextmanager
        def open(self, connection):
            seen.append(connection)
            raise TransportError("no")
            yield

    with pytest.raises(ValidationError):
        mailbox_test(actor=owner, mailbox=mailbox, transport=Recording())
    assert seen[0].timeout == 7 and seen[0].allow_private_hosts is True


@pytest.mark.parametrize(
    ("address", "public"),
    [("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True)]
    + [(a, False) for a in PRIVATE if a != "localhost"],
)
def test_public_addresses(address, public):
    assert hosts.is_public_address(address) is public
