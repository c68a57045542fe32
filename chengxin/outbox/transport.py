"""Carrying an outbound message: one small interface, a real SMTP transport
and a local one for unit tests (healthchecks keeps one transport per integration).

A transport either delivers the message to the next hop, or raises
``TemporaryFailure`` (try again later: connection refused, timeouts, 4xx
replies) or ``PermanentFailure`` (5xx: retrying will not help). A permanent
failure says whether the recipient address itself was refused, which the
outbox records as a bounce.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Protocol

__all__ = [
    "LocalTransport",
    "OutboxTransport",
    "PermanentFailure",
    "SmtpSettings",
    "SmtpTransport",
    "TemporaryFailure",
    "TransportFailure",
]

TIMEOUT_SECONDS = 30


class TransportFailure(Exception):
    pass


class TemporaryFailure(TransportFailure):
    """The message was not accepted this time; it may be tried again."""


class PermanentFailure(TransportFailure):
    """The message was refused for good."""

    def __init__(self, message: str, *, recipient_refused: bool = False):
        super().__init__(message)
        self.recipient_refused = recipient_refused


class OutboxTransport(Protocol):
    kind: str

    def send(self, message: EmailMessage, *, sender: str, recipients: list[str]) -> None: ...


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str = ""
    password: str = field(default="", repr=False)
    starttls: bool = False
    ssl: bool = False


def _classify(code: int, text: str, *, recipient: bool = False) -> TransportFailure:
    if 400 <= code < 500:
        return TemporaryFailure(f"{code} {text}")
    return PermanentFailure(f"{code} {text}", recipient_refused=recipient)


def _reply_text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


class SmtpTransport:
    """Sends through an SMTP relay with the standard library's smtplib."""

    kind = "email"

    def __init__(self, settings: SmtpSettings):
        self.settings = settings

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context()
        if s.ssl:
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                s.host, s.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            client = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_SECONDS)
            if s.starttls:
                client.starttls(context=context)
        if s.username:
            client.login(s.username, s.password)
        return client

    def send(self, message: EmailMessage, *, sender: str, recipients: list[str]) -> None:
        try:
            client = self._connect()
        except smtplib.SMTPAuthenticationError as exc:
            # A wrong password does not fix itself, but an operator may fix it:
            # keep the message waiting rather than fail it.
            raise TemporaryFailure(f"{exc.smtp_code} {_reply_text(exc.smtp_error)}") from exc
        except smtplib.SMTPResponseException as exc:
            raise _classify(exc.smtp_code, _reply_text(exc.smtp_error)) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryFailure(str(exc) or exc.__class__.__name__) from exc
        try:
            refused = client.send_message(message, from_addr=sender, to_addrs=recipients)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            raise _classify(code, _reply_text(text), recipient=True) from exc
        except smtplib.SMTPResponseException as exc:
            raise _classify(exc.smtp_code, _reply_text(exc.smtp_error)) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryFailure(str(exc) or exc.__class__.__name__) from exc
        finally:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()
        if refused:
            # Only some of several recipients were refused; one recipient per
            # outbound message keeps this from happening, but say so if it does.
            code, text = next(iter(refused.values()))
            raise _classify(code, _reply_text(text), recipient=True)


class LocalTransport:
    """Keeps sent messages in memory. ``failure`` (an exception) is raised by
    the next sends until cleared, to play a server that is down or refuses."""

    kind = "email"

    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []
        self.failure: TransportFailure | None = None

    def send(self, message: EmailMessage, *, sender: str, recipients: list[str]) -> None:
        if self.failure is not None:
            raise self.failure
        self.sent.append(message)
