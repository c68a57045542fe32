"""The hash chain of the audit trail: pure functions, no database.

Each entry's hash covers its own content and the previous entry's hash, so a
row changed, removed or reordered directly in the database breaks the chain
from that row on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical(content: Mapping[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def entry_hash(previous_hash: str, content: Mapping[str, Any]) -> str:
    digest = hashlib.sha256()
    digest.update(previous_hash.encode())
    digest.update(canonical(content))
    return digest.hexdigest()


@dataclass(frozen=True)
class Break:
    seq: int
    reason: str


def first_break(entries: Iterable[tuple[int, str, str, Mapping[str, Any]]]) -> Break | None:
    """Walk (seq, prev_hash, hash, content) in seq order; return the first broken link."""
    expected_seq = 1
    previous = GENESIS
    for seq, prev_hash, stored_hash, content in entries:
        if seq != expected_seq:
            return Break(expected_seq, "missing")
        if prev_hash != previous:
            return Break(seq, "link")
        if entry_hash(previous, content) != stored_hash:
            return Break(seq, "content")
        previous = stored_hash
        expected_seq += 1
    return None
