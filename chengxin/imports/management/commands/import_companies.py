"""``chengxin import_companies FILE [--confirm] [--as USERNAME]``: check a
CSV/XLSX file of customers and print every row's problems; with --confirm,
import it (all or nothing), as the import page does."""

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from chengxin.accounts.models import Role, User
from chengxin.imports import services


class Command(BaseCommand):
    help = "Check (and with --confirm import) a CSV or XLSX file of companies and contacts."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--confirm", action="store_true", help="import when no row has errors")
        parser.add_argument(
            "--as",
            dest="username",
            help="the user who imports (default: the first active administrator)",
        )

    def handle(self, *args, file: Path, confirm: bool, username: str | None, **options):
        actor = self._actor(username)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            with file.open("rb") as handle:
                batch = services.import_dry_run(
                    actor=actor, uploaded_file=File(handle, name=file.name)
                )
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc
        self._print_report(batch)
        if batch.error_count:
            raise CommandError(f"{batch.error_count} row(s) have errors; nothing was imported.")
        if not confirm:
            self.stdout.write("Dry run only: nothing was imported. Run again with --confirm.")
            return
        try:
            batch = services.import_confirm(actor=actor, batch=batch)
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {batch.company_count} companies, {batch.contact_count} contacts, "
                f"{batch.channel_count} channels (batch #{batch.pk})."
            )
        )

    def _actor(self, username: str | None) -> User:
        if username:
            try:
                return User.objects.get(username=username, is_active=True)
            except User.DoesNotExist:
                raise CommandError(f"No active user {username!r}.") from None
        actor = User.objects.filter(role=Role.ADMIN, is_active=True).order_by("pk").first()
        if actor is None:
            raise CommandError("There is no active administrator; name the user with --as.")
        self.stdout.write(f"Importing as {actor.username} (administrator).")
        return actor

    def _print_report(self, batch) -> None:
        counts = batch.report.get("counts", {})
        self.stdout.write(
            f"{batch.filename}: {counts.get('rows', 0)} rows; to import: "
            f"{counts.get('companies', 0)} companies, {counts.get('contacts', 0)} contacts, "
            f"{counts.get('channels', 0)} channels; rows with errors: "
            f"{counts.get('error_rows', 0)}, skipped as duplicates: "
            f"{counts.get('duplicate_rows', 0)}, with warnings: {counts.get('warning_rows', 0)}."
        )
        for note in batch.report.get("notes", []):
            self.stdout.write(f"Note: {note}")
        for row in batch.report.get("rows", []):
            for problem in row["problems"]:
                self.stdout.write(
                    f"row {row['row']} [{problem['severity']}] {problem['column']}: "
                    f"{problem['message']}"
                )
        if batch.report.get("rows_not_listed"):
            self.stdout.write(f"… and {batch.report['rows_not_listed']} more rows with problems.")
