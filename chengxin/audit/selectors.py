from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import QuerySet

from chengxin.audit import chain
from chengxin.audit.chain import Checkpoint, Finding
from chengxin.audit.keys import chain_key, checkpoint_key
from chengxin.audit.models import AuditEntry, ChainHead
from chengxin.audit.services import audit_entries_in_order

# Checkpoint findings of these kinds are named once, from the latest checkpoint (the
# widest view); a rewritten entry once, from the earliest.
_LATEST_ONLY = {chain.REWOUND, chain.TAIL_DELETED, chain.EMPTIED, chain.COUNT_DROPPED}
_EARLIEST_ONLY = {chain.CHECKPOINT_MISMATCH}


def audit_timeline_for_companies(*, company_ids: list[int], limit: int = 200) -> QuerySet:
    return (
        AuditEntry.objects.filter(company_id__in=company_ids)
        .select_related("actor")
        .order_by("-seq")[:limit]
    )


def _chain_and_head_findings() -> tuple[
    list[Finding], int, tuple[int, str] | None, tuple[int, str] | None
]:
    findings = chain.chain_findings(audit_entries_in_order(), chain_key())
    count = AuditEntry.objects.count()
    last_row = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
    last = (last_row[0], last_row[1]) if last_row else None
    head_row = ChainHead.objects.filter(pk=1).first()
    head = (head_row.seq, head_row.hash) if head_row else None
    findings += chain.head_findings(head=head, last=last, count=count)
    return findings, count, head, last


def audit_chain_first_break() -> Finding | None:
    """The first problem of the keyed chain and its head (without checkpoints), or None."""
    findings, *_rest = _chain_and_head_findings()
    return findings[0] if findings else None


@dataclass
class AuditReport:
    count: int
    findings: list[Finding] = field(default_factory=list)
    checkpoints_compared: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.findings


def _read_checkpoints(path: Path) -> list[str] | None:
    try:
        return path.read_text(encoding="ascii", errors="replace").splitlines()
    except FileNotFoundError:
        return None


def audit_verify(
    *, checkpoint_path: Path | None = None, expected: Sequence[Checkpoint] = ()
) -> AuditReport:
    """Check the keyed chain end to end, the head against the last entry, and the
    database against every checkpoint in the checkpoint file and ``expected`` (e.g.
    from a manager's mail)."""
    findings, count, head, last = _chain_and_head_findings()
    report = AuditReport(count=count, findings=findings)
    path = Path(checkpoint_path or settings.CHENGXIN_AUDIT_CHECKPOINT_FILE)
    lines = _read_checkpoints(path)
    if not any(line.strip() for line in lines or ()):
        checkpointed_at = ChainHead.objects.filter(pk=1).values_list("checkpointed_at", flat=True)
        last_written = checkpointed_at.first()
        if last_written is not None:
            report.findings.append(
                Finding(
                    chain.CHECKPOINT_FILE_MISSING,
                    detail=f"{path}; the last one on {last_written.isoformat()}",
                )
            )
        else:
            report.notes.append(
                f"No checkpoint has been written yet ({path}): only the chain was checked. "
                "Run `chengxin audit checkpoint` (the worker writes one every hour)."
            )
    checkpoints: list[tuple[int | None, Checkpoint]] = []
    for line_number, line in enumerate(lines or (), start=1):
        if not line.strip():
            continue
        try:
            checkpoints.append((line_number, chain.checkpoint_parse(checkpoint_key(), line)))
        except chain.ForgedCheckpoint as exc:
            report.findings.append(
                Finding(chain.FORGED_CHECKPOINT, line=line_number, detail=str(exc))
            )
    checkpoints += [(None, checkpoint) for checkpoint in expected]
    report.checkpoints_compared = len(checkpoints)
    wanted = sorted({checkpoint.head_seq for _number, checkpoint in checkpoints})
    hashes: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        hashes.update(
            AuditEntry.objects.filter(seq__in=wanted[start : start + 500]).values_list(
                "seq", "hash"
            )
        )
    by_kind: dict[str, Finding] = {}
    for number, checkpoint in checkpoints:
        for finding in chain.compare_checkpoint(
            checkpoint,
            source=(
                f"checkpoint line {number}, written {checkpoint.at}"
                if number is not None
                else f"the expected head #{checkpoint.head_seq}"
            ),
            count=count,
            last_seq=last[0] if last else 0,
            head_consistent=head is not None and head == last,
            hash_at_checkpoint=hashes.get(checkpoint.head_seq),
        ):
            if finding.kind in _EARLIEST_ONLY and finding.kind in by_kind:
                continue
            if finding.kind in _LATEST_ONLY | _EARLIEST_ONLY:
                by_kind[finding.kind] = finding
            else:
                report.findings.append(finding)
    report.findings += by_kind.values()
    return report
