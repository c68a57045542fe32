"""Which mail servers a mailbox may point at. A user types a host and a port; without
this, Chengxin would connect anywhere it can reach: its own loopback services, the
private network behind it, cloud metadata addresses. Only servers on the public Internet
are allowed, unless an administrator allows private ones (CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS,
e.g. for a mail server on the office network).

The check runs when a mailbox is saved and again at every connection, on the addresses
the name resolves to then; the connection goes to the address that was checked, so a
name that resolves differently a moment later cannot slip past. Plain functions."""

from __future__ import annotations

import ipaddress
import socket


class HostNotAllowed(Exception):
    """The host is, or resolves to, an address that is not on the public Internet."""


def is_public_address(address: str) -> bool:
    """Whether the IP address is globally routable (not loopback, private, link-local,
    shared, reserved, multicast or unspecified); an IPv4 address inside IPv6 by its IPv4."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            ip = mapped
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> list[str]:
    """The addresses the host name stands for (OSError when it cannot be resolved)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def check_addresses(addresses: list[str], *, allow_private: bool) -> None:
    """HostNotAllowed unless every address is public (or private ones are allowed)."""
    if not allow_private and not all(is_public_address(a) for a in addresses):
        raise HostNotAllowed("the host is not on the public Internet")


def addresses_to_connect(host: str, port: int, *, allow_private: bool) -> list[str]:
    """The checked addresses to connect to for ``host``, in order; HostNotAllowed or
    OSError."""
    addresses = resolve(host, port)
    check_addresses(addresses, allow_private=allow_private)
    return addresses


def connect(addresses: list[str], port: int, timeout: float) -> socket.socket:
    """A TCP connection to the first of the checked addresses that answers."""
    error: OSError | None = None
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            error = exc
    raise error or OSError("no address to connect to")
