"""The customer API: companies, their contacts and the channels to reach them.

Each endpoint parses, calls one selector or service and returns what it got;
permissions, normalisation and invariants live in the services, so the API
and the pages cannot diverge. Not visible → 404 (the selectors raise
DoesNotExist); visible but not allowed → 403 (the services raise
PermissionDenied); bad input → 422 (ValidationError).
"""

from __future__ import annotations

from typing import Annotated

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from chengxin.accounts.models import User
from chengxin.audit.selectors import audit_timeline_for_companies
from chengxin.core.api_types import (
    READ_ERRORS,
    WRITE_ERRORS,
    ErrorOut,
    InvalidOut,
    page_out,
    path_id,
)
from chengxin.core.http import or_404
from chengxin.parties import selectors
from chengxin.parties.models import Channel, ChannelKind, Company, Contact
from chengxin.parties.schemas import (
    AssignIn,
    ChannelIn,
    ChannelOut,
    ChannelVerifyIn,
    CompanyCreateIn,
    CompanyListQuery,
    CompanyOut,
    CompanyPageOut,
    CompanyPatch,
    ContactIn,
    ContactOut,
    ContactPatch,
    DuplicateOut,
    DuplicatesRefusedOut,
    HistoryEntryOut,
)
from chengxin.parties.services import channels, companies, contacts, pool
from chengxin.parties.services.channels import ChannelInput
from chengxin.parties.services.companies import CompanyInput

router = Router(tags=["customers"])

CompanyId = path_id("The company's id.")
ContactId = path_id("The contact's id.")
ChannelId = path_id("The channel's id.")
HistoryLimit = Annotated[
    int, Query(description="How many entries, newest first: 1 to 200.", ge=1, le=200)
]


# --- lookups: through the selectors, so "not visible" is 404 ----------------------------


def _company(request, pk: int) -> Company:
    return or_404(selectors.company_get, user=request.auth, pk=pk)


def _contact(request, pk: int) -> Contact:
    return or_404(selectors.contact_get, user=request.auth, pk=pk)


def _channel(request, pk: int) -> Channel:
    return or_404(selectors.channel_get, user=request.auth, pk=pk)


def _channels_prefetch() -> Prefetch:
    return Prefetch(
        "channels",
        queryset=Channel.objects.with_foreign_domain().select_related(
            "verified_by", "retired_by", "added_by"
        ),
    )


def _duplicates_of(company: Company) -> list[dict]:
    """Other companies that may be this one: by its channels, domains and name."""
    channels = Channel.objects.filter(contact__company=company, is_active=True)
    emails, phones = [], []
    for kind, value in channels.values_list("kind", "value"):
        if kind == ChannelKind.EMAIL:
            emails.append(value)
        elif kind in (ChannelKind.PHONE, ChannelKind.WHATSAPP):
            phones.append(value)
    matches = selectors.company_duplicates(
        legal_name=company.legal_name,
        emails=emails,
        phones=phones,
        domains=list(company.domains.values_list("domain", flat=True)),
        exclude_id=company.pk,
    )
    return [
        {
            "id": match.company.pk,
            "legal_name": match.company.legal_name,
            "country": match.company.country,
            "owner": str(match.company.owner) if match.company.owner else None,
            "reasons": match.reasons,
        }
        for match in matches
    ]


class _DuplicatesFound(Exception):
    def __init__(self, duplicates: list[dict]):
        super().__init__(duplicates)
        self.duplicates = duplicates


def _channel_inputs(channels: list[ChannelIn]) -> list[ChannelInput]:
    return [ChannelInput(c.kind.value, c.value, c.label, c.primary) for c in channels]


# --- companies ---------------------------------------------------------------------------


@router.get(
    "/companies",
    response={200: CompanyPageOut, **READ_ERRORS, 422: InvalidOut},
    tags=["companies"],
    summary="List companies",
)
def company_list(request, filters: Query[CompanyListQuery]):
    """The companies you may see (sales: your own, those shared with you and the pool;
    managers and finance: all), merged ones left out. Pages by limit and offset."""
    companies = selectors.company_list(
        user=request.auth,
        filters=selectors.CompanyFilters(
            q=filters.q,
            country=filters.country,
            grade=filters.grade.value if filters.grade else "",
            owner=filters.owner,
            tag=filters.tag,
            status=filters.status.value if filters.status else "",
            sort=filters.sort,
        ),
    )
    return page_out(companies.prefetch_related("tags"), filters)


@router.post(
    "/companies",
    response={
        201: CompanyOut,
        409: DuplicatesRefusedOut,
        401: ErrorOut,
        403: ErrorOut,
        422: InvalidOut,
    },
    tags=["companies"],
    summary="Create a company",
)
def company_create(request, payload: CompanyCreateIn):
    """Create a company with its first contacts and their channels. A sales rep owns
    what they create; a manager's new company goes to the pool (assign it next).
    Finance may not create companies (403).

    When the company may already exist (a shared email, phone or company domain, or a
    very similar name), nothing is created and the answer is **409** with the possible
    duplicates, unless `allow_duplicate` is true."""
    data = CompanyInput(
        legal_name=payload.legal_name,
        country=payload.country,
        other_names=payload.other_names,
        website=payload.website,
        registration_number=payload.registration_number,
        vat_number=payload.vat_number,
        address=payload.address,
        currency=payload.currency,
        document_language=payload.document_language,
        grade=payload.grade.value,
        status=payload.status.value,
        notes=payload.notes,
        tags=payload.tags,
        domains=payload.domains,
    )
    contacts = [
        (
            {
                "name": contact.name,
                "title": contact.title,
                "language": contact.language,
                "time_zone": contact.time_zone,
                "notes": contact.notes,
            },
            _channel_inputs(contact.channels),
        )
        for contact in payload.contacts
    ]
    # Create first (so permissions and validation answer before anything else), then
    # look for duplicates with the values the service normalised; roll back if refused.
    try:
        with transaction.atomic():
            company = companies.company_create(actor=request.auth, data=data, contacts=contacts)
            if not payload.allow_duplicate:
                duplicates = _duplicates_of(company)
                if duplicates:
                    raise _DuplicatesFound(duplicates)
    except _DuplicatesFound as refused:
        return Status(
            409,
            {
                "detail": _(
                    "This may be a customer you already have; nothing was created. "
                    "Send allow_duplicate=true to create it anyway."
                ),
                "duplicates": refused.duplicates,
            },
        )
    return Status(201, selectors.company_get(user=request.auth, pk=company.pk))


@router.get(
    "/companies/{int:company_id}",
    response={200: CompanyOut, **READ_ERRORS},
    tags=["companies"],
    summary="Get a company",
)
def company_detail(request, company_id: CompanyId):
    """One company. A merged company is still found: `merged_into_id` names the one
    it lives on in."""
    return _company(request, company_id)


@router.patch(
    "/companies/{int:company_id}",
    response={200: CompanyOut, **WRITE_ERRORS},
    tags=["companies"],
    summary="Change a company",
)
def company_update(request, company_id: CompanyId, payload: CompanyPatch):
    """Change the fields sent; the others keep their values. Owner changes have their
    own actions (claim, release, assign)."""
    company = _company(request, company_id)
    current = CompanyInput(
        legal_name=company.legal_name,
        country=company.country,
        other_names=company.other_names,
        website=company.website,
        registration_number=company.registration_number,
        vat_number=company.vat_number,
        address=company.address,
        currency=company.currency,
        document_language=company.document_language,
        grade=company.grade,
        status=company.status,
        notes=company.notes,
        tags=list(company.tags.values_list("name", flat=True)),
        domains=[],
    )
    for name, value in payload.dict(exclude_unset=True).items():
        setattr(current, name, getattr(value, "value", value))
    companies.company_update(actor=request.auth, company=company, data=current)
    return _company(request, company_id)


@router.delete(
    "/companies/{int:company_id}",
    response={204: None, **WRITE_ERRORS, 409: ErrorOut},
    tags=["companies"],
    summary="Delete a company",
)
def company_delete(request, company_id: CompanyId):
    """Delete a company with its contacts (managers only). What it held is kept in the
    audit trail. **409** when records that must be kept refer to it (payments received,
    account-change recipients, credits): nothing is deleted."""
    company = _company(request, company_id)
    companies.company_delete(actor=request.auth, company=company)
    return Status(204, None)


@router.post(
    "/companies/{int:company_id}/claim",
    response={200: CompanyOut, **WRITE_ERRORS},
    tags=["companies"],
    summary="Claim a company from the pool",
)
def company_claim(request, company_id: CompanyId):
    """Take an unowned company from the pool: you become its owner (sales reps and
    managers). 422 when someone owns it already."""
    company = _company(request, company_id)
    pool.company_claim(actor=request.auth, company=company)
    return _company(request, company_id)


@router.post(
    "/companies/{int:company_id}/release",
    response={200: CompanyOut, **WRITE_ERRORS},
    tags=["companies"],
    summary="Return a company to the pool",
)
def company_release(request, company_id: CompanyId):
    """Give up a company you own (or, as a manager, any company): it goes to the pool."""
    company = _company(request, company_id)
    pool.company_release(actor=request.auth, company=company)
    return _company(request, company_id)


@router.post(
    "/companies/{int:company_id}/assign",
    response={200: CompanyOut, **WRITE_ERRORS},
    tags=["companies"],
    summary="Give a company to an owner",
)
def company_assign(request, company_id: CompanyId, payload: AssignIn):
    """Make an active sales rep or manager the owner (managers only)."""
    company = _company(request, company_id)
    owner = User.objects.filter(pk=payload.owner_id).first()
    if owner is None:
        raise ValidationError({"owner_id": [_("There is no such user.")]})
    pool.company_assign(actor=request.auth, company=company, owner=owner)
    return _company(request, company_id)


@router.get(
    "/companies/{int:company_id}/duplicates",
    response={200: list[DuplicateOut], **READ_ERRORS},
    tags=["companies"],
    summary="Possible duplicates of a company",
)
def company_duplicates(request, company_id: CompanyId):
    """Other companies that may be the same one: sharing an email, phone or company
    domain, or with a very similar name. Managers may merge them on the company page."""
    return _duplicates_of(_company(request, company_id))


@router.get(
    "/companies/{int:company_id}/history",
    response={200: list[HistoryEntryOut], **READ_ERRORS, 422: InvalidOut},
    tags=["companies"],
    summary="History of a company",
)
def company_history(request, company_id: CompanyId, limit: HistoryLimit = 200):
    """Audit-trail entries about the company, its contacts and channels (and companies
    merged into it), newest first."""
    company = _company(request, company_id)
    return audit_timeline_for_companies(
        company_ids=selectors.company_history_ids(company), limit=limit
    )


# --- contacts ----------------------------------------------------------------------------


@router.get(
    "/companies/{int:company_id}/contacts",
    response={200: list[ContactOut], **READ_ERRORS},
    tags=["contacts"],
    summary="List a company's contacts",
)
def contact_list(request, company_id: CompanyId):
    """Everyone at the company, each with every channel (retired ones included)."""
    return selectors.company_contacts(company=_company(request, company_id))


@router.post(
    "/companies/{int:company_id}/contacts",
    response={201: ContactOut, **WRITE_ERRORS},
    tags=["contacts"],
    summary="Add a contact",
)
def contact_create(request, company_id: CompanyId, payload: ContactIn):
    """Add a person at the company, with their channels. Without a time zone it is
    guessed from their phone number or the company's country."""
    contact = contacts.contact_create(
        actor=request.auth,
        company=_company(request, company_id),
        name=payload.name,
        title=payload.title,
        language=payload.language,
        time_zone=payload.time_zone,
        notes=payload.notes,
        channels=_channel_inputs(payload.channels),
    )
    return Status(201, _contact_with_channels(request, contact.pk))


def _contact_with_channels(request, pk: int) -> Contact:
    contact = _contact(request, pk)
    prefetch_related_objects([contact], _channels_prefetch())
    return contact


@router.get(
    "/contacts/{int:contact_id}",
    response={200: ContactOut, **READ_ERRORS},
    tags=["contacts"],
    summary="Get a contact",
)
def contact_detail(request, contact_id: ContactId):
    """One contact with every channel."""
    return _contact_with_channels(request, contact_id)


@router.patch(
    "/contacts/{int:contact_id}",
    response={200: ContactOut, **WRITE_ERRORS},
    tags=["contacts"],
    summary="Change a contact",
)
def contact_update(request, contact_id: ContactId, payload: ContactPatch):
    """Change the fields sent; the others keep their values. Channels have their own
    actions."""
    contact = _contact(request, contact_id)
    fields = {
        "name": contact.name,
        "title": contact.title,
        "language": contact.language,
        "time_zone": contact.time_zone,
        "notes": contact.notes,
        "status": contact.status,
    }
    for name, value in payload.dict(exclude_unset=True).items():
        fields[name] = getattr(value, "value", value)
    contacts.contact_update(actor=request.auth, contact=contact, **fields)
    return _contact_with_channels(request, contact_id)


# --- channels ----------------------------------------------------------------------------


@router.get(
    "/contacts/{int:contact_id}/channels",
    response={200: list[ChannelOut], **READ_ERRORS},
    tags=["channels"],
    summary="List a contact's channels",
)
def channel_list(request, contact_id: ContactId):
    """Every channel of the contact, primary first within each kind, retired ones last."""
    return list(_contact_with_channels(request, contact_id).channels.all())


@router.post(
    "/contacts/{int:contact_id}/channels",
    response={201: ChannelOut, **WRITE_ERRORS},
    tags=["channels"],
    summary="Add a channel (refused: open a change request)",
)
def channel_create(request, contact_id: ContactId, payload: ChannelIn):
    """Always refused with 422 (after checking the value): a new email, phone or chat ID for
    an existing contact goes through the five-step change request. Open one with
    `POST /contacts/{id}/changes` (kind, new_value, action "add" or "replace"). Channels of a
    new contact are given when it is created."""
    channel = channels.channel_add(
        actor=request.auth,
        contact=_contact(request, contact_id),
        kind=payload.kind.value,
        value=payload.value,
        label=payload.label,
        primary=payload.primary,
    )
    return Status(201, _channel(request, channel.pk))


@router.get(
    "/channels/{int:channel_id}",
    response={200: ChannelOut, **READ_ERRORS},
    tags=["channels"],
    summary="Get a channel",
)
def channel_detail(request, channel_id: ChannelId):
    """One channel."""
    return _channel(request, channel_id)


@router.post(
    "/channels/{int:channel_id}/retire",
    response={200: ChannelOut, **WRITE_ERRORS},
    tags=["channels"],
    summary="Retire a channel",
)
def channel_retire(request, channel_id: ChannelId):
    """Stop using a channel. It stays in the history; if it was primary, the oldest
    other active channel of its kind takes over."""
    channel = channels.channel_retire(actor=request.auth, channel=_channel(request, channel_id))
    return _channel(request, channel.pk)


@router.post(
    "/channels/{int:channel_id}/make-primary",
    response={200: ChannelOut, **WRITE_ERRORS},
    tags=["channels"],
    summary="Make a channel primary (refused: open a change request)",
)
def channel_make_primary(request, channel_id: ChannelId):
    """Always refused with 422: a change of primary goes through the change request loop
    (`POST /contacts/{id}/changes` with the channel's kind and value)."""
    channel = channels.channel_make_primary(
        actor=request.auth, channel=_channel(request, channel_id)
    )
    return _channel(request, channel.pk)


@router.post(
    "/channels/{int:channel_id}/verify",
    response={200: ChannelOut, **WRITE_ERRORS},
    tags=["channels"],
    summary="Mark a channel verified",
)
def channel_verify(request, channel_id: ChannelId, payload: ChannelVerifyIn):
    """Record how you checked out of band that an unverified channel (of a new contact, an
    import or a merge) belongs to the contact; from then on it counts as on file. The
    customer's owner or a manager; an email on a foreign domain needs a manager who did not
    add it."""
    channel = _channel(request, channel_id)
    via = None
    if payload.via_channel_id is not None:
        via = or_404(
            selectors.company_channel,
            company_id=channel.contact.company_id,
            pk=payload.via_channel_id,
        )
    channels.channel_verify(
        actor=request.auth, channel=channel, method=payload.method, note=payload.note, via=via
    )
    return _channel(request, channel.pk)
