import datetime

import pytest
from django.utils import timezone
from django.utils.module_loading import import_string

from chengxin.campaigns.models import Touch, TouchState
from chengxin.campaigns.services.launch import plan_launch
from chengxin.campaigns.services.plans import plan_create
from chengxin.core.schedules import SCHEDULES
from chengxin.testing.campaigns import plan_input


def test_the_campaigns_run_every_five_minutes():
    [schedule] = [s for s in SCHEDULES if s.name == "campaigns_send_due"]
    assert schedule.every == datetime.timedelta(minutes=5)
    assert import_string(schedule.task).name == "campaigns_send_due_task"


@pytest.mark.django_db
def test_the_task_runs_the_due_touches(finance, old_account, new_account, buyers, no_whatsapp):
    from chengxin.campaigns.tasks import campaigns_send_due_task

    today = timezone.localdate()
    plan = plan_create(
        actor=finance,
        data=plan_input(
            old_account,
            new_account,
            decided_on=today,
            parallel_from=today + datetime.timedelta(days=40),
            old_closes_on=today + datetime.timedelta(days=90),
        ),
        today=today,
    )
    plan_launch(actor=finance, plan=plan)
    # Nothing is due yet (the first touches are weeks away).
    assert campaigns_send_due_task.call() == {}
    assert not Touch.objects.exclude(state=TouchState.SCHEDULED).exists()


@pytest.mark.django_db
def test_after_the_old_accounts_last_day_finance_is_asked_once_to_close(
    finance, old_account, new_account, buyers, no_whatsapp
):
    from chengxin.campaigns.services.closing import CLOSE_KIND
    from chengxin.campaigns.services.sending import campaigns_send_due
    from chengxin.todos.models import Todo

    today = timezone.localdate()
    plan = plan_create(
        actor=finance,
        data=plan_input(
            old_account,
            new_account,
            decided_on=today,
            parallel_from=today + datetime.timedelta(days=40),
            old_closes_on=today + datetime.timedelta(days=90),
        ),
        today=today,
    )
    plan_launch(actor=finance, plan=plan)
    on_last_day = timezone.now() + datetime.timedelta(days=90)
    campaigns_send_due(now=on_last_day)
    assert not Todo.objects.filter(kind=CLOSE_KIND).exists()

    day_after = timezone.now() + datetime.timedelta(days=91, hours=1)
    campaigns_send_due(now=day_after)
    campaigns_send_due(now=day_after + datetime.timedelta(minutes=5))
    [todo] = Todo.objects.filter(kind=CLOSE_KIND)
    assert todo.assignee == finance
    assert todo.related_id == str(plan.pk)
