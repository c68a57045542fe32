"""Decoding message text: bytes in a declared (or wrong, or unknown) charset, and the
visible text of an HTML body. Plain functions, never raise, no Django: mail's parser and
the guard's engine both read messages with them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["decode_bytes", "html_to_text"]

_FALLBACK_CHARSETS = ("utf-8", "cp1252", "latin-1")
_BLOCK_TAGS = frozenset(
    "p div br tr li h1 h2 h3 h4 h5 h6 table blockquote pre hr section article".split()
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title"})


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode with the declared charset, falling back to UTF-8, Windows-1252, Latin-1."""
    candidates = [charset] if charset else []
    candidates.extend(_FALLBACK_CHARSETS)
    for candidate in candidates:
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML body, one line per block; tolerant of broken HTML."""
    extractor = _TextExtractor()
    try:
        extractor.feed(html)
        extractor.close()
    except Exception:  # html.parser can still trip on garbage
        return re.sub(r"<[^>]*>", " ", html)
    lines = ("".join(extractor.parts)).replace("\xa0", " ").splitlines()
    cleaned = (" ".join(line.split()) for line in lines)
    return "\n".join(line for line in cleaned if line)
