"""Reading tasks: a user sees their own; managers and administrators see everyone's."""

from __future__ import annotations

import datetime

from django.db.models import F, QuerySet

from chengxin.accounts.models import User
from chengxin.todos.models import Todo


def visible_todos(user: User) -> QuerySet[Todo]:
    if not (user.is_authenticated and user.is_active):
        return Todo.objects.none()
    if user.edits_all_customers:
        return Todo.objects.all()
    return Todo.objects.filter(assignee=user)


def _todos(user: User, *, done: bool, kind: str, mine: bool) -> QuerySet[Todo]:
    """The open or done tasks the user sees, of one kind and only their own if asked."""
    qs = visible_todos(user).filter(done_at__isnull=not done)
    if mine:
        qs = qs.filter(assignee=user)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def open_todos(user: User, *, kind: str = "", mine: bool = False) -> QuerySet[Todo]:
    """Open tasks, the soonest due first (those without a due time last)."""
    qs = _todos(user, done=False, kind=kind, mine=mine)
    return qs.select_related("assignee", "company").order_by(F("due_at").asc(nulls_last=True), "id")


def done_todos(user: User, *, kind: str = "", mine: bool = False) -> QuerySet[Todo]:
    """Finished tasks, the latest first."""
    qs = _todos(user, done=True, kind=kind, mine=mine)
    return qs.select_related("assignee", "company", "done_by").order_by("-done_at", "-id")


def todo_get(*, user: User, pk: int) -> Todo:
    """A task the user may see; Todo.DoesNotExist otherwise."""
    return visible_todos(user).select_related("assignee", "company", "done_by").get(pk=pk)


def todo_kinds(user: User) -> list[str]:
    """The kinds of task the user can filter by (one query)."""
    return list(visible_todos(user).values_list("kind", flat=True).distinct().order_by("kind"))


def open_todo_count(*, user: User) -> int:
    """The user's own open tasks (the top bar's count): one COUNT on an indexed column."""
    if not (user.is_authenticated and user.is_active):
        return 0
    return Todo.objects.filter(assignee=user, done_at__isnull=True).count()


def todos_due(*, user: User, until: datetime.datetime) -> QuerySet[Todo]:
    """The user's own open tasks due before ``until`` (overdue ones included), the
    soonest due first."""
    if not (user.is_authenticated and user.is_active):
        return Todo.objects.none()
    return (
        Todo.objects.filter(assignee=user, done_at__isnull=True, due_at__lt=until)
        .select_related("company")
        .order_by("due_at", "id")
    )
