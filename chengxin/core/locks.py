"""Serialising a check-then-write (count the attempts, then log one more) per key, so
that two workers cannot both pass a limit.

PostgreSQL: a transaction-scoped advisory lock on the key's hash, released at commit.
SQLite: nothing to do, because every transaction there starts IMMEDIATE
(settings.py), which already lets one writer at a time through.
"""

from __future__ import annotations

from django.db import connection


def serialise_on(key: str) -> None:
    """Wait until no other transaction holds ``key``; hold it until this one ends.
    Must be called inside ``transaction.atomic()``."""
    if connection.vendor != "postgresql":
        return
    if not connection.in_atomic_block:
        raise RuntimeError("serialise_on() needs a transaction")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [key])
