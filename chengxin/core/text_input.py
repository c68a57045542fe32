"""Text no database column can hold faithfully: a NUL character (PostgreSQL refuses it,
SQLite stores it and cuts the string for many readers) and a lone surrogate (half of a
UTF-16 pair: not a character, cannot be encoded as UTF-8). Input carrying either is
refused where it enters, with a message, rather than failing deep in the database.
Plain functions without Django, apart from the messages' translations."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from django.utils.translation import gettext as _

NUL = "nul"
SURROGATE = "surrogate"

_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """NUL, SURROGATE, or None when the text is safe to store."""
    found = _UNSAFE.search(value)
    if found is None:
        return None
    return NUL if found.group() == "\x00" else SURROGATE


def unsafe_text_message(problem: str) -> str:
    """The person's message for a problem text_problem found, in the active language."""
    if problem == NUL:
        return _("Text may not contain the NUL character (U+0000).")
    return _("Text may not contain a lone surrogate (U+D800 to U+DFFF): send valid Unicode text.")


def unsafe_texts(data: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(dotted path, problem) for every unsafe string in decoded JSON or form data, keys
    included: {"contacts": [{"name": "a\\x00"}]} → ("contacts.0.name", NUL)."""
    if isinstance(data, str):
        problem = text_problem(data)
        if problem:
            yield ".".join(path) or "__all__", problem
    elif isinstance(data, Mapping):
        for key, value in data.items():
            key_text = str(key)
            problem = text_problem(key_text)
            if problem:
                yield ".".join((*path, repr(key_text)[1:-1])), problem
                continue
            yield from unsafe_texts(value, (*path, key_text))
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            yield from unsafe_texts(value, (*path, str(index)))
