"""A plan that breaks a rule waits for a manager's override: its page and the API name who
may give it; when nobody may, the planner and the administrators hear at once."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from chengxin.accounts.models import User
from chengxin.accounts.services import api_token_create
from chengxin.campaigns.permissions import plan_overriders
from chengxin.campaigns.selectors import awaits_override
from chengxin.campaigns.services.launch import plan_launch
from chengxin.campaigns.services.plans import plan_create, plan_update
from chengxin.notifications.models import Notification
from chengxin.testing import make_user
from chengxin.testing.campaigns import TODAY, plan_input
from chengxin.workflow.four_eyes import BLOCKED_KIND

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _short(old_account, new_account):
    return plan_input(old_account, new_account, parallel_from=TODAY + datetime.timedelta(days=10))


def test_managers_and_administrators_may_override(
    client_for, finance, manager, admin_user, old_account, new_account
):
    plan = plan_create(actor=finance, data=_short(old_account, new_account), today=TODAY)
    assert awaits_override(plan)
    approvers = {a.user for a in plan_overriders(plan).approvers}
    assert {manager, admin_user} <= approvers and finance not in approvers
    assert {user.role for user in approvers} == {"manager", "admin"}
    page = client_for(finance).get(f"/campaigns/{plan.pk}/").content.decode()
    assert "Can override" in page
    _token, raw = api_token_create(actor=finance, name="t")
    data = (
        client_for(finance)
        .get(f"/api/v1/campaigns/plans/{plan.pk}", headers={"Authorization": f"Bearer {raw}"})
        .json()
    )
    assert {a["id"] for a in data["approvers"]} == {a.pk for a in approvers}
    assert data["approval_blocked_reason"] is None
    listed = (
        client_for(finance)
        .get("/api/v1/campaigns/plans", headers={"Authorization": f"Bearer {raw}"})
        .json()
    )
    assert {a["id"] for a in listed[0]["approvers"]} == {a.pk for a in approvers}


def test_a_plan_within_the_rules_awaits_nobody(finance, manager, old_account, new_account):
    plan = plan_create(actor=finance, data=plan_input(old_account, new_account), today=TODAY)
    assert not awaits_override(plan)


def test_nobody_may_override_tells_the_planner_and_the_administrators(
    client_for, django_capture_on_commit_callbacks, finance, old_account, new_account
):
    User.objects.filter(role__in=["manager", "admin"]).update(is_active=False)
    admin = make_user("admin", username="it")
    with django_capture_on_commit_callbacks(execute=True):
        plan = plan_create(actor=finance, data=_short(old_account, new_account), today=TODAY)
    assert not Notification.objects.filter(kind=BLOCKED_KIND).exists()
    admin.is_active = False  # the administrator leaves; no manager either
    admin.save()
    boss = make_user("admin", username="boss", is_active=False)
    assert plan_overriders(plan).blocked
    with django_capture_on_commit_callbacks(execute=True):
        plan = plan_update(
            actor=finance, plan=plan, data=_short(old_account, new_account), today=TODAY
        )
    told = set(Notification.objects.filter(kind=BLOCKED_KIND).values_list("user", flat=True))
    assert told == {finance.pk}  # and no active administrator is left to tell
    assert boss.pk not in told
    page = client_for(finance).get(f"/campaigns/{plan.pk}/").content.decode()
    assert (
        "Nobody can approve this: no active user has one of these roles: Administrator, Manager"
        in page
    )


def test_a_breach_found_at_launch_with_nobody_to_override_tells_the_planner(
    django_capture_on_commit_callbacks, finance, old_account, new_account, buyers
):
    """Planned within the rules; launched too late for the notice: it now waits for an
    override nobody may give."""
    plan = plan_create(actor=finance, data=plan_input(old_account, new_account), today=TODAY)
    assert not awaits_override(plan)
    User.objects.filter(role__in=["manager", "admin"]).update(is_active=False)
    late = datetime.datetime(2026, 11, 20, 2, 0, tzinfo=datetime.UTC)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError),
    ):
        plan_launch(actor=finance, plan=plan, now=late)
    plan.refresh_from_db()
    assert awaits_override(plan)
    told = list(Notification.objects.filter(kind=BLOCKED_KIND).values_list("user", flat=True))
    assert told == [finance.pk]
