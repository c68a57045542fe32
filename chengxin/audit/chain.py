"""The keyed hash chain of the audit trail and its checkpoints: pure functions, no
database, no Django.

Each entry's hash is an HMAC-SHA256, under a key that is not in the database, of
the previous entry's hash and the entry's own content. Someone who can write to
the database can change, remove or reorder rows, but cannot compute hashes that
fit: an edited row, or rows "repaired" by recomputing the hashes after it, fail
the check.

What a key alone cannot show is a chain cut short: delete the last entries and
rewind the head, and what is left is still a valid chain. Checkpoints close that
gap: from time to time the count and the head (sequence number and hash) are
written, signed, to a place the database user cannot rewrite (an append-only
file, a mail to the managers). ``compare_checkpoint`` tells whether the database
still holds what a checkpoint saw.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical(content: Mapping[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def entry_hash(key: bytes, previous_hash: str, content: Mapping[str, Any]) -> str:
    """The keyed hash of an entry: HMAC-SHA256(key, previous hash + canonical content)."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    mac.update(previous_hash.encode())
    mac.update(canonical(content))
    return mac.hexdigest()


def unkeyed_hash(previous_hash: str, content: Mapping[str, Any]) -> str:
    """The hash of the first, unkeyed chain (SHA-256): what anyone can recompute.
    Used to re-chain old rows once, and to name hashes recomputed without the key."""
    digest = hashlib.sha256()
    digest.update(previous_hash.encode())
    digest.update(canonical(content))
    return digest.hexdigest()


# --- Findings -----------------------------------------------------------------------

DELETED_ROWS = "deleted_rows"  # a gap in the sequence numbers
LINK = "link"  # an entry's link to the previous one was altered
EDITED = "edited"  # one entry's content no longer matches its keyed hash
RECOMPUTED = "recomputed"  # a run of entries whose hashes were recomputed without the key
HEAD_MISSING = "head_missing"  # the chain head row was deleted
HEAD_MISMATCH = "head_mismatch"  # the head names another hash than the last entry's
TAIL_DELETED = "tail_deleted"  # the head is ahead of the last entry: the last rows deleted
HEAD_BEHIND = "head_behind"  # entries beyond the head: written around it
EMPTIED = "emptied"  # the table was emptied
REWOUND = "rewound"  # entries a checkpoint saw are gone from the end, head rewound
COUNT_DROPPED = "count_dropped"  # fewer entries than a checkpoint counted
CHECKPOINT_MISMATCH = "checkpoint_mismatch"  # an entry's hash differs from a checkpoint's
FORGED_CHECKPOINT = "forged_checkpoint"  # a checkpoint line without a valid signature
CHECKPOINT_FILE_MISSING = "checkpoint_file_missing"  # checkpoints were written, file gone


@dataclass(frozen=True)
class Finding:
    kind: str
    seq: int | None = None
    last_seq: int | None = None  # a range of entries: seq..last_seq
    line: int | None = None  # a forged checkpoint's line (1-based)
    detail: str = ""  # where it was seen (a checkpoint), or why


def chain_findings(
    entries: Iterable[tuple[int, str, str, Mapping[str, Any]]], key: bytes
) -> list[Finding]:
    """Walk (seq, prev_hash, hash, content) in seq order and name every problem:
    gaps, altered links, and entries that fail the keyed hash. A run of two or more
    failing entries in a row, or a hash that is the plain SHA-256, is ``RECOMPUTED``
    (hashes rewritten after an edit, without the key); a single one is ``EDITED``."""
    findings: list[Finding] = []
    expected_seq, previous = 1, GENESIS
    run: list[int] = []
    run_unkeyed = False

    def flush() -> None:
        nonlocal run, run_unkeyed
        if run:
            kind = RECOMPUTED if len(run) > 1 or run_unkeyed else EDITED
            findings.append(Finding(kind, run[0], run[-1]))
        run, run_unkeyed = [], False

    for seq, prev_hash, stored_hash, content in entries:
        gap = seq > expected_seq
        if gap:
            flush()
            findings.append(Finding(DELETED_ROWS, expected_seq, seq - 1))
        if not gap and prev_hash != previous:
            flush()
            findings.append(Finding(LINK, seq))
        elif not hmac.compare_digest(entry_hash(key, prev_hash, content), stored_hash):
            run.append(seq)
            run_unkeyed = run_unkeyed or stored_hash == unkeyed_hash(prev_hash, content)
        else:
            flush()
        previous, expected_seq = stored_hash, seq + 1
    flush()
    return findings


def head_findings(
    *, head: tuple[int, str] | None, last: tuple[int, str] | None, count: int
) -> list[Finding]:
    """Compare the chain head row (seq, hash) with the last entry (seq, hash)."""
    if head is None:
        return [Finding(HEAD_MISSING)] if count else []
    head_seq, head_hash = head
    if last is None:
        return [Finding(EMPTIED, 1, head_seq)] if head_seq else []
    last_seq, last_hash = last
    if head_seq > last_seq:
        return [Finding(TAIL_DELETED, last_seq + 1, head_seq)]
    if head_seq < last_seq:
        return [Finding(HEAD_BEHIND, head_seq + 1, last_seq)]
    if head_hash != last_hash:
        return [Finding(HEAD_MISMATCH, head_seq)]
    return []


# --- Checkpoints --------------------------------------------------------------------

_LINE = re.compile(
    r"^v1 (?P<at>\S+) count=(?P<count>\d{1,19}) seq=(?P<seq>\d{1,19}) "
    r"head=(?P<head>[0-9a-f]{64}) mac=(?P<mac>[0-9a-f]{64})$"
)


@dataclass(frozen=True)
class Checkpoint:
    at: str  # ISO 8601, UTC
    count: int
    head_seq: int
    head_hash: str


class ForgedCheckpoint(ValueError):
    """A line that is not a checkpoint signed with our key."""


def _checkpoint_body(checkpoint: Checkpoint) -> str:
    return (
        f"v1 {checkpoint.at} count={checkpoint.count} seq={checkpoint.head_seq} "
        f"head={checkpoint.head_hash}"
    )


def checkpoint_line(key: bytes, checkpoint: Checkpoint) -> str:
    """One line (with its newline) for the checkpoint file, signed with ``key``."""
    body = _checkpoint_body(checkpoint)
    mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    return f"{body} mac={mac}\n"


def checkpoint_parse(key: bytes, line: str) -> Checkpoint:
    """The checkpoint in ``line``; ForgedCheckpoint when it is malformed or its
    signature does not match (edited, or written without the key)."""
    match = _LINE.match(line.strip())
    if match is None:
        raise ForgedCheckpoint("not a checkpoint line")
    checkpoint = Checkpoint(match["at"], int(match["count"]), int(match["seq"]), match["head"])
    expected = hmac.new(key, _checkpoint_body(checkpoint).encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, match["mac"]):
        raise ForgedCheckpoint("signature does not match")
    return checkpoint


def compare_checkpoint(
    checkpoint: Checkpoint,
    *,
    source: str,
    count: int,
    last_seq: int,
    head_consistent: bool,
    hash_at_checkpoint: str | None,
) -> list[Finding]:
    """What the database (``count`` entries, the last ``last_seq``, the hash it holds
    for the checkpoint's head entry) says against one checkpoint. ``source`` names
    the checkpoint in findings; ``head_consistent``: the head row agrees with the
    last entry."""
    findings: list[Finding] = []
    if checkpoint.head_seq == 0:
        return findings
    if count == 0:
        return [Finding(EMPTIED, 1, checkpoint.head_seq, detail=source)]
    if hash_at_checkpoint is None:
        if checkpoint.head_seq > last_seq:
            kind = REWOUND if head_consistent else TAIL_DELETED
            findings.append(Finding(kind, last_seq + 1, checkpoint.head_seq, detail=source))
        # A missing entry inside the chain is a gap, already named by the chain walk.
    elif not hmac.compare_digest(hash_at_checkpoint, checkpoint.head_hash):
        findings.append(Finding(CHECKPOINT_MISMATCH, checkpoint.head_seq, detail=source))
    if count < checkpoint.count:
        findings.append(
            Finding(COUNT_DROPPED, detail=f"{count} now, {checkpoint.count} at {source}")
        )
    return findings


def describe(finding: Finding) -> str:
    """One English sentence for the command line."""
    span = (
        f"#{finding.seq}"
        if finding.last_seq in (None, finding.seq)
        else f"#{finding.seq} to #{finding.last_seq}"
    )
    where = f" ({finding.detail})" if finding.detail else ""
    texts = {
        DELETED_ROWS: f"entries {span} were deleted (a gap in the sequence)",
        LINK: f"entry {span}: its link to the previous entry was altered",
        EDITED: f"entry {span} was edited after it was written (its keyed hash fails)",
        RECOMPUTED: f"entries {span} fail the keyed hash: rows were edited and the hashes "
        "recomputed without the key",
        HEAD_MISSING: "the chain head row was deleted",
        HEAD_MISMATCH: f"the chain head names another hash than entry {span}",
        TAIL_DELETED: f"entries {span} were deleted from the end{where}",
        HEAD_BEHIND: f"entries {span} were written past the chain head",
        EMPTIED: f"the audit table was emptied: entries {span} are gone{where}",
        REWOUND: f"entries {span} were deleted from the end and the head rewound{where}",
        COUNT_DROPPED: f"fewer entries than a checkpoint counted: {finding.detail}",
        CHECKPOINT_MISMATCH: f"entry {span} differs from what a checkpoint saw: rewritten "
        f"afterwards{where}",
        FORGED_CHECKPOINT: f"checkpoint line {finding.line} is forged or altered "
        f"({finding.detail})",
        CHECKPOINT_FILE_MISSING: f"the checkpoint file is missing or empty, but checkpoints "
        f"were written ({finding.detail})",
    }
    return texts[finding.kind]
