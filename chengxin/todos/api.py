"""Tasks through the API: the same selectors and service as the pages. Someone else's
task → 404 (managers see everyone's); already done → 422."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema

from chengxin.core.api_types import ErrorOut, InvalidOut, Offset, PageOut, page_out, path_id
from chengxin.core.http import or_404
from chengxin.todos import selectors, services
from chengxin.todos.kinds import kind_label
from chengxin.todos.models import Todo

router = Router(tags=["tasks"])

TodoId = path_id("The task's id.")


class TodoOut(Schema):
    id: int = Field(description="The task's id.")
    kind: str = Field(description='What made it, e.g. "campaigns.call".')
    kind_label: str = Field(description="The kind's name in the request's language.")
    title: str = Field(description="What to do, in the request's language.")
    body: str = Field(description="Details, in the request's language.")
    link: str = Field(description="Where in Chengxin to do it (a path).")
    assignee: str = Field(description="The assignee's username.")
    company_id: int | None = Field(description="The customer it is about, if any.")
    due_at: datetime.datetime | None = Field(description="When it is due (UTC).")
    overdue: bool = Field(description="Open and past its due time.")
    created_at: datetime.datetime = Field(description="When it was made (UTC).")
    done_at: datetime.datetime | None = Field(description="When it was done (UTC).")
    done_by: str | None = Field(description="Who finished it (empty: the system).")
    outcome: str = Field(description="The outcome code recorded with it.")
    outcome_notes: str = Field(description="Notes recorded with it.")


class TodoPageOut(PageOut):
    items: list[TodoOut] = Field(description="This page: open ones soonest due first.")


class TodoListQuery(Schema):
    status: Literal["open", "done"] = Field("open", description="open or done.")
    kind: str = Field("", description="Only tasks of this kind (empty: all).")
    mine: bool = Field(False, description="Managers: only tasks assigned to you.")
    limit: int = Field(50, ge=1, le=200, description="Page size, 1 to 200.")
    offset: Offset = Field(0, description="How many matching tasks to skip.")


class TodoCompleteIn(Schema):
    outcome: str = Field("done", max_length=50, description='An outcome code; default "done".')
    notes: str = Field("", max_length=5000, description="Outcome notes.")


def _out(todo: Todo, now: datetime.datetime) -> dict:
    return {
        "id": todo.pk,
        "kind": todo.kind,
        "kind_label": kind_label(todo.kind),
        "title": todo.display_title,
        "body": todo.display_body,
        "link": todo.link,
        "assignee": todo.assignee.username,
        "company_id": todo.company_id,
        "due_at": todo.due_at,
        "overdue": todo.done_at is None and todo.due_at is not None and todo.due_at < now,
        "created_at": todo.created_at,
        "done_at": todo.done_at,
        "done_by": todo.done_by.username if todo.done_by_id else None,
        "outcome": todo.outcome,
        "outcome_notes": todo.outcome_notes,
    }


@router.get(
    "/tasks",
    response={200: TodoPageOut, 401: ErrorOut, 422: InvalidOut},
    summary="List tasks",
)
def todo_list(request, filters: Query[TodoListQuery]):
    """Your tasks (managers and administrators: everyone's). Open ones soonest due first,
    done ones latest first. Pages by limit and offset."""
    from django.utils import timezone

    select = selectors.done_todos if filters.status == "done" else selectors.open_todos
    todos = select(request.auth, kind=filters.kind, mine=filters.mine)
    if filters.status == "open":
        todos = todos.select_related("done_by")
    now = timezone.now()
    return page_out(todos, filters, lambda todo: _out(todo, now))


@router.post(
    "/tasks/{pk}/complete",
    response={200: TodoOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut},
    summary="Finish a task",
)
def todo_complete(request, pk: TodoId, payload: TodoCompleteIn):
    """Mark it done with an outcome and notes: the assignee, or a manager. A task already
    done answers 422."""
    from django.utils import timezone

    todo = or_404(selectors.todo_get, user=request.auth, pk=pk)
    services.todo_complete(
        actor=request.auth, todo=todo, outcome=payload.outcome, notes=payload.notes
    )
    return _out(selectors.todo_get(user=request.auth, pk=pk), timezone.now())
