"""Making and finishing tasks. A task is made by a feature's service (inside its
transaction) and finished by its assignee, a manager, or the feature itself; its
outcome is what the feature reads back (a call "heard and understood")."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import audit_created, audited_update
from chengxin.core.deferred_text import reader_fields
from chengxin.notifications.services import Text, notify
from chengxin.todos.models import Todo


def can_act_on_todo(user: User, todo: Todo) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return todo.assignee_id == user.pk or user.edits_all_customers


def todo_create(
    *,
    assignee: User,
    kind: str,
    title: Text,
    body: Text = "",
    link: str = "",
    company=None,
    contact=None,
    related: tuple[str, object] | None = None,
    due_at: datetime.datetime | None = None,
    actor: User | None = None,
    notify_assignee: bool = True,
) -> Todo:
    """A new open task for ``assignee``, audited, and (on commit) a notification.

    ``title`` and ``body`` are shown in the reader's language when given as messages
    (``deferred(_("Call %(contact)s"), contact=contact.name)``, or a lazy string), or
    as they are when given as finished strings."""
    if not assignee.is_active:
        raise ValidationError(_("Tasks cannot be given to a deactivated user."), code="inactive")
    related_type, related_id = ("", "") if related is None else (related[0], str(related[1]))
    with transaction.atomic():
        todo = Todo.objects.create(
            assignee=assignee,
            kind=kind,
            **reader_fields(title, body),
            link=link[:500],
            company=company,
            contact=contact,
            related_type=related_type,
            related_id=related_id,
            due_at=due_at,
            created_by=actor,
        )
        audit_created(actor=actor, instance=todo, company_id=todo.company_id)
    if notify_assignee:
        notify(users=[assignee], kind=f"todo.{kind}", title=title, body=body, link=link)
    return todo


def todo_complete(
    *,
    actor: User | None,
    todo: Todo,
    outcome: str = "",
    notes: str = "",
    now: datetime.datetime | None = None,
) -> Todo:
    """Mark the task done with an outcome. ``actor=None`` is the system (the feature
    itself closing a task that no longer needs doing)."""
    now = now or timezone.now()
    with transaction.atomic():
        todo = Todo.objects.select_for_update().get(pk=todo.pk)
        if actor is not None and not can_act_on_todo(actor, todo):
            raise PermissionDenied(_("This task is not yours."))
        if todo.done_at is not None:
            raise ValidationError(_("This task is already done."), code="done")
        with audited_update(actor=actor, instance=todo, company_id=todo.company_id):
            todo.done_at, todo.done_by = now, actor
            todo.outcome, todo.outcome_notes = outcome, notes
            todo.save(update_fields=["done_at", "done_by", "outcome", "outcome_notes"])
    return todo


def todos_close_related(
    *, related: tuple[str, object], kinds: Iterable[str] | None = None, outcome: str = ""
) -> int:
    """Close (as the system) the open tasks about one object, e.g. when it is cancelled."""
    qs = Todo.objects.filter(
        related_type=related[0], related_id=str(related[1]), done_at__isnull=True
    )
    if kinds is not None:
        qs = qs.filter(kind__in=list(kinds))
    closed = 0
    for todo in qs:
        todo_complete(actor=None, todo=todo, outcome=outcome)
        closed += 1
    return closed
