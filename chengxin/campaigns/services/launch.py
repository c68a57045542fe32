"""Launching a plan: one recipient per buyer of the audience, with a personal token, and
every touch scheduled in the buyer's working hours (``schedule.touch_times``)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.campaigns import rules, schedule, selectors
from chengxin.campaigns.models import (
    ChangePlan,
    PlanState,
    Recipient,
    Touch,
    TouchChannel,
    TouchKind,
)
from chengxin.campaigns.permissions import require_plan
from chengxin.campaigns.services.plans import (
    check_accounts,
    locked_draft,
    tell_if_nobody_may_override,
)
from chengxin.campaigns.tokens import new_token
from chengxin.outbox.models import Kind
from chengxin.outbox.services import chat_channel_configured, contact_window
from chengxin.parties.models import Grade
from chengxin.workflow.services import advance


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
    specs: list[tuple[str, str, datetime.datetime]]
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
    require_plan(actor)
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        plan = locked_draft(plan)
        errors = check_accounts(plan.old_account, plan.new_account)
        if errors:
            raise ValidationError(errors)
        if plan.parallel_from <= today:
            raise ValidationError(_("The change day has come: move it into the future first."))
        before = snapshot(plan)
        breaches = selectors.plan_breaches(plan, announce_on=today)
        plan.rule_breaches = [b.as_json() for b in breaches]
        missing = rules.uncovered(breaches, plan.overridden_breaches)
        if missing:
            # Kept, so that the plan's page shows what needs the override.
            plan.save(update_fields=["rule_breaches"])
            tell_if_nobody_may_override(plan, actor=actor)
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
    plan.launched_by, plan.launched_at = actor, now
    fields = ["launched_by", "launched_at", "rule_breaches"]
    advance(plan, actor=actor, before=before, now=now, state=PlanState.LAUNCHED, fields=fields)
    audit_record_many(actor=actor, changes=changes)
