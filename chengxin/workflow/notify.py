"""Telling people in their own language: the workflow's notifications go through
:func:`chengxin.notifications.services.notify` (stored untranslated, read in the reader's
language); what leaves at once is written within
:func:`chengxin.notifications.language.in_language_of`."""

from __future__ import annotations

from chengxin.notifications.language import in_language_of, language_of
from chengxin.notifications.services import notify

__all__ = ["in_language_of", "language_of", "notify"]
