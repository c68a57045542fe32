"""The keyed chain and checkpoint lines as plain functions (no database)."""

import pytest

from chengxin.audit import chain

KEY = b"k" * 32


def _chain(n, key=KEY):
    entries, previous = [], chain.GENESIS
    for seq in range(1, n + 1):
        content = {"seq": seq, "text": f"entry {seq}"}
        digest = chain.entry_hash(key, previous, content)
        entries.append((seq, previous, digest, content))
        previous = digest
    return entries


def test_an_intact_chain_has_no_findings_and_the_key_matters():
    assert chain.chain_findings(_chain(5), KEY) == []
    assert chain.chain_findings(_chain(5, key=b"other"), KEY) == [
        chain.Finding(chain.RECOMPUTED, 1, 5)
    ]


def test_an_edit_recomputed_with_the_public_algorithm_is_named():
    entries = _chain(4)
    previous = entries[1][1]
    forged = []
    for seq, _prev, _digest, content in entries[1:]:
        content = {**content, "text": "forged"} if seq == 2 else content
        digest = chain.unkeyed_hash(previous, content)
        forged.append((seq, previous, digest, content))
        previous = digest
    assert chain.chain_findings(entries[:1] + forged, KEY) == [
        chain.Finding(chain.RECOMPUTED, 2, 4)
    ]
    # The last entry alone, recomputed the plain way, is named too.
    last = entries[3]
    content = {**last[3], "text": "forged"}
    tail = (4, last[1], chain.unkeyed_hash(last[1], content), content)
    assert chain.chain_findings(entries[:3] + [tail], KEY) == [
        chain.Finding(chain.RECOMPUTED, 4, 4)
    ]


def test_gaps_links_and_single_edits():
    entries = _chain(6)
    edited = (3, entries[2][1], entries[2][2], {**entries[2][3], "text": "x"})
    relinked = (5, "f" * 64, entries[4][2], entries[4][3])
    tampered = [entries[0], edited, entries[3], relinked, entries[5]]
    assert chain.chain_findings(tampered, KEY) == [
        chain.Finding(chain.DELETED_ROWS, 2, 2),
        chain.Finding(chain.EDITED, 3, 3),
        chain.Finding(chain.LINK, 5),
    ]


def test_head_findings():
    assert chain.head_findings(head=None, last=None, count=0) == []
    assert chain.head_findings(head=None, last=(3, "a"), count=3)[0].kind == chain.HEAD_MISSING
    assert chain.head_findings(head=(3, "a"), last=None, count=0)[0].kind == chain.EMPTIED
    assert chain.head_findings(head=(5, "a"), last=(3, "b"), count=3)[0].kind == (
        chain.TAIL_DELETED
    )
    assert chain.head_findings(head=(3, "a"), last=(3, "b"), count=3)[0].kind == (
        chain.HEAD_MISMATCH
    )
    assert chain.head_findings(head=(3, "a"), last=(3, "a"), count=3) == []


def test_checkpoint_lines_are_signed():
    checkpoint = chain.Checkpoint("2026-12-07T10:00:00Z", 12, 12, "ab" * 32)
    line = chain.checkpoint_line(KEY, checkpoint)
    assert line.endswith("\n") and "count=12 seq=12" in line
    assert chain.checkpoint_parse(KEY, line) == checkpoint
    with pytest.raises(chain.ForgedCheckpoint):
        chain.checkpoint_parse(KEY, line.replace("count=12", "count=10"))
    with pytest.raises(chain.ForgedCheckpoint):
        chain.checkpoint_parse(b"another key", line)
    with pytest.raises(chain.ForgedCheckpoint):
        chain.checkpoint_parse(KEY, line.split(" mac=")[0])


def test_compare_checkpoint():
    checkpoint = chain.Checkpoint("t", 10, 10, "ab" * 32)
    same = dict(source="line 1", count=10, last_seq=10, head_consistent=True)
    assert chain.compare_checkpoint(checkpoint, **same, hash_at_checkpoint="ab" * 32) == []
    rewound = chain.compare_checkpoint(
        checkpoint,
        source="line 1",
        count=8,
        last_seq=8,
        head_consistent=True,
        hash_at_checkpoint=None,
    )
    assert [f.kind for f in rewound] == [chain.REWOUND, chain.COUNT_DROPPED]
    assert (rewound[0].seq, rewound[0].last_seq) == (9, 10)
    rewritten = chain.compare_checkpoint(checkpoint, **same, hash_at_checkpoint="cd" * 32)
    assert [f.kind for f in rewritten] == [chain.CHECKPOINT_MISMATCH]
    emptied = chain.compare_checkpoint(
        checkpoint,
        source="line 1",
        count=0,
        last_seq=0,
        head_consistent=False,
        hash_at_checkpoint=None,
    )
    assert [f.kind for f in emptied] == [chain.EMPTIED]
    for finding in rewound + rewritten + emptied:
        assert chain.describe(finding)
