"""Reading customers, always through what the user may see."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from rapidfuzz import fuzz

from chengxin.accounts.models import User
from chengxin.parties import normalize
from chengxin.parties.models import Channel, Company, CompanyStatus, Contact, ContactStatus
from chengxin.parties.permissions import visible_companies_q
from chengxin.parties.search import search_q

_USER_ID = re.compile(r"[0-9]{1,18}")

SORTS = {
    "name": ("legal_name", "id"),
    "-name": ("-legal_name", "-id"),
    "country": ("country", "legal_name", "id"),
    "grade": ("grade", "legal_name", "id"),
    "updated": ("-updated_at", "id"),
    "followup": ("last_followed_up_at", "id"),
}


@dataclass
class CompanyFilters:
    q: str = ""
    country: str = ""
    grade: str = ""
    owner: str = ""  # "me", "pool", or a user id
    tag: str = ""
    status: str = ""
    sort: str = "name"


def company_list(*, user: User, filters: CompanyFilters | None = None) -> QuerySet[Company]:
    filters = filters or CompanyFilters()
    visible = visible_companies_q(user)
    qs = Company.objects.live()
    if visible:
        # shared_with is a many-to-many: filter by ids so rows are not repeated.
        if user.sees_all_customers:
            qs = qs.filter(visible)
        else:
            qs = qs.filter(
                Q(owner=user)
                | Q(owner__isnull=True)
                | Q(
                    pk__in=Company.shared_with.through.objects.filter(user=user).values(
                        "company_id"
                    )
                )
            )
    fragment = normalize.search_query_for(filters.q)
    if fragment:
        qs = qs.filter(search_q(fragment))
    if filters.country:
        qs = qs.filter(country=filters.country.upper())
    if filters.grade:
        qs = qs.filter(grade=filters.grade)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.owner == "me":
        qs = qs.filter(owner=user)
    elif filters.owner == "pool":
        qs = qs.filter(owner__isnull=True)
    elif filters.owner:
        # A user id as typed in an address: anything else (a number beyond any id, "²")
        # is nobody's id, so nothing matches.
        owner_id = int(filters.owner) if _USER_ID.fullmatch(filters.owner) else None
        qs = qs.filter(owner_id=owner_id) if owner_id is not None else qs.none()
    if filters.tag:
        qs = qs.filter(tags__name=filters.tag)
    return qs.select_related("owner").order_by(*SORTS.get(filters.sort, SORTS["name"]))


def company_get(*, user: User, pk: int) -> Company:
    """The company, if the user may see it; Company.DoesNotExist otherwise."""
    qs = Company.objects.select_related("owner", "merged_into")
    company = qs.get(pk=pk)
    if not user.sees_all_customers:
        if not (
            company.owner_id in (None, user.pk) or company.shared_with.filter(pk=user.pk).exists()
        ):
            raise Company.DoesNotExist
    return company


def company_contacts(*, company: Company) -> list[Contact]:
    return list(
        company.contacts.prefetch_related(
            Prefetch(
                "channels",
                queryset=Channel.objects.with_foreign_domain().select_related(
                    "verified_by", "retired_by", "added_by"
                ),
            )
        )
    )


def contact_get(*, user: User, pk: int) -> Contact:
    contact = Contact.objects.select_related("company").get(pk=pk)
    company_get(user=user, pk=contact.company_id)
    return contact


def channel_get(*, user: User, pk: int) -> Channel:
    channel = (
        Channel.objects.with_foreign_domain()
        .select_related("contact__company", "verified_by", "added_by")
        .get(pk=pk)
    )
    company_get(user=user, pk=channel.contact.company_id)
    return channel


def company_channel(*, company_id: int, pk: int) -> Channel:
    """The channel ``pk`` of one of the company's contacts (a step names the channel on file
    it went through); ``Channel.DoesNotExist`` for any other."""
    return Channel.objects.get(pk=pk, contact__company_id=company_id)


def company_history_ids(company: Company) -> list[int]:
    """The company and every company merged into it (and into those)."""
    ids, frontier = [company.pk], [company.pk]
    while frontier:
        frontier = list(
            Company.objects.filter(merged_into__in=frontier).values_list("pk", flat=True)
        )
        ids.extend(frontier)
    return ids


# --- duplicates ------------------------------------------------------------------


@dataclass
class DuplicateMatch:
    company: Company
    reasons: list[str]


NAME_SIMILARITY = 90


def company_duplicates(
    *,
    legal_name: str = "",
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    domains: Sequence[str] = (),
    exclude_id: int | None = None,
    limit: int = 10,
) -> list[DuplicateMatch]:
    """Companies that may be the same as the one described: sharing a
    normalised email, phone or company domain, or with a close name."""
    from django.utils.translation import gettext as _

    found: dict[int, DuplicateMatch] = {}

    def add(company: Company, reason: str) -> None:
        if exclude_id and company.pk == exclude_id:
            return
        found.setdefault(company.pk, DuplicateMatch(company, [])).reasons.append(reason)

    live = Company.objects.exclude(status=CompanyStatus.MERGED).select_related("owner")
    values = [v for v in (*emails, *phones) if v]
    if values:
        for channel in Channel.objects.filter(value__in=values, is_active=True).select_related(
            "contact__company__owner"
        ):
            if channel.contact.company.status != CompanyStatus.MERGED:
                add(channel.contact.company, _("shares %(value)s") % {"value": channel.display})
    company_domains = [d for d in domains if d and d not in normalize.FREE_MAIL_DOMAINS]
    if company_domains:
        for company in live.filter(domains__domain__in=company_domains).distinct():
            shared = company.domains.filter(domain__in=company_domains).first()
            if shared is not None:  # the company was found by one of these domains
                add(company, _("shares the domain %(domain)s") % {"domain": shared.display})
    key = normalize.company_name_key(legal_name)
    if len(key) >= 2:
        prefix = key[:3]
        candidates = live.filter(name_key__gte=prefix, name_key__lt=prefix + "\uffff")[:500]
        for company in candidates:
            score = fuzz.token_sort_ratio(key, company.name_key)
            if score >= NAME_SIMILARITY:
                add(company, _("has a similar name (%(score)d%% alike)") % {"score": score})
    return list(found.values())[:limit]


# --- follow-ups -------------------------------------------------------------------


def pool_return_days() -> int:
    return settings.CHENGXIN_POOL_RETURN_DAYS


def follow_ups_due(*, user: User, now: datetime.datetime) -> QuerySet[Company]:
    """The user's own customers whose follow-up is due: not followed up for half the pool
    period (``pool_return_stale`` takes them back after the whole of it). Each has
    ``last_touch`` (the last follow-up, else since when they own it); never touched first."""
    half = datetime.timedelta(days=pool_return_days()) / 2
    return (
        Company.objects.live()
        .filter(owner=user)
        .annotate(last_touch=Coalesce("last_followed_up_at", "owner_since"))
        .filter(Q(last_touch__lt=now - half) | Q(last_touch__isnull=True))
        .order_by(F("last_touch").asc(nulls_first=True), "id")
    )


def pool_return_at(company: Company) -> datetime.datetime | None:
    """When the pool takes ``company`` back unless followed up (None: at the next run).
    Counted from the last touch, as ``follow_ups_due`` counts it."""
    last_touch = company.last_followed_up_at or company.owner_since
    if last_touch is None:
        return None
    return last_touch + datetime.timedelta(days=pool_return_days())


def channels_on_file(
    *,
    company: Company | int,
    before: datetime.datetime,
    kinds: Sequence[str] | None = None,
    contact: Contact | int | None = None,
) -> QuerySet[Channel]:
    """The channels "on file" for verifying a request made at ``before``: the customer's
    (or one contact's) channels still in use, of a contact still there, that were verified
    before that moment. An unverified channel never counts, nor one verified since.

    This one definition serves every out-of-band check: a change request's confirmation
    and verification, a counterparty bank account's verification, warning a buyer. Each
    row carries ``foreign_domain`` (an email on a domain the customer does not have)."""
    company_id = company.pk if isinstance(company, Company) else company
    channels = Channel.objects.filter(
        contact__company_id=company_id,
        contact__status=ContactStatus.ACTIVE,
        is_active=True,
        verified_at__isnull=False,
        verified_at__lt=before,
    )
    if kinds is not None:
        channels = channels.filter(kind__in=list(kinds))
    if contact is not None:
        channels = channels.filter(
            contact_id=contact.pk if isinstance(contact, Contact) else contact
        )
    return (
        channels.with_foreign_domain()
        .select_related("contact")
        .order_by("contact__name", "kind", "-is_primary", "id")
    )
