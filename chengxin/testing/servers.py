"""A real SMTP server on loopback (aiosmtpd) and a real HTTP server on loopback
playing Meta's WhatsApp Cloud API, started and stopped by the tests (the fixtures that
run them are in ``chengxin.testing.fixtures``)."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


# --- A WhatsApp Cloud API on loopback ---------------------------------------------

PHONE_NUMBER_ID = "106540352242922"
WHATSAPP_TOKEN = "EAAG-test-token"  # noqa: S105


@dataclass
class Reply:
    status: int
    body: bytes
    delay: float = 0.0


def cloud_error(status: int, code: int, message: str, details: str = "") -> Reply:
    """An error answer shaped like the Cloud API's (Graph API error object)."""
    error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbC"}
    if details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return Reply(status, json.dumps({"error": error}).encode())


@dataclass
class Received:
    path: str
    authorization: str
    content_type: str
    body: dict


class CloudApi:
    """What the loopback Cloud API received; ``replies`` are answered in order,
    then every request succeeds with a fresh ``wamid``."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.replies: list[Reply] = []
        self._lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                with api._lock:
                    api.requests.append(
                        Received(
                            path=self.path,
                            authorization=self.headers.get("Authorization", ""),
                            content_type=self.headers.get("Content-Type", ""),
                            body=json.loads(raw),
                        )
                    )
                    reply = api.replies.pop(0) if api.replies else api.success(api.requests[-1])
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, format, *args):  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v21.0"

    def success(self, request: Received) -> Reply:
        to = request.body.get("to", "")
        answer = {
            "messaging_product": "whatsapp",
            "contacts": [{"input": to, "wa_id": to.lstrip("+")}],
            "messages": [{"id": f"wamid.TEST{len(self.requests)}"}],
        }
        return Reply(200, json.dumps(answer).encode())

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
