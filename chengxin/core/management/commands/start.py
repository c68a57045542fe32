"""``chengxin start``: everything a single machine needs, in one command.

Applies migrations, loads the demo company into an empty database, then runs
the web server (gunicorn) and the task worker side by side until Ctrl-C.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from chengxin.accounts.models import User


class Command(BaseCommand):
    help = "Start Chengxin: migrate, load the demo into an empty database, run web and worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="Web server processes.")
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo data.")

    def handle(self, *args, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if not options["no_demo"] and not User.objects.exists():
            self.stdout.write("Loading the demo company (first start only)…")
            call_command("demo")
        address = f"http://{options['host']}:{options['port']}/"
        # Links in mail and on buyers' pages (acknowledgement, public record) point here
        # unless SITE_ROOT names the public address.
        env = os.environ.copy()
        env.setdefault("SITE_ROOT", address.rstrip("/"))
        processes = [
            subprocess.Popen(  # noqa: S603
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "chengxin.wsgi:application",
                    "--bind",
                    f"{options['host']}:{options['port']}",
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
        if not options["no_demo"]:
            self.stdout.write(
                "Log in as a sales rep:  li.na / chengxin-demo\n"
                "A manager (sets up two-factor at first login): wang.manager / chengxin-demo\n"
                "Everyone else is listed by `chengxin demo --list`.\n"
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
