"""The ``chengxin`` command: Django's management commands under one name.

``chengxin start`` runs the web server and the task worker together,
``chengxin worker`` runs the worker alone, ``chengxin audit verify`` checks the
audit chain; ``chengxin help`` lists everything.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengxin.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["chengxin", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
