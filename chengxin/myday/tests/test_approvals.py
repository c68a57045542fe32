"""A change of users (deactivated, another role) that leaves a pending approval without
anyone to give it tells the administrators at once; one that leaves someone does not."""

from __future__ import annotations

import pytest

from chengxin.accounts.models import Role
from chengxin.accounts.services import user_update
from chengxin.banking import services as banking
from chengxin.banking.models import Side
from chengxin.myday.approvals import approvals_waiting_for, pending_approvals
from chengxin.notifications.models import Notification
from chengxin.testing import make_user
from chengxin.testing.banking import IBAN_DE
from chengxin.workflow.four_eyes import BLOCKED_KIND

pytestmark = pytest.mark.django_db


def _edit(actor, user, **changes):
    values = {
        "role": user.role,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": user.is_active,
        **changes,
    }
    return user_update(actor=actor, user=user, **values)


@pytest.fixture
def verified(finance):
    account = banking.bank_account_propose(
        actor=finance, side=Side.OURS, purpose="receiving", holder_name="Chengxin",
        iban=IBAN_DE, currency="EUR",
    )  # fmt: skip
    return banking.bank_account_verify(
        actor=finance, account=account, method="bank_letter", outcome="confirmed", notes="letter"
    )


def _told():
    return list(Notification.objects.filter(kind=BLOCKED_KIND).values_list("user", "link"))


def test_deactivating_the_last_approver_tells_the_administrators(
    django_capture_on_commit_callbacks, admin_user, finance, manager, verified
):
    second = make_user(Role.MANAGER, username="manager2")
    other_admin = make_user(Role.ADMIN, username="it")
    assert approvals_waiting_for(manager)[0].link == f"/bank-accounts/{verified.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        _edit(admin_user, second, is_active=False)
    assert _told() == []  # the manager is still there
    with django_capture_on_commit_callbacks(execute=True):
        _edit(admin_user, manager, is_active=False)
    link = f"/bank-accounts/{verified.pk}/"
    assert sorted(_told()) == sorted([(admin_user.pk, link), (other_admin.pk, link)])
    assert approvals_waiting_for(manager) == []
    # Editing a name changes no rights: nobody is told again.
    with django_capture_on_commit_callbacks(execute=True):
        _edit(admin_user, finance, first_name="Min")
    assert len(_told()) == 2


def test_a_role_change_that_removes_the_last_approver(
    django_capture_on_commit_callbacks, admin_user, finance, manager, verified
):
    with django_capture_on_commit_callbacks(execute=True):
        _edit(admin_user, manager, role=Role.SALES)
    assert [user for user, _link in _told()] == [admin_user.pk]
    (item,) = pending_approvals()
    assert item.eligibility.blocked
    # Making them a manager again clears it; nobody is told of a cleared item.
    with django_capture_on_commit_callbacks(execute=True):
        _edit(admin_user, manager, role=Role.MANAGER)
    assert not pending_approvals()[0].eligibility.blocked
    assert len(_told()) == 1
