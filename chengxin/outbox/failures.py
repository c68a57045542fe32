"""Why a message did not go out, in plain words.

The outbox stores the relay's or the socket's own words (``[Errno 111] Connection
refused``, ``535 5.7.8 Authentication credentials invalid``): exact, but they mean
nothing to a sales rep. :func:`explain_failure` turns the common ones into a sentence
in the reader's language that says what happened and who can fix it; the pages show it
first and keep the technical text beside it, smaller.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

__all__ = ["NO_RELAY", "explain_failure"]

# Stored untranslated as the message's last error when no relay is configured.
NO_RELAY = gettext_noop(
    "No mail server is configured: this message waits here until an administrator sets "
    "CHENGXIN_SMTP_HOST."
)

_SMTP_CODE = re.compile(r"^\s*(\d{3})\b")

# (pattern in the technical text, explanation); the first match wins.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), text)
    for pattern, text in (
        (
            r"errno 111|connection refused|errno 61\b",
            gettext_noop(
                "The mail server refused the connection: nothing answers at the configured "
                "address and port (CHENGXIN_SMTP_HOST, CHENGXIN_SMTP_PORT), or the server is "
                "down. Chengxin tries again later."
            ),
        ),
        (
            r"errno -[235]\b|name or service not known|temporary failure in name resolution"
            r"|nodename nor servname|getaddrinfo failed|no address associated",
            gettext_noop(
                "The mail server's name could not be found: check CHENGXIN_SMTP_HOST and this "
                "machine's DNS. Chengxin tries again later."
            ),
        ),
        (
            r"timed out|timeout",
            gettext_noop(
                "The mail server did not answer in time (a firewall may block the port, or "
                "the server is overloaded). Chengxin tries again later."
            ),
        ),
        (
            r"errno 113|errno 101|no route to host|network is unreachable",
            gettext_noop(
                "The mail server cannot be reached from this machine (no network route). "
                "Chengxin tries again later."
            ),
        ),
        (
            r"certificate verify failed|certificate_verify_failed|hostname mismatch",
            gettext_noop(
                "The mail server's certificate could not be verified, so Chengxin did not "
                "send the message over that connection. An administrator must fix the "
                "server's certificate or the host name."
            ),
        ),
        (
            r"wrong version number|unknown protocol|ssl|tls",
            gettext_noop(
                "The secure connection to the mail server failed: the port may expect TLS "
                "from the start (CHENGXIN_SMTP_SSL, port 465) or STARTTLS "
                "(CHENGXIN_SMTP_STARTTLS, port 587)."
            ),
        ),
        (
            r"auth extension not supported",
            gettext_noop(
                "The mail server offers no login on this connection; turn on STARTTLS "
                "(CHENGXIN_SMTP_STARTTLS) or remove CHENGXIN_SMTP_USER."
            ),
        ),
        (
            r"connection unexpectedly closed|server disconnected|connection reset|errno 104"
            r"|broken pipe|errno 32\b",
            gettext_noop(
                "The mail server closed the connection before the message was handed over. "
                "Chengxin tries again later."
            ),
        ),
    )
)

_BY_CODE: dict[str, str] = {
    "530": gettext_noop(
        "The mail server requires a login: set CHENGXIN_SMTP_USER and CHENGXIN_SMTP_PASSWORD."
    ),
    "534": gettext_noop(
        "The mail server refused the login (CHENGXIN_SMTP_USER, CHENGXIN_SMTP_PASSWORD): an "
        "administrator must correct them. The message waits."
    ),
    "535": gettext_noop(
        "The mail server refused the login (CHENGXIN_SMTP_USER, CHENGXIN_SMTP_PASSWORD): an "
        "administrator must correct them. The message waits."
    ),
    "550": gettext_noop("The recipient's mail server refused the address."),
    "551": gettext_noop("The recipient's mail server refused the address."),
    "553": gettext_noop("The recipient's address was refused as invalid."),
    "552": gettext_noop("The message is too large for the mail server."),
    "554": gettext_noop("The mail server refused the message."),
}


def explain_failure(error: str) -> str:
    """The plain explanation of a stored error, in the active language; "" when there is
    nothing plainer to say than the error itself."""
    error = (error or "").strip()
    if not error:
        return ""
    if error == NO_RELAY:
        return _(NO_RELAY)
    code = _SMTP_CODE.match(error)
    if code:
        number = code.group(1)
        if number in _BY_CODE:
            return _(_BY_CODE[number])
        if number.startswith("4"):
            return _(
                "The mail server asked Chengxin to try again later (a temporary refusal). "
                "Chengxin tries again later."
            )
        if number.startswith("5"):
            return _("The mail server refused the message.")
    for pattern, text in _PATTERNS:
        if pattern.search(error):
            return _(text)
    return ""
