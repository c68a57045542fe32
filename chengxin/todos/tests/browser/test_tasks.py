"""A rep finishes a task in place: the notes are saved and the task shows as done
without leaving the list; the top bar's count follows on the next page."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import expect

from chengxin.accounts.models import Role
from chengxin.testing import PASSWORD, make_user
from chengxin.todos.models import Todo
from chengxin.todos.services import todo_create

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_rep_finishes_a_task_in_place(new_page):
    rep = make_user(Role.SALES, username="li.na", language="en", time_zone="Asia/Shanghai")
    task = todo_create(
        assignee=rep,
        kind="campaigns.call",
        title="Call Anna about our new account",
        due_at=datetime.datetime(2020, 1, 1, 1, 30, tzinfo=datetime.UTC),
    )
    todo_create(assignee=rep, kind="x.other", title="Send samples")
    page = new_page()
    page.goto("/accounts/login/")
    page.locator("#id_username").fill("li.na")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))  # my day
    expect(page.get_by_test_id("tasks-link")).to_contain_text("2")

    page.get_by_test_id("tasks-link").click()
    page.wait_for_url(re.compile(r"/tasks/"))
    card = page.locator(f"#todo-{task.pk}")
    expect(card.get_by_test_id("due")).to_have_text("2020-01-01 09:30 CST")
    expect(card.get_by_test_id("overdue")).to_be_visible()
    card.get_by_label("Outcome notes").fill("Heard and understood.")
    card.get_by_role("button", name="Mark done").click()
    expect(page.locator(f"#todo-{task.pk}").get_by_test_id("done")).to_be_visible()
    expect(page.locator(f"#todo-{task.pk}")).to_contain_text("Heard and understood.")
    assert page.url.endswith("/tasks/")
    task.refresh_from_db()
    assert task.done_by == rep and task.outcome_notes == "Heard and understood."
    assert Todo.objects.filter(done_at__isnull=True).count() == 1

    page.reload()
    expect(page.get_by_test_id("tasks-link")).to_contain_text("1")
    expect(page.locator(f"#todo-{task.pk}")).to_have_count(0)
