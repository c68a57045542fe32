import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from chengxin.core.schedules import SCHEDULES, scheduler_tick


@pytest.mark.django_db
def test_due_messages_are_swept_every_minute():
    [schedule] = [s for s in SCHEDULES if s.name == "outbox_send_due"]
    assert schedule.every == datetime.timedelta(minutes=1)
    now = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=datetime.UTC)
    assert "outbox_send_due" in scheduler_tick(now)
    assert "outbox_send_due" not in scheduler_tick(now + datetime.timedelta(seconds=30))
    assert "outbox_send_due" in scheduler_tick(now + datetime.timedelta(minutes=1))
    paths = DBTaskResult.objects.values_list("task_path", flat=True)
    assert list(paths).count("chengxin.outbox.tasks.outbox_send_due_task") == 2
