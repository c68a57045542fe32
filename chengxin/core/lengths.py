"""Text longer than its column holds is refused with a message naming the limit, never cut
short without a word (the API, the pages and the import's dry run all say so)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import ngettext


def too_long_message(limit: int, length: int) -> str:
    return ngettext(
        "Enter at most %(limit)d character (this has %(length)d).",
        "Enter at most %(limit)d characters (this has %(length)d).",
        limit,
    ) % {"limit": limit, "length": length}


def length_errors(model: type[models.Model], **values: str | None) -> dict[str, list[str]]:
    """{field: [message]} for each value longer than ``model``'s field of that name holds."""
    errors: dict[str, list[str]] = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        limit = field.max_length if isinstance(field, models.Field) else None
        if value and limit is not None and len(value) > limit:
            errors[name] = [too_long_message(limit, len(value))]
    return errors


def check_lengths(model: type[models.Model], **values: str | None) -> None:
    """ValidationError naming each field whose value is longer than its column."""
    errors = length_errors(model, **values)
    if errors:
        raise ValidationError(errors)
