"""What every API router shares about its input and its error answers.

- Ids, offsets and other whole numbers are bounded by what the database can hold (a
  64-bit integer), so a number too large is a 422 naming the field, not a database error.
- Text: the API's parser refuses a NUL character or a lone surrogate anywhere in a JSON
  body, a query string or a form (see text_input), answering 422 with the field's path.
- The error answers each router documents, so the schema lists every status it gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from ninja import Field, Path, Schema
from ninja.parser import Parser

from chengxin.core.text_input import text_problem, unsafe_text_message, unsafe_texts

BIGINT_MAX = 2**63 - 1
"""The largest value of a 64-bit id column (PostgreSQL bigint, SQLite INTEGER)."""

OFFSET_MAX = 1_000_000_000
"""The most records a list may skip: far beyond any real list, well within SQL's range."""

RecordId = Annotated[int, Field(ge=1, le=BIGINT_MAX)]
"""The id of a record, in a body or a query string."""

Offset = Annotated[int, Field(ge=0, le=OFFSET_MAX)]
"""How many matching records a list skips."""


def path_id(description: str) -> Any:
    """The type of an id in the path, e.g. ``ContactId = path_id("The contact's id.")``."""
    return Annotated[int, Path(description=description, ge=1, le=BIGINT_MAX)]


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in the request's language.")


class InvalidOut(Schema):
    detail: str = Field(description='Always "invalid": the request had bad input.')
    errors: dict[str, list[str]] = Field(
        description="Messages per field, in the request's language (Accept-Language). "
        'Nested fields are dotted, e.g. "contacts.0.channels.1.kind"; '
        '"__all__" holds messages about the request as a whole.'
    )


class PageOut(Schema):
    """One page of a list that pages by limit and offset; each list adds its ``items``."""

    count: int = Field(description="How many records match, across all pages.")
    limit: int = Field(description="The page size used.")
    offset: int = Field(description="How many matching records were skipped.")


def page_out(records, query, item: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    """The ``PageOut`` of ``records`` (a queryset) for ``query`` (its ``limit`` and
    ``offset``): each record on the page as it is, or through ``item``."""
    page = records[query.offset : query.offset + query.limit]
    return {
        "count": records.count(),
        "limit": query.limit,
        "offset": query.offset,
        "items": list(page) if item is None else [item(record) for record in page],
    }


# Documented answers besides success; the handlers in chengxin/api.py produce them. Every
# operation with a path id may answer 422 (an id out of range).
READ_ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 404: ErrorOut, 422: InvalidOut}
WRITE_ERRORS: dict[int, type[Schema]] = {
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: InvalidOut,
}


class UnsafeTextInBody(ValueError):
    """A JSON body holds text no column can store; ``errors`` maps field paths to messages.
    Ninja wraps what the parser raises in a 400; chengxin/api.py answers 422 with these."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("unsafe text in the request body")
        self.errors = errors


def _unsafe_text_errors(data: object) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for field, problem in unsafe_texts(data):
        errors.setdefault(field, []).append(unsafe_text_message(problem))
    return errors


class SafeTextParser(Parser):
    """Ninja's JSON and form parser, refusing NUL characters and lone surrogates."""

    def parse_body(self, request):
        data = super().parse_body(request)
        errors = _unsafe_text_errors(data)
        if errors:
            raise UnsafeTextInBody(errors)
        return data

    def parse_querydict(self, data, list_fields, request):
        errors: dict[str, list[str]] = {}
        for key, values in data.lists():
            texts = [key, *(value for value in values if isinstance(value, str))]
            problems = sorted({text_problem(text) for text in texts} - {None})
            if problems:
                field = key if text_problem(key) is None else repr(key)[1:-1]
                errors[field] = [unsafe_text_message(problem) for problem in problems]
        if errors:
            raise ValidationError(errors)
        return super().parse_querydict(data, list_fields, request)
