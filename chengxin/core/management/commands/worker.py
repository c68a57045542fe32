"""``chengxin worker``: runs queued tasks and the periodic schedules.

The task loop is django-tasks-db's worker (it claims each task under a lock and
stops cleanly on SIGINT/SIGTERM); a thread beside it enqueues due schedules.
"""

import logging
import os
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from chengxin.core.schedules import scheduler_tick

logger = logging.getLogger("chengxin.worker")


class Command(BaseCommand):
    help = "Run the task worker with the periodic schedules (stop with Ctrl-C or SIGTERM)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument(
            "--tick", type=float, default=15.0, help="Seconds between schedule checks."
        )
        parser.add_argument("--batch", action="store_true", help="Exit when the queue is empty.")
        parser.add_argument("--no-schedules", action="store_true")

    def handle(self, *args, **options):
        stop = threading.Event()
        if not options["no_schedules"]:
            thread = threading.Thread(
                target=self._schedule_loop, args=(stop, options["tick"]), daemon=True
            )
            thread.start()
        worker = Worker(
            queue_names=["default"],
            interval=options["interval"],
            batch=options["batch"],
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"{os.uname().nodename}-{os.getpid()}-{get_random_string(6)}",
            excluded_queue_names=[],
        )
        worker.configure_signals()
        self.stdout.write("Chengxin worker running. Press Ctrl-C to stop.")
        try:
            worker.run()
        finally:
            stop.set()

    @staticmethod
    def _schedule_loop(stop: threading.Event, tick: float) -> None:
        while not stop.is_set():
            try:
                close_old_connections()
                for name in scheduler_tick():
                    logger.info("Enqueued scheduled task %s", name)
            except Exception:  # the loop must survive a database hiccup
                logger.exception("Scheduler tick failed")
            finally:
                close_old_connections()
            stop.wait(tick)
