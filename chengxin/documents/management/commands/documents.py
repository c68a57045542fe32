"""``chengxin documents render FILE.json --output OUT.pdf [--html]``: a trade document
from its JSON description (``chengxin/documents/README.md``), without the database.

``chengxin documents fonts`` prepares the compact CJK fonts that make Chinese, Japanese
and Korean documents fast (``chengxin/documents/fonts.py``); documents render without
them too, only slower.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chengxin.documents.spec import DocumentSpec, DocumentSpecError

MAX_INPUT_BYTES = 5 * 1024 * 1024


def read_spec(path: Path) -> DocumentSpec:
    """The document described by a JSON file ("-": standard input); CommandError with
    every problem otherwise."""
    try:
        if str(path) == "-":
            raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with path.open("rb") as handle:
                raw = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror or exc}") from exc
    if len(raw) > MAX_INPUT_BYTES:
        raise CommandError(f"{path}: the file is larger than 5 MB.")
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path}: not UTF-8 text (byte {exc.start}).") from exc
    except json.JSONDecodeError as exc:
        raise CommandError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise CommandError(f"{path}: not valid JSON ({exc}).") from exc
    try:
        return DocumentSpec.from_dict(data)
    except DocumentSpecError as exc:
        raise CommandError(f"{path}: the document is not valid:\n{exc}") from exc


class Command(BaseCommand):
    help = (
        "Trade documents. 'render FILE.json --output OUT.pdf' renders a document from its "
        "JSON description (no database); 'fonts' prepares the compact CJK fonts."
    )
    requires_system_checks: list[str] = []  # no database, no checks that need one

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["render", "fonts"])
        parser.add_argument("file", nargs="?", type=Path, help="the document's JSON ('-': stdin)")
        parser.add_argument("--output", "-o", type=Path, help="where to write the PDF (or HTML)")
        parser.add_argument("--html", action="store_true", help="write the HTML page, not a PDF")

    def handle(self, *args, **options):
        if options["action"] == "fonts":
            return self._fonts()
        if options["file"] is None or options["output"] is None:
            raise CommandError("render needs FILE.json and --output OUT.pdf")
        spec = read_spec(options["file"])
        from chengxin.documents.render import render_html, render_pdf

        output: Path = options["output"]
        try:
            if options["html"]:
                output.write_text(render_html(spec), encoding="utf-8")
            else:
                output.write_bytes(render_pdf(spec))
        except OSError as exc:
            raise CommandError(f"{output}: {exc.strerror or exc}") from exc
        self.stdout.write(f"{output}: {spec.number} ({spec.kind}, {spec.language})")

    def _fonts(self) -> None:
        from chengxin.documents import fonts

        for path in fonts.build_compact_fonts(progress=self.stdout.write):
            self.stdout.write(str(path))
