"""A fee claim awaiting finance's check says who in finance may decide it; the person who
recorded it never counts, and when nobody else can, the recorder and the administrators
hear at once."""

from __future__ import annotations

import pytest

from chengxin.accounts.models import Role
from chengxin.compensation import services
from chengxin.compensation.permissions import claim_deciders
from chengxin.compensation.tests.conftest import claim_data, voucher_pdf
from chengxin.notifications.models import Notification
from chengxin.testing import make_user
from chengxin.workflow.four_eyes import BLOCKED_KIND

pytestmark = pytest.mark.django_db


def submit(recipient, *, actor=None, reference="PI-1"):
    return services.fee_claim_submit(
        recipient=recipient,
        voucher_content=voucher_pdf(reference=reference),
        actor=actor,
        **claim_data(),
    )


def test_the_only_finance_user_recorded_it(
    recipient, finance, manager, admin_user, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        claim = submit(recipient, actor=finance)
    eligibility = claim_deciders(claim)
    assert eligibility.blocked  # a manager does not decide claims
    assert "finance (Finance) recorded it" in eligibility.blocked_reason
    told = set(Notification.objects.filter(kind=BLOCKED_KIND).values_list("user", flat=True))
    assert told == {finance.pk, admin_user.pk}
    page = client_for(manager).get(f"/compensation/{claim.pk}/").content.decode()
    assert "Nobody can approve this" in page
    listing = client_for(manager).get("/compensation/").content.decode()
    assert 'data-testid="nobody-approves"' in listing


def test_a_buyers_claim_names_every_finance_user(
    recipient, finance, admin_user, client_for, django_capture_on_commit_callbacks
):
    second = make_user(Role.FINANCE, username="finance2", first_name="Min", last_name="Zhao")
    make_user(Role.FINANCE, username="left", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        claim = submit(recipient)
    assert [a.user for a in claim_deciders(claim).approvers] == [finance, second]
    assert not Notification.objects.filter(kind=BLOCKED_KIND).exists()
    page = client_for(admin_user).get(f"/compensation/{claim.pk}/").content.decode()
    assert "Can decide" in page and "Min Zhao (Finance" in page
    listing = client_for(admin_user).get("/compensation/").content.decode()
    assert 'data-testid="nobody-approves"' not in listing
    # Recorded by finance2: only the other finance user may decide.
    other = submit(recipient, actor=second, reference="PI-2")
    assert [a.user for a in claim_deciders(other).approvers] == [finance]
    with pytest.raises(services.PermissionDenied):
        services.fee_claim_reject(actor=second, claim=other, reason="no")
