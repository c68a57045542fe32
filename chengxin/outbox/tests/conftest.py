"""A real SMTP server on loopback (aiosmtpd), started and stopped by the tests."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """What the loopback server received; ``refuse`` maps an address to a reply."""

    def __init__(self) -> None:
        self.messages = []
        self.refuse: dict[str, str] = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.rcpt_tos[:], message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self, *, login: tuple[str, str] | None = None) -> None:
        """Listen; with ``login``, only that user and password may send."""
        options = {}
        if login is not None:
            expected = (login[0].encode(), login[1].encode())
            options = {
                "auth_callback": lambda mechanism, user, password: (user, password) == expected,
                "auth_required": True,
                "auth_require_tls": False,  # loopback only
            }
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server(settings):
    """A loopback SMTP server on a free port, NOT yet started (call ``.start()``);
    the outbox settings point at it."""
    server = SmtpServer(free_port())
    settings.CHENGXIN_SMTP_HOST = "127.0.0.1"
    settings.CHENGXIN_SMTP_PORT = server.port
    settings.CHENGXIN_SMTP_STARTTLS = False
    settings.CHENGXIN_SMTP_SSL = False
    settings.CHENGXIN_SMTP_USER = ""
    yield server
    server.stop()


@pytest.fixture
def berlin_contact(company):
    contact = company.contacts.get()
    contact.time_zone = "Europe/Berlin"
    contact.save(update_fields=["time_zone"])
    return contact
