"""``chengxin ingest_mail FILE...``: take in messages from .eml and .mbox files (stored,
assessed and acted on through the inbound pipeline)."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chengxin.audit.context import Origin, origin
from chengxin.inbound.pipeline import message_receive
from chengxin.mail.models import Source
from chengxin.mail.parsing import looks_like_message


def raw_messages(path: Path) -> Iterator[bytes]:
    """Each message in ``path``: an mbox (``From `` separated) or one message."""
    with path.open("rb") as handle:
        head = handle.read(5)
    if path.suffix.lower() == ".mbox" or head == b"From ":
        box = mailbox.mbox(path, create=False)
        try:
            for key in box.iterkeys():
                yield box.get_bytes(key)
        finally:
            box.close()
    else:
        yield path.read_bytes()


class Command(BaseCommand):
    help = "Store messages from .eml files (one message each) and .mbox files."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, **options):
        stored = duplicates = unreadable = skipped = 0
        for path in options["files"]:
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
            with origin(Origin.COMMAND):
                for raw in raw_messages(path):
                    if not looks_like_message(raw):
                        skipped += 1
                        self.stderr.write(
                            f"{path}: not an email message (no header lines first); skipped"
                        )
                        continue
                    result = message_receive(raw=raw, source=Source.COMMAND)
                    if not result.created:
                        duplicates += 1
                        continue
                    stored += 1
                    if result.message.parse_error:
                        unreadable += 1
                        self.stderr.write(
                            f"{path}: message {result.message.pk} stored with a parse error: "
                            f"{result.message.parse_error}"
                        )
        self.stdout.write(
            f"Stored {stored} new message(s), {duplicates} already stored; "
            f"{unreadable} could not be read completely (kept as received); "
            f"{skipped} file(s) skipped as not a message."
        )
