"""A high-risk change, verified, waits for a manager who neither opened nor verified it:
its page and the API name who may approve; when nobody may, the opener and the
administrators hear at once."""

from __future__ import annotations

import pytest

from chengxin.accounts.models import Role
from chengxin.accounts.services import api_token_create
from chengxin.changes.models import ChangeRequest
from chengxin.changes.permissions import awaits_approval, change_approvers
from chengxin.changes.services import approval, confirmation, opening, verification
from chengxin.changes.tests.conftest import NEW_EMAIL
from chengxin.changes.tests.test_steps import _phone
from chengxin.guard.models import Assessment
from chengxin.notifications.models import Notification
from chengxin.testing import make_user
from chengxin.testing.mail import make_raw
from chengxin.workflow.four_eyes import BLOCKED_KIND

pytestmark = pytest.mark.django_db


@pytest.fixture
def risky_change(ingest, company, owner):
    """A change from a message the guard rated high (a lookalike sender)."""
    message = ingest(
        make_raw(
            sender="Anna Schmidt <anna.schmidt@mueIler-maschinen.de>",
            text=f"Dear Li Na,\n\nplease write to {NEW_EMAIL} from now on.\n\nAnna",
        )
    ).message
    assert Assessment.objects.get(message=message).is_alarming
    ChangeRequest.objects.all().delete()  # the guard's own proposal
    return opening.change_open(
        actor=owner, contact=company.contacts.get(), kind="email", new_value=NEW_EMAIL,
        source_message=message,
    )  # fmt: skip


def _verify(change, verifier, owner):
    confirmation.change_confirm_send(actor=owner, request=change)
    return verification.change_verify(
        actor=verifier, request=change, channel=_phone(change), outcome="confirmed"
    )


def test_the_only_manager_verified_nobody_can_approve(
    client_for, django_capture_on_commit_callbacks, owner, manager, admin_user, risky_change
):
    admin_user.is_active = False  # administrators may approve too: none active here
    admin_user.save()
    it = make_user(Role.ADMIN, username="it", is_active=True)
    with django_capture_on_commit_callbacks(execute=True):
        change = _verify(risky_change, manager, owner)
    assert awaits_approval(change)
    eligibility = change_approvers(change)
    assert [a.user for a in eligibility.approvers] == [it]
    it.is_active = False
    it.save()
    eligibility = change_approvers(change)
    assert eligibility.blocked
    assert "manager (Manager) verified it" in eligibility.blocked_reason
    page = client_for(owner).get(f"/changes/{change.pk}/").content.decode()
    assert 'data-testid="approval-blocked"' in page
    listing = client_for(owner).get("/changes/").content.decode()
    assert 'data-testid="nobody-approves"' in listing


def test_nobody_left_notifies_the_opener(
    django_capture_on_commit_callbacks, owner, manager, risky_change
):
    with django_capture_on_commit_callbacks(execute=True):
        _verify(risky_change, manager, owner)
    told = set(Notification.objects.filter(kind=BLOCKED_KIND).values_list("user", flat=True))
    assert told == {owner.pk}


def test_a_second_manager_may_approve(client_for, owner, manager, risky_change):
    second = make_user(Role.MANAGER, username="manager2", first_name="Fang", last_name="Wang")
    change = _verify(risky_change, manager, owner)
    assert [a.user for a in change_approvers(change).approvers] == [second]
    page = client_for(owner).get(f"/changes/{change.pk}/").content.decode()
    assert "Fang Wang (Manager" in page
    assert (
        'data-testid="nobody-approves"' not in client_for(owner).get("/changes/").content.decode()
    )
    _token, raw = api_token_create(actor=owner, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    data = client_for(owner).get(f"/api/v1/changes/{change.pk}", headers=headers).json()
    assert [a["id"] for a in data["approvers"]] == [second.pk]
    listed = client_for(owner).get("/api/v1/changes", headers=headers).json()
    assert [a["id"] for a in listed[0]["approvers"]] == [second.pk]
    approval.change_approve(actor=second, request=change)
    change.refresh_from_db()
    assert not awaits_approval(change)
