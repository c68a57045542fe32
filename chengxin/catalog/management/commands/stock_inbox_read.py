"""``chengxin stock_inbox_read [--inbox PATH]``: apply the stock files waiting in the
watched folder now (as the scheduled task does) and say what became of each."""

from pathlib import Path

from django.core.management.base import BaseCommand

from chengxin.catalog.services import stock_inbox_read


class Command(BaseCommand):
    help = "Read the stock files in CHENGXIN_STOCK_INBOX (or --inbox) and move them aside."

    def add_arguments(self, parser):
        parser.add_argument("--inbox", type=Path, help="another folder than the setting's")

    def handle(self, *args, inbox: Path | None, **options):
        outcomes = stock_inbox_read(inbox=inbox)
        if not outcomes:
            self.stdout.write("No stock file waiting.")
        for outcome in outcomes:
            if outcome.ok:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{outcome.name}: {outcome.applied} level(s) applied, {outcome.older} "
                        f"older than the one kept → {outcome.moved_to}"
                    )
                )
            else:
                self.stdout.write(self.style.ERROR(f"{outcome.name}: refused → {outcome.moved_to}"))
                for error in outcome.errors:
                    self.stdout.write(f"  {error}")
