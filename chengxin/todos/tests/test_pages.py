"""The task pages: who sees and finishes what, the list's order, time zone and filters,
finishing in place with htmx, and the top bar's count."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from chengxin.accounts.models import Role
from chengxin.audit.models import AuditEntry
from chengxin.testing import login, make_user
from chengxin.todos.models import Todo
from chengxin.todos.services import todo_create

LIST = "/tasks/"


def _complete_url(todo) -> str:
    return reverse("todos:todo_complete", args=[todo.pk])


def test_the_urls(task):
    assert reverse("todos:todo_list") == LIST
    assert _complete_url(task) == f"/tasks/{task.pk}/complete/"


def test_the_assignee_sees_the_task_overdue_in_their_time_zone(client, owner, task):
    owner.time_zone = "Europe/Berlin"
    owner.save(update_fields=["time_zone"])
    login(client, owner)
    body = client.get(LIST).content.decode()
    assert "Call Anna about our new account" in body
    assert "Call a buyer about our new account" in body  # the kind's name
    assert "2020-01-01 02:30 CET" in body
    assert 'data-testid="overdue"' in body


def test_open_tasks_soonest_due_first_those_without_a_due_time_last(client, owner):
    soon = timezone.now() + datetime.timedelta(hours=1)
    later = todo_create(
        assignee=owner, kind="x.later", title="Later", due_at=soon.replace(year=2099)
    )
    undated = todo_create(assignee=owner, kind="x.undated", title="Whenever")
    first = todo_create(assignee=owner, kind="x.soon", title="Soon", due_at=soon)
    login(client, owner)
    body = client.get(LIST).content.decode()
    positions = [body.index(f'data-pk="{t.pk}"') for t in (first, later, undated)]
    assert positions == sorted(positions)
    assert 'data-testid="overdue"' not in body


def test_a_colleague_does_not_see_or_finish_the_task(client, colleague, task):
    login(client, colleague)
    assert "Call Anna" not in client.get(LIST).content.decode()
    assert client.post(_complete_url(task), {"notes": "x"}).status_code == 404
    task.refresh_from_db()
    assert task.done_at is None


def test_finance_only_sees_their_own_tasks(client, finance, task):
    login(client, finance)
    assert "Call Anna" not in client.get(LIST).content.decode()
    assert client.post(_complete_url(task)).status_code == 404


def test_a_manager_sees_everyone_s_tasks_and_may_finish_them(client, manager, owner, task):
    own = todo_create(assignee=manager, kind="x.own", title="Manager's own")
    login(client, manager)
    body = client.get(LIST).content.decode()
    assert "Call Anna" in body and "Manager&#x27;s own" in body
    body = client.get(LIST, {"mine": "1"}).content.decode()
    assert "Call Anna" not in body and "Manager&#x27;s own" in body
    response = client.post(_complete_url(task), {"notes": "Called for Li Na"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.done_by, task.outcome, task.outcome_notes) == (manager, "done", "Called for Li Na")
    assert own.done_at is None


def test_the_assignee_finishes_with_notes_and_it_moves_to_done(client, owner, task):
    login(client, owner)
    response = client.post(_complete_url(task), {"notes": "Heard and understood."})
    assert response.status_code == 302 and response["Location"] == LIST
    task.refresh_from_db()
    assert task.done_at is not None and task.done_by == owner
    assert AuditEntry.objects.filter(object_label=task.title, action="update").exists()
    after = client.get(LIST).content.decode()
    assert "Task done: Call Anna about our new account" in after
    assert f'data-pk="{task.pk}"' not in after
    done = client.get(LIST, {"show": "done"}).content.decode()
    assert "Call Anna" in done and "Heard and understood." in done


def test_finishing_twice_is_refused(client, owner, task):
    login(client, owner)
    client.post(_complete_url(task), {"notes": "first"})
    response = client.post(_complete_url(task), {"notes": "second"})
    assert response.status_code == 422
    assert "This task is already done." in response.content.decode()
    task.refresh_from_db()
    assert task.outcome_notes == "first"


def test_finishing_in_place_with_htmx(client, owner, task):
    login(client, owner)
    response = client.post(_complete_url(task), {"notes": "ok"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith(f'<article class="card todo done" id="todo-{task.pk}"')
    assert "<html" not in body and "Mark done" not in body
    again = client.post(_complete_url(task), {"notes": "again"}, HTTP_HX_REQUEST="true")
    assert 'data-testid="todo-error"' in again.content.decode()
    assert "This task is already done." in again.content.decode()


def test_filter_by_kind(client, owner, task):
    todo_create(assignee=owner, kind="compensation.check", title="Check the fee claim")
    login(client, owner)
    body = client.get(LIST, {"kind": "compensation.check"}).content.decode()
    assert "Check the fee claim" in body and "Call Anna" not in body
    assert '<option value="campaigns.call"' in body


def test_anonymous_and_deactivated_users_are_sent_to_login(client, outsider, task):
    for method, url in (("get", LIST), ("post", _complete_url(task))):
        assert reverse("accounts:login") in getattr(client, method)(url)["Location"]
    login(client, outsider)
    assert reverse("accounts:login") in client.get(LIST)["Location"]


def test_wrong_methods(client, owner, task):
    login(client, owner)
    assert client.post(LIST).status_code == 405
    assert client.get(_complete_url(task)).status_code == 405


def test_the_list_takes_a_bounded_number_of_queries(
    client, owner, company, django_assert_max_num_queries
):
    for n in range(30):
        todo_create(
            assignee=owner, kind=f"x.kind{n % 3}", title=f"Task {n}", company=company,
            due_at=timezone.now() + datetime.timedelta(hours=n),
        )  # fmt: skip
    login(client, owner)
    with django_assert_max_num_queries(10) as captured:
        client.get(LIST)
    few = len(captured)
    todo_create(assignee=owner, kind="x.more", title="One more", company=company)
    with django_assert_max_num_queries(few):
        client.get(LIST)


def test_the_top_bar_counts_my_open_tasks_with_one_query(client, owner, manager, task):
    from django.template import Context, Template

    todo_create(assignee=owner, kind="x.two", title="Second")
    todo_create(assignee=manager, kind="x.other", title="Not mine")
    done = todo_create(assignee=owner, kind="x.done", title="Done one")
    Todo.objects.filter(pk=done.pk).update(done_at=timezone.now())
    template = Template("{% load todo_tags %}{% open_tasks_link %}")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"user": owner}))
    assert len(queries) == 1
    assert ">2</span>" in html and 'href="/tasks/"' in html
    login(client, owner)
    page = client.get(reverse("parties:company_list")).content.decode()
    assert 'data-testid="tasks-link"' in page


@pytest.mark.parametrize("role", [Role.SALES, Role.FINANCE])
def test_nobody_but_the_assignee_or_a_manager_finishes_through_the_service(owner, task, role):
    from django.core.exceptions import PermissionDenied

    from chengxin.todos.services import todo_complete

    other = make_user(role)
    with pytest.raises(PermissionDenied):
        todo_complete(actor=other, todo=task, notes="not mine")
