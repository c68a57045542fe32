import re

from django.core.management.base import BaseCommand, CommandError

from chengxin.audit.chain import Checkpoint, describe
from chengxin.audit.selectors import audit_verify
from chengxin.audit.services import audit_checkpoint_write

_EXPECT = re.compile(r"^(\d{1,19}):([0-9a-f]{64})$")
SHOWN = 50


def _expected(value: str) -> Checkpoint:
    match = _EXPECT.match(value.strip().lower())
    if match is None:
        raise CommandError(f"--expect {value!r}: give SEQ:HASH, e.g. 1234:3f5a… (64 hex digits)")
    seq = int(match[1])
    return Checkpoint(at="", count=seq, head_seq=seq, head_hash=match[2])


class Command(BaseCommand):
    help = (
        "Audit trail tools. `chengxin audit verify` checks the keyed hash chain end to end "
        "and compares the database with every checkpoint; `chengxin audit checkpoint` "
        "appends a signed checkpoint (count and head) to the checkpoint file."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "checkpoint"])
        parser.add_argument(
            "--file",
            help="the checkpoint file (default: CHENGXIN_AUDIT_CHECKPOINT_FILE)",
        )
        parser.add_argument(
            "--expect",
            action="append",
            default=[],
            metavar="SEQ:HASH",
            help="verify: also compare with a checkpoint from elsewhere, e.g. the managers' "
            "daily mail (repeatable)",
        )

    def handle(self, *args, **options):
        if options["action"] == "checkpoint":
            checkpoint = audit_checkpoint_write(path=options["file"])
            self.stdout.write(
                f"Checkpoint written: {checkpoint.count} entries, head #{checkpoint.head_seq} "
                f"{checkpoint.head_hash}"
            )
            return
        expected = [_expected(value) for value in options["expect"]]
        report = audit_verify(checkpoint_path=options["file"], expected=expected)
        for note in report.notes:
            self.stdout.write(f"Note: {note}")
        if report.intact:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Audit chain intact: {report.count} entries verified, "
                    f"{report.checkpoints_compared} checkpoints compared."
                )
            )
            return
        for finding in report.findings[:SHOWN]:
            self.stderr.write(f"TAMPERED: {describe(finding)}")
        if len(report.findings) > SHOWN:
            self.stderr.write(f"… and {len(report.findings) - SHOWN} more problems.")
        first = report.findings[0]
        where = f" at entry #{first.seq}" if first.seq is not None else ""
        raise CommandError(
            f"Audit trail BROKEN{where}: {describe(first)}. "
            f"{len(report.findings)} problem(s) found; {report.count} entries in the database."
        )
