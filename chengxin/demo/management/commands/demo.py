"""``chengxin demo``: load the demo exporter (seven users, 300 buyers in 40 countries)."""

import time

from django.core.management.base import BaseCommand, CommandError

from chengxin.demo.data import DEMO_COMPANY_COUNT, DEMO_PASSWORD, DEMO_SEED, DEMO_USERS
from chengxin.demo.services import DemoRefused, demo_load


class Command(BaseCommand):
    help = (
        "Load the demo exporter into an empty database: seven users (every role, two in finance, password "
        f"{DEMO_PASSWORD!r}) and {DEMO_COMPANY_COUNT} buyers in 40 countries."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--list",
            action="store_true",
            help="Print the demo users and their roles, load nothing.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though the database already has customers (they are kept).",
        )
        parser.add_argument(
            "--seed", type=int, default=DEMO_SEED, help="Another seed gives other buyers."
        )

    def handle(self, *args, **options):
        if options["list"]:
            self._list()
            return
        started = time.monotonic()
        try:
            summary = demo_load(seed=options["seed"], force=options["force"])
        except DemoRefused:
            raise CommandError(
                "This database already has customers; the demo would mix with them. "
                "Load it into an empty database, or pass --force to add it anyway."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded in {time.monotonic() - started:.1f} s: {summary.companies} "
                f"companies in {summary.countries} countries, {summary.contacts} contacts, "
                f"{summary.channels} channels, {summary.follow_ups} follow-ups; "
                f"{summary.bank_accounts} bank accounts, {summary.payments} payments received, "
                f"an account change announced to {summary.campaign_recipients} buyers; "
                f"{summary.messages} messages from buyers ({summary.alerts} fraud alert, "
                f"{summary.change_requests} change of address), {summary.messages_sent} "
                f"replies waiting to go out; {summary.products} products, {summary.orders} "
                f"orders, {summary.shipments} shipment at sea."
            )
        )
        if summary.users_kept:
            self.stdout.write(
                "These users already existed and were left as they were (password unchanged): "
                + ", ".join(summary.users_kept)
            )
        if summary.users_created:
            self._list(only=summary.users_created)

    def _list(self, only=None):
        self.stdout.write(f"Demo users (password: {DEMO_PASSWORD}):")
        for user in DEMO_USERS:
            if only is None or user.username in only:
                self.stdout.write(f"  {user.username:<14} {user.role:<8} {user.note}")
        self.stdout.write(
            "Managers, finance and the administrator set up two-factor sign-in at first login."
        )
