"""``chengxin buyer_messages``: write the buyer catalogues (every buyer language but
Chinese and English) from the buyer-facing modules and templates only.

The user interface is not translated into those languages, so their catalogues hold only
what a buyer reads: the files listed in ``chengxin.core.buyer_language.BUYER_SOURCES``.
Existing translations are kept (msgmerge, without fuzzy guesses); msgids no longer used
are dropped. The Chinese catalogue keeps everything and is written by the ordinary
``makemessages -l zh_Hans`` (see the README). Compile afterwards with ``compilemessages``.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.commands import makemessages
from django.utils.translation import to_locale

from chengxin.core.buyer_language import BUYER_SOURCES, buyer_languages

PACKAGE = Path(__file__).resolve().parents[3]  # the chengxin package
# Chinese has the full catalogue; English is the msgids themselves.
NOT_BUYER_ONLY = ("zh-hans", "en")


def buyer_locales() -> list[str]:
    return [to_locale(code) for code in buyer_languages() if code not in NOT_BUYER_ONLY]


def is_buyer_source(path: Path) -> bool:
    relative = path.resolve().relative_to(PACKAGE).as_posix()
    return any(relative == source or relative.startswith(source + "/") for source in BUYER_SOURCES)


class Command(makemessages.Command):
    help = "Write the buyer catalogues from the buyer-facing modules and templates only."
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(no_obsolete=True, locale=[])

    def handle(self, *args, **options):
        if not options["locale"]:
            options["locale"] = buyer_locales()
        options["all"] = False
        options["no_obsolete"] = True
        here = os.getcwd()
        os.chdir(PACKAGE)
        try:
            return super().handle(*args, **options)
        finally:
            os.chdir(here)

    def find_files(self, root):
        return [
            found
            for found in super().find_files(root)
            if is_buyer_source(Path(found.dirpath) / found.file)
        ]
