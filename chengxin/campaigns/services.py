"""Writing campaigns: plan, override, launch, cancel, complete; the touches' sending; the
buyer's opening and acknowledgement; the rep's call outcome and perk.

Who may do what: finance and managers (and admins) plan and launch; only a manager (or
an admin) overrides a broken rule; the customer's owner (and finance, managers) records a
call or a perk. Every write is atomic and audited.

Touches are rows written at launch, each with its moment in the buyer's working hours
(``schedule.touch_times``). ``campaigns_send_due`` (every few minutes) turns the touches
due within the next hour into outbox messages (sent not before their moment, in the
buyer's window) or into tasks for the rep, and reads the outbox back into the touches.
A touch is claimed under a row lock and only while "scheduled", so two runs never make
anything twice; one buyer's failure is recorded on its touch and the others go on.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role, User
from chengxin.accounts.selectors import finance_assignee
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record, audit_record_many, snapshot
from chengxin.banking.models import BankAccount, Purpose, Side
from chengxin.banking.models import State as AccountState
from chengxin.banking.selectors import our_receiving_accounts
from chengxin.campaigns import notice, rules, schedule, selectors
from chengxin.campaigns.models import (
    Audience,
    CallOutcome,
    ChangePlan,
    Perk,
    PlanState,
    Recipient,
    Touch,
    TouchChannel,
    TouchKind,
    TouchState,
)
from chengxin.campaigns.tokens import new_token, token_of
from chengxin.core.deferred_text import deferred
from chengxin.core.lengths import check_lengths
from chengxin.notifications.services import notify
from chengxin.outbox.models import PENDING_STATUSES as OUTBOX_PENDING
from chengxin.outbox.models import Kind, OutboundMessage, Status
from chengxin.outbox.services import chat_channel_configured, contact_window, outbox_enqueue
from chengxin.parties.models import Grade
from chengxin.parties.permissions import can_edit_company
from chengxin.todos.models import Todo
from chengxin.todos.services import can_act_on_todo, todo_complete, todo_create
from chengxin.workflow.four_eyes import ROLE, Eligibility, Refusal, evaluate, notify_if_blocked

logger = logging.getLogger(__name__)

# Messages are handed to the outbox this long before their moment (the outbox holds them
# until then); tasks for the rep are made a day ahead so they can plan the call.
MESSAGE_AHEAD = datetime.timedelta(hours=1)
TASK_AHEAD = datetime.timedelta(days=1)
SEND_BATCH = 200
RELATED = "campaigns.recipient"
ACK_KIND = "campaigns.acknowledged"


def notice_days() -> int:
    return settings.CHENGXIN_CAMPAIGN_NOTICE_DAYS


# --- Who may ---------------------------------------------------------------------------


def may_plan(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role in (Role.FINANCE, Role.MANAGER, Role.ADMIN)
    )


def may_override(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.edits_all_customers
    )


def override_refusal(user) -> Refusal | None:
    """Why ``user`` may not override a plan's broken rules (None: they may)."""
    if may_override(user):
        return None
    return Refusal(ROLE, _("Only a manager may override the rules of an account change."))


def awaits_override(plan: ChangePlan) -> bool:
    """A draft that breaks a rule no override covers yet: it waits for a manager."""
    return plan.state == PlanState.DRAFT and bool(uncovered_breaches(plan))


def plan_overriders(plan: ChangePlan, *, people=None) -> Eligibility:
    """Who may override ``plan``'s broken rules (managers and administrators)."""
    return evaluate(override_refusal, roles=(Role.MANAGER, Role.ADMIN), people=people)


def _tell_if_nobody_may_override(plan: ChangePlan, *, actor: User) -> None:
    if awaits_override(plan):
        notify_if_blocked(
            eligibility=plan_overriders(plan),
            item=str(plan),
            link=reverse("campaigns:plan_detail", args=[plan.pk]),
            proposer=actor,
        )


def may_record_for(user, recipient: Recipient) -> bool:
    """Call outcomes and perks: the customer's owner (or whom it is shared with),
    finance and managers."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.role == Role.FINANCE or can_edit_company(user, recipient.company)


def _require_plan(user) -> None:
    if not may_plan(user):
        raise PermissionDenied(_("Only finance or a manager may plan an account change."))


# --- Plans ----------------------------------------------------------------------------


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


def _clean(data: PlanInput, *, today: datetime.date) -> PlanInput:
    errors = check_accounts(data.old_account, data.new_account)

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    data.reason = (data.reason or "").strip()
    if not data.reason:
        add("reason", _("Say why the account changes: buyers read it in the timeline."))
    if data.decided_on and data.decided_on > today:
        add("decided_on", _("The decision cannot lie in the future."))
    if data.parallel_from and data.parallel_from <= today:
        add("parallel_from", _("The change must lie in the future."))
    if data.decided_on and data.parallel_from and data.decided_on > data.parallel_from:
        add("parallel_from", _("The change cannot come before the decision."))
    if data.parallel_from and data.old_closes_on and data.old_closes_on < data.parallel_from:
        add("old_closes_on", _("The old account's last day cannot come before the change."))
    if data.audience not in Audience.values:
        add("audience", _("Choose who is told."))
    elif data.audience == Audience.PAID_INTO_OLD:
        if not (data.audience_paid_from and data.audience_paid_until):
            add("audience_paid_from", _("Give the period in which the buyers paid."))
        elif data.audience_paid_from > data.audience_paid_until:
            add("audience_paid_until", _("The period ends before it starts."))
    else:
        data.audience_paid_from = data.audience_paid_until = None
    if data.fee_offer_until or data.fee_cap:
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
    else:
        data.fee_cap_currency = ""
    if not data.reminder_after_days or data.reminder_after_days < 1:
        add("reminder_after_days", _("Remind after one day at least."))
    if errors:
        raise ValidationError(errors)
    return data


def plan_breaches(plan: ChangePlan, *, announce_on: datetime.date) -> list[rules.Breach]:
    """The rules this plan breaks if the buyers are told on ``announce_on``."""
    active = our_receiving_accounts().values_list("pk", flat=True)
    others = (
        ChangePlan.objects.filter(state__in=(PlanState.LAUNCHED, PlanState.COMPLETED))
        .exclude(pk=plan.pk)
        .values_list("parallel_from", flat=True)
    )
    facts = rules.PlanFacts(
        announce_on=announce_on,
        parallel_from=plan.parallel_from,
        old_account_id=plan.old_account_id,
        new_account_id=plan.new_account_id,
        active_receiving_ids=frozenset(active),
        other_change_days=tuple(others),
    )
    return rules.plan_breaches(facts, notice_days=notice_days())


def breaches_of(plan: ChangePlan) -> list[rules.Breach]:
    return [rules.Breach.from_json(value) for value in plan.rule_breaches]


def uncovered_breaches(plan: ChangePlan) -> list[rules.Breach]:
    """The recorded breaches no manager's override covers yet."""
    return rules.uncovered(breaches_of(plan), plan.overridden_breaches)


_FIELDS = [
    "old_account", "new_account", "reason", "decided_on", "parallel_from", "old_closes_on",
    "audience", "audience_paid_from", "audience_paid_until", "fee_offer_until", "fee_cap",
    "fee_cap_currency", "reminder_after_days",
]  # fmt: skip
# A change of these makes a manager's override void: it was given for other facts.
_RULE_FIELDS = ("old_account", "new_account", "parallel_from")


def plan_create(*, actor: User, data: PlanInput, today: datetime.date | None = None) -> ChangePlan:
    """A draft plan, with the rules it breaks recorded (shown to the planner at once)."""
    _require_plan(actor)
    today = today or timezone.localdate()
    data = _clean(data, today=today)
    with transaction.atomic():
        plan = ChangePlan(created_by=actor, **{name: getattr(data, name) for name in _FIELDS})
        plan.full_clean(exclude=["rule_breaches", "created_by"])
        plan.rule_breaches = [b.as_json() for b in plan_breaches(plan, announce_on=today)]
        plan.save()
        audit_record(actor=actor, action=Action.CREATE, instance=plan, after=snapshot(plan))
        _tell_if_nobody_may_override(plan, actor=actor)
    return plan


def _locked(plan: ChangePlan) -> ChangePlan:
    return ChangePlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)


def _require_state(plan: ChangePlan, *states: str) -> None:
    if plan.state not in states:
        raise ValidationError(
            _("Not possible now: the plan is “%(state)s”.") % {"state": plan.get_state_display()},
            code="wrong_state",
        )


def plan_update(
    *, actor: User, plan: ChangePlan, data: PlanInput, today: datetime.date | None = None
) -> ChangePlan:
    """Change a draft. A change of the accounts or of the change day voids an override."""
    _require_plan(actor)
    today = today or timezone.localdate()
    with transaction.atomic():
        plan = _locked(plan)
        _require_state(plan, PlanState.DRAFT)
        data = _clean(data, today=today)
        before = snapshot(plan)
        rule_changed = any(getattr(plan, name) != getattr(data, name) for name in _RULE_FIELDS)
        for name in _FIELDS:
            setattr(plan, name, getattr(data, name))
        if rule_changed:
            plan.override_reason, plan.override_by, plan.override_at = "", None, None
            plan.overridden_breaches = []
        plan.rule_breaches = [b.as_json() for b in plan_breaches(plan, announce_on=today)]
        plan.save()
        audit_record(
            actor=actor, action=Action.UPDATE, instance=plan, before=before, after=snapshot(plan)
        )
        _tell_if_nobody_may_override(plan, actor=actor)
    return plan


def plan_override(
    *, actor: User, plan: ChangePlan, reason: str, now: datetime.datetime | None = None
) -> ChangePlan:
    """A manager accepts the plan's broken rules, with a reason (kept and audited)."""
    refusal = override_refusal(actor)
    if refusal is not None:
        raise PermissionDenied(refusal.message)
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the rules may be broken this time.")]})
    with transaction.atomic():
        plan = _locked(plan)
        _require_state(plan, PlanState.DRAFT)
        breaches = plan_breaches(plan, announce_on=timezone.localdate(now))
        if not breaches:
            raise ValidationError(_("This plan breaks no rule: there is nothing to override."))
        before = snapshot(plan)
        plan.rule_breaches = [b.as_json() for b in breaches]
        plan.overridden_breaches = sorted({b.code for b in breaches})
        plan.override_reason, plan.override_by, plan.override_at = reason, actor, now
        plan.save(
            update_fields=[
                "rule_breaches", "overridden_breaches", "override_reason", "override_by",
                "override_at",
            ]
        )  # fmt: skip
        audit_record(
            actor=actor, action=Action.UPDATE, instance=plan, before=before, after=snapshot(plan)
        )
    return plan


# --- Launch -----------------------------------------------------------------------------


def _touch_specs(
    *, plan: ChangePlan, recipient: Recipient, email: str, chat_number: str, now
) -> list[tuple[str, str, datetime.datetime]]:
    """(kind, channel, due) of every touch one buyer gets."""
    contact, company = recipient.contact, recipient.company
    times = schedule.touch_times(
        parallel_from=plan.parallel_from,
        tz=contact.time_zone if contact else "UTC",
        window=contact_window(contact),
        country=company.country,
        email_hours=settings.CHENGXIN_CAMPAIGN_EMAIL_HOURS,
        chat_hours=settings.CHENGXIN_CAMPAIGN_CHAT_HOURS,
        reminder_after_days=plan.reminder_after_days,
        not_before=now,
    )
    if not email:
        # Nobody to write to: one task for the rep to tell them another way.
        specs = [(TouchKind.EMAIL_NOTICE, TouchChannel.TASK, times.email_at)]
    else:
        specs = [
            (TouchKind.EMAIL_NOTICE, TouchChannel.EMAIL, times.email_at),
            (TouchKind.POST_CHANGE, TouchChannel.EMAIL, times.post_change_at),
            *[(TouchKind.ACK_REMINDER, TouchChannel.EMAIL, at) for at in times.reminders],
        ]
    chat = (
        TouchChannel.WHATSAPP
        if chat_number and chat_channel_configured(Kind.WHATSAPP)
        else TouchChannel.TASK
    )
    specs.append((TouchKind.CHAT_REMINDER, chat, times.chat_at))
    if company.grade == Grade.A:
        specs.append((TouchKind.CALL, TouchChannel.TASK, times.call_at))
    return specs


def plan_launch(*, actor: User, plan: ChangePlan, now: datetime.datetime | None = None):
    """Tell the buyers: one recipient per buyer of the audience, with a personal token,
    and every touch scheduled in the buyer's working hours. Refused while a broken rule
    has no manager's override."""
    _require_plan(actor)
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        plan = _locked(plan)
        _require_state(plan, PlanState.DRAFT)
        errors = check_accounts(plan.old_account, plan.new_account)
        if errors:
            raise ValidationError(errors)
        if plan.parallel_from <= today:
            raise ValidationError(_("The change day has come: move it into the future first."))
        before = snapshot(plan)
        breaches = plan_breaches(plan, announce_on=today)
        plan.rule_breaches = [b.as_json() for b in breaches]
        missing = rules.uncovered(breaches, plan.overridden_breaches)
        if missing:
            # Kept, so that the plan's page shows what needs the override.
            plan.save(update_fields=["rule_breaches"])
            _tell_if_nobody_may_override(plan, actor=actor)
        else:
            _launch(actor=actor, plan=plan, before=before, now=now)
    if missing:
        raise ValidationError(
            _("A manager must override this first: %(breaches)s")
            % {"breaches": " ".join(b.message() for b in missing)},
            code="needs_override",
        )
    return plan


def _launch(*, actor: User, plan: ChangePlan, before: dict, now: datetime.datetime) -> None:
    audience = selectors.plan_audience(plan)
    if not audience:
        raise ValidationError(_("Nobody to tell: the audience is empty."), code="empty")

    changes: list[Change] = []
    touches: list[Touch] = []
    for company in audience:
        contact, email = selectors.main_contact(company)
        token = new_token()
        recipient = Recipient.objects.create(
            plan=plan,
            company=company,
            contact=contact,
            language=selectors.recipient_language(company, contact),
            token_digest=token.digest,
            token_encrypted=token.encrypted,
        )
        changes.append(Change(Action.CREATE, recipient, None, snapshot(recipient), company.pk, ""))
        chat_number = selectors.chat_number(contact) if contact else ""
        for kind, channel, due in _touch_specs(
            plan=plan, recipient=recipient, email=email, chat_number=chat_number, now=now
        ):
            touches.append(Touch(recipient=recipient, kind=kind, channel=channel, due_at=due))
    Touch.objects.bulk_create(touches)
    plan.state, plan.launched_by, plan.launched_at = PlanState.LAUNCHED, actor, now
    plan.save(update_fields=["state", "launched_by", "launched_at", "rule_breaches"])
    changes.insert(0, Change(Action.UPDATE, plan, before, snapshot(plan), None, ""))
    audit_record_many(actor=actor, changes=changes)


def plan_cancel(*, actor: User, plan: ChangePlan, now: datetime.datetime | None = None):
    """Stop a plan: touches not yet sent are cancelled, with their waiting outbox messages,
    and the open tasks are closed."""
    _require_plan(actor)
    now = now or timezone.now()
    with transaction.atomic():
        plan = _locked(plan)
        _require_state(plan, PlanState.DRAFT, PlanState.LAUNCHED)
        before = snapshot(plan)
        open_touches = Touch.objects.filter(
            recipient__plan=plan, state__in=(TouchState.SCHEDULED, TouchState.QUEUED)
        )
        message_ids = [m for m in open_touches.values_list("outbound_message", flat=True) if m]
        messages = list(
            OutboundMessage.objects.select_for_update()
            .filter(pk__in=message_ids, status__in=OUTBOX_PENDING)
            .order_by("pk")
        )
        OutboundMessage.objects.filter(
            pk__in=[m.pk for m in messages], status__in=OUTBOX_PENDING
        ).update(status=Status.CANCELLED)
        changes = [
            Change(
                Action.UPDATE,
                m,
                {"status": m.status},
                {"status": Status.CANCELLED},
                m.company_id,
                "",
            )
            for m in messages
        ]
        cancelled_ids = [m.pk for m in messages]
        open_touches.filter(state=TouchState.SCHEDULED).update(
            state=TouchState.CANCELLED, done_at=now
        )
        open_touches.filter(state=TouchState.QUEUED).filter(
            Q(outbound_message__in=cancelled_ids)
            | Q(todo__done_at__isnull=True, todo__isnull=False)
        ).update(state=TouchState.CANCELLED, done_at=now)
        # A message the outbox has already taken stays "queued" until the sync reads it.
        for recipient_pk in plan.recipients.values_list("pk", flat=True):
            for todo in Todo.objects.filter(
                related_type=RELATED, related_id=str(recipient_pk), done_at__isnull=True
            ):
                todo_complete(actor=None, todo=todo, outcome="cancelled", now=now)
        plan.state, plan.cancelled_at = PlanState.CANCELLED, now
        plan.save(update_fields=["state", "cancelled_at"])
        changes.insert(0, Change(Action.UPDATE, plan, before, snapshot(plan), None, ""))
        audit_record_many(actor=actor, changes=changes)
    return plan


def plan_complete(*, actor: User, plan: ChangePlan, now: datetime.datetime | None = None):
    """The old account's last day has passed: the campaign is over. Reminders not yet
    sent are dropped."""
    _require_plan(actor)
    now = now or timezone.now()
    with transaction.atomic():
        plan = _locked(plan)
        _require_state(plan, PlanState.LAUNCHED)
        if timezone.localdate(now) <= plan.old_closes_on:
            raise ValidationError(
                _("The old account still receives until %(day)s.") % {"day": plan.old_closes_on}
            )
        before = snapshot(plan)
        Touch.objects.filter(
            recipient__plan=plan, kind=TouchKind.ACK_REMINDER, state=TouchState.SCHEDULED
        ).update(state=TouchState.CANCELLED, done_at=now)
        plan.state, plan.completed_at = PlanState.COMPLETED, now
        plan.save(update_fields=["state", "completed_at"])
        audit_record(
            actor=actor, action=Action.UPDATE, instance=plan, before=before, after=snapshot(plan)
        )
    return plan


# --- Sending the touches ----------------------------------------------------------------


def _rep_for(recipient: Recipient) -> User | None:
    owner = recipient.company.owner
    if owner is not None and owner.is_active:
        return owner
    launcher = recipient.plan.launched_by
    return launcher if launcher is not None and launcher.is_active else None


def campaign_link(recipient: Recipient) -> str:
    return reverse("campaigns:plan_detail", args=[recipient.plan_id]) + f"#r{recipient.pk}"


def _make_todo(touch: Touch, recipient: Recipient, token: str, *, error: str = "") -> None:
    rep = _rep_for(recipient)
    if rep is None:
        raise ValidationError(_("Nobody to give the task to: the customer has no owner."))
    kind = {
        TouchKind.CALL: "call",
        TouchKind.CHAT_REMINDER: "chat_reminder",
    }.get(touch.kind, "email_notice")
    title, body = notice.task_text(kind, recipient, token)
    todo = todo_create(
        assignee=rep,
        kind=f"campaigns.{kind}",
        title=title,
        body=body,
        link=campaign_link(recipient),
        company=recipient.company,
        contact=recipient.contact,
        related=(RELATED, recipient.pk),
        due_at=touch.due_at,
        actor=None,
    )
    touch.todo, touch.channel, touch.state, touch.error = (
        todo,
        TouchChannel.TASK,
        TouchState.QUEUED,
        error,
    )
    touch.save(update_fields=["todo", "channel", "state", "error"])


def _materialise(touch: Touch, *, now: datetime.datetime) -> str:
    recipient = Recipient.objects.select_related(
        "plan__old_account", "plan__new_account", "plan__launched_by", "company__owner", "contact"
    ).get(pk=touch.recipient_id)
    token = token_of(recipient.token_encrypted)
    if touch.kind == TouchKind.ACK_REMINDER and recipient.acknowledged_at is not None:
        touch.state, touch.done_at = TouchState.CANCELLED, now
        touch.save(update_fields=["state", "done_at"])
        return "not_needed"
    contact, company = recipient.contact, recipient.company
    send_at = max(touch.due_at, now)
    common = {
        "actor": None,
        "contact": contact,
        "company": company,
        "in_working_hours": True,
        "purpose": f"campaign.{touch.kind}",
        "related_type": "campaigns.touch",
        "related_id": str(touch.pk),
        "now": send_at,
    }
    if touch.channel == TouchChannel.EMAIL:
        # The address on file now: a change of address since the launch is followed.
        email = selectors.email_of(contact) if contact else ""
        if not email:
            if touch.kind != TouchKind.EMAIL_NOTICE:
                raise ValidationError(_("No email address on file any more."))
            _make_todo(touch, recipient, token)
            return "task"
        if touch.kind == TouchKind.EMAIL_NOTICE:
            letter = notice.notice_letter(recipient, token, notice.timeline_facts(recipient.plan))
            attachments = [
                (
                    notice.pdf_filename(recipient.plan),
                    notice.notice_pdf(recipient.plan, recipient.language),
                    "application/pdf",
                )
            ]
        elif touch.kind == TouchKind.POST_CHANGE:
            letter, attachments = notice.post_change_letter(recipient, token), []
        else:
            letter, attachments = notice.ack_reminder_letter(recipient, token), []
        message = outbox_enqueue(
            to=email,
            subject=letter.subject,
            body_text=letter.text,
            body_html=letter.html,
            kind=Kind.EMAIL,
            attachments=attachments,
            date_in_recipient_zone=True,
            **common,
        )
    elif touch.channel == TouchChannel.WHATSAPP:
        number = selectors.chat_number(contact) if contact else ""
        if not (number and chat_channel_configured(Kind.WHATSAPP)):
            _make_todo(touch, recipient, token)
            return "task"
        try:
            message = outbox_enqueue(
                to=number,
                body_text=notice.chat_reminder_text(recipient, token),
                kind=Kind.WHATSAPP,
                **common,
            )
        except ValidationError as exc:
            _make_todo(touch, recipient, token, error=" ".join(exc.messages))
            return "task"
    else:
        _make_todo(touch, recipient, token)
        return "task"
    touch.outbound_message, touch.state = message, TouchState.QUEUED
    touch.save(update_fields=["outbound_message", "state"])
    return "queued"


def campaigns_send_due(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Hand the touches due soon to the outbox (or to the reps), then read back what the
    outbox did. Counts by result."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    due = list(
        Touch.objects.filter(state=TouchState.SCHEDULED, recipient__plan__state=PlanState.LAUNCHED)
        .filter(
            Q(channel=TouchChannel.TASK, due_at__lte=now + TASK_AHEAD)
            | (~Q(channel=TouchChannel.TASK) & Q(due_at__lte=now + MESSAGE_AHEAD))
        )
        .order_by("due_at", "pk")
        .values_list("pk", flat=True)[:SEND_BATCH]
    )
    for pk in due:
        try:
            with transaction.atomic():
                touch = (
                    Touch.objects.select_for_update(skip_locked=True)
                    .filter(pk=pk, state=TouchState.SCHEDULED)
                    .first()
                )
                if touch is None:
                    continue  # another run has it, or it is done
                result = _materialise(touch, now=now)
        except Exception as exc:  # noqa: BLE001 - one buyer's failure must not stop the rest
            logger.exception("campaigns: touch %s could not be made", pk)
            message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            Touch.objects.filter(pk=pk, state=TouchState.SCHEDULED).update(
                state=TouchState.FAILED, error=message[:2000], done_at=now
            )
            result = "failed"
        counts[result] = counts.get(result, 0) + 1
    for result, count in campaigns_sync(now=now).items():
        counts[result] = counts.get(result, 0) + count
    closing = campaigns_closing_tasks(now=now)
    if closing:
        counts["closing"] = closing
    return counts


CLOSE_KIND = "campaigns.close_old_account"


def campaigns_closing_tasks(*, now: datetime.datetime | None = None) -> int:
    """Once a plan's old account has had its last day, finance gets one task: complete
    the campaign and retire the old account (retiring is banking's four-eyes business,
    so it is a person's step, not the system's)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    made = 0
    due = ChangePlan.objects.filter(
        state=PlanState.LAUNCHED, old_closes_on__lt=today
    ).select_related("old_account", "launched_by")
    for plan in due:
        related = ("campaigns.plan", plan.pk)
        if Todo.objects.filter(
            kind=CLOSE_KIND, related_type=related[0], related_id=str(plan.pk)
        ).exists():
            continue
        assignee = finance_assignee()
        if assignee is None:
            continue
        title = deferred(
            gettext_lazy(
                "The old account %(account)s had its last day on %(day)s: complete the "
                "campaign and retire the account"
            ),
            account=str(plan.old_account),
            day=plan.old_closes_on,
        )
        todo_create(
            assignee=assignee,
            kind=CLOSE_KIND,
            title=title,
            link=reverse("campaigns:plan_detail", args=[plan.pk]),
            related=related,
            due_at=now,
        )
        made += 1
    return made


_REACHING = (
    TouchKind.EMAIL_NOTICE,
    TouchKind.CHAT_REMINDER,
    TouchKind.POST_CHANGE,
    TouchKind.ACK_REMINDER,
)


def _reached(recipient_pk: int, at: datetime.datetime) -> None:
    Recipient.objects.filter(pk=recipient_pk).filter(
        Q(reached_at__isnull=True) | Q(reached_at__gt=at)
    ).update(reached_at=at)


def campaigns_sync(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Read the outbox and the tasks back into the touches: sent (the buyer is reached),
    failed, cancelled; a task done."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    queued = Touch.objects.filter(state=TouchState.QUEUED).select_related(
        "outbound_message", "todo"
    )
    for touch in queued:
        with transaction.atomic():
            state, done_at, error = None, None, touch.error
            message, todo = touch.outbound_message, touch.todo
            if message is not None:
                if message.status == Status.SENT:
                    state, done_at = TouchState.SENT, message.sent_at or now
                elif message.status in (Status.FAILED_PERMANENTLY, Status.BOUNCED):
                    state, done_at, error = TouchState.FAILED, now, message.last_error
                elif message.status == Status.CANCELLED:
                    state, done_at = TouchState.CANCELLED, now
            elif todo is not None and todo.done_at is not None:
                state, done_at = TouchState.DONE, todo.done_at
            elif todo is None and message is None:
                state, done_at = TouchState.FAILED, now  # its message or task was deleted
            if state is None:
                continue
            changed = Touch.objects.filter(pk=touch.pk, state=TouchState.QUEUED).update(
                state=state, done_at=done_at, error=error[:2000]
            )
            if not changed:
                continue
            if state == TouchState.SENT and touch.kind in _REACHING:
                _reached(touch.recipient_id, done_at)
                if touch.kind == TouchKind.ACK_REMINDER:
                    Recipient.objects.filter(pk=touch.recipient_id).update(last_reminded_at=done_at)
            if state == TouchState.DONE and todo.outcome != "cancelled":
                if touch.kind == TouchKind.CALL and todo.outcome in CallOutcome.values:
                    Recipient.objects.filter(pk=touch.recipient_id, call_outcome="").update(
                        call_outcome=todo.outcome, called_at=todo.done_at
                    )
                    if todo.outcome != CallOutcome.UNREACHABLE:
                        _reached(touch.recipient_id, done_at)
                elif touch.kind != TouchKind.CALL:
                    _reached(touch.recipient_id, done_at)
            counts[state] = counts.get(state, 0) + 1
    return counts


# --- The buyer's side ----------------------------------------------------------------


def recipient_open(*, recipient: Recipient, now: datetime.datetime | None = None) -> bool:
    """The buyer opened their link (or the PDF): recorded the first time; True then."""
    now = now or timezone.now()
    with transaction.atomic():
        first = Recipient.objects.filter(pk=recipient.pk, opened_at__isnull=True).update(
            opened_at=now
        )
        if first:
            audit_record(
                actor=None,
                action=Action.UPDATE,
                instance=recipient,
                before={"opened_at": None},
                after={"opened_at": now.isoformat()},
                company_id=recipient.company_id,
            )
            recipient.opened_at = now
    return bool(first)


def recipient_acknowledge(
    *,
    recipient: Recipient,
    ip: str | None,
    user_agent: str,
    now: datetime.datetime | None = None,
) -> bool:
    """ "We have updated our records": time, address and browser recorded once (a second
    click changes nothing); reminders not yet sent are dropped; the owner is told."""
    now = now or timezone.now()
    with transaction.atomic():
        first = Recipient.objects.filter(pk=recipient.pk, acknowledged_at__isnull=True).update(
            acknowledged_at=now, acknowledged_ip=ip, acknowledged_user_agent=user_agent[:300]
        )
        if not first:
            return False
        Recipient.objects.filter(pk=recipient.pk, opened_at__isnull=True).update(opened_at=now)
        recipient.refresh_from_db()
        Touch.objects.filter(
            recipient=recipient, kind=TouchKind.ACK_REMINDER, state=TouchState.SCHEDULED
        ).update(state=TouchState.CANCELLED, done_at=now)
        audit_record(
            actor=None,
            action=Action.UPDATE,
            instance=recipient,
            before={"acknowledged_at": None},
            after={"acknowledged_at": now.isoformat(), "acknowledged_ip": ip},
            company_id=recipient.company_id,
        )
        owner = recipient.company.owner
        if owner is not None:
            title = deferred(
                gettext_lazy("%(company)s confirmed they updated our bank account"),
                company=recipient.company.legal_name,
            )
            notify(users=[owner], kind=ACK_KIND, title=title, link=campaign_link(recipient))
    return True


# --- The rep's side ------------------------------------------------------------------


def _require_record(actor, recipient: Recipient) -> None:
    if not may_record_for(actor, recipient):
        raise PermissionDenied(_("You may not record this for this customer."))
    if recipient.plan.state not in (PlanState.LAUNCHED, PlanState.COMPLETED):
        raise ValidationError(_("The campaign has not been launched."), code="wrong_state")


def recipient_call_record(
    *,
    actor: User,
    recipient: Recipient,
    outcome: str,
    notes: str = "",
    now: datetime.datetime | None = None,
) -> Recipient:
    """The call's outcome: "heard and understood" (what counts), not understood, or not
    reached. Closes the open call task."""
    now = now or timezone.now()
    if outcome not in CallOutcome.values:
        raise ValidationError({"outcome": [_("Choose the call's outcome.")]})
    with transaction.atomic():
        recipient = (
            Recipient.objects.select_for_update(of=("self",))
            .select_related("plan", "company")
            .get(pk=recipient.pk)
        )
        _require_record(actor, recipient)
        before = snapshot(recipient)
        recipient.call_outcome, recipient.call_notes, recipient.called_at = outcome, notes, now
        fields = ["call_outcome", "call_notes", "called_at"]
        if outcome != CallOutcome.UNREACHABLE and recipient.reached_at is None:
            recipient.reached_at = now
            fields.append("reached_at")
        recipient.save(update_fields=fields)
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            instance=recipient,
            before=before,
            after=snapshot(recipient),
            company_id=recipient.company_id,
        )
        for touch in Touch.objects.filter(
            recipient=recipient,
            kind=TouchKind.CALL,
            todo__isnull=False,
            todo__done_at__isnull=True,
        ).select_related("todo"):
            todo = touch.todo
            closer = actor if can_act_on_todo(actor, todo) else None
            todo_complete(actor=closer, todo=todo, outcome=outcome, notes=notes, now=now)
        Touch.objects.filter(
            recipient=recipient,
            kind=TouchKind.CALL,
            state__in=(TouchState.SCHEDULED, TouchState.QUEUED),
        ).update(state=TouchState.DONE, done_at=now)
    return recipient


def recipient_perk_record(
    *, actor: User, recipient: Recipient, perk: str, notes: str = ""
) -> Recipient:
    """The perk given to a cooperative buyer (or none: ``perk=""``)."""
    if perk and perk not in Perk.values:
        raise ValidationError({"perk": [_("Choose a perk.")]})
    with transaction.atomic():
        recipient = (
            Recipient.objects.select_for_update(of=("self",))
            .select_related("plan", "company")
            .get(pk=recipient.pk)
        )
        _require_record(actor, recipient)
        check_lengths(Recipient, perk_notes=(notes or "").strip())
        before = snapshot(recipient)
        recipient.perk, recipient.perk_notes = perk, (notes or "").strip()
        recipient.save(update_fields=["perk", "perk_notes"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            instance=recipient,
            before=before,
            after=snapshot(recipient),
            company_id=recipient.company_id,
        )
    return recipient
