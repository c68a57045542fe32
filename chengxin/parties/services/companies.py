"""Customers (companies): created with their first contacts, updated, shared with
colleagues and deleted. Who owns one is :mod:`.pool`'s; merging two, :mod:`.merge`'s."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import audit_created, audit_record, audited_update, snapshot
from chengxin.core.errors import Conflict
from chengxin.core.lengths import length_errors
from chengxin.core.text_input import text_problem, unsafe_text_message
from chengxin.parties import normalize
from chengxin.parties.models import (
    DOCUMENT_LANGUAGES,
    ChannelKind,
    Company,
    CompanyStatus,
    Grade,
    Tag,
)
from chengxin.parties.permissions import (
    require_create,
    require_edit,
    require_manager,
    require_share,
)
from chengxin.parties.services.channels import ChannelInput
from chengxin.parties.services.contacts import contact_create
from chengxin.parties.services.domains import _add_domains
from chengxin.parties.services.search_text import company_search_text_refresh

_LANGUAGES = {code for code, _label in DOCUMENT_LANGUAGES}


@dataclass
class CompanyInput:
    legal_name: str
    country: str
    other_names: list[str] = field(default_factory=list)
    website: str = ""
    registration_number: str = ""
    vat_number: str = ""
    address: str = ""
    currency: str = "USD"
    document_language: str = "en"
    grade: str = Grade.B
    status: str = CompanyStatus.PROSPECT
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)


def clean_address(value: str | None) -> str:
    """A postal address as stored: one line per line of the envelope (Windows and old
    Mac line ends made plain), each line's outer spaces and the empty lines at either
    end dropped; the lines between are kept as typed."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.split("\n")).strip("\n")


def _clean_company(data: CompanyInput) -> CompanyInput:
    errors: dict[str, list] = {}

    def check(name, fn):
        try:
            return fn()
        except ValidationError as exc:
            errors.setdefault(name, []).extend(exc.error_list)
            return None

    legal_name = (data.legal_name or "").strip()
    if not legal_name:
        errors["legal_name"] = [ValidationError(_("The legal name is required."))]
    country = check("country", lambda: normalize.normalize_country(data.country))
    currency = check("currency", lambda: normalize.normalize_currency(data.currency or "USD"))
    domains = []
    for raw in data.domains:
        if raw and raw.strip():
            domain = check("domains", lambda raw=raw: normalize.normalize_domain(raw))
            if domain and domain not in domains:
                domains.append(domain)
    website = (data.website or "").strip()
    if website:
        check("website", lambda: normalize.normalize_domain(website))
    if data.document_language not in _LANGUAGES:
        errors["document_language"] = [ValidationError(_("Unknown document language."))]
    if data.grade not in Grade.values:
        errors["grade"] = [ValidationError(_("The grade must be A, B or C."))]
    if data.status not in CompanyStatus.values or data.status == CompanyStatus.MERGED:
        errors["status"] = [ValidationError(_("Unknown status."))]
    registration_number = (data.registration_number or "").strip()
    vat_number = (data.vat_number or "").strip().upper().replace(" ", "")
    address = clean_address(data.address)
    problem = text_problem(address)
    if problem:
        errors["address"] = [ValidationError(unsafe_text_message(problem))]
    too_long = length_errors(
        Company,
        legal_name=legal_name,
        website=website,
        registration_number=registration_number,
        vat_number=vat_number,
        address=address,
    )
    tags = sorted({t.strip() for t in data.tags if t and t.strip()})
    for tag in tags:
        for messages in length_errors(Tag, name=tag).values():
            too_long.setdefault("tags", []).extend(messages)
    for name, messages in too_long.items():
        errors.setdefault(name, []).extend(ValidationError(m) for m in messages)
    if errors:
        raise ValidationError(errors)
    return CompanyInput(
        legal_name=legal_name,
        country=country,
        other_names=[n.strip() for n in data.other_names if n and n.strip()],
        website=website,
        registration_number=registration_number,
        vat_number=vat_number,
        address=address,
        currency=currency,
        document_language=data.document_language,
        grade=data.grade,
        status=data.status,
        notes=data.notes or "",
        tags=tags,
        domains=domains,
    )


def _company_snapshot(company: Company) -> dict:
    return snapshot(
        company,
        extra={
            "tags": sorted(company.tags.values_list("name", flat=True)),
            "shared_with": sorted(company.shared_with.values_list("pk", flat=True)),
        },
    )


def _set_tags(company: Company, names: Sequence[str]) -> None:
    existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
    missing = [Tag(name=n) for n in names if n not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
    company.tags.set(existing.values())


@transaction.atomic
def company_create(
    *,
    actor: User,
    data: CompanyInput,
    owner: User | None = None,
    contacts: Sequence[tuple[dict, Sequence[ChannelInput]]] = (),
) -> Company:
    """Create a company (with its first contacts). A sales rep owns what they create."""
    require_create(actor, owner)
    clean = _clean_company(data)
    if owner is None and actor.role == Role.SALES:
        owner = actor
    now = timezone.now()
    company = Company.objects.create(
        legal_name=clean.legal_name,
        other_names=clean.other_names,
        country=clean.country,
        website=clean.website,
        registration_number=clean.registration_number,
        vat_number=clean.vat_number,
        address=clean.address,
        currency=clean.currency,
        document_language=clean.document_language,
        grade=clean.grade,
        status=clean.status,
        notes=clean.notes,
        owner=owner,
        owner_since=now if owner else None,
        last_followed_up_at=now if owner else None,
    )
    _set_tags(company, clean.tags)
    audit_created(
        actor=actor, instance=company, company_id=company.pk, after=_company_snapshot(company)
    )
    # A customer entered with its first people writes from their domains (added first, so
    # those people's addresses are on the customer's domain from the start).
    first_domains = []
    for _fields, channels in contacts:
        for channel in channels:
            if channel.kind == ChannelKind.EMAIL and (channel.value or "").strip():
                try:
                    value = normalize.normalize_channel(ChannelKind.EMAIL, channel.value)
                except ValidationError:
                    continue  # contact_create reports it
                first_domains.append(value.rpartition("@")[2])
    _add_domains(actor=actor, company=company, domains=[*clean.domains, *first_domains])
    for contact_fields, channels in contacts:
        contact_create(actor=actor, company=company, channels=channels, **contact_fields)
    company_search_text_refresh(company)
    return company


@transaction.atomic
def company_update(*, actor: User, company: Company, data: CompanyInput) -> Company:
    require_edit(actor, company)
    clean = _clean_company(data)
    with audited_update(
        actor=actor, instance=company, company_id=company.pk, take=_company_snapshot
    ):
        for name in (
            "legal_name", "other_names", "country", "website", "registration_number",
            "vat_number", "address", "currency", "document_language", "grade", "status",
            "notes",
        ):  # fmt: skip
            setattr(company, name, getattr(clean, name))
        company.save()
        _set_tags(company, clean.tags)
    if clean.domains:
        _add_domains(actor=actor, company=company, domains=clean.domains)
    company_search_text_refresh(company)
    return company


@transaction.atomic
def company_delete(*, actor: User, company: Company) -> None:
    """Delete a company with its contacts (managers only). Everything it held is
    kept in the audit trail's last entry. A company that records still need (payments
    received, account-change recipients, credits) is refused with Conflict, whole."""
    require_manager(actor)
    # Locked first, as every change of its contacts does, so a change racing the deletion
    # waits and then finds the contact gone.
    company = Company.objects.select_for_update().get(pk=company.pk)
    contacts = []
    for contact in company.contacts.prefetch_related("channels"):
        contacts.append(
            {**snapshot(contact), "channels": [snapshot(ch) for ch in contact.channels.all()]}
        )
    before = _company_snapshot(company)
    before["contacts"] = contacts
    before["domains"] = list(company.domains.values_list("domain", flat=True))
    audit_record(
        actor=actor, action=Action.DELETE, instance=company, before=before, company_id=company.pk
    )
    try:
        company.delete()
    except (ProtectedError, RestrictedError) as exc:
        held = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        raise Conflict(_company_held_message(held)) from None


def _company_held_message(held) -> str:
    counts: dict[type[models.Model], int] = {}
    for obj in held:
        counts[type(obj)] = counts.get(type(obj), 0) + 1
    what = ", ".join(
        f"{count} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
        for model, count in sorted(counts.items(), key=lambda item: item[0].__name__)
    )
    return _(
        "This customer cannot be deleted: records that must be kept refer to it (%(what)s). "
        "Merge it into another customer, or keep it."
    ) % {"what": what}


@transaction.atomic
def company_share(*, actor: User, company: Company, users: Sequence[User]) -> Company:
    """Share a customer with colleagues (the owner or a manager decides)."""
    require_share(actor, company)
    with audited_update(
        actor=actor, instance=company, company_id=company.pk, take=_company_snapshot
    ):
        company.shared_with.set([u for u in users if u.pk != company.owner_id])
    return company
