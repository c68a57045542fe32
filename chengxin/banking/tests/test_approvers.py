"""A verified account says who may approve it; when nobody can (the demo's case: finance
proposed it, the only manager verified it), the page and the API say why, and the proposer
and the administrators are told at once."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts.services import api_token_create
from chengxin.banking import permissions, services
from chengxin.banking.models import Side
from chengxin.notifications.models import Notification
from chengxin.testing import make_user
from chengxin.testing.banking import IBAN_DE
from chengxin.workflow.four_eyes import BLOCKED_KIND

pytestmark = pytest.mark.django_db


def _verified(*, proposer, verifier):
    account = services.bank_account_propose(
        actor=proposer, side=Side.OURS, purpose="receiving", holder_name="Chengxin Trading",
        iban=IBAN_DE, currency="EUR", bank_name="ICBC",
    )  # fmt: skip
    return services.bank_account_verify(
        actor=verifier, account=account, method="bank_letter", outcome="confirmed",
        notes="Letter from the bank",
    )  # fmt: skip


def _blocked_notes():
    return Notification.objects.filter(kind=BLOCKED_KIND)


def test_finance_proposes_the_only_manager_verifies_nobody_can_approve(
    client_for, django_capture_on_commit_callbacks, finance, manager, admin_user, owner
):
    finance.first_name, finance.last_name = "Min", "Zhao"
    finance.save()
    with django_capture_on_commit_callbacks(execute=True):
        account = _verified(proposer=finance, verifier=manager)
    eligibility = permissions.account_approvers(account)
    assert eligibility.blocked
    reason = eligibility.blocked_reason
    assert "Min Zhao (Finance) proposed it" in reason
    assert "manager (Manager) verified it" in reason
    assert "An administrator must" in reason
    # The proposer and the administrator hear at once; nobody else does.
    told = sorted(_blocked_notes().values_list("user__username", flat=True))
    assert told == ["admin", "finance"]
    note = _blocked_notes().get(user=admin_user)
    assert note.link == f"/bank-accounts/{account.pk}/"
    assert "Nobody can approve" in note.body
    # The page says so.
    page = client_for(manager).get(f"/bank-accounts/{account.pk}/").content.decode()
    assert 'data-testid="approval-blocked"' in page
    assert "Nobody can approve this" in page
    listing = client_for(manager).get("/bank-accounts/").content.decode()
    assert 'data-testid="nobody-approves"' in listing
    # And the API.
    _token, raw = api_token_create(actor=owner, name="t")
    data = (
        client_for(owner)
        .get(f"/api/v1/bank-accounts/{account.pk}", headers={"Authorization": f"Bearer {raw}"})
        .json()
    )
    assert data["approvers"] == []
    assert data["approval_blocked_reason"].startswith("Nobody can approve this")


def test_a_second_manager_clears_the_warning(
    client_for, django_capture_on_commit_callbacks, finance, manager, admin_user
):
    second = make_user("manager", username="manager2", first_name="Fang", last_name="Wang")
    with django_capture_on_commit_callbacks(execute=True):
        account = _verified(proposer=finance, verifier=manager)
    assert not _blocked_notes().exists()
    eligibility = permissions.account_approvers(account)
    assert [a.user for a in eligibility.approvers] == [second]
    assert eligibility.blocked_reason is None
    # manager2 has no authenticator yet: counted, but must set one up first.
    assert eligibility.approvers[0].must_set_up_two_factor
    page = client_for(manager).get(f"/bank-accounts/{account.pk}/").content.decode()
    assert 'data-testid="approval-blocked"' not in page
    assert "Can approve" in page
    assert "Fang Wang (Manager, must set up two-factor first)" in page
    listing = client_for(manager).get("/bank-accounts/").content.decode()
    assert 'data-testid="nobody-approves"' not in listing
    TOTPDevice.objects.create(user=second, name="phone", confirmed=True)
    assert not permissions.account_approvers(account).approvers[0].must_set_up_two_factor
    _token, raw = api_token_create(actor=finance, name="t")
    data = (
        client_for(finance)
        .get(f"/api/v1/bank-accounts/{account.pk}", headers={"Authorization": f"Bearer {raw}"})
        .json()
    )
    assert data["approvers"] == [
        {"id": second.pk, "name": "Fang Wang", "role": "manager", "must_set_up_two_factor": False}
    ]
    assert data["approval_blocked_reason"] is None


def test_a_deactivated_or_sales_user_is_not_counted(finance, manager):
    make_user("manager", username="gone", is_active=False)
    make_user("sales", username="rep")
    account = _verified(proposer=finance, verifier=manager)
    assert permissions.account_approvers(account).blocked


def test_the_rule_is_the_services_rule(finance, manager):
    """Whoever the eligibility names may approve; the excluded are refused."""
    other_finance = make_user("finance", username="finance2")
    account = _verified(proposer=finance, verifier=manager)
    assert [a.user for a in permissions.account_approvers(account).approvers] == [other_finance]
    for person in (finance, manager):
        with pytest.raises(PermissionDenied):
            services.bank_account_approve(actor=person, account=account, second_factor_passed=True)
    services.bank_account_approve(actor=other_finance, account=account, second_factor_passed=True)


def test_no_approver_role_at_all(admin_user):
    account = _verified(proposer=admin_user, verifier=admin_user)
    reason = permissions.account_approvers(account).blocked_reason
    assert reason.startswith("Nobody can approve this: no active user has one of these roles")
    assert "Manager, Finance" in reason
