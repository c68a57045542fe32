"""``chengxin guard check message.eml``: the guard's assessment of a file, as JSON.

By default the message is checked against everyone in the database (customers'
domains and addresses, our own domains), with DNS as configured
(``CHENGXIN_GUARD_DNS``). With ``--without-database`` it is the engine's own
command line (``python -m chengxin.guard.cli``), which reads known domains and
addresses from files instead.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from chengxin.guard import cli
from chengxin.guard.authentication import live_txt_lookup
from chengxin.guard.known_index import known_index
from chengxin.guard.scoring import assess_message


class Command(BaseCommand):
    help = "The fraud guard. 'check FILE' prints the assessment of a message as JSON."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check"])
        parser.add_argument("message", type=Path, help="the .eml file")
        parser.add_argument(
            "--without-database",
            action="store_true",
            help="do not read known correspondents from the database (the engine's own CLI)",
        )
        parser.add_argument("--known-domains", type=Path, help="with --without-database")
        parser.add_argument("--known-addresses", type=Path, help="with --without-database")
        dns = parser.add_mutually_exclusive_group()
        dns.add_argument("--dns", type=Path, help="JSON name -> TXT records (offline DNS)")
        dns.add_argument("--live-dns", action="store_true", help="query the real DNS")
        dns.add_argument("--no-dns", action="store_true", help="no DNS at all")
        parser.add_argument("--trusted-authserv-id", action="append", default=None)
        seen = parser.add_mutually_exclusive_group()
        seen.add_argument("--seen-before", dest="seen", action="store_true", default=None)
        seen.add_argument("--first-contact", dest="seen", action="store_false")

    def handle(self, *args, **options):
        if options["without_database"]:
            return self._engine_cli(options)
        if options["known_domains"] or options["known_addresses"]:
            raise CommandError("--known-domains/--known-addresses need --without-database.")
        try:
            raw = options["message"].read_bytes()
            txt_lookup = None
            if options["dns"]:
                txt_lookup = cli.load_dns(options["dns"])
            elif options["live_dns"] or (
                not options["no_dns"] and settings.CHENGXIN_GUARD_DNS == "live"
            ):
                txt_lookup = live_txt_lookup()
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        trusted = options["trusted_authserv_id"]
        assessment = assess_message(
            raw,
            index=known_index().index,
            sender_seen_before=options["seen"],
            txt_lookup=txt_lookup,
            trusted_authserv_ids=(
                trusted if trusted is not None else settings.CHENGXIN_GUARD_TRUSTED_AUTHSERV_IDS
            ),
        )
        self.stdout.write(
            json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2, default=str)
        )

    def _engine_cli(self, options) -> None:
        argv = ["check", str(options["message"])]
        for name in ("known_domains", "known_addresses", "dns"):
            if options[name]:
                argv += [f"--{name.replace('_', '-')}", str(options[name])]
        if options["live_dns"]:
            argv.append("--live-dns")
        for authserv_id in options["trusted_authserv_id"] or ():
            argv += ["--trusted-authserv-id", authserv_id]
        if options["seen"] is not None:
            argv.append("--seen-before" if options["seen"] else "--first-contact")
        output, errors = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(errors):
            status = cli.main(argv)
        if status:
            raise CommandError(errors.getvalue().strip() or f"guard exited with {status}")
        self.stdout.write(output.getvalue(), ending="")
