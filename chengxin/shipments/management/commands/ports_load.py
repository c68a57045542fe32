"""``chengxin ports_load FILE.csv``: load places from the UN/LOCODE code list (UNECE's
CodeListPart CSV files, or datasets/un-locode's code-list.csv) into the port table;
``--demo`` loads the few major ports shipped with Chengxin. A code already there is
updated; nothing is removed."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chengxin.shipments.services import ports_load

DEMO_FILE = Path(__file__).resolve().parents[2] / "data" / "ports_demo.csv"
MAX_BYTES = 64 * 1024 * 1024


class Command(BaseCommand):
    help = "Load ports and places from a UN/LOCODE CSV file."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A UN/LOCODE CSV file.")
        parser.add_argument("--demo", action="store_true", help="Load the demo's major ports.")

    def handle(self, *args, file=None, demo=False, **options):
        if bool(file) == bool(demo):
            raise CommandError("Name one CSV file, or --demo.")
        path = DEMO_FILE if demo else Path(file)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise CommandError(f"{path} is larger than {MAX_BYTES // 2**20} MB.")
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}") from exc
        result = ports_load(content=content)
        for problem in result.problems[:50]:
            self.stderr.write(f"line {problem.line}: {problem.code} {problem.params}")
        if len(result.problems) > 50:
            self.stderr.write(f"... and {len(result.problems) - 50} more rows skipped")
        self.stdout.write(
            f"{result.created} ports added, {result.updated} updated, "
            f"{len(result.problems)} rows skipped."
        )
