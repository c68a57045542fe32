"""The audit trail as a reader sees it: each changed field by its name in the reader's
language, its values as words (a person's name, not a user id; a state's label, not
its code; a time in the reader's zone, not an ISO string)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import formats
from django.utils.translation import gettext

from chengxin.audit.models import AuditEntry
from chengxin.core.deferred_text import local_datetime

EMPTY = "—"


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


def _models_by_name() -> dict[str, type[models.Model]]:
    return {model._meta.model_name: model for model in apps.get_models()}


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001  (a field since removed, or an extra value)
        return None
    return field if isinstance(field, models.Field) else None


def history_changes(entries: Iterable[AuditEntry]) -> dict[int, list[FieldChange]]:
    """The changed fields of each update entry, by entry id, ready to show. Related
    objects (people, contacts, accounts) are fetched in one query per model."""
    by_name = _models_by_name()
    entries = [e for e in entries if e.action == "update"]
    wanted: dict[type[models.Model], set] = defaultdict(set)
    rows = []
    for entry in entries:
        model = by_name.get(entry.object_type)
        for name, old, new in entry.changed_fields():
            field = _field(model, name)
            if field is not None and field.is_relation and field.related_model is not None:
                wanted[field.related_model].update(v for v in (old, new) if v is not None)
            rows.append((entry.pk, field, name, old, new))
    names: dict[type[models.Model], dict[str, str]] = {}
    for related, ids in wanted.items():
        found = related._default_manager.filter(pk__in=[i for i in ids if str(i).isdigit()])
        names[related] = {str(obj.pk): str(obj) for obj in found}
    shown: dict[int, list[FieldChange]] = defaultdict(list)
    for entry_id, field, name, old, new in rows:
        label = str(field.verbose_name) if field is not None else name.replace("_", " ")
        shown[entry_id].append(
            FieldChange(label, _value(field, old, names), _value(field, new, names))
        )
    return dict(shown)


def _value(field: models.Field | None, value: Any, names: dict) -> str:
    if value is None or value == "":
        return EMPTY
    if field is None:
        return str(value)
    if field.is_relation and field.related_model is not None:
        return names.get(field.related_model, {}).get(str(value), f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        try:
            return local_datetime(datetime.datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(field, models.DateField) and isinstance(value, str):
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
