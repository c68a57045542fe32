"""Reading a mailbox: one small interface, a real IMAP client and a local one.

``ImapTransport`` talks to a real server with the standard library's imaplib;
``LocalTransport`` keeps folders in memory for unit tests (and behaves like a
server: UIDs only grow, UIDVALIDITY changes when a folder is renumbered).
Messages are fetched with ``BODY.PEEK[]`` so reading them in Chengxin does not
mark them read in the user's own mail program.
"""

from __future__ import annotations

import base64
import contextlib
import imaplib
import itertools
import logging
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from chengxin.mail.hosts import HostNotAllowed, addresses_to_connect, connect

__all__ = [
    "Connection",
    "ImapTransport",
    "LocalTransport",
    "MailSession",
    "MailTransport",
    "TransportError",
]

TIMEOUT_SECONDS = 30

logger = logging.getLogger(__name__)


class TransportError(Exception):
    """The server could not be reached, refused the login or the folder, or broke off."""


@dataclass(frozen=True)
class Connection:
    host: str
    port: int
    security: str  # "ssl", "starttls" or "none"
    username: str
    password: str = field(repr=False)
    folder: str = "INBOX"
    # Private, loopback and link-local servers only when an administrator allows them.
    allow_private_hosts: bool = False
    timeout: float = TIMEOUT_SECONDS


class MailSession(Protocol):
    uidvalidity: int
    message_count: int

    def uids_after(self, uid: int) -> list[int]: ...

    def fetch(self, uid: int) -> bytes | None: ...


class MailTransport(Protocol):
    def open(self, connection: Connection) -> contextlib.AbstractContextManager[MailSession]: ...


# --- the real one ------------------------------------------------------------------------


class _ImapSession:
    def __init__(self, client: imaplib.IMAP4, uidvalidity: int, message_count: int) -> None:
        self.client = client
        self.uidvalidity = uidvalidity
        self.message_count = message_count

    def uids_after(self, uid: int) -> list[int]:
        try:
            status, data = self.client.uid("SEARCH", None, f"UID {uid + 1}:*")
        except (OSError, imaplib.IMAP4.error) as exc:
            raise TransportError(f"UID SEARCH failed: {exc}") from exc
        if status != "OK":
            raise TransportError(f"UID SEARCH failed: {_text(data)}")
        found = [int(n) for n in b" ".join(d for d in data if d).split()]
        # "n:*" always matches the highest UID, even when it is below n.
        return sorted(n for n in found if n > uid)

    def fetch(self, uid: int) -> bytes | None:
        try:
            status, data = self.client.uid("FETCH", str(uid), "(BODY.PEEK[])")
        except (OSError, imaplib.IMAP4.error) as exc:
            raise TransportError(f"UID FETCH {uid} failed: {exc}") from exc
        if status != "OK":
            raise TransportError(f"UID FETCH {uid} failed: {_text(data)}")
        for item in data:
            if isinstance(item, tuple) and len(item) == 2:
                return item[1]
        return None  # expunged meanwhile


class _PinnedIMAP4(imaplib.IMAP4):
    """IMAP to the address that was checked, not to whatever the name resolves to next."""

    def __init__(self, host: str, port: int, *, addresses: list[str], timeout: float) -> None:
        self._addresses = addresses
        super().__init__(host, port, timeout=timeout)

    def _create_socket(self, timeout):
        return connect(self._addresses, self.port, timeout)


class _PinnedIMAP4_SSL(imaplib.IMAP4_SSL):  # noqa: N801 - as imaplib names it
    def __init__(
        self,
        host: str,
        port: int,
        *,
        addresses: list[str],
        ssl_context: ssl.SSLContext,
        timeout: float,
    ) -> None:
        self._addresses = addresses
        super().__init__(host, port, ssl_context=ssl_context, timeout=timeout)

    def _create_socket(self, timeout):
        sock = connect(self._addresses, self.port, timeout)
        # The certificate is checked against the name the user gave, as before.
        return self.ssl_context.wrap_socket(sock, server_hostname=self.host)


class ImapTransport:
    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self.ssl_context = ssl_context

    @contextlib.contextmanager
    def open(self, connection: Connection) -> Iterator[MailSession]:
        context = self.ssl_context or ssl.create_default_context()
        # One message for every way connecting fails (refused, closed, silent, not IMAP):
        # what lies behind a host and port is nobody's business but the server's owner.
        cannot_connect = TransportError(
            f"Cannot connect to an IMAP server at {connection.host}:{connection.port}."
        )
        try:
            addresses = addresses_to_connect(
                connection.host, connection.port, allow_private=connection.allow_private_hosts
            )
        except HostNotAllowed:
            raise TransportError(
                f"{connection.host} is not on the public Internet; an administrator must "
                "allow private mail servers (CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS)."
            ) from None
        except (OSError, UnicodeError, ValueError):
            raise cannot_connect from None
        try:
            if connection.security == "ssl":
                client: imaplib.IMAP4 = _PinnedIMAP4_SSL(
                    connection.host,
                    connection.port,
                    addresses=addresses,
                    ssl_context=context,
                    timeout=connection.timeout,
                )
            else:
                client = _PinnedIMAP4(
                    connection.host,
                    connection.port,
                    addresses=addresses,
                    timeout=connection.timeout,
                )
                if connection.security == "starttls":
                    client.starttls(ssl_context=context)
        except ssl.SSLCertVerificationError as exc:
            raise TransportError(f"The server's certificate could not be verified: {exc}") from None
        except (OSError, imaplib.IMAP4.error, ValueError) as exc:
            logger.info(
                "IMAP connection to %s:%s failed: %r", connection.host, connection.port, exc
            )
            raise cannot_connect from None
        try:
            session = self._start(client, connection)
            yield session
        finally:
            with contextlib.suppress(Exception):
                client.logout()

    @staticmethod
    def _start(client: imaplib.IMAP4, connection: Connection) -> _ImapSession:
        try:
            client.login(connection.username, connection.password)
        except imaplib.IMAP4.error as exc:
            raise TransportError(f"The server refused the login: {exc}") from exc
        except OSError as exc:
            raise TransportError(f"The connection broke off: {exc}") from exc
        try:
            status, data = client.select(imap_quote(connection.folder), readonly=True)
            if status != "OK":
                raise TransportError(f"Cannot open the folder {connection.folder!r}: {_text(data)}")
            message_count = int(data[0] or 0) if data and data[0] else 0
            _name, values = client.response("UIDVALIDITY")
        except (OSError, imaplib.IMAP4.error, ValueError) as exc:
            raise TransportError(f"Cannot open the folder {connection.folder!r}: {exc}") from exc
        if not values or values[0] is None:
            raise TransportError("The server did not report the folder's UIDVALIDITY.")
        return _ImapSession(client, int(values[0]), message_count)


def _text(data: object) -> str:
    if isinstance(data, list | tuple):
        return " ".join(_text(item) for item in data)
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return str(data)


_PRINTABLE = re.compile(r"[\x20-\x7e]+")


def imap_quote(folder: str) -> str:
    """A folder name as an IMAP quoted string in modified UTF-7 (RFC 3501 5.1.3)."""
    encoded = []
    position = 0
    while position < len(folder):
        printable = _PRINTABLE.match(folder, position)
        if printable:
            encoded.append(printable.group().replace("&", "&-"))
            position = printable.end()
            continue
        end = position
        while end < len(folder) and not _PRINTABLE.match(folder[end]):
            end += 1
        chunk = folder[position:end].encode("utf-16-be")
        b64 = base64.b64encode(chunk).decode("ascii").rstrip("=").replace("/", ",")
        encoded.append(f"&{b64}-")
        position = end
    text = "".join(encoded).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


# --- the local one, for tests ---------------------------------------------------------


@dataclass
class _LocalFolder:
    uidvalidity: int
    messages: dict[int, bytes] = field(default_factory=dict)
    next_uid: int = 1


class LocalTransport:
    """An in-memory IMAP server: ``append`` messages, then poll as usual."""

    _validity = itertools.count(1000)

    def __init__(self, *, username: str, password: str, host: str = "localhost") -> None:
        self.username, self.password, self.host = username, password, host
        self.folders: dict[str, _LocalFolder] = {}
        self.sessions_opened = 0

    def append(self, raw: bytes, folder: str = "INBOX") -> int:
        state = self.folders.setdefault(folder, _LocalFolder(next(self._validity)))
        uid = state.next_uid
        state.messages[uid] = raw
        state.next_uid += 1
        return uid

    def expunge(self, uid: int, folder: str = "INBOX") -> None:
        self.folders[folder].messages.pop(uid, None)

    def renumber(self, folder: str = "INBOX") -> None:
        """What a server does after a rebuild: new UIDVALIDITY, UIDs from 1 again."""
        old = self.folders[folder]
        fresh = _LocalFolder(next(self._validity))
        for raw in old.messages.values():
            fresh.messages[fresh.next_uid] = raw
            fresh.next_uid += 1
        self.folders[folder] = fresh

    @contextlib.contextmanager
    def open(self, connection: Connection) -> Iterator[MailSession]:
        if connection.host != self.host:
            raise TransportError(f"Cannot connect to {connection.host}:{connection.port}")
        if (connection.username, connection.password) != (self.username, self.password):
            raise TransportError("The server refused the login: authentication failed")
        state = self.folders.get(connection.folder)
        if state is None:
            raise TransportError(f"Cannot open the folder {connection.folder!r}")
        self.sessions_opened += 1
        yield _LocalSession(state)


class _LocalSession:
    def __init__(self, state: _LocalFolder) -> None:
        self.state = state
        self.uidvalidity = state.uidvalidity
        self.message_count = len(state.messages)

    def uids_after(self, uid: int) -> list[int]:
        return sorted(n for n in self.state.messages if n > uid)

    def fetch(self, uid: int) -> bytes | None:
        return self.state.messages.get(uid)
