"""Text longer than its column holds is refused with a message naming the limit, never cut
short without a word (the API, the pages and the import's dry run all say so); the one
text check the services share (:func:`clean_text`, :func:`checked_text`)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chengxin.core.text_input import text_problem, unsafe_text_message


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


def clean_text(
    value: object, *, field: str, limit: int, errors: dict, required: bool = False
) -> str:
    """``value`` as stripped text for a column of ``limit`` characters; a problem goes
    into ``errors[field]`` (too long, required but empty, a NUL or lone surrogate, not
    text at all) so that a service can report every field at once and write nothing."""
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = value.strip()
    elif isinstance(value, int | Decimal) and not isinstance(value, bool):
        text = str(value)
    else:
        errors[field] = [_("Enter text.")]
        return ""
    problem = text_problem(text)
    if problem:
        errors[field] = [unsafe_text_message(problem)]
    elif required and not text:
        errors[field] = [_("This field is required.")]
    elif len(text) > limit:
        errors[field] = [too_long_message(limit, len(text))]
    return text


def checked_text(value: object, *, field: str, limit: int, required: bool = False) -> str:
    """:func:`clean_text` for a service that refuses at the first problem."""
    errors: dict[str, list[str]] = {}
    text = clean_text(value, field=field, limit=limit, errors=errors, required=required)
    if errors:
        raise ValidationError(errors)
    return text
