"""Step 3 and after: the second person approves; an open account is rejected, an active
one retired; the label and notes are edited at any step."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.banking.models import BankAccount, State, StepKind
from chengxin.banking.permissions import (
    OPEN_STATES,
    approval_refusal,
    can_edit_label,
    can_reject,
    can_retire,
    not_allowed_on_account,
)
from chengxin.banking.services.common import account_locked, audit_label
from chengxin.core.lengths import check_lengths
from chengxin.workflow.four_eyes import enforce_refusal
from chengxin.workflow.services import advance, require_state


@transaction.atomic
def bank_account_approve(
    *,
    actor: User,
    account: BankAccount,
    second_factor_passed: bool,
    notes: str = "",
    now: datetime.datetime | None = None,
) -> BankAccount:
    """The second pair of eyes: finance or a manager, never the proposer or the verifier,
    with a passed second factor. The account becomes ACTIVE."""
    now = now or timezone.now()
    account = account_locked(actor=actor, account=account)
    enforce_refusal(
        approval_refusal(actor, account),
        state_check=lambda: require_state(account, State.VERIFIED),
        second_factor_passed=second_factor_passed,
        second_factor_message=_("Approving a bank account needs your second factor."),
    )
    before = snapshot(account)
    account.approved_by, account.approved_at, account.active_since = actor, now, now
    advance(account, actor=actor, before=before, state=State.ACTIVE,
            fields=["approved_by", "approved_at", "active_since"], step=StepKind.APPROVED,
            details={"second_factor": True}, notes=(notes or "").strip(), now=now)  # fmt: skip
    return account


def _reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [message]})
    return reason


@transaction.atomic
def bank_account_reject(
    *, actor: User, account: BankAccount, reason: str, now: datetime.datetime | None = None
) -> BankAccount:
    now = now or timezone.now()
    account = account_locked(actor=actor, account=account)
    if not can_reject(actor, account):
        raise PermissionDenied(not_allowed_on_account(account, verb="reject"))
    require_state(account, *OPEN_STATES)
    reason = _reason(reason, _("Say why the account is rejected."))
    before = snapshot(account)
    account.retire_reason = reason
    advance(account, actor=actor, before=before, state=State.REJECTED,
            fields=["retire_reason"], step=StepKind.REJECTED,
            details={"fraud_attempt": False}, notes=reason, now=now)  # fmt: skip
    return account


@transaction.atomic
def bank_account_retire(
    *, actor: User, account: BankAccount, reason: str, now: datetime.datetime | None = None
) -> BankAccount:
    now = now or timezone.now()
    account = account_locked(actor=actor, account=account)
    if not can_retire(actor, account):
        raise PermissionDenied(_("Only finance or a manager may retire a bank account."))
    require_state(account, State.ACTIVE)
    reason = _reason(reason, _("Say why the account is retired."))
    before = snapshot(account)
    account.retired_by, account.retired_at, account.retire_reason = actor, now, reason
    advance(account, actor=actor, before=before, state=State.RETIRED,
            fields=["retired_by", "retired_at", "retire_reason"], step=StepKind.RETIRED,
            notes=reason, now=now)  # fmt: skip
    return account


@transaction.atomic
def bank_account_label_update(
    *, actor: User, account: BankAccount, label: str, notes: str
) -> BankAccount:
    """The label and notes only (any state): never the number, bank or holder."""
    account = account_locked(actor=actor, account=account)
    if not can_edit_label(actor, account):
        raise PermissionDenied(
            _("Only someone who may verify or approve this account may change its label.")
        )
    check_lengths(BankAccount, label=(label or "").strip())
    before = snapshot(account)
    account.label, account.notes = (label or "").strip(), (notes or "").strip()
    account.save(update_fields=["label", "notes"])
    audit_record_many(
        actor=actor,
        changes=[
            Change(
                Action.UPDATE,
                account,
                before,
                snapshot(account, {"notes": account.notes}),
                account.company_id,
                audit_label(account),
            )  # fmt: skip
        ],
    )
    return account
