"""advance, locked and time_between on a real process's rows (a bank account and its
steps): one call saves, steps and audits; a hidden row is not there; intervals pair the
first start with the first end after it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from chengxin.audit.models import AuditEntry
from chengxin.audit.services import snapshot
from chengxin.banking.models import BankAccount, BankAccountStep, State, StepKind
from chengxin.testing.banking import IBAN_DE, make_account
from chengxin.workflow.selectors import median_duration, time_between
from chengxin.workflow.services import advance, locked

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(finance):
    return make_account(proposed_by=finance, iban=IBAN_DE, state=State.PROPOSED)


def test_advance_saves_the_state_writes_the_step_and_audits_both(account, finance):
    now = timezone.now()
    before = snapshot(account)
    account.label = "Main EUR"
    step = advance(
        account, actor=finance, before=before, now=now, state=State.VERIFIED,
        fields=["label"], step=StepKind.VERIFIED, details={"method": "bank_letter"},
        notes="Letter",
    )  # fmt: skip
    account.refresh_from_db()
    assert (account.state, account.label, account.state_changed_at) == (
        State.VERIFIED, "Main EUR", now,
    )  # fmt: skip
    assert isinstance(step, BankAccountStep)
    assert (step.kind, step.actor, step.details, step.notes) == (
        StepKind.VERIFIED, finance, {"method": "bank_letter"}, "Letter",
    )  # fmt: skip
    kinds = list(AuditEntry.objects.order_by("id").values_list("object_type", "action"))[-2:]
    assert kinds == [("bankaccount", "update"), ("bankaccountstep", "create")]


def test_advance_without_a_change_of_fields_audits_only_the_step(account, finance):
    entries = AuditEntry.objects.count()
    advance(account, actor=finance, before=None, now=timezone.now(), step=StepKind.VERIFIED)
    assert AuditEntry.objects.count() == entries + 1
    assert account.steps.count() == 1


def test_locked_reads_the_row_again_and_hides_what_the_actor_may_not_see(account):
    account.label = "stale"
    fresh = locked(BankAccount.objects.all(), account.pk)
    assert fresh.label == "" and fresh is not account
    with pytest.raises(BankAccount.DoesNotExist):
        locked(BankAccount.objects.all(), account.pk, allowed=lambda row: False)


def test_time_between_pairs_the_first_start_with_the_first_end_after_it(finance):
    start = timezone.now() - datetime.timedelta(days=10)
    done = make_account(proposed_by=finance, iban=IBAN_DE, state=State.PROPOSED)
    waiting = make_account(proposed_by=finance, account_number="12345678", state=State.PROPOSED)
    for account, kind, hours in [
        (done, StepKind.PROPOSED, 0), (done, StepKind.VERIFIED, 5),
        (done, StepKind.APPROVED, 30), (waiting, StepKind.PROPOSED, 1),
    ]:  # fmt: skip
        account.steps.create(kind=kind, actor=finance, at=start + datetime.timedelta(hours=hours))

    steps = BankAccountStep.objects.all()
    (interval,) = time_between(
        steps, item="account", start=StepKind.PROPOSED, end=StepKind.APPROVED
    )
    assert (interval.item_id, interval.duration) == (done.pk, datetime.timedelta(hours=30))
    verified = time_between(steps, item="account", start=StepKind.PROPOSED, end=StepKind.VERIFIED)
    assert median_duration(verified) == datetime.timedelta(hours=5)
