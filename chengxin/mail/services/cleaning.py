"""Text and addresses as mail stores them."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from chengxin.parties import normalize


def canonical_address(address: str) -> str:
    """The address as ``Message.from_key`` stores it (normalised, lower case)."""
    if not address:
        return ""
    try:
        return normalize.normalize_email(address).canonical
    except ValidationError:
        return address.strip().lower()[:320]


def db_text(value: str, limit: int | None = None) -> str:
    """Text fit for any database: no NUL characters (PostgreSQL refuses them)."""
    cleaned = value.replace("\x00", "\ufffd") if "\x00" in value else value
    return cleaned[:limit] if limit else cleaned
