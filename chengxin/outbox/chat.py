"""Carrying a chat message (WhatsApp; SMS and WeChat have no adapter in this
build): one small interface, a real WhatsApp Cloud API transport and a local one
for unit tests. No Django here.

A chat transport hands one text to one number and answers the provider's id
for it, or raises the outbox's ``TemporaryFailure`` (try again later: rate
limits, the provider down, timeouts, connection errors) or ``PermanentFailure``
(retrying will not help: a number that is not on WhatsApp, a template that does
not exist, a token that was refused). ``recipient_refused`` marks a refusal
that is the recipient's, which the outbox records as a bounce.

The WhatsApp Cloud API (Meta's Graph API): ``POST {api_base}/{phone_number_id}/messages``
with a bearer token; success is ``{"messages": [{"id": "wamid..."}]}``, an error is
``{"error": {"message", "type", "code", "error_subcode", "error_data": {"details"}}}``.
Business-initiated messages outside the 24-hour customer service window must be
approved templates, so a configured template name sends the text as the
template's body parameters; without one, a plain text message is sent.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from chengxin.outbox.transport import PermanentFailure, TemporaryFailure, TransportFailure

__all__ = [
    "ChatTemplate",
    "ChatTransport",
    "LocalChatTransport",
    "WhatsAppCloudTransport",
    "WhatsAppSettings",
    "template_for",
    "template_parameter",
    "whatsapp_failure",
]

# The Cloud API's limit for a text message body.
TEXT_MAX_CHARS = 4096

# Error codes (error.code) after Meta's published list.
# Rate limits and "try later": the message may be sent again after a pause.
THROTTLING_CODES = frozenset({4, 80007, 130429, 131048, 131056})
TEMPORARY_CODES = frozenset({1, 2, 131000, 131016, 133004}) | THROTTLING_CODES
# The token or the app's permissions: only an operator can fix these.
AUTH_CODES = frozenset({0, 3, 10, 190}) | frozenset(range(200, 300))
# The recipient's side: not a WhatsApp user / undeliverable, re-engagement needed
# (outside the 24-hour window), not in the test number's allowed list, opted out
# of marketing messages, the recipient is the sender.
RECIPIENT_CODES = frozenset({131021, 131026, 131030, 131047, 131050})


@dataclass(frozen=True)
class ChatTemplate:
    """An approved WhatsApp message template and its body parameters ({{1}}, {{2}} …)."""

    name: str
    language: str
    parameters: tuple[str, ...] = ()


class ChatTransport(Protocol):
    kind: str

    def send(self, to: str, text: str, *, template: ChatTemplate | None = None) -> str:
        """Deliver ``text`` (or ``template``) to the E.164 number ``to``; the provider's id."""
        ...


_SPACES = re.compile(r"[ \t\r\n]+")


def template_parameter(text: str) -> str:
    """A text as a template parameter may carry it: the Cloud API refuses parameters
    with new lines, tabs or more than four spaces in a row, so whitespace is folded."""
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class WhatsAppSettings:
    api_base: str
    phone_number_id: str
    token: str = field(repr=False)
    timeout: float = 10.0


def _error_text(status: int, error: dict) -> str:
    code = error.get("code")
    subcode = error.get("error_subcode")
    message = str(error.get("message") or "").strip()
    details = ""
    if isinstance(error.get("error_data"), dict):
        details = str(error["error_data"].get("details") or "").strip()
    parts = [f"WhatsApp error {code}"]
    if subcode:
        parts[0] += f"/{subcode}"
    parts[0] += f" (HTTP {status})"
    text = ": ".join([parts[0], message] if message else parts)
    if details and details != message:
        text += f" — {details}"
    return text


def whatsapp_failure(status: int, body: bytes) -> TransportFailure:
    """The failure an unsuccessful Cloud API answer stands for."""
    try:
        payload = json.loads(body.decode("utf-8"))
        error = payload["error"] if isinstance(payload, dict) else None
    except (UnicodeDecodeError, ValueError, KeyError):
        error = None
    if not isinstance(error, dict):
        snippet = body[:200].decode("utf-8", "replace").strip()
        text = f"WhatsApp answered HTTP {status} without an error object: {snippet!r}"
        if status == 429 or status >= 500:
            return TemporaryFailure(text)
        if status in (401, 403):
            return PermanentFailure(
                f"{text}. The access token was refused: check CHENGXIN_WHATSAPP_TOKEN."
            )
        return PermanentFailure(text)
    try:
        code = int(error.get("code"))
    except (TypeError, ValueError):
        code = None
    text = _error_text(status, error)
    if code in AUTH_CODES or status == 401:
        return PermanentFailure(
            f"{text}. The access token or its permissions were refused: check "
            "CHENGXIN_WHATSAPP_TOKEN and CHENGXIN_WHATSAPP_PHONE_NUMBER_ID."
        )
    if code in TEMPORARY_CODES or status == 429 or status >= 500:
        return TemporaryFailure(text)
    return PermanentFailure(text, recipient_refused=code in RECIPIENT_CODES)


class WhatsAppCloudTransport:
    """Sends through Meta's WhatsApp Cloud API with the standard library.

    A timeout after the request went out is treated as temporary and retried
    like the rest; the Cloud API has no idempotency key, so in that rare case
    the recipient may see the message twice (the outbox's per-message claim
    still keeps two workers from sending the same row at once)."""

    kind = "whatsapp"

    def __init__(self, settings: WhatsAppSettings):
        scheme = urllib.parse.urlsplit(settings.api_base).scheme
        if scheme not in ("http", "https"):
            raise ValueError(f"The WhatsApp API base must be an http(s) URL: {settings.api_base!r}")
        self.settings = settings

    @property
    def url(self) -> str:
        base = self.settings.api_base.rstrip("/")
        return f"{base}/{urllib.parse.quote(self.settings.phone_number_id, safe='')}/messages"

    @staticmethod
    def payload(to: str, text: str, template: ChatTemplate | None = None) -> dict:
        message: dict = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to}
        if template is None:
            message["type"] = "text"
            message["text"] = {"preview_url": True, "body": text}
            return message
        message["type"] = "template"
        message["template"] = {"name": template.name, "language": {"code": template.language}}
        if template.parameters:
            message["template"]["components"] = [
                {
                    "type": "body",
                    "parameters": [{"type": "text", "text": p} for p in template.parameters],
                }
            ]
        return message

    def send(self, to: str, text: str, *, template: ChatTemplate | None = None) -> str:
        request = urllib.request.Request(  # noqa: S310 (scheme checked in __init__)
            self.url,
            data=json.dumps(self.payload(to, text, template)).encode("utf-8"),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.settings.token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.settings.timeout) as response:  # noqa: S310
                status, body = response.status, response.read()
        except urllib.error.HTTPError as exc:
            try:
                body = exc.read()
            except (OSError, TimeoutError):
                body = b""
            raise whatsapp_failure(exc.code, body) from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise TemporaryFailure(f"WhatsApp did not answer in time: {reason}") from exc
            raise TemporaryFailure(f"WhatsApp could not be reached: {reason}") from exc
        except TimeoutError as exc:
            raise TemporaryFailure(f"WhatsApp did not answer in time: {exc}") from exc
        except OSError as exc:
            raise TemporaryFailure(f"WhatsApp could not be reached: {exc}") from exc
        return _message_id(status, body)


def _message_id(status: int, body: bytes) -> str:
    try:
        return str(json.loads(body.decode("utf-8"))["messages"][0]["id"])
    except (UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError) as exc:
        # The provider took the request but its answer cannot be read: the
        # message may well have gone out, so it is not retried automatically.
        snippet = body[:200].decode("utf-8", "replace").strip()
        raise PermanentFailure(
            f"WhatsApp answered HTTP {status} but not with a message id ({snippet!r}); "
            "the message may have been delivered. Check with the recipient before "
            "sending it again."
        ) from exc


class LocalChatTransport:
    """Keeps sent chat messages in memory as (to, text, template). ``failure``
    (an exception) is raised by the next sends until cleared."""

    kind = "whatsapp"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, ChatTemplate | None]] = []
        self.failure: TransportFailure | None = None

    def send(self, to: str, text: str, *, template: ChatTemplate | None = None) -> str:
        if self.failure is not None:
            raise self.failure
        self.sent.append((to, text, template))
        return f"local.{len(self.sent)}"


def template_for(name: str, language: str, parameters: Sequence[str]) -> ChatTemplate:
    return ChatTemplate(
        name=name, language=language, parameters=tuple(template_parameter(p) for p in parameters)
    )
