"""A sentence written in the reader's language when it is read, not when it is made.

A notification or a task is made while one person (or the system) is working in one
language and read later by someone who may use another. So what is stored is the
untranslated message (its msgid, and its context if any) and its parameters as JSON;
it is translated and filled in with ``render()`` in the language active when read.

Mark the message with ``gettext_lazy`` / ``pgettext_lazy`` so that makemessages
finds it, and give the parameters by name::

    from django.utils.translation import gettext_lazy as _
    from chengxin.core.deferred_text import deferred

    deferred(_("%(contact)s may have changed their email address"), contact=contact.name)

A parameter is plain data (a name, an address, a number: shown as it is), a lazy
translatable string or another ``deferred(...)`` (translated for the reader too, e.g.
a kind of task), a datetime/date (shown in the reader's time zone and format), or a
``Money`` (formatted for the reader's language).
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext, pgettext

from chengxin.core.money import Money, format_money

# Markers for parameters that are not plain JSON data.
TEXT = "$text"
DATETIME = "$datetime"
DATE = "$date"
MONEY = "$money"

# Sentences that take more than one msgid and its parameters (a guard signal translates
# its parts one by one): a name stored with the JSON parameters, and the function that
# writes the sentence in the active language. Only these names are ever called.
RENDERERS = {
    "guard.signal": "chengxin.guard.sentences.signal_sentence",
    "approvals.blocked": "chengxin.workflow.four_eyes.blocked_sentence",
    "orders.due": "chengxin.orders.texts.due_sentence",
}


@dataclass(frozen=True)
class DeferredText:
    msgid: str = ""
    context: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    renderer: str = ""

    def __str__(self) -> str:
        return render(self.to_json())

    def to_json(self) -> dict[str, Any]:
        if self.renderer:
            return {"renderer": self.renderer, "params": dict(self.params)}
        stored: dict[str, Any] = {"msgid": self.msgid}
        if self.context:
            stored["context"] = self.context
        if self.params:
            stored["params"] = {name: _encode(value) for name, value in self.params.items()}
        return stored


def deferred(message: Promise | str, /, **params: Any) -> DeferredText:
    """``message`` (marked with gettext_lazy or pgettext_lazy) with its parameters."""
    msgid, context = message_parts(message)
    return DeferredText(msgid=msgid, context=context, params=params)


def rendered_by(renderer: str, /, **params: Any) -> DeferredText:
    """A sentence the function registered as ``renderer`` (in ``RENDERERS``) writes from
    ``params`` (plain JSON) in the reader's language."""
    if renderer not in RENDERERS:
        raise ValueError(f"Unknown renderer: {renderer}")
    return DeferredText(renderer=renderer, params=params)


def message_parts(message: Promise | str) -> tuple[str, str]:
    """The msgid and context of a lazy translatable string (a plain string is its own
    msgid, without context)."""
    if isinstance(message, Promise):
        # A lazy string pickles as (function, its arguments): the way Django itself keeps
        # the msgid of gettext_lazy/pgettext_lazy.
        reduced = cast(tuple[Any, tuple[Any, ...]], message.__reduce__())  # not a str
        _unpickle, (func, args, kwargs, *_types) = reduced
        if not kwargs and func is gettext and len(args) == 1:
            return str(args[0]), ""
        if not kwargs and func is pgettext and len(args) == 2:
            return str(args[1]), str(args[0])
        raise TypeError("Only gettext_lazy and pgettext_lazy strings can be deferred.")
    return str(message), ""


def to_json(value: DeferredText | Promise | Sequence | None) -> Any:
    """What to store for ``value``: None for nothing, a message, or a list of lines."""
    if value is None:
        return None
    if isinstance(value, DeferredText):
        return value.to_json()
    if isinstance(value, Promise):
        return deferred(value).to_json()
    if isinstance(value, str):
        return value  # a finished line among messages: shown as it is
    if isinstance(value, Sequence):
        return [to_json(line) for line in value]
    raise TypeError(f"Not a translatable text: {value!r}")


def is_translatable(value: object) -> bool:
    """A message to store untranslated (new style) rather than a finished string."""
    if isinstance(value, DeferredText | Promise):
        return True
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and any(is_translatable(line) for line in value)
    )


def render(stored: Any) -> str:
    """The stored message (or list of lines) in the active language."""
    if stored is None:
        return ""
    if isinstance(stored, list):
        return "\n".join(render(line) for line in stored)
    if isinstance(stored, str):
        return stored
    if "renderer" in stored:
        path = RENDERERS.get(stored["renderer"])
        return import_string(path)(stored.get("params") or {}) if path else ""
    msgid = stored.get("msgid", "")
    if not msgid:
        return ""  # gettext("") would be the catalogue's header
    context = stored.get("context", "")
    translated = pgettext(context, msgid) if context else gettext(msgid)
    params = stored.get("params")
    if not params:
        return translated
    values = {name: _decode(value) for name, value in params.items()}
    for template in (translated, msgid):
        try:
            return template % values
        except (KeyError, ValueError, TypeError):
            continue  # a broken translation: the English original still reads
    return msgid


def _encode(value: Any) -> Any:
    if isinstance(value, Money):
        return {MONEY: [str(value.amount), value.currency]}
    if isinstance(value, DeferredText):
        return {TEXT: value.to_json()}
    if isinstance(value, Promise):
        return {TEXT: deferred(value).to_json()}
    if isinstance(value, datetime.datetime):
        return {DATETIME: value.isoformat()}
    if isinstance(value, datetime.date):
        return {DATE: value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if TEXT in value:
            return render(value[TEXT])
        if DATETIME in value:
            return local_datetime(datetime.datetime.fromisoformat(value[DATETIME]))
        if MONEY in value:
            amount, currency = value[MONEY]
            return format_money(amount, currency)
        if DATE in value:
            return formats.date_format(datetime.date.fromisoformat(value[DATE]), "DATE_FORMAT")
    return value


def local_datetime(value: datetime.datetime) -> str:
    """A moment in the reader's time zone, named: "2026-11-20 09:00 (CET)" (the way
    Chengxin's pages write times)."""
    if timezone.is_naive(value):
        return formats.date_format(value, "Y-m-d H:i")
    value = timezone.localtime(value)
    return f"{formats.date_format(value, 'Y-m-d H:i')} ({value.tzname()})"


def text_and_message(value: Any) -> tuple[str, Any]:
    """What a row stores for a text given either way: the finished string (rendered in
    the site's language for a message) and the message to render for each reader (None
    for a finished string, which is shown as it is)."""
    if not is_translatable(value):
        if isinstance(value, Sequence) and not isinstance(value, str):
            return "\n".join(str(line) for line in value), None
        return str(value), None
    stored = to_json(value)
    with translation.override(settings.LANGUAGE_CODE):
        return render(stored), stored


def reader_fields(title: Any, body: Any = "") -> dict[str, Any]:
    """The columns of a row whose title and body are read later, each in the reader's
    language (see ``ReaderTitleAndBody``): the finished texts (the title cut to its 300
    characters) and the messages."""
    title_text, title_message = text_and_message(title)
    body_text, body_message = text_and_message(body)
    return {
        "title": title_text[:300],
        "body": body_text,
        "title_message": title_message,
        "body_message": body_message,
    }


class ReaderTitleAndBody:
    """For a model with the columns of ``reader_fields``: its title and body in the
    active language (the reader's)."""

    title: str
    body: str
    title_message: Any
    body_message: Any

    @property
    def display_title(self) -> str:
        """The title in the active language (the reader's)."""
        return render(self.title_message) if self.title_message is not None else self.title

    @property
    def display_body(self) -> str:
        return render(self.body_message) if self.body_message is not None else self.body
