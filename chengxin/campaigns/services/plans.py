"""Planning an account change: a draft, its changes, and a manager's override of the rules
it breaks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import audit_created, snapshot
from chengxin.banking.models import BankAccount, Purpose, Side
from chengxin.banking.models import State as AccountState
from chengxin.campaigns.links import plan_link
from chengxin.campaigns.models import Audience, ChangePlan, PlanState
from chengxin.campaigns.permissions import plan_overriders, require_override, require_plan
from chengxin.campaigns.selectors import awaits_override, plan_breaches
from chengxin.workflow.four_eyes import notify_if_blocked
from chengxin.workflow.services import advance, locked, require_state


@dataclass
class PlanInput:
    old_account: BankAccount
    new_account: BankAccount
    reason: str
    decided_on: datetime.date
    parallel_from: datetime.date
    old_closes_on: datetime.date
    audience: str = Audience.PAID_INTO_OLD
    audience_paid_from: datetime.date | None = None
    audience_paid_until: datetime.date | None = None
    fee_offer_until: datetime.date | None = None
    fee_cap: Decimal | None = None
    fee_cap_currency: str = ""
    reminder_after_days: int = 3


_FIELDS = [
    "old_account", "new_account", "reason", "decided_on", "parallel_from", "old_closes_on",
    "audience", "audience_paid_from", "audience_paid_until", "fee_offer_until", "fee_cap",
    "fee_cap_currency", "reminder_after_days",
]  # fmt: skip
# A change of these makes a manager's override void: it was given for other facts.
_RULE_FIELDS = ("old_account", "new_account", "parallel_from")
_OVERRIDE_FIELDS = ["override_reason", "override_by", "override_at", "overridden_breaches"]


def check_accounts(old: BankAccount | None, new: BankAccount | None) -> dict[str, list[str]]:
    """Both accounts ours, receiving and active (approved under four eyes), different,
    in the same currency: the errors by field."""
    errors: dict[str, list[str]] = {}
    for field, account in (("old_account", old), ("new_account", new)):
        if account is None:
            errors[field] = [_("Choose an account.")]
        elif account.side != Side.OURS or account.purpose != Purpose.RECEIVING:
            errors[field] = [_("Only our own receiving accounts can be announced.")]
        elif account.state != AccountState.ACTIVE:
            errors[field] = [
                _(
                    "This account is not active (%(state)s): only an account approved by a "
                    "second person can be announced."
                )
                % {"state": account.get_state_display()}
            ]
    if errors or old is None or new is None:
        return errors
    if old.pk == new.pk:
        errors["new_account"] = [_("The new account must differ from the old one.")]
    elif old.currency != new.currency:
        errors["new_account"] = [
            _(
                "The new account is in %(new)s, the old one in %(old)s: buyers would pay in a "
                "currency the invoice does not name. Announce an account in the same currency."
            )
            % {"new": new.currency, "old": old.currency}
        ]
    return errors


def _check_dates(data: PlanInput, today: datetime.date, add) -> None:
    if data.decided_on and data.decided_on > today:
        add("decided_on", _("The decision cannot lie in the future."))
    if data.parallel_from and data.parallel_from <= today:
        add("parallel_from", _("The change must lie in the future."))
    if data.decided_on and data.parallel_from and data.decided_on > data.parallel_from:
        add("parallel_from", _("The change cannot come before the decision."))
    if data.parallel_from and data.old_closes_on and data.old_closes_on < data.parallel_from:
        add("old_closes_on", _("The old account's last day cannot come before the change."))


def _check_audience(data: PlanInput, add) -> None:
    if data.audience not in Audience.values:
        add("audience", _("Choose who is told."))
    elif data.audience == Audience.PAID_INTO_OLD:
        if not (data.audience_paid_from and data.audience_paid_until):
            add("audience_paid_from", _("Give the period in which the buyers paid."))
        elif data.audience_paid_from > data.audience_paid_until:
            add("audience_paid_until", _("The period ends before it starts."))
    else:
        data.audience_paid_from = data.audience_paid_until = None


def _check_fee_offer(data: PlanInput, add) -> None:
    if not (data.fee_offer_until or data.fee_cap):
        data.fee_cap_currency = ""
        return
    if not (data.fee_offer_until and data.fee_cap):
        add("fee_cap", _("A fee offer needs both a last day and a cap per payment."))
    elif data.fee_cap <= 0:
        add("fee_cap", _("The cap must be more than zero."))
    elif data.parallel_from and data.fee_offer_until < data.parallel_from:
        add("fee_offer_until", _("The offer must last beyond the change."))
    data.fee_cap_currency = (data.fee_cap_currency or "").upper() or (
        data.new_account.currency if data.new_account else ""
    )
    if len(data.fee_cap_currency) != 3 or not data.fee_cap_currency.isalpha():
        add("fee_cap_currency", _("Enter a three-letter currency code."))


def _clean(data: PlanInput, *, today: datetime.date) -> PlanInput:
    errors = check_accounts(data.old_account, data.new_account)

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    data.reason = (data.reason or "").strip()
    if not data.reason:
        add("reason", _("Say why the account changes: buyers read it in the timeline."))
    _check_dates(data, today, add)
    _check_audience(data, add)
    _check_fee_offer(data, add)
    if not data.reminder_after_days or data.reminder_after_days < 1:
        add("reminder_after_days", _("Remind after one day at least."))
    if errors:
        raise ValidationError(errors)
    return data


def tell_if_nobody_may_override(plan: ChangePlan, *, actor: User) -> None:
    """A draft that waits for an override nobody may give: the planner and the
    administrators are told."""
    if awaits_override(plan):
        notify_if_blocked(
            eligibility=plan_overriders(plan),
            item=str(plan),
            link=plan_link(plan),
            proposer=actor,
        )


def locked_draft(plan: ChangePlan) -> ChangePlan:
    """The plan again under a lock; refused (``wrong_step``) unless it is a draft."""
    plan = locked(ChangePlan.objects.all(), plan.pk)
    require_state(plan, PlanState.DRAFT)
    return plan


def plan_create(*, actor: User, data: PlanInput, today: datetime.date | None = None) -> ChangePlan:
    """A draft plan, with the rules it breaks recorded (shown to the planner at once)."""
    require_plan(actor)
    today = today or timezone.localdate()
    data = _clean(data, today=today)
    with transaction.atomic():
        plan = ChangePlan(created_by=actor, **{name: getattr(data, name) for name in _FIELDS})
        plan.full_clean(exclude=["rule_breaches", "created_by"])
        plan.rule_breaches = [b.as_json() for b in plan_breaches(plan, announce_on=today)]
        plan.save()
        audit_created(actor=actor, instance=plan)
        tell_if_nobody_may_override(plan, actor=actor)
    return plan


def plan_update(
    *, actor: User, plan: ChangePlan, data: PlanInput, today: datetime.date | None = None
) -> ChangePlan:
    """Change a draft. A change of the accounts or of the change day voids an override."""
    require_plan(actor)
    today = today or timezone.localdate()
    with transaction.atomic():
        plan = locked_draft(plan)
        data = _clean(data, today=today)
        before = snapshot(plan)
        rule_changed = any(getattr(plan, name) != getattr(data, name) for name in _RULE_FIELDS)
        for name in _FIELDS:
            setattr(plan, name, getattr(data, name))
        fields = [*_FIELDS, "rule_breaches"]
        if rule_changed:
            plan.override_reason, plan.override_by, plan.override_at = "", None, None
            plan.overridden_breaches = []
            fields += _OVERRIDE_FIELDS
        plan.rule_breaches = [b.as_json() for b in plan_breaches(plan, announce_on=today)]
        advance(plan, actor=actor, before=before, now=timezone.now(), fields=fields)
        tell_if_nobody_may_override(plan, actor=actor)
    return plan


def plan_override(
    *, actor: User, plan: ChangePlan, reason: str, now: datetime.datetime | None = None
) -> ChangePlan:
    """A manager accepts the plan's broken rules, with a reason (kept and audited)."""
    require_override(actor)
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the rules may be broken this time.")]})
    with transaction.atomic():
        plan = locked_draft(plan)
        breaches = plan_breaches(plan, announce_on=timezone.localdate(now))
        if not breaches:
            raise ValidationError(_("This plan breaks no rule: there is nothing to override."))
        before = snapshot(plan)
        plan.rule_breaches = [b.as_json() for b in breaches]
        plan.overridden_breaches = sorted({b.code for b in breaches})
        plan.override_reason, plan.override_by, plan.override_at = reason, actor, now
        advance(
            plan, actor=actor, before=before, now=now, fields=["rule_breaches", *_OVERRIDE_FIELDS]
        )
    return plan
