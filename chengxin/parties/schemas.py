"""What the customer API takes in and gives out. Shapes only: the rules
(permissions, normalisation, invariants) stay in services and selectors."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from chengxin.core.api_types import Offset, PageOut, RecordId
from chengxin.parties.models import (
    ADDRESS_LIMIT,
    DOCUMENT_LANGUAGES,
    ChannelKind,
    CompanyStatus,
    ContactStatus,
    Grade,
)
from chengxin.parties.permissions import can_edit_company
from chengxin.parties.selectors import SORTS

LANGUAGE_CODES = ", ".join(code for code, _label in DOCUMENT_LANGUAGES)
SortKey = Literal[tuple(SORTS)]


class Input(Schema):
    """Input refuses unknown fields, so a misspelt field is an error, not ignored."""

    model_config = ConfigDict(extra="forbid")


# --- output ------------------------------------------------------------------------------


class UserRef(Schema):
    id: int = Field(description="The user's id.")
    username: str = Field(description="The user's sign-in name.")
    name: str = Field(description="Full name, or the sign-in name when none is set.")

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj)


class DomainOut(Schema):
    domain: str = Field(description="Canonical domain: lower case, ASCII (punycode).")
    display: str = Field(description="The domain as people read it, in Unicode.")


class ChannelOut(Schema):
    id: int = Field(description="The channel's id.")
    contact_id: int = Field(description="The contact this channel reaches.")
    kind: ChannelKind = Field(description="Email, phone, WhatsApp, WeChat, LinkedIn or other.")
    value: str = Field(
        description="Canonical value, as stored and compared: an email's domain in ASCII "
        "(punycode) and its local part in lower case; phone and WhatsApp numbers in E.164."
    )
    display: str = Field(
        description="The value as people read it: an email's domain in Unicode "
        "(e.g. jörg@müller-bau.de), a phone number formatted internationally."
    )
    label: str = Field(description='Free label, e.g. "office" or "mobile".')
    is_primary: bool = Field(
        description="The one channel of its kind used first for this contact (only active "
        "channels are primary)."
    )
    is_active: bool = Field(description="False once retired; retired channels stay as history.")
    verified_at: datetime | None = Field(
        description="When someone confirmed the channel belongs to the contact (UTC)."
    )
    verified_by: UserRef | None = Field(description="Who confirmed it.")
    verification_method: str = Field(
        description="How it was verified: change_request, channel_on_file, in_person, "
        'official_source, existing (before this was recorded); "" while unverified. Only a '
        "verified channel counts as on file for checking later changes."
    )
    source: str = Field(
        description="Where the channel came from: new_contact, import, change_request, merge, "
        "system, existing (before provenance was recorded)."
    )
    added_by: UserRef | None = Field(description="Who added it (empty for the system).")
    foreign_domain: bool = Field(
        description="True for an email on a domain that is not one of the customer's domains."
    )
    retired_at: datetime | None = Field(description="When the channel was retired (UTC).")
    retired_by: UserRef | None = Field(description="Who retired it.")
    created_at: datetime = Field(description="When the channel was added (UTC).")

    @staticmethod
    def resolve_foreign_domain(obj) -> bool:
        return obj.is_foreign_domain


class ContactOut(Schema):
    id: int = Field(description="The contact's id.")
    company_id: int = Field(description="The company the contact works for.")
    name: str = Field(description="The contact's name.")
    title: str = Field(description="Job title.")
    language: str = Field(description=f"Language to write to them in; one of {LANGUAGE_CODES}.")
    time_zone: str = Field(description='IANA time zone, e.g. "Europe/Berlin".')
    local_time: datetime = Field(
        description="The time now where the contact is, with its UTC offset."
    )
    status: ContactStatus = Field(description='"active", or "left" once they left the company.')
    notes: str = Field(description="Free notes.")
    channels: list[ChannelOut] = Field(
        description="Every way to reach the contact, retired ones included."
    )
    created_at: datetime = Field(description="When the contact was added (UTC).")
    updated_at: datetime = Field(description="When the contact was last changed (UTC).")

    @staticmethod
    def resolve_local_time(obj) -> datetime:
        return obj.local_now()


class CompanySummaryOut(Schema):
    id: int = Field(description="The company's id.")
    legal_name: str = Field(max_length=255, description="Registered name of the company.")
    other_names: list[str] = Field(description="Trade names, former names, names in other scripts.")
    country: str = Field(description="ISO 3166-1 alpha-2 country code, e.g. DE.")
    country_name: str = Field(description="The country's name in the request's language.")
    grade: Grade = Field(description="A (key account), B (regular) or C (occasional).")
    status: CompanyStatus = Field(description="Where the company stands with you.")
    owner: UserRef | None = Field(description="The sales rep who owns it; null in the pool.")
    in_pool: bool = Field(description="True when nobody owns it and any sales rep may claim it.")
    tags: list[str] = Field(description="Tag names, sorted.")
    last_followed_up_at: datetime | None = Field(description="Last recorded follow-up (UTC).")
    updated_at: datetime = Field(description="When the company was last changed (UTC).")

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return sorted(tag.name for tag in obj.tags.all())


class CompanyOut(CompanySummaryOut):
    website: str = Field(description="Website address as entered.")
    registration_number: str = Field(description="Company registration number.")
    vat_number: str = Field(description="VAT number, upper case without spaces.")
    address: str = Field(
        description="Postal address as trade documents print it, without the country; "
        "lines separated by \\n."
    )
    currency: str = Field(description="Default ISO 4217 currency for quotes, e.g. EUR.")
    document_language: str = Field(
        description=f"Language of documents sent to them; one of {LANGUAGE_CODES}."
    )
    notes: str = Field(description="Free notes.")
    domains: list[DomainOut] = Field(description="Domains its people write from.")
    shared_with: list[UserRef] = Field(description="Colleagues who may work on it too.")
    owner_since: datetime | None = Field(description="Since when the owner has it (UTC).")
    merged_into_id: int | None = Field(
        description="Set when the company was merged into another: the one to use now."
    )
    created_at: datetime = Field(description="When the company was created (UTC).")
    can_edit: bool = Field(description="Whether you (the token's user) may change it.")

    @staticmethod
    def resolve_can_edit(obj, context) -> bool:
        return can_edit_company(context["request"].auth, obj)


class CompanyPageOut(PageOut):
    items: list[CompanySummaryOut] = Field(description="This page of companies.")


class DuplicateOut(Schema):
    id: int = Field(
        description="The possibly identical company's id (it may belong to a colleague; "
        "GET on it then answers 404)."
    )
    legal_name: str = Field(description="Its legal name.")
    country: str = Field(description="Its country code.")
    owner: str | None = Field(description="Who owns it; null when in the pool.")
    reasons: list[str] = Field(
        description="Why it may be the same company, in the request's language."
    )


class DuplicatesRefusedOut(Schema):
    detail: str = Field(description="Why nothing was created, in the request's language.")
    duplicates: list[DuplicateOut] = Field(description="Companies that may be the same one.")


class HistoryChangeOut(Schema):
    field: str = Field(description="The changed field.")
    before: Any = Field(description="Its value before (null when created).")
    after: Any = Field(description="Its value after (null when deleted).")


class HistoryEntryOut(Schema):
    seq: int = Field(description="Position in the tamper-evident audit chain.")
    at: datetime = Field(description="When it happened (UTC).")
    actor: str = Field(description="Who did it; empty for system tasks.")
    origin: str = Field(description='Through what: "page", "api", "import", "system", "command".')
    action: str = Field(description='"create", "update", "delete" or "merge".')
    object_type: str = Field(
        description='What kind of record changed: "company", "contact", "channel", …'
    )
    object_id: str = Field(description="The changed record's id.")
    object_label: str = Field(description="The record's name when it changed.")
    changes: list[HistoryChangeOut] = Field(
        description="The fields that differ between before and after."
    )

    @staticmethod
    def resolve_actor(obj) -> str:
        return str(obj.actor) if obj.actor else obj.actor_name

    @staticmethod
    def resolve_changes(obj) -> list[dict]:
        return [
            {"field": name, "before": before, "after": after}
            for name, before, after in obj.changed_fields()
        ]


# --- input -------------------------------------------------------------------------------


class CompanyListQuery(Schema):
    q: str = Field(
        "",
        max_length=200,
        description="Text anywhere in names, domains, contact names, emails or phone numbers "
        "(a phone number may be typed with spaces or dashes).",
    )
    country: str = Field("", max_length=2, description="ISO country code, e.g. DE.")
    grade: Grade | None = Field(None, description="Only this grade.")
    owner: str = Field(
        "",
        pattern=r"^(me|pool|[0-9]{1,18})?$",
        description='"me" for your own, "pool" for unowned, or a user id.',
    )
    tag: str = Field("", max_length=50, description="Only companies with this tag.")
    status: CompanyStatus | None = Field(None, description="Only this status.")
    sort: SortKey = Field(
        "name",
        description="Order: by name (-name: reversed), country, grade, last change (updated, "
        "newest first) or oldest follow-up first (followup).",
    )
    limit: int = Field(50, ge=1, le=200, description="Page size, 1 to 200.")
    offset: Offset = Field(0, description="How many matching companies to skip.")


class ChannelVerifyIn(Input):
    method: Literal["channel_on_file", "in_person", "official_source"] = Field(
        description="How you checked it out of band: through another channel on file, in "
        "person (or video call), or the customer's official website, registry or a signed "
        "document."
    )
    note: str = Field(
        min_length=1, max_length=2000, description="What you did and who confirmed it."
    )
    via_channel_id: RecordId | None = Field(
        None, description="With channel_on_file: the channel on file you called or wrote through."
    )


class ChannelIn(Input):
    kind: ChannelKind = Field(description="Email, phone, WhatsApp, WeChat, LinkedIn or other.")
    value: str = Field(
        max_length=320,
        description="As written by people: an email in Unicode or ASCII, a phone number "
        "with or without +country (without, the company's country is assumed).",
    )
    label: str = Field("", max_length=100, description='Free label, e.g. "office".')
    primary: bool | None = Field(
        None,
        description="Make it the primary channel of its kind. Left out: primary only if the "
        "contact has no active channel of this kind yet.",
    )


class ContactIn(Input):
    name: str = Field(max_length=200, description="The contact's name.")
    title: str = Field("", max_length=200, description="Job title.")
    language: str = Field("en", description=f"One of {LANGUAGE_CODES}.")
    time_zone: str | None = Field(
        None,
        max_length=64,
        description="IANA time zone. Left out: guessed from the phone number or country.",
    )
    notes: str = Field("", description="Free notes.")
    channels: list[ChannelIn] = Field([], description="Ways to reach the contact.")


class ContactPatch(Input):
    name: str = Field(None, max_length=200, description="The contact's name.")
    title: str = Field(None, max_length=200, description="Job title.")
    language: str = Field(None, description=f"One of {LANGUAGE_CODES}.")
    time_zone: str = Field(None, max_length=64, description="IANA time zone.")
    notes: str = Field(None, description="Free notes.")
    status: ContactStatus = Field(None, description='"active" or "left".')


class CompanyFieldsIn(Input):
    other_names: list[str] = Field([], description="Trade names, former names, other scripts.")
    website: str = Field("", max_length=255, description="Website address.")
    registration_number: str = Field("", max_length=64, description="Registration number.")
    vat_number: str = Field("", max_length=64, description="VAT number.")
    address: str = Field(
        "",
        description="Postal address without the country, lines separated by \\n; at most "
        f"{ADDRESS_LIMIT} characters.",
    )
    currency: str = Field("USD", description="ISO 4217 currency code for quotes.")
    document_language: str = Field("en", description=f"One of {LANGUAGE_CODES}.")
    grade: Grade = Field(Grade.B, description="A, B or C.")
    status: CompanyStatus = Field(
        CompanyStatus.PROSPECT, description='Any status but "merged" (merging is its own action).'
    )
    notes: str = Field("", description="Free notes.")
    tags: list[str] = Field([], description="Tag names; new tags are created.")
    domains: list[str] = Field(
        [],
        description="Company domains (public mail providers are skipped). Domains of contacts' "
        "email addresses are learnt on their own.",
    )


class CompanyCreateIn(CompanyFieldsIn):
    legal_name: str = Field(max_length=255, description="Registered name of the company.")
    country: str = Field(description="Country: ISO code (DE or DEU) or English name (Germany).")
    contacts: list[ContactIn] = Field([], description="First contacts, with their channels.")
    allow_duplicate: bool = Field(
        False,
        description="Create even when the company may already exist. Left false, such a "
        "request answers 409 with the possible duplicates and creates nothing.",
    )


class CompanyPatch(Input):
    """Only the fields sent are changed."""

    legal_name: str = Field(None, max_length=255, description="Registered name of the company.")
    country: str = Field(
        None, description="Country: ISO code (DE or DEU) or English name (Germany)."
    )
    other_names: list[str] = Field(None, description="Replaces the other names.")
    website: str = Field(None, max_length=255, description="Website address.")
    registration_number: str = Field(None, max_length=64, description="Registration number.")
    vat_number: str = Field(None, max_length=64, description="VAT number.")
    address: str = Field(
        None,
        description="Postal address without the country, lines separated by \\n; at most "
        f"{ADDRESS_LIMIT} characters.",
    )
    currency: str = Field(None, description="ISO 4217 currency code.")
    document_language: str = Field(None, description=f"One of {LANGUAGE_CODES}.")
    grade: Grade = Field(None, description="A, B or C.")
    status: CompanyStatus = Field(None, description='Any status but "merged".')
    notes: str = Field(None, description="Free notes.")
    tags: list[str] = Field(None, description="Replaces the tags.")
    domains: list[str] = Field(
        None, description="Domains to add; existing domains are kept (never removed here)."
    )


class AssignIn(Input):
    owner_id: RecordId = Field(description="The active sales rep or manager who will own it.")
