"""Reading campaigns."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet

from chengxin.banking.models import ReceivedPayment
from chengxin.banking.selectors import our_receiving_accounts
from chengxin.campaigns import rules
from chengxin.campaigns.models import Audience, ChangePlan, PlanState, Recipient, Touch
from chengxin.campaigns.timeline import timeline_language
from chengxin.campaigns.tokens import MAX_TOKEN_LENGTH, token_digest
from chengxin.parties.models import (
    Channel,
    ChannelKind,
    Company,
    CompanyStatus,
    Contact,
    ContactStatus,
)
from chengxin.parties.permissions import visible_companies_q


def recipient_by_token(token: str) -> Recipient | None:
    """The recipient whose personal link carries ``token``, or None (also for malformed
    tokens, so that a wrong link and a made-up one look the same)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return (
        Recipient.objects.select_related(
            "plan__new_account", "plan__old_account", "company", "contact"
        )
        .filter(token_digest=token_digest(token))
        .first()
    )


def plans_for(*, user) -> QuerySet[ChangePlan]:
    """Every plan (the accounts are ours, not a customer's); any active colleague may
    read them, recipients are filtered per customer (``recipients_for``)."""
    if not (user.is_authenticated and user.is_active):
        return ChangePlan.objects.none()
    return ChangePlan.objects.select_related("old_account", "new_account", "created_by").annotate(
        recipient_count=Count("recipients", distinct=True),
        acknowledged_count=Count(
            "recipients", filter=Q(recipients__acknowledged_at__isnull=False), distinct=True
        ),
    )


def plan_get(*, user, pk: int) -> ChangePlan:
    return plans_for(user=user).get(pk=pk)


def recipients_for(*, user, plan: ChangePlan) -> QuerySet[Recipient]:
    """The plan's recipients whose customer ``user`` may see, with their touches."""
    return (
        Recipient.objects.filter(plan=plan)
        .filter(company__in=Company.objects.filter(visible_companies_q(user)))
        .select_related("company__owner", "contact")
        .prefetch_related(Prefetch("touches", queryset=Touch.objects.order_by("due_at", "pk")))
        .order_by("company__legal_name", "pk")
    )


def recipient_get(*, user, pk: int) -> Recipient:
    recipient = (
        Recipient.objects.select_related("plan", "company__owner", "contact")
        .filter(company__in=Company.objects.filter(visible_companies_q(user)))
        .get(pk=pk)
    )
    return recipient


def plan_audience(plan: ChangePlan) -> list[Company]:
    """The buyers the plan tells, by name: those who paid into the old account in the
    period (a merged buyer counts as the one it was merged into), or every active one."""
    if plan.audience == Audience.ALL_ACTIVE:
        return list(
            Company.objects.filter(status=CompanyStatus.ACTIVE).order_by("legal_name", "pk")
        )
    payers = ReceivedPayment.objects.filter(account_id=plan.old_account_id)
    if plan.audience_paid_from:
        payers = payers.filter(received_on__gte=plan.audience_paid_from)
    if plan.audience_paid_until:
        payers = payers.filter(received_on__lte=plan.audience_paid_until)
    companies = Company.objects.filter(pk__in=payers.values("company_id"))
    chosen: dict[int, Company] = {}
    for company in companies:
        seen = 0
        while company.status == CompanyStatus.MERGED and company.merged_into_id and seen < 10:
            company, seen = Company.objects.get(pk=company.merged_into_id), seen + 1
        if company.status != CompanyStatus.MERGED:
            chosen[company.pk] = company
    return sorted(chosen.values(), key=lambda c: (c.legal_name, c.pk))


def main_contact(company: Company) -> tuple[Contact | None, str]:
    """The buyer's main contact and the address the notice goes to: the active contact
    with a primary email first, else any active contact's email; (contact, "") when no
    one has an email, (None, "") when the buyer has no active contact."""
    channel = (
        Channel.objects.filter(
            contact__company=company,
            contact__status=ContactStatus.ACTIVE,
            kind=ChannelKind.EMAIL,
            is_active=True,
        )
        .select_related("contact")
        .order_by("-is_primary", "contact_id", "pk")
        .first()
    )
    if channel is not None:
        return channel.contact, channel.value
    contact = company.contacts.filter(status=ContactStatus.ACTIVE).order_by("pk").first()
    return contact, ""


def email_of(contact: Contact) -> str:
    """The contact's email address on file now (primary first), or ""."""
    channel = (
        contact.channels.filter(kind=ChannelKind.EMAIL, is_active=True)
        .order_by("-is_primary", "pk")
        .first()
    )
    return channel.value if channel else ""


def chat_number(contact: Contact) -> str:
    """The number a WhatsApp reminder goes to: the contact's WhatsApp, else their phone."""
    for kind in (ChannelKind.WHATSAPP, ChannelKind.PHONE):
        channel = (
            contact.channels.filter(kind=kind, is_active=True).order_by("-is_primary", "pk").first()
        )
        if channel is not None:
            return channel.value
    return ""


def recipient_language(company: Company, contact: Contact | None) -> str:
    """The buyer's document language, else the contact's; English where the site has
    no translation for it."""
    return timeline_language(company.document_language or (contact.language if contact else ""))


def draft_plans() -> QuerySet[ChangePlan]:
    """Plans not launched yet, the oldest first (``awaits_override`` tells which of them
    wait for a manager)."""
    return (
        ChangePlan.objects.filter(state=PlanState.DRAFT)
        .select_related("old_account", "new_account")
        .order_by("created_at", "id")
    )


# --- The rules a plan breaks ---------------------------------------------------------------


def notice_days() -> int:
    return settings.CHENGXIN_CAMPAIGN_NOTICE_DAYS


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
    """The breaches recorded on the plan (at its last save)."""
    return [rules.Breach.from_json(value) for value in plan.rule_breaches]


def uncovered_breaches(plan: ChangePlan) -> list[rules.Breach]:
    """The recorded breaches no manager's override covers yet."""
    return rules.uncovered(breaches_of(plan), plan.overridden_breaches)


def awaits_override(plan: ChangePlan) -> bool:
    """A draft that breaks a rule no override covers yet: it waits for a manager."""
    return plan.state == PlanState.DRAFT and bool(uncovered_breaches(plan))
