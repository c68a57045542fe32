"""The index of everyone the company knows, built from the database for the engine.

Known domains are the customers' domains (``CompanyDomain``) and our own
(``CHENGXIN_OWN_DOMAINS``); known addresses are every e-mail channel of every
contact, with the contact's name and company, and our own users' addresses. Building it reads every row, so
each process keeps one and rebuilds it only when the data changed:

* saving or deleting a company, domain, contact or channel (or a user's name or
  address) bumps a counter row
  (``KnownIndexVersion``) once its transaction commits;
* bulk inserts (imports) do not send signals, so the largest channel and domain
  ids are part of the version too;
* anything else (a bulk ``update``) is picked up after ``MAX_AGE_SECONDS``.
"""

from __future__ import annotations

import gc
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F, Subquery
from django.db.models.signals import post_delete, post_save

from chengxin.accounts.models import User
from chengxin.guard.lookalike import KnownAddress, KnownDomain, LookalikeIndex
from chengxin.guard.models import KnownIndexVersion
from chengxin.parties.models import (
    Channel,
    ChannelKind,
    Company,
    CompanyDomain,
    CompanyStatus,
    Contact,
)

MAX_AGE_SECONDS = 15 * 60
CUSTOMER_STATUSES = (CompanyStatus.ACTIVE, CompanyStatus.DORMANT, CompanyStatus.LOST)


@dataclass(frozen=True)
class KnownIndex:
    index: LookalikeIndex
    # ASCII domain or canonical address -> the company's id, to link and notify.
    company_by_domain: dict[str, int] = field(default_factory=dict)
    company_by_address: dict[str, int] = field(default_factory=dict)
    version: tuple = ()
    built_at: float = 0.0


_lock = threading.Lock()
_cached: KnownIndex | None = None


def known_index() -> KnownIndex:
    """This process's index, rebuilt first if the data changed since it was built."""
    global _cached
    version = index_version()
    cached = _cached
    if cached is not None and cached.version == version and not _expired(cached):
        return cached
    with _lock:
        cached = _cached
        if cached is None or cached.version != version or _expired(cached):
            _cached = cached = build_known_index(version)
            # The index is millions of long-lived objects: move them out of the
            # garbage collector's generations so its sweeps stay short.
            gc.collect()
            gc.freeze()
    return cached


def forget_known_index() -> None:
    global _cached
    _cached = None


def _expired(index: KnownIndex) -> bool:
    return time.monotonic() - index.built_at > MAX_AGE_SECONDS


def index_version() -> tuple:
    """One query: the counter and the largest ids of channels and domains."""
    row = (
        KnownIndexVersion.objects.filter(pk=1)
        .annotate(
            channel_max=Subquery(Channel.objects.order_by("-pk").values("pk")[:1]),
            domain_max=Subquery(CompanyDomain.objects.order_by("-pk").values("pk")[:1]),
        )
        .values_list("counter", "channel_max", "domain_max")
        .first()
    )
    if row is None:
        KnownIndexVersion.objects.get_or_create(pk=1)
        return index_version()
    return (
        tuple(settings.CHENGXIN_OWN_DOMAINS),
        settings.CHENGXIN_COMPANY_NAME,
        *row,
    )


def build_known_index(version: tuple = ()) -> KnownIndex:
    companies: dict[int, tuple[str, int | None, str]] = {}
    for pk, name, created_at, status in (
        Company.objects.live()
        .values_list("pk", "legal_name", "created_at", "status")
        .iterator(chunk_size=5000)
    ):
        relation = "customer" if status in CUSTOMER_STATUSES else "company"
        companies[pk] = (name, created_at.year if created_at else None, relation)
    domains: list[KnownDomain] = [
        KnownDomain(domain=domain, company=settings.CHENGXIN_COMPANY_NAME, relation="own")
        for domain in settings.CHENGXIN_OWN_DOMAINS
    ]
    company_by_domain: dict[str, int] = {}
    for domain, company_id in (
        CompanyDomain.objects.filter(company_id__in=companies)
        .values_list("domain", "company_id")
        .order_by("pk")
        .iterator(chunk_size=5000)
    ):
        name, since, relation = companies[company_id]
        domains.append(
            KnownDomain(domain=domain, company=name, customer_since=since, relation=relation)
        )
        company_by_domain.setdefault(domain, company_id)
    addresses: list[KnownAddress] = []
    company_by_address: dict[str, int] = {}
    # A retired address is nobody's any more: mail from it is checked like a stranger's
    # (a lookalike of the buyer's domain, an expired domain bought back).
    for address, contact_name, company_id in (
        Channel.objects.filter(kind=ChannelKind.EMAIL, is_active=True)
        .values_list("value", "contact__name", "contact__company_id")
        .order_by("pk")
        .iterator(chunk_size=10000)
    ):
        company = companies.get(company_id)
        addresses.append(
            KnownAddress(
                address=address, display_name=contact_name, company=company[0] if company else ""
            )
        )
        if company is not None:
            company_by_address.setdefault(address, company_id)
    # Our own people: someone borrowing the general manager's name from another
    # address is the classic "CEO fraud".
    # Each of the names they sign with counts: "Nina Li" as much as "李娜".
    for email, first_name, last_name, name_chinese, name_latin in (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .values_list("email", "first_name", "last_name", "name_chinese", "name_latin")
        .iterator(chunk_size=1000)
    ):
        names = dict.fromkeys(
            n for n in (f"{first_name} {last_name}".strip(), name_chinese, name_latin) if n
        )
        for name in names or [""]:
            addresses.append(
                KnownAddress(
                    address=email, display_name=name, company=settings.CHENGXIN_COMPANY_NAME
                )
            )
    return KnownIndex(
        index=LookalikeIndex(domains, addresses),
        company_by_domain=company_by_domain,
        company_by_address=company_by_address,
        version=version,
        built_at=time.monotonic(),
    )


# --- staleness -----------------------------------------------------------------------------


def _bump() -> None:
    forget_known_index()
    if not KnownIndexVersion.objects.filter(pk=1).update(counter=F("counter") + 1):
        KnownIndexVersion.objects.get_or_create(pk=1, defaults={"counter": 1})


def _changed(sender, **kwargs) -> None:
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        active = set(connection.savepoint_ids)
        if any(
            func is _bump and sids <= active for sids, func, _robust in connection.run_on_commit
        ):
            # A bump is already due when this block commits (and is dropped only if a
            # savepoint rolls back that would undo this change too): one is enough.
            return
    transaction.on_commit(_bump)


_USER_FIELDS = frozenset(
    {"email", "first_name", "last_name", "name_chinese", "name_latin", "is_active"}
)


def _user_changed(sender, update_fields=None, **kwargs) -> None:
    # A login saves last_login only: that changes nothing the index holds.
    if update_fields is None or _USER_FIELDS & set(update_fields):
        _changed(sender, **kwargs)


def connect_change_signals() -> None:
    for model in (Company, CompanyDomain, Contact, Channel):
        post_save.connect(_changed, sender=model, dispatch_uid=f"guard-index-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"guard-index-{model.__name__}-d")
    post_save.connect(_user_changed, sender=User, dispatch_uid="guard-index-User")
