"""The task pages: my open tasks (everyone's for managers) sorted by due time, the done
ones, and finishing a task with notes (in place with htmx)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chengxin.core.http import or_404
from chengxin.todos import selectors, services
from chengxin.todos.forms import TodoCompleteForm
from chengxin.todos.kinds import kind_label

PAGE_SIZE = 50
#: The outcome recorded when a task is finished on the page (features that need a
#: particular outcome finish their tasks through their own pages).
PAGE_OUTCOME = "done"


@require_GET
@login_required
def todo_list(request):
    return _render_list(request)


def _render_list(request, status: int = 200):
    user = request.user
    show = "done" if request.GET.get("show") == "done" else "open"
    kind = request.GET.get("kind", "")
    mine = request.GET.get("mine") == "1"
    select = selectors.done_todos if show == "done" else selectors.open_todos
    page = Paginator(select(user, kind=kind, mine=mine), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "todos/todo_list.html",
        {
            "page": page,
            "show": show,
            "kind": kind,
            "mine": mine,
            "kinds": [(code, kind_label(code)) for code in selectors.todo_kinds(user)],
            "sees_all": user.edits_all_customers,
            "now": timezone.now(),
            "form": TodoCompleteForm(),
            "query": query.urlencode(),
        },
        status=status,
    )


@require_POST
@login_required
def todo_complete(request, pk: int):
    todo = or_404(selectors.todo_get, user=request.user, pk=pk)
    form = TodoCompleteForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            todo = services.todo_complete(
                actor=request.user,
                todo=todo,
                outcome=PAGE_OUTCOME,
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    if request.htmx:
        # htmx swaps only successful answers: the refusal comes back in the task itself.
        todo = selectors.todo_get(user=request.user, pk=pk)
        return render(
            request,
            "todos/_todo.html",
            {
                "todo": todo,
                "error": error,
                "now": timezone.now(),
                "sees_all": request.user.edits_all_customers,
                "form": TodoCompleteForm(),
            },
        )
    if error:
        messages.error(request, error)
        return _render_list(request, status=422)
    messages.success(request, _("Task done: %(title)s") % {"title": todo.display_title})
    return redirect("todos:todo_list")
