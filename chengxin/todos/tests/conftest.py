import datetime

import pytest

from chengxin.todos.services import todo_create

NOW = datetime.datetime(2026, 11, 20, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _in_english(english):
    """The tests read the pages in English (the default is Chinese)."""


@pytest.fixture
def task(owner, company):
    """The owner's call, overdue since yesterday."""
    return todo_create(
        assignee=owner,
        kind="campaigns.call",
        title="Call Anna about our new account",
        company=company,
        due_at=datetime.datetime(2020, 1, 1, 1, 30, tzinfo=datetime.UTC),
    )
