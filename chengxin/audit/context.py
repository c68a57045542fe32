"""Through what a change came in: a page, the API, an import or a system task.

Set once at the edge (middleware, import service, task) and read by
``audit_record``, so services need not pass it along.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class Origin(models.TextChoices):
    PAGE = "page", _("page")
    API = "api", _("API")
    IMPORT = "import", _("import")
    SYSTEM = "system", _("system task")
    COMMAND = "command", _("command line")


_current: ContextVar[str] = ContextVar("chengxin_audit_origin", default=Origin.COMMAND)


def current_origin() -> str:
    return _current.get()


@contextlib.contextmanager
def origin(value: str) -> Iterator[None]:
    token = _current.set(value)
    try:
        yield
    finally:
        _current.reset(token)
