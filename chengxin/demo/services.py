"""Loading the demo exporter into the database.

Demo users are created directly (the demo password is deliberately weak, so the
validating ``user_create`` would refuse it); every customer, contact, channel
and follow-up goes through the parties services, so the audit trail records
them like any other change, marked as coming from the command line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F
from django.test.utils import override_settings
from django.utils import timezone

from chengxin.accounts.models import Role, User
from chengxin.audit.context import Origin, origin
from chengxin.audit.services import audit_created
from chengxin.core.services import database_optimize
from chengxin.demo.accounts import demo_accounts_load
from chengxin.demo.data import (
    DEMO_COMPANY_COUNT,
    DEMO_NAMES,
    DEMO_PASSWORD,
    DEMO_SEED,
    DEMO_USERS,
    DemoCompany,
    demo_companies,
)
from chengxin.demo.mail import demo_inbox_load
from chengxin.demo.trade import demo_trade_load
from chengxin.parties.models import Channel, Company, ContactStatus, VerificationMethod
from chengxin.parties.services.channels import ChannelInput, channel_retire
from chengxin.parties.services.companies import CompanyInput, company_create, company_share
from chengxin.parties.services.contacts import contact_update
from chengxin.parties.services.follow_ups import follow_up_log
from chengxin.parties.services.pool import company_release


class DemoRefused(Exception):
    """The database already holds customers; the demo would mix with them."""


@dataclass
class DemoSummary:
    users_created: list[str]
    users_kept: list[str]
    companies: int
    contacts: int
    channels: int
    follow_ups: int
    countries: int
    bank_accounts: int = 0
    payments: int = 0
    campaign_recipients: int = 0
    messages: int = 0
    alerts: int = 0
    change_requests: int = 0
    messages_sent: int = 0
    products: int = 0
    orders: int = 0
    shipments: int = 0


def demo_users_create() -> tuple[dict[str, User], list[str], list[str]]:
    """The demo's users, by username. Existing accounts with those names are
    kept as they are (their passwords are not touched)."""
    users, created, kept = {}, [], []
    # Hashing is slow on purpose; everyone shares the published password, so hash it once.
    password_hash = make_password(DEMO_PASSWORD)
    for spec in DEMO_USERS:
        user = User.objects.filter(username=spec.username).first()
        if user is not None:
            kept.append(spec.username)
        else:
            user = User(
                username=spec.username,
                role=spec.role,
                first_name=spec.first_name,
                last_name=spec.last_name,
                name_chinese=DEMO_NAMES.get(spec.username, ("", ""))[0],
                name_latin=DEMO_NAMES.get(spec.username, ("", ""))[1],
                email=spec.email,
                language=spec.language,
                time_zone=spec.time_zone,
                phone=spec.phone,
                is_staff=spec.role == Role.ADMIN,
            )
            user.password = password_hash
            user.save()
            audit_created(actor=None, instance=user)
            created.append(spec.username)
        users[spec.username] = user
    return users, created, kept


def _load_company(spec: DemoCompany, users: dict[str, User], now: datetime.datetime) -> Company:
    entered_by = users[spec.entered_by]
    company = company_create(
        actor=entered_by,
        owner=entered_by,
        data=CompanyInput(
            legal_name=spec.legal_name,
            country=spec.country,
            other_names=spec.other_names,
            website=spec.website,
            address=spec.address,
            currency=spec.currency,
            document_language=spec.document_language,
            grade=spec.grade,
            status=spec.status,
            notes=spec.notes,
            tags=spec.tags,
        ),
        contacts=[
            (
                {"name": c.name, "title": c.title, "language": c.language},
                [ChannelInput(kind, value) for kind, value in c.channels],
            )
            for c in spec.contacts
        ],
    )
    contacts = list(company.contacts.order_by("id").prefetch_related("channels"))
    for contact, contact_spec in zip(contacts, spec.contacts, strict=True):
        channels = sorted(contact.channels.all(), key=lambda ch: ch.pk)
        # The demo stands for a customer file kept before Chengxin: the channels its rep had
        # checked count as verified since they were entered.
        verified_ids = [channels[index].pk for index in contact_spec.verified]
        if verified_ids:
            Channel.objects.filter(pk__in=verified_ids).update(
                verified_at=F("created_at"),
                verified_by=entered_by,
                verification_method=VerificationMethod.EXISTING,
            )
        for index in contact_spec.retired:
            channel_retire(actor=entered_by, channel=channels[index])
        if contact_spec.left:
            contact_update(
                actor=entered_by,
                contact=contact,
                name=contact.name,
                title=contact.title,
                language=contact.language,
                time_zone=contact.time_zone,
                notes=contact.notes,
                status=ContactStatus.LEFT,
            )
    happened = []
    for follow_up in spec.follow_ups:
        when = now - datetime.timedelta(days=follow_up.days_ago)
        happened.append(when)
        follow_up_log(
            actor=entered_by,
            company=company,
            kind=follow_up.kind,
            summary=follow_up.summary,
            happened_at=when,
            contact=contacts[follow_up.contact] if follow_up.contact is not None else None,
        )
    if happened:
        # The customer was entered before its first follow-up and last touched at
        # its latest one (follow_up_log keeps only later dates, and entering it
        # counted as a touch "now"). Neither field is part of the audited record.
        first, last = min(happened), max(happened)
        Company.objects.filter(pk=company.pk).update(
            owner_since=first - datetime.timedelta(days=3), last_followed_up_at=last
        )
        company.refresh_from_db()
    if spec.shared_with:
        company_share(actor=entered_by, company=company, users=[users[u] for u in spec.shared_with])
    if spec.owner is None:
        company_release(actor=entered_by, company=company)
    return company


def demo_load(
    *, seed: int = DEMO_SEED, count: int = DEMO_COMPANY_COUNT, force: bool = False
) -> DemoSummary:
    """Load the demo exporter: its seven users and ``count`` buyers. Refuses when
    the database already has customers, unless ``force``."""
    if not force and Company.objects.exists():
        raise DemoRefused
    specs = demo_companies(seed=seed, count=count)
    now = timezone.now()
    # The demo's buyers and their domains are invented: the guard must not ask the DNS
    # about them (a real domain of the same name would change what it says).
    with (
        override_settings(CHENGXIN_GUARD_DNS="off"),
        origin(Origin.COMMAND),
        transaction.atomic(),
    ):
        users, created, kept = demo_users_create()
        companies = [_load_company(spec, users, now) for spec in specs]
        accounts = demo_accounts_load(users=users, companies=companies, now=now, seed=seed)
        inbox = demo_inbox_load(companies=companies, now=now, seed=seed)
        trade = demo_trade_load(users=users, companies=companies, now=now)
    database_optimize()
    return DemoSummary(
        users_created=created,
        users_kept=kept,
        companies=len(specs),
        contacts=sum(len(s.contacts) for s in specs),
        channels=sum(len(c.channels) for s in specs for c in s.contacts),
        follow_ups=sum(len(s.follow_ups) for s in specs),
        countries=len({s.country for s in specs}),
        bank_accounts=accounts.accounts,
        payments=accounts.payments,
        campaign_recipients=accounts.recipients,
        messages=len(inbox.messages),
        alerts=inbox.alerts,
        change_requests=inbox.change_requests,
        messages_sent=inbox.sent,
        products=trade.products,
        orders=trade.orders,
        shipments=trade.shipments,
    )
