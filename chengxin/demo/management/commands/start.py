"""``chengxin start``: everything a single machine needs, in one command.

Applies migrations, loads the demo company into an empty database, then runs
the web server (gunicorn) and the task worker side by side until Ctrl-C. With
the demo and no SMTP relay configured it also runs a local mail catcher on
loopback and points the outbox at it, so what Chengxin sends can be read in the
browser (/outbox/caught/) instead of waiting in the outbox.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from chengxin.accounts.models import User
from chengxin.demo.data import DEMO_PASSWORD
from chengxin.outbox.catcher import catcher_dir, catcher_start

ALL_INTERFACES = {"0.0.0.0", "::"}  # noqa: S104 - what --host may ask for
# The outbox settings the catcher replaces in the child processes.
SMTP_SETTINGS = (
    "CHENGXIN_SMTP_HOST",
    "CHENGXIN_SMTP_PORT",
    "CHENGXIN_SMTP_USER",
    "CHENGXIN_SMTP_PASSWORD",
    "CHENGXIN_SMTP_STARTTLS",
    "CHENGXIN_SMTP_SSL",
)


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Command(BaseCommand):
    help = "Start Chengxin: migrate, load the demo into an empty database, run web and worker."
    # Checked in handle(), once the outbox settings the catcher changes are known.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--host",
            default="127.0.0.1",
            help="Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).",
        )
        parser.add_argument("--port", type=int, default=8000, help="Port (default 8000).")
        parser.add_argument("--workers", type=int, default=2, help="Web server processes.")
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo data.")
        parser.add_argument(
            "--mail-catcher",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Catch outgoing mail locally instead of sending it (default: on with the "
            "demo when CHENGXIN_SMTP_HOST is not set).",
        )

    def handle(self, *args, **options):
        host, port = options["host"], options["port"]
        catcher_on = options["mail_catcher"]
        if catcher_on is None:
            catcher_on = not options["no_demo"] and not settings.CHENGXIN_SMTP_HOST
        env = os.environ.copy()
        controller = None
        if catcher_on:
            catcher_port = _free_loopback_port()
            controller = catcher_start(host="127.0.0.1", port=catcher_port, folder=catcher_dir())
            for name in SMTP_SETTINGS:
                env.pop(name, None)
                env.pop(f"{name}_FILE", None)
            env.update(
                CHENGXIN_SMTP_HOST="127.0.0.1",
                CHENGXIN_SMTP_PORT=str(catcher_port),
                CHENGXIN_MAIL_CATCHER="true",
            )
            # This process's own checks and demo see the same outbox as its children.
            settings.CHENGXIN_SMTP_HOST, settings.CHENGXIN_SMTP_PORT = "127.0.0.1", catcher_port
            settings.CHENGXIN_SMTP_USER = settings.CHENGXIN_SMTP_PASSWORD = ""
            settings.CHENGXIN_SMTP_STARTTLS = settings.CHENGXIN_SMTP_SSL = False
            settings.CHENGXIN_MAIL_CATCHER = True
        try:
            self.check(display_num_errors=False)
            self._start(options, host=host, port=port, env=env, catcher_on=catcher_on)
        finally:
            if controller is not None:
                controller.stop()

    def _start(self, options, *, host: str, port: int, env: dict, catcher_on: bool) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if not options["no_demo"] and not User.objects.exists():
            self.stdout.write("Loading the demo company (first start only)…")
            call_command("demo")
        everywhere = host in ALL_INTERFACES
        shown_host = "127.0.0.1" if everywhere else host
        if ":" in shown_host:
            shown_host = f"[{shown_host}]"
        address = f"http://{shown_host}:{port}/"
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        # Links in mail and on buyers' pages (acknowledgement, public record) point here
        # unless SITE_ROOT names the public address.
        env.setdefault("SITE_ROOT", address.rstrip("/"))
        if not everywhere and "ALLOWED_HOSTS" not in env and "ALLOWED_HOSTS_FILE" not in env:
            # Answer to the address asked for, not only to localhost.
            env["ALLOWED_HOSTS"] = ",".join(dict.fromkeys([*settings.ALLOWED_HOSTS, shown_host]))
        processes = [
            subprocess.Popen(  # noqa: S603
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "chengxin.wsgi:application",
                    "--bind",
                    bind,
                    "--workers",
                    str(options["workers"]),
                    "--threads",
                    "4",
                    # Large imports and exports are answered within the request.
                    "--timeout",
                    "300",
                    "--access-logfile",
                    "-",
                    "--log-level",
                    "warning",
                ],
                env=env,
            ),
            subprocess.Popen([sys.executable, "-m", "chengxin", "worker"], env=env),  # noqa: S603
        ]
        self.stdout.write(self.style.SUCCESS(f"\nChengxin is running at {address}"))
        if everywhere:
            self.stdout.write(
                f"It listens on every interface (port {port}): set ALLOWED_HOSTS (and "
                "SITE_ROOT) to the names others reach it by."
            )
        if not options["no_demo"]:
            self.stdout.write(
                f"Log in as a sales rep:  li.na / {DEMO_PASSWORD}\n"
                "A manager (sets up two-factor at first login): "
                f"wang.manager / {DEMO_PASSWORD}\n"
                f"Finance, who proposes bank accounts: zhao.finance / {DEMO_PASSWORD}; "
                f"who approves what others proposed and verified: sun.finance / {DEMO_PASSWORD}\n"
                "Everyone else is listed by `chengxin demo --list`.\n"
            )
        if catcher_on:
            self.stdout.write(
                "Mail is not delivered: a local mail catcher keeps what Chengxin sends. Read it "
                f"at {address}outbox/caught/ (as the manager or the administrator).\n"
            )
        elif not settings.CHENGXIN_SMTP_HOST:
            self.stdout.write(
                "No mail server is configured (CHENGXIN_SMTP_HOST): email waits in the outbox.\n"
            )
        self.stdout.write("Press Ctrl-C to stop.\n")
        self._wait(processes)

    def _wait(self, processes):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(p.poll() is None for p in processes):
                time.sleep(0.5)
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
            self.stdout.write("Chengxin stopped.")
