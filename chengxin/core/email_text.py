"""E-mail addresses written in free text: the one pattern every app reads them with.

A plain module (no Django): the guard's engine, which stays free of Django, uses it too.
"""

from __future__ import annotations

import re

#: An address as people write it in a message, a display name or a note.
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def emails_in_text(text: str) -> list[str]:
    """Every address written in ``text``, in order, as written (duplicates kept)."""
    return EMAIL_IN_TEXT.findall(text or "")
