"""Reading for imports and exports: import batches, what already exists (for
duplicate checks) and the customers a user may export, chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import QuerySet

from chengxin.accounts.models import Role, User
from chengxin.imports.models import ImportBatch
from chengxin.imports.planning import ExistingParties, UserRef
from chengxin.parties.models import Channel, Company, CompanyDomain, CompanyStatus, Contact
from chengxin.parties.selectors import company_list

# --- import batches --------------------------------------------------------------------


def import_batch_list(*, user: User) -> QuerySet[ImportBatch]:
    """The user's own batches, newest first (without the files themselves)."""
    return ImportBatch.objects.filter(created_by=user).defer("content", "report")


def import_batch_get(*, user: User, pk: int) -> ImportBatch:
    """The batch if ``user`` uploaded it (or is an administrator); DoesNotExist otherwise."""
    batch = ImportBatch.objects.defer("content").select_related("created_by").get(pk=pk)
    if not (user.is_active and (batch.created_by_id == user.pk or user.role == Role.ADMIN)):
        raise ImportBatch.DoesNotExist
    return batch


def import_batch_content(batch: ImportBatch) -> bytes:
    return bytes(ImportBatch.objects.values_list("content", flat=True).get(pk=batch.pk))


# --- what exists -------------------------------------------------------------------------


def import_users() -> dict[str, UserRef]:
    """Every user by lower-case user name, with whether they may own customers."""
    users = {}
    for pk, username, role, is_active in User.objects.values_list(
        "pk", "username", "role", "is_active"
    ):
        may_own = is_active and role in (Role.SALES, Role.MANAGER)
        users[username.casefold()] = UserRef(pk, username, role, may_own)
    return users


def existing_parties(*, user: User) -> ExistingParties:
    """Active channel values, company domains and name keys of every live
    company, loaded once so that a large file is checked without a query per row."""
    chunk = 10_000
    live = Company.objects.exclude(status=CompanyStatus.MERGED)
    existing = ExistingParties()
    owners: dict[int, int | None] = {}
    keys = []
    for pk, legal_name, name_key, owner_id in live.values_list(
        "pk", "legal_name", "name_key", "owner_id"
    ).iterator(chunk_size=chunk):
        existing.names[pk] = legal_name
        keys.append((name_key, pk))
        owners[pk] = owner_id
    keys.sort()
    existing.name_keys = keys
    for value, company_id in (
        Channel.objects.filter(is_active=True)
        .exclude(contact__company__status=CompanyStatus.MERGED)
        .values_list("value", "contact__company_id")
        .iterator(chunk_size=chunk)
    ):
        existing.channel_values.setdefault(value, company_id)
    for domain, company_id in (
        CompanyDomain.objects.exclude(company__status=CompanyStatus.MERGED)
        .values_list("domain", "company_id")
        .iterator(chunk_size=chunk)
    ):
        existing.domains.setdefault(domain, company_id)
    if not user.sees_all_customers:
        shared = set(
            Company.shared_with.through.objects.filter(user=user).values_list(
                "company_id", flat=True
            )
        )
        existing.visible = lambda pk: owners.get(pk, -1) in (None, user.pk) or pk in shared
    return existing


# --- export ------------------------------------------------------------------------------


@dataclass
class ExportCompany:
    company: Company
    owner_username: str
    tags: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    contacts: list[tuple[Contact, list[Channel]]] = field(default_factory=list)


def export_companies(*, user: User, chunk_size: int = 1000) -> Iterator[list[ExportCompany]]:
    """Every company ``user`` can see (as on the customer list), in id order,
    ``chunk_size`` at a time with their tags, domains, contacts and channels:
    five queries per chunk, whatever the number of customers."""
    visible = company_list(user=user).order_by("pk")
    last_pk = 0
    while True:
        companies = list(visible.filter(pk__gt=last_pk)[:chunk_size])
        if not companies:
            return
        last_pk = companies[-1].pk
        ids = [c.pk for c in companies]
        rows = {c.pk: ExportCompany(c, c.owner.username if c.owner else "") for c in companies}
        for company_id, name in (
            Company.tags.through.objects.filter(company_id__in=ids)
            .order_by("tag__name")
            .values_list("company_id", "tag__name")
        ):
            rows[company_id].tags.append(name)
        for company_id, domain in (
            CompanyDomain.objects.filter(company_id__in=ids)
            .order_by("domain")
            .values_list("company_id", "domain")
        ):
            rows[company_id].domains.append(domain)
        contacts: dict[int, tuple[Contact, list[Channel]]] = {}
        for contact in Contact.objects.filter(company_id__in=ids).order_by("company_id", "pk"):
            entry: tuple[Contact, list[Channel]] = (contact, [])
            contacts[contact.pk] = entry
            rows[contact.company_id].contacts.append(entry)
        for channel in (
            Channel.objects.filter(contact__company_id__in=ids)
            .select_related("verified_by", "retired_by")
            .order_by("contact_id", "kind", "-is_active", "-is_primary", "pk")
        ):
            contacts[channel.contact_id][1].append(channel)
        yield [rows[pk] for pk in ids]
