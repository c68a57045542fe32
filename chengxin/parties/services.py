"""Changes to customers. Each service checks permissions and invariants,
writes in one transaction and records the change in the audit trail."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, Q, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import (
    Change,
    audit_created,
    audit_record,
    audit_record_many,
    audited_update,
    snapshot,
)
from chengxin.core.errors import Conflict
from chengxin.core.lengths import length_errors
from chengxin.core.zones import time_zone_errors
from chengxin.parties import normalize
from chengxin.parties.models import (
    DOCUMENT_LANGUAGES,
    MANUAL_VERIFICATION_METHODS,
    Channel,
    ChannelKind,
    ChannelSource,
    Company,
    CompanyDomain,
    CompanyStatus,
    Contact,
    ContactStatus,
    FollowUp,
    FollowUpKind,
    Grade,
    Tag,
    VerificationMethod,
)
from chengxin.parties.permissions import (
    require_claim,
    require_create,
    require_edit,
    require_manager,
    require_release,
    require_share,
    require_verify,
    require_verify_foreign,
)

_LANGUAGES = {code for code, _label in DOCUMENT_LANGUAGES}


# --- validation ------------------------------------------------------------------


@dataclass
class ChannelInput:
    kind: str
    value: str
    label: str = ""
    primary: bool | None = None


@dataclass
class CompanyInput:
    legal_name: str
    country: str
    other_names: list[str] = field(default_factory=list)
    website: str = ""
    registration_number: str = ""
    vat_number: str = ""
    currency: str = "USD"
    document_language: str = "en"
    grade: str = Grade.B
    status: str = CompanyStatus.PROSPECT
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)


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
    too_long = length_errors(
        Company,
        legal_name=legal_name,
        website=website,
        registration_number=registration_number,
        vat_number=vat_number,
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
        currency=currency,
        document_language=data.document_language,
        grade=data.grade,
        status=data.status,
        notes=data.notes or "",
        tags=tags,
        domains=domains,
    )


def channel_clean(channel: ChannelInput, *, region: str | None) -> ChannelInput:
    if channel.kind not in ChannelKind.values:
        raise ValidationError({"kind": [_("Unknown channel kind.")]})
    try:
        value = normalize.normalize_channel(channel.kind, channel.value, region=region)
    except ValidationError as exc:
        raise ValidationError({"value": exc.error_list}) from exc
    return ChannelInput(channel.kind, value, (channel.label or "").strip(), channel.primary)


def _clean_contact_fields(
    *, name: str, language: str, time_zone: str | None, title: str | None = None
) -> dict:
    errors: dict[str, list] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = [_("The contact's name is required.")]
    if language not in _LANGUAGES:
        errors["language"] = [_("Unknown language.")]
    errors.update(time_zone_errors(time_zone))
    errors.update(length_errors(Contact, name=name, title=(title or "").strip()))
    if errors:
        raise ValidationError(errors)
    return {"name": name, "language": language, "time_zone": time_zone or ""}


# --- search text --------------------------------------------------------------------


def search_text_for(
    *,
    names: Iterable[str],
    domains: Iterable[str],
    contact_names: Iterable[str],
    channels: Iterable[tuple[str, str]],
) -> str:
    parts: list[str] = [n.lower() for n in names if n]
    for domain in domains:
        parts.append(domain)
        unicode_domain = normalize.domain_to_unicode(domain)
        if unicode_domain != domain:
            parts.append(unicode_domain)
    parts.extend(n.lower() for n in contact_names if n)
    for kind, value in channels:
        parts.extend(normalize.search_terms_for_channel(kind, value))
    return " | ".join(parts)


def company_search_text_refresh(company: Company) -> None:
    contacts = list(company.contacts.values_list("name", flat=True))
    channels = Channel.objects.filter(contact__company=company).values_list("kind", "value")
    company.search_text = search_text_for(
        names=[company.legal_name, *company.other_names],
        domains=company.domains.values_list("domain", flat=True),
        contact_names=contacts,
        channels=channels,
    )
    company.name_key = normalize.company_name_key(company.legal_name)
    Company.objects.filter(pk=company.pk).update(
        search_text=company.search_text, name_key=company.name_key
    )


# --- companies --------------------------------------------------------------------------


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


def _add_domains(*, actor, company: Company, domains: Iterable[str]) -> list[CompanyDomain]:
    have = set(company.domains.values_list("domain", flat=True))
    created = []
    for domain in domains:
        if domain in have or domain in normalize.FREE_MAIL_DOMAINS:
            continue
        created.append(CompanyDomain.objects.create(company=company, domain=domain))
        have.add(domain)
    audit_record_many(
        actor=actor,
        changes=[
            Change(Action.CREATE, d, None, snapshot(d), company.pk, d.display) for d in created
        ],
    )
    return created


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
            "vat_number", "currency", "document_language", "grade", "status", "notes",
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


def _change_owner(*, actor: User, company: Company, owner: User | None) -> Company:
    with audited_update(
        actor=actor, instance=company, company_id=company.pk, take=_company_snapshot
    ):
        now = timezone.now()
        company.owner = owner
        company.owner_since = now if owner else None
        if owner:
            company.last_followed_up_at = now
        company.save(update_fields=["owner", "owner_since", "last_followed_up_at", "updated_at"])
    return company


@transaction.atomic
def company_claim(*, actor: User, company: Company) -> Company:
    """A sales rep takes a customer from the pool."""
    company = Company.objects.select_for_update().get(pk=company.pk)
    if company.owner_id is not None:
        raise ValidationError(_("This customer is no longer in the pool."))
    require_claim(actor)
    return _change_owner(actor=actor, company=company, owner=actor)


@transaction.atomic
def company_release(*, actor: User, company: Company) -> Company:
    """Put a customer back into the pool."""
    require_release(actor, company)
    return _change_owner(actor=actor, company=company, owner=None)


@transaction.atomic
def company_assign(*, actor: User, company: Company, owner: User) -> Company:
    require_manager(actor)
    if owner.role not in (Role.SALES, Role.MANAGER) or not owner.is_active:
        raise ValidationError(_("A customer can only be owned by an active sales rep or manager."))
    return _change_owner(actor=actor, company=company, owner=owner)


@transaction.atomic
def company_share(*, actor: User, company: Company, users: Sequence[User]) -> Company:
    """Share a customer with colleagues (the owner or a manager decides)."""
    require_share(actor, company)
    with audited_update(
        actor=actor, instance=company, company_id=company.pk, take=_company_snapshot
    ):
        company.shared_with.set([u for u in users if u.pk != company.owner_id])
    return company


@transaction.atomic
def company_domain_add(*, actor: User, company: Company, domain: str) -> CompanyDomain | None:
    require_edit(actor, company)
    try:
        clean = normalize.normalize_domain(domain)
    except ValidationError as exc:
        raise ValidationError({"domain": exc.error_list}) from exc
    if clean in normalize.FREE_MAIL_DOMAINS:
        raise ValidationError(
            {
                "domain": [
                    _("%(domain)s is a public mail provider, not a company's domain.")
                    % {"domain": clean}
                ]
            }
        )
    created = _add_domains(actor=actor, company=company, domains=[clean])
    company_search_text_refresh(company)
    return created[0] if created else None


@transaction.atomic
def company_domain_remove(*, actor: User, domain: CompanyDomain) -> None:
    require_edit(actor, domain.company)
    audit_record(
        actor=actor,
        action=Action.DELETE,
        instance=domain,
        before=snapshot(domain),
        company_id=domain.company_id,
    )
    company = domain.company
    domain.delete()
    company_search_text_refresh(company)


@transaction.atomic
def company_merge(*, actor: User, keep: Company, other: Company) -> Company:
    """Merge ``other`` into ``keep``: contacts with every channel, domains, tags,
    shares and follow-ups move over; ``other`` stays as a record pointing to
    ``keep``, so its whole history is still found."""
    require_manager(actor)
    if keep.pk == other.pk:
        raise ValidationError(_("A company cannot be merged into itself."))
    if other.status == CompanyStatus.MERGED or keep.status == CompanyStatus.MERGED:
        raise ValidationError(_("This company was already merged."))
    keep_before, other_before = _company_snapshot(keep), _company_snapshot(other)
    moved_contacts = list(other.contacts.values_list("pk", flat=True))
    # The other record's channels were never checked for this customer: they come over
    # as new contacts' do, unverified, and count as on file only once verified here.
    brought_in = Channel.objects.select_for_update().filter(contact__company=other)
    channel_changes = []
    for channel in brought_in:
        before = snapshot(channel)
        channel.source, channel.added_by, channel.source_change_id = (
            ChannelSource.MERGE,
            actor,
            None,
        )
        channel.verified_at = channel.verified_by = channel.verified_via = None
        channel.verification_method, channel.verification_note = "", ""
        channel.save(
            update_fields=[
                "source", "added_by", "source_change_id", "verified_at", "verified_by",
                "verified_via", "verification_method", "verification_note",
            ]
        )  # fmt: skip
        channel_changes.append(Change(Action.UPDATE, channel, before, snapshot(channel), keep.pk))
    other.contacts.update(company=keep)
    other.follow_ups.update(company=keep)
    have = set(keep.domains.values_list("domain", flat=True))
    for domain in other.domains.all():
        if domain.domain in have:
            domain.delete()
        else:
            domain.company = keep
            domain.save(update_fields=["company"])
    keep.tags.add(*other.tags.all())
    shared = other.shared_with.all()
    if keep.owner_id is not None:
        shared = shared.exclude(pk=keep.owner_id)
    keep.shared_with.add(*shared)
    if other.owner_id and other.owner_id != keep.owner_id:
        keep.shared_with.add(other.owner_id)
    keep.other_names = list(
        dict.fromkeys([*keep.other_names, other.legal_name, *other.other_names])
    )
    keep.save(update_fields=["other_names", "updated_at"])
    other.status = CompanyStatus.MERGED
    other.merged_into = keep
    other.save(update_fields=["status", "merged_into", "updated_at"])
    audit_record_many(
        actor=actor,
        changes=[
            Change(
                Action.MERGE,
                other,
                other_before,
                {**_company_snapshot(other), "moved_contacts": moved_contacts},
                other.pk,
            ),
            Change(
                Action.MERGE,
                keep,
                keep_before,
                {**_company_snapshot(keep), "merged_from": other.pk},
                keep.pk,
            ),
            *channel_changes,
        ],
    )
    company_search_text_refresh(keep)
    Company.objects.filter(pk=other.pk).update(search_text="")
    return keep


# --- contacts and channels ------------------------------------------------------------


@transaction.atomic
def contact_create(
    *,
    actor: User,
    company: Company,
    name: str,
    title: str = "",
    language: str = "en",
    time_zone: str | None = None,
    notes: str = "",
    channels: Sequence[ChannelInput] = (),
) -> Contact:
    """A new person at the customer, with the channels they gave. Those channels are
    written at once but unverified: they count as on file only once someone verified them
    (``channel_verify``). Their email domains are not added to the customer's: an address on
    another domain stays marked as foreign."""
    require_edit(actor, company)
    fields = _clean_contact_fields(name=name, language=language, time_zone=time_zone, title=title)
    clean_channels = []
    errors = []
    for channel in channels:
        if not (channel.value or "").strip():
            continue
        try:
            clean_channels.append(channel_clean(channel, region=company.country))
        except ValidationError as exc:
            errors.extend(
                exc.error_list
                if not hasattr(exc, "error_dict")
                else [e for lst in exc.error_dict.values() for e in lst]
            )
    if errors:
        raise ValidationError({"channels": errors})
    if not fields["time_zone"]:
        phone = next((c.value for c in clean_channels if c.kind in ("phone", "whatsapp")), None)
        fields["time_zone"] = normalize.time_zone_for(country=company.country, phone_e164=phone)
    contact = Contact.objects.create(
        company=company, title=(title or "").strip(), notes=notes or "", **fields
    )
    audit_created(actor=actor, instance=contact, company_id=company.pk)
    for channel in clean_channels:
        _channel_write(
            actor=actor, contact=contact, channel=channel, source=ChannelSource.NEW_CONTACT
        )
    company_search_text_refresh(company)
    return contact


@transaction.atomic
def _contact_locked(contact: Contact) -> Contact:
    """The contact read again under locks, its company's first (the order deletion takes):
    Contact.DoesNotExist when the company or the contact was deleted meanwhile."""
    if not Company.objects.select_for_update().filter(pk=contact.company_id).exists():
        raise Contact.DoesNotExist
    return Contact.objects.select_for_update().select_related("company").get(pk=contact.pk)


@transaction.atomic
def contact_update(
    *,
    actor: User,
    contact: Contact,
    name: str,
    title: str,
    language: str,
    time_zone: str,
    notes: str,
    status: str,
) -> Contact:
    require_edit(actor, contact.company)
    contact = _contact_locked(contact)
    fields = _clean_contact_fields(name=name, language=language, time_zone=time_zone, title=title)
    if status not in ContactStatus.values:
        raise ValidationError({"status": [_("Unknown status.")]})
    with audited_update(actor=actor, instance=contact, company_id=contact.company_id):
        contact.name, contact.language = fields["name"], fields["language"]
        contact.time_zone = fields["time_zone"] or contact.time_zone
        contact.title, contact.notes, contact.status = (title or "").strip(), notes or "", status
        contact.save()
    company_search_text_refresh(contact.company)
    return contact


def _channel_write(
    *,
    actor: User | None,
    contact: Contact,
    channel: ChannelInput,
    source: str,
    verified: dict | None = None,
    source_change_id: int | None = None,
) -> Channel:
    """Write one channel with its provenance. Only new contacts (unverified) and completed
    change requests (verified by the loop) come here: every other way in goes through the
    change request loop."""
    duplicate = contact.channels.filter(kind=channel.kind, value=channel.value, is_active=True)
    if duplicate.exists():
        raise ValidationError(
            {
                "value": [
                    _("%(contact)s already has this %(kind)s.")
                    % {"contact": contact.name, "kind": ChannelKind(channel.kind).label}
                ]
            }
        )
    has_primary = contact.channels.filter(kind=channel.kind, is_primary=True, is_active=True)
    make_primary = channel.primary if channel.primary is not None else not has_primary.exists()
    changes = []
    if make_primary:
        for old in has_primary:
            before = snapshot(old)
            old.is_primary = False
            old.save(update_fields=["is_primary"])
            changes.append(Change(Action.UPDATE, old, before, snapshot(old), contact.company_id))
    created = Channel.objects.create(
        contact=contact,
        kind=channel.kind,
        value=channel.value,
        label=channel.label,
        is_primary=make_primary,
        source=source,
        added_by=actor,
        source_change_id=source_change_id,
        **(verified or {}),
    )
    changes.append(Change(Action.CREATE, created, None, snapshot(created), contact.company_id))
    audit_record_many(actor=actor, changes=changes)
    return created


CHANGE_REQUEST_REQUIRED = "change_request_required"


def _change_request_required(contact: Contact) -> ValidationError:
    return ValidationError(
        _(
            "A new channel or a new primary channel for %(contact)s goes through a change "
            "request: confirm it with the contact, verify it through a channel on file, then "
            "apply it. Open one from the contact (“Email or phone changed? Open a change "
            "request”)."
        )
        % {"contact": contact.name},
        code=CHANGE_REQUEST_REQUIRED,
    )


@transaction.atomic
def channel_add(
    *,
    actor: User,
    contact: Contact,
    kind: str,
    value: str,
    label: str = "",
    primary: bool | None = None,
) -> Channel:
    """Refused: a new channel for an existing contact is only written by applying a change
    request (``changes.services.change_open``). Kept as a door that says so, for every
    caller (page, API, scripts)."""
    require_edit(actor, contact.company)
    if contact.status != ContactStatus.ACTIVE:
        raise ValidationError(
            _("This contact has left the company; add the channel to a colleague.")
        )
    clean = channel_clean(ChannelInput(kind, value, label, primary), region=contact.company.country)
    if contact.channels.filter(kind=clean.kind, value=clean.value, is_active=True).exists():
        raise ValidationError(
            {
                "value": [
                    _("%(contact)s already has this %(kind)s.")
                    % {"contact": contact.name, "kind": ChannelKind(clean.kind).label}
                ]
            }
        )
    raise _change_request_required(contact)


@transaction.atomic
def channel_make_primary(*, actor: User, channel: Channel) -> Channel:
    """Refused: a change of primary goes through a change request."""
    require_edit(actor, channel.contact.company)
    raise _change_request_required(channel.contact)


@transaction.atomic
def channel_apply_change(
    *,
    actor: User,
    contact: Contact,
    kind: str,
    value: str,
    make_primary: bool,
    change_id: int,
    verified_by: User | None,
    verified_at: datetime.datetime,
) -> Channel:
    """The "apply" step of a change request (``changes.services.change_apply``, which checks
    the loop was followed): write the new value, or promote an existing one, verified by the
    loop. Not for any other caller."""
    require_edit(actor, contact.company)
    verified = {
        "verified_at": verified_at,
        "verified_by": verified_by,
        "verification_method": VerificationMethod.CHANGE_REQUEST,
        "verification_note": _("Change request #%(id)s") % {"id": change_id},
    }
    existing = contact.channels.filter(kind=kind, value=value, is_active=True).first()
    if existing is None:
        clean = channel_clean(ChannelInput(kind, value, "", make_primary or None),
                              region=contact.company.country)  # fmt: skip
        created = _channel_write(
            actor=actor,
            contact=contact,
            channel=ChannelInput(clean.kind, clean.value, "", True if make_primary else None),
            source=ChannelSource.CHANGE_REQUEST,
            verified=verified,
            source_change_id=change_id,
        )
        if kind == ChannelKind.EMAIL:
            _add_domains(actor=actor, company=contact.company, domains=[created.domain])
        company_search_text_refresh(contact.company)
        return created
    changes = []
    if make_primary and not existing.is_primary:
        for other in contact.channels.filter(kind=kind, is_primary=True, is_active=True):
            before = snapshot(other)
            other.is_primary = False
            other.save(update_fields=["is_primary"])
            changes.append(
                Change(Action.UPDATE, other, before, snapshot(other), contact.company_id)
            )
    before = snapshot(existing)
    fields = []
    if make_primary and not existing.is_primary:
        existing.is_primary = True
        fields.append("is_primary")
    if existing.verified_at is None:
        for name, field_value in verified.items():
            setattr(existing, name, field_value)
        fields += list(verified)
    if fields:
        existing.save(update_fields=fields)
        changes.append(
            Change(Action.UPDATE, existing, before, snapshot(existing), contact.company_id)
        )
    audit_record_many(actor=actor, changes=changes)
    return existing


@transaction.atomic
def channel_retire(*, actor: User, channel: Channel) -> Channel:
    """Retire a channel: it stays in history, is no longer used, and if it was primary the
    oldest other channel of its kind that is on file (verified) takes over; an unverified one
    never becomes primary this way."""
    require_edit(actor, channel.contact.company)
    if not channel.is_active:
        raise ValidationError(_("This channel is already retired."))
    before = snapshot(channel)
    was_primary = channel.is_primary
    channel.is_active, channel.is_primary = False, False
    channel.retired_at, channel.retired_by = timezone.now(), actor
    channel.save(update_fields=["is_active", "is_primary", "retired_at", "retired_by"])
    changes = [
        Change(Action.UPDATE, channel, before, snapshot(channel), channel.contact.company_id)
    ]
    if was_primary:
        successor = (
            channel.contact.channels.filter(
                kind=channel.kind, is_active=True, verified_at__isnull=False
            )
            .order_by("id")
            .first()
        )
        if successor:
            s_before = snapshot(successor)
            successor.is_primary = True
            successor.save(update_fields=["is_primary"])
            changes.append(
                Change(
                    Action.UPDATE,
                    successor,
                    s_before,
                    snapshot(successor),
                    channel.contact.company_id,
                )
            )
    audit_record_many(actor=actor, changes=changes)
    return channel


def _foreign_when_added(channel: Channel) -> bool:
    """An email whose domain was not the customer's when the channel was added: a domain
    added since (perhaps to make the address look at home) does not count."""
    if channel.kind != ChannelKind.EMAIL or not channel.domain:
        return False
    return not CompanyDomain.objects.filter(
        company_id=channel.contact.company_id,
        domain=channel.domain,
        created_at__lte=channel.created_at,
    ).exists()


@transaction.atomic
def channel_verify(
    *,
    actor: User,
    channel: Channel,
    method: str,
    note: str,
    via: Channel | None = None,
    now: datetime.datetime | None = None,
) -> Channel:
    """Record how someone made sure an unverified channel (one entered with a new contact,
    imported or brought in by a merge) belongs to the contact. From then on it counts as on
    file for requests made later.

    Hard to abuse: only the customer's owner or a manager; an out-of-band method and a note
    of what was done; through another channel only if that one is on file; an email on a
    domain the customer did not have when it was added needs a manager who did not add it
    (adding the domain afterwards changes nothing). Audited."""
    from chengxin.parties.selectors import channels_on_file

    now = now or timezone.now()
    channel = (
        Channel.objects.select_for_update().select_related("contact__company").get(pk=channel.pk)
    )
    company = channel.contact.company
    require_verify(actor, company)
    if not channel.is_active:
        raise ValidationError(_("A retired channel cannot be verified."))
    if channel.verified_at is not None:
        raise ValidationError(_("This channel is already verified."))
    errors: dict[str, list] = {}
    if method not in MANUAL_VERIFICATION_METHODS:
        errors["method"] = [_("Choose how you verified it.")]
    note = (note or "").strip()
    if len(note) < 10:
        errors["note"] = [_("Write what you did and who confirmed it (at least 10 characters).")]
    if method == VerificationMethod.CHANNEL_ON_FILE:
        on_file = channels_on_file(company=company, before=now).exclude(pk=channel.pk)
        if via is None or not on_file.filter(pk=via.pk).exists():
            errors["via"] = [
                _("Choose the channel on file you called or wrote through (verified before now).")
            ]
    else:
        via = None
    if errors:
        raise ValidationError(errors)
    if _foreign_when_added(channel):
        require_verify_foreign(actor, channel)
    with audited_update(actor=actor, instance=channel, company_id=company.pk):
        channel.verified_at, channel.verified_by = now, actor
        channel.verification_method, channel.verification_note = method, note
        channel.verified_via = via
        channel.save(
            update_fields=[
                "verified_at", "verified_by", "verification_method", "verification_note",
                "verified_via",
            ]
        )  # fmt: skip
    return channel


# --- follow-ups and the pool -------------------------------------------------------------


@transaction.atomic
def follow_up_log(
    *,
    actor: User,
    company: Company,
    kind: str,
    summary: str,
    happened_at: datetime.datetime | None = None,
    contact: Contact | None = None,
) -> FollowUp:
    require_edit(actor, company)
    if kind not in FollowUpKind.values:
        raise ValidationError({"kind": [_("Unknown kind of follow-up.")]})
    if not (summary or "").strip():
        raise ValidationError({"summary": [_("Write what was said or done.")]})
    now = timezone.now()
    happened_at = happened_at or now
    if happened_at > now + datetime.timedelta(minutes=5):
        raise ValidationError({"happened_at": [_("A follow-up cannot be in the future.")]})
    if contact is not None and contact.company_id != company.pk:
        raise ValidationError({"contact": [_("This contact belongs to another company.")]})
    follow_up = FollowUp.objects.create(
        company=company,
        contact=contact,
        author=actor,
        kind=kind,
        summary=summary.strip(),
        happened_at=happened_at,
    )
    if company.last_followed_up_at is None or happened_at > company.last_followed_up_at:
        Company.objects.filter(pk=company.pk).update(last_followed_up_at=happened_at)
        company.last_followed_up_at = happened_at
    audit_created(actor=actor, instance=follow_up, company_id=company.pk)
    return follow_up


@transaction.atomic
def pool_return_stale(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Return to the pool every customer whose owner has not followed up for
    ``days`` (setting CHENGXIN_POOL_RETURN_DAYS). Returns how many went back."""
    now = now or timezone.now()
    days = days or settings.CHENGXIN_POOL_RETURN_DAYS
    cutoff = now - datetime.timedelta(days=days)
    stale = list(
        Company.objects.select_for_update()
        .live()
        .filter(owner__isnull=False)
        .filter(
            Q(last_followed_up_at__lt=cutoff)
            | Q(last_followed_up_at__isnull=True, owner_since__lt=cutoff)
            | Q(last_followed_up_at__isnull=True, owner_since__isnull=True)
        )
    )
    changes = []
    for company in stale:
        before = snapshot(company)
        company.owner, company.owner_since = None, None
        company.save(update_fields=["owner", "owner_since", "updated_at"])
        changes.append(Change(Action.UPDATE, company, before, snapshot(company), company.pk))
    audit_record_many(actor=None, changes=changes)
    return len(stale)
