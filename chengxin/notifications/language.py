"""Writing to a colleague in the language they read Chengxin in.

In-app notifications are stored untranslated (:mod:`chengxin.core.deferred_text`) and read
in the reader's language; what leaves at once (an e-mail to a colleague, a chat message,
the problems of their import) is written in the recipient's language here. The one
place every app, the kernel's own included, asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


def language_of(user, default: str | None = None) -> str:
    """The language ``user`` reads Chengxin in; ``default`` (else the site's language)
    when they have not chosen one."""
    return getattr(user, "language", "") or default or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(user, default: str | None = None) -> Iterator[str]:
    """Within this block, gettext speaks ``user``'s language."""
    language = language_of(user, default)
    with translation.override(language):
        yield language
