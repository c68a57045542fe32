"""Tasks through the API: list (own; managers all), finish once, someone else's → 404."""

from __future__ import annotations

import pytest

from chengxin.testing import API, api_client
from chengxin.todos.services import todo_create


def test_the_list_shows_my_open_tasks(owner, colleague, task):
    todo_create(assignee=colleague, kind="x.other", title="Colleague's")
    response = api_client(owner).get(f"{API}/tasks")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    [item] = data["items"]
    assert (item["id"], item["kind"], item["assignee"], item["overdue"]) == (
        task.pk, "campaigns.call", "owner", True,
    )  # fmt: skip
    assert item["kind_label"] == "Call a buyer about our new account"
    assert api_client(colleague).get(f"{API}/tasks").json()["count"] == 1


def test_a_manager_lists_everyone_s(manager, task):
    client = api_client(manager)
    assert client.get(f"{API}/tasks").json()["count"] == 1
    assert client.get(f"{API}/tasks", {"mine": "true"}).json()["count"] == 0


def test_finish_once_then_it_is_done(owner, task):
    client = api_client(owner)
    url = f"{API}/tasks/{task.pk}/complete"
    response = client.post(url, {"notes": "Heard"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["done_by"] == "owner" and response.json()["outcome"] == "done"
    again = client.post(url, {"notes": "Again"}, content_type="application/json")
    assert again.status_code == 422
    assert again.json()["errors"]["__all__"] == ["This task is already done."]
    done = client.get(f"{API}/tasks", {"status": "done"}).json()
    assert [item["id"] for item in done["items"]] == [task.pk]
    assert client.get(f"{API}/tasks").json()["count"] == 0


@pytest.mark.parametrize("who", ["colleague", "finance"])
def test_someone_else_s_task_is_not_found(request, task, who):
    client = api_client(request.getfixturevalue(who))
    url = f"{API}/tasks/{task.pk}/complete"
    assert client.post(url, {}, content_type="application/json").status_code == 404
    task.refresh_from_db()
    assert task.done_at is None


def test_a_manager_finishes_someone_else_s(manager, task):
    url = f"{API}/tasks/{task.pk}/complete"
    response = api_client(manager).post(
        url, {"outcome": "heard_and_understood"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["done_by"] == "manager"


def test_without_a_token(task):
    assert api_client().get(f"{API}/tasks").status_code == 401
    assert api_client().post(f"{API}/tasks/{task.pk}/complete").status_code == 401


def test_bad_filters(owner, task):
    client = api_client(owner)
    assert client.get(f"{API}/tasks", {"status": "later"}).status_code == 422
    assert client.get(f"{API}/tasks", {"limit": 0}).status_code == 422
    assert client.get(f"{API}/tasks/{task.pk}/complete").status_code == 405
