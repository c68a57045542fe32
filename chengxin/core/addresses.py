"""The client's address behind reverse proxies, for rate limits and logs (public account
checks, acknowledgements, fee claims).

A plain function: each trusted proxy appends the address it received the request from to
``X-Forwarded-For``, and the nearest one is ``REMOTE_ADDR``. Counting ``trusted`` proxies
from the right, the next address to the left is the first one no proxy of ours vouched
for: the client as far as we can know. Anything to its left was written by the client and
is ignored (it could name any address to escape the limit).
"""

from __future__ import annotations

import ipaddress


def _valid(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_address(remote_addr: str, forwarded_for: str, trusted_proxies: int) -> str:
    """The right-most untrusted address; ``remote_addr`` when no proxy is trusted or the
    header is missing or malformed."""
    remote = _valid(remote_addr or "") or "0.0.0.0"  # noqa: S104 - a placeholder, not a bind
    if trusted_proxies <= 0 or not forwarded_for:
        return remote
    chain = [part.strip() for part in forwarded_for.split(",") if part.strip()] + [remote]
    index = max(len(chain) - 1 - trusted_proxies, 0)
    return _valid(chain[index]) or remote


def request_client_address(request) -> str:
    from django.conf import settings

    return client_address(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        settings.CHENGXIN_TRUSTED_PROXY_COUNT,
    )
