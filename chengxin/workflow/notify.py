"""Telling people in their own language.

In-app notifications are stored untranslated (:mod:`chengxin.core.deferred_text`) and read
in the reader's language; what leaves at once (an e-mail to a colleague, a chat message)
is written in the recipient's language here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

from chengxin.notifications.services import notify

__all__ = ["in_language_of", "language_of", "notify"]


def language_of(user) -> str:
    """The language ``user`` reads Chengxin in (the site's language when unset)."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(user) -> Iterator[str]:
    """Within this block, gettext speaks ``user``'s language."""
    language = language_of(user)
    with translation.override(language):
        yield language
