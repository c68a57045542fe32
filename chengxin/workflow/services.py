"""Moving a workflow's item forward: lock it, check its state, advance it.

Every step of every process is a service of its app that does, in one transaction:

    item = locked(Item.objects.select_related(...), item.pk, allowed=lambda it: ...)
    require_state(item, State.VERIFIED)
    ... the app's own checks (four eyes, second factor, input) ...
    before = snapshot(item)
    item.approved_by = actor
    advance(item, actor=actor, before=before, state=State.ACTIVE, fields=["approved_by"],
            step=StepKind.APPROVED, now=now)

so pages and API call the same code, and none can skip, reorder or repeat a step.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot

# The one error code for "this step is not possible in the item's state".
WRONG_STEP = "wrong_step"


def locked[M: models.Model](
    queryset: models.QuerySet[M], pk: Any, *, allowed: Callable[[M], bool] | None = None
) -> M:
    """The row ``pk`` of ``queryset`` read again under a row lock (of its own table, not
    of what ``select_related`` joins). ``allowed``: whether the actor may see it; when
    not, ``DoesNotExist`` as if it were not there."""
    row = queryset.select_for_update(of=("self",)).get(pk=pk)
    if allowed is not None and not allowed(row):
        model: Any = queryset.model
        raise model.DoesNotExist
    return row


def require_state(item: models.Model, *states: str) -> None:
    """Refuse (``wrong_step``) unless ``item.state`` is one of ``states``."""
    state = item.state  # type: ignore[attr-defined]
    if state not in states:
        display = item.get_state_display()  # type: ignore[attr-defined]
        raise ValidationError(
            _("This step is not possible now: the %(item)s is “%(state)s”.")
            % {"item": item._meta.verbose_name, "state": display},
            code=WRONG_STEP,
        )


def _has_field(item: models.Model, name: str) -> bool:
    return any(field.name == name for field in item._meta.concrete_fields)


def advance(
    item: models.Model,
    *,
    actor: Any,
    before: dict | None,
    now: datetime.datetime,
    state: str | None = None,
    fields: Iterable[str] = (),
    step: str | None = None,
    details: dict | None = None,
    notes: str = "",
    company_id: int | None = None,
    label: str = "",
) -> models.Model | None:
    """Save ``item`` (``fields``, and ``state`` with its ``state_changed_at`` when it
    changes), add its step row ``step`` (through its ``steps`` relation) and write both
    to the audit chain, all in the caller's transaction. Returns the step row (None
    without ``step``). ``company_id`` and ``label`` file the audit entries; by default
    the item's own ``company_id`` and its text."""
    fields = list(fields)
    if state is not None and state != item.state:  # type: ignore[attr-defined]
        item.state = state  # type: ignore[attr-defined]
        fields.append("state")
        if _has_field(item, "state_changed_at"):
            item.state_changed_at = now  # type: ignore[attr-defined]
            fields.append("state_changed_at")
    if fields:
        item.save(update_fields=sorted(set(fields)))
    if company_id is None:
        company_id = getattr(item, "company_id", None)
    label = (label or str(item))[:300]
    changes = []
    if fields:
        changes.append(Change(Action.UPDATE, item, before, snapshot(item), company_id, label))
    row = None
    if step is not None:
        row = item.steps.create(  # type: ignore[attr-defined]
            kind=step, actor=actor, at=now, details=details or {}, notes=notes
        )
        changes.append(Change(Action.CREATE, row, None, snapshot(row), company_id, label))
    audit_record_many(actor=actor, changes=changes)
    return row
