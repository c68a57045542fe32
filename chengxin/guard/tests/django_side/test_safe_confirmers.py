"""A message proposed as safe waits for a second person: its page names who may confirm
(a manager, an administrator, or the customer's owner, never the proposer); when nobody
may, the proposer and the administrators are told."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chengxin.guard import permissions
from chengxin.guard.services.closing import assessment_propose_safe
from chengxin.notifications.models import Notification
from chengxin.workflow.four_eyes import BLOCKED_KIND

LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"

pytestmark = pytest.mark.usefixtures("english")


def test_the_owners_proposal_names_the_managers(client_for, owner, manager, colleague, alarm):
    assert not permissions.awaits_safe_confirmation(alarm)
    assessment_propose_safe(
        actor=owner, assessment=alarm, reason="Called the buyer on the number on file."
    )
    alarm.refresh_from_db()
    assert permissions.awaits_safe_confirmation(alarm)
    assert [a.user for a in permissions.safe_confirmers(alarm).approvers] == [manager]
    page = client_for(owner).get(reverse("mail:message_detail", args=[alarm.message_id]))
    assert "Can confirm" in page.content.decode()


def test_a_managers_proposal_may_be_confirmed_by_the_owner(owner, manager, alarm):
    assessment_propose_safe(
        actor=manager, assessment=alarm, reason="Called the buyer on the number on file."
    )
    alarm.refresh_from_db()
    assert [a.user for a in permissions.safe_confirmers(alarm).approvers] == [owner]


def test_nobody_else_tells_the_proposer_and_administrators(
    client_for, django_capture_on_commit_callbacks, owner, manager, admin_user, alarm
):
    """The manager proposes; the owner has left and the admin is the only one who may."""
    owner.is_active = False
    owner.save()
    admin_user.is_active = False
    admin_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        assessment_propose_safe(
            actor=manager, assessment=alarm, reason="Called the buyer on the number on file."
        )
    alarm.refresh_from_db()
    eligibility = permissions.safe_confirmers(alarm)
    assert eligibility.blocked
    assert "manager (Manager) proposed it" in eligibility.blocked_reason
    told = set(Notification.objects.filter(kind=BLOCKED_KIND).values_list("user", flat=True))
    assert told == {manager.pk}
    page = client_for(manager).get(reverse("mail:message_detail", args=[alarm.message_id]))
    assert 'data-testid="approval-blocked"' in page.content.decode()
