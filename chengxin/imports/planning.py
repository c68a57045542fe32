"""Turning rows into an import plan: companies with their contacts and
channels, and every problem found, row by row.

No database here: what already exists (channel values, domains, company
names) comes in as an :class:`ExistingParties` loaded once by the caller, so a
100,000-row file is checked without a query per row. Values are cleaned by
the same functions the customer pages use (``chengxin.parties``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from chengxin.imports import layout
from chengxin.parties import normalize
from chengxin.parties.countries import country_choices
from chengxin.parties.models import DOCUMENT_LANGUAGES
from chengxin.parties.selectors import NAME_SIMILARITY
from chengxin.parties.services.companies import CompanyInput, _clean_company
from chengxin.parties.services.contacts import _clean_contact_fields

ERROR = "error"  # blocks the import
DUPLICATE = "duplicate"  # the company already exists: its rows are skipped
WARNING = "warning"  # worth knowing, imported anyway

# Kinds whose values identify a company (as in parties.selectors.company_duplicates).
IDENTIFYING_KINDS = ("email", "phone", "whatsapp")


@dataclass(frozen=True)
class UserRef:
    pk: int
    username: str
    role: str
    may_own: bool  # an active sales rep or manager


@dataclass
class ExistingParties:
    """What is already in the database, preloaded for duplicate checks."""

    channel_values: dict[str, int] = field(default_factory=dict)  # active value -> company id
    domains: dict[str, int] = field(default_factory=dict)  # domain -> company id
    name_keys: list[tuple[str, int]] = field(default_factory=list)  # sorted (name_key, id)
    names: dict[int, str] = field(default_factory=dict)  # company id -> legal name
    visible: Callable[[int], bool] = lambda pk: True

    def label(self, pk: int) -> str:
        if self.visible(pk):
            return _("“%(name)s” (customer #%(id)d)") % {"name": self.names.get(pk, ""), "id": pk}
        return _("a customer you cannot see (ask a manager)")

    def similar_names(self, key: str) -> list[tuple[int, int]]:
        """(company id, score) of names as alike as parties.selectors.company_duplicates finds."""
        if len(key) < 2:
            return []
        prefix = key[:3]
        start = bisect.bisect_left(self.name_keys, (prefix,))
        end = bisect.bisect_left(self.name_keys, (prefix + "\uffff",))
        found = []
        for name_key, pk in self.name_keys[start : min(end, start + 500)]:
            score = fuzz.token_sort_ratio(key, name_key)
            if score >= NAME_SIMILARITY:
                found.append((pk, int(score)))
        return found


@dataclass
class Problem:
    severity: str
    column: str
    message: str


@dataclass
class ChannelPlan:
    kind: str
    value: str
    primary: bool


@dataclass
class ContactPlan:
    row: int
    name: str
    title: str
    language: str
    time_zone: str  # "" = derived from phone or country when importing
    channels: list[ChannelPlan]


@dataclass(kw_only=True)
class CompanyPlan(CompanyInput):
    """A company the import will write: its input, the rows it comes from, its owner, its
    contacts and the existing customers it may duplicate."""

    key: tuple[str, str]
    rows: list[int]
    owner_id: int | None = None
    contacts: list[ContactPlan] = field(default_factory=list)
    duplicate_of: list[int] = field(default_factory=list)


@dataclass
class ImportPlan:
    companies: list[CompanyPlan]
    problems: dict[int, list[Problem]]  # row number -> problems
    labels: dict[int, tuple[str, str]]  # row number -> (company, contact) as written
    row_count: int

    def to_import(self) -> list[CompanyPlan]:
        return [c for c in self.companies if not c.duplicate_of]

    def rows_with(self, severity: str) -> int:
        return sum(1 for ps in self.problems.values() if any(p.severity == severity for p in ps))

    @property
    def error_count(self) -> int:
        return self.rows_with(ERROR)

    @property
    def duplicate_count(self) -> int:
        return self.rows_with(DUPLICATE)

    @property
    def warning_count(self) -> int:
        return self.rows_with(WARNING)

    def counts(self) -> dict[str, int]:
        companies = self.to_import()
        contacts = [p for c in companies for p in c.contacts]
        return {
            "rows": self.row_count,
            "companies": len(companies),
            "contacts": len(contacts),
            "channels": sum(len(p.channels) for p in contacts),
            "domains": sum(len(c.domains) for c in companies),
            "error_rows": self.error_count,
            "duplicate_rows": self.duplicate_count,
            "warning_rows": self.warning_count,
            "duplicate_companies": sum(1 for c in self.companies if c.duplicate_of),
        }


# --- small parsers ---------------------------------------------------------------------

_LANGUAGE_CODES = {code for code, _label in DOCUMENT_LANGUAGES}
_LANGUAGE_ALIASES = {
    **{code.casefold(): code for code in _LANGUAGE_CODES},
    **{label.casefold(): code for code, label in DOCUMENT_LANGUAGES},
    "zh": "zh-hans", "zh-cn": "zh-hans", "zh_cn": "zh-hans", "chinese": "zh-hans",
    "中文": "zh-hans", "english": "en", "英语": "en", "英文": "en", "german": "de",
    "德语": "de", "french": "fr", "法语": "fr", "spanish": "es", "西班牙语": "es",
    "portuguese": "pt", "葡萄牙语": "pt", "italian": "it", "意大利语": "it", "russian": "ru",
    "俄语": "ru", "arabic": "ar", "阿拉伯语": "ar", "turkish": "tr", "土耳其语": "tr",
    "japanese": "ja", "日语": "ja", "korean": "ko", "韩语": "ko", "dutch": "nl",
    "荷兰语": "nl", "polish": "pl", "波兰语": "pl", "vietnamese": "vi", "越南语": "vi",
}  # fmt: skip


def language_code(raw: str) -> str | None:
    return _LANGUAGE_ALIASES.get((raw or "").strip().casefold())


_country_names: dict[str, str] | None = None


def country_code(raw: str) -> str:
    """ISO code from a code, an English name (as the customer pages accept) or
    a name in one of the UI's languages (德国)."""
    global _country_names
    try:
        return normalize.normalize_country(raw)
    except ValidationError:
        if _country_names is None:
            names = {}
            for language, _label in settings.LANGUAGES:
                names.update({n.casefold(): code for code, n in country_choices(language)})
            _country_names = names
        code = _country_names.get((raw or "").strip().casefold())
        if code is None:
            raise
        return code


def _messages(exc: ValidationError) -> list[str]:
    return list(exc.messages)


# --- the plan ------------------------------------------------------------------------


@dataclass
class _Seen:
    row: int
    group: tuple[str, str]
    contact: str
    company: str


_FORMULA_STARTS = frozenset("=@+-")
_COMPANY_FIELDS = (
    "website", "registration_number", "vat_number", "address", "currency", "document_language",
    "grade", "notes", "owner_id",
)  # fmt: skip
_FIELD_COLUMN = {
    "legal_name": "company", "country": "country", "website": "website", "domains": "domains",
    "currency": "currency", "document_language": "document_language", "grade": "grade",
    "status": "company", "owner_id": "owner", "name": "contact_name",
    "language": "contact_language", "time_zone": "time_zone", "title": "contact_title",
    "registration_number": "registration_number", "vat_number": "vat_number", "tags": "tags",
    "address": "address",
}  # fmt: skip


@dataclass
class _ParsedCompany:
    """A company's cells, checked; shared by the rows that repeat them."""

    problems: list[Problem]
    key: tuple[str, str] = ("", "")
    clean: CompanyInput | None = None
    country: str = ""
    document_language: str = "en"
    domains: list[str] = field(default_factory=list)
    website_domain: str = ""
    owner_id: int | None = None


class _Planner:
    def __init__(self, *, actor: UserRef, users: dict[str, UserRef], existing: ExistingParties):
        self.actor = actor
        self.users = users
        self.existing = existing
        self.problems: dict[int, list[Problem]] = {}
        self.labels: dict[int, tuple[str, str]] = {}
        self.groups: dict[tuple[str, str], CompanyPlan] = {}
        self.seen_values: dict[str, _Seen] = {}
        self.seen_contacts: dict[tuple[tuple[str, str], str], int] = {}
        self.domain_groups: dict[str, tuple[tuple[str, str], int, str]] = {}
        self.written: dict[tuple[str, str], dict[str, tuple[object, int]]] = {}
        self.parsed_companies: dict[tuple[str, ...], _ParsedCompany] = {}

    def add(self, row: int, severity: str, column: str, message: str) -> None:
        self.problems.setdefault(row, []).append(Problem(severity, column, str(message)))

    # -- one row ----------------------------------------------------------------------

    def row(self, number: int, cells: dict[str, str]) -> None:
        get = cells.get
        self.labels[number] = (get("company", ""), get("contact_name", ""))
        for column, value in cells.items():
            if value[:1] in _FORMULA_STARTS and layout.looks_like_formula(value):
                self.add(
                    number,
                    ERROR,
                    column,
                    _("“%(value)s” looks like a spreadsheet formula; write the value itself.")
                    % {"value": value[:60]},
                )
                cells[column] = ""
        company = self._company(number, cells)
        if company is None:
            return
        contact = self._contact(number, cells, company)
        if contact is not None:
            company.contacts.append(contact)

    def _company(self, number: int, cells: dict[str, str]) -> CompanyPlan | None:
        # A company's cells are usually the same on each of its contacts' rows:
        # they are checked once.
        company_cells = tuple(cells.get(name, "") for name in layout.COMPANY_COLUMNS)
        parsed = self.parsed_companies.get(company_cells)
        if parsed is None:
            parsed = self._parse_company(cells)
            self.parsed_companies[company_cells] = parsed
        for problem in parsed.problems:
            self.problems.setdefault(number, []).append(problem)
        if parsed.clean is None:
            return None
        return self._merge_company(number, cells, parsed, parsed.clean)

    def _parse_company(self, cells: dict[str, str]) -> _ParsedCompany:
        get = cells.get
        problems: list[Problem] = []

        def add(severity: str, column: str, message) -> None:
            problems.append(Problem(severity, column, str(message)))

        legal_name = get("company", "")
        if not legal_name:
            add(ERROR, "company", _("The company's legal name is missing."))
            return _ParsedCompany(problems=problems)
        raw_country = get("country", "")
        try:
            country = country_code(raw_country)
        except ValidationError as exc:
            for message in _messages(exc):
                add(ERROR, "country", message)
            country = ""
        raw_language = get("document_language", "")
        document_language = language_code(raw_language) if raw_language else "en"
        if document_language is None:
            add(ERROR, "document_language", self._unknown_language(raw_language))
            document_language = "en"
        domains, website_domain = [], ""
        for raw in layout.split_tags(get("domains", "")):
            try:
                domain = normalize.normalize_domain(raw)
            except ValidationError as exc:
                for message in _messages(exc):
                    add(ERROR, "domains", message)
                continue
            if domain in normalize.FREE_MAIL_DOMAINS:
                add(
                    WARNING,
                    "domains",
                    _("%(domain)s is a public mail provider, not a company's domain; skipped.")
                    % {"domain": domain},
                )
            elif domain not in domains:
                domains.append(domain)
        if website := get("website"):
            try:
                website_domain = normalize.normalize_domain(website)
            except ValidationError as exc:
                for message in _messages(exc):
                    add(ERROR, "website", message)
        try:
            clean = _clean_company(
                CompanyInput(
                    legal_name=legal_name,
                    country=country or "DE",  # already reported when unknown
                    other_names=layout.split_list(get("other_names", "")),
                    registration_number=get("registration_number", ""),
                    vat_number=get("vat_number", ""),
                    address=get("address", ""),
                    currency=get("currency", "") or "USD",
                    document_language=document_language,
                    grade=(get("grade", "") or "B").upper(),
                    notes=get("notes", ""),
                    tags=layout.split_tags(get("tags", "")),
                )
            )
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                for message in messages:
                    add(ERROR, _FIELD_COLUMN.get(name, name), message)
            clean = CompanyInput(legal_name=legal_name[:255], country=country)
        owner_id = self._owner(add, get("owner", ""))
        key = (normalize.company_name_key(clean.legal_name) or clean.legal_name.casefold(),
               country or raw_country.casefold())  # fmt: skip
        return _ParsedCompany(
            key=key,
            clean=clean,
            country=country,
            document_language=document_language,
            domains=domains,
            website_domain=website_domain,
            owner_id=owner_id,
            problems=problems,
        )

    def _merge_company(
        self, number: int, cells: dict[str, str], parsed: _ParsedCompany, clean: CompanyInput
    ):
        get = cells.get
        country = parsed.country
        website_domain, owner_id = parsed.website_domain, parsed.owner_id
        document_language, raw_language = parsed.document_language, get("document_language")
        domains = parsed.domains
        key = parsed.key
        group = self.groups.get(key)
        if group is None:
            group = CompanyPlan(
                key=key, rows=[], legal_name=clean.legal_name, country=country,
                owner_id=owner_id if self.actor.role == "sales" else None,
            )  # fmt: skip
            self.groups[key] = group
            self.written[key] = {}
        group.rows.append(number)
        # What this row writes for the company; an empty cell keeps what another
        # row wrote (or the default), a different value is a conflict.
        given = {
            "website": get("website", "") if website_domain else "",
            "registration_number": clean.registration_number,
            "vat_number": clean.vat_number,
            "address": clean.address,
            "currency": clean.currency if get("currency") else "",
            "document_language": document_language if raw_language else "",
            "grade": clean.grade if get("grade") else "",
            "notes": clean.notes,
            "owner_id": owner_id if get("owner") and self.actor.role != "sales" else None,
        }
        written = self.written[key]
        for name in _COMPANY_FIELDS:
            value = given[name]
            if value in ("", None):
                continue
            if name not in written:
                written[name] = (value, number)
                setattr(group, name, value)
            elif written[name][0] != value:
                column = "owner" if name == "owner_id" else name
                self.add(
                    number,
                    ERROR,
                    column,
                    _(
                        "The %(column)s differs from row %(row)d of the same company; write "
                        "the same value on every row of a company (or leave it empty)."
                    )
                    % {"column": column, "row": written[name][1]},
                )
        for name in clean.other_names:
            if name not in group.other_names:
                group.other_names.append(name)
        group.tags = sorted(set(group.tags) | set(clean.tags))
        for domain in [*domains, website_domain]:
            self._domain(number, group, domain)
        return group

    def _domain(self, number: int, group: CompanyPlan, domain: str) -> None:
        if not domain or domain in normalize.FREE_MAIL_DOMAINS:
            return
        if domain not in group.domains:
            group.domains.append(domain)
        other = self.domain_groups.setdefault(domain, (group.key, number, group.legal_name))
        if other[0] != group.key:
            self.add(
                number,
                WARNING,
                "domains",
                _(
                    "%(domain)s is also the domain of %(company)s on row %(row)d: are they "
                    "one company?"
                )
                % {"domain": domain, "company": other[2], "row": other[1]},
            )

    def _owner(self, add, raw: str) -> int | None:
        actor = self.actor
        name = raw.strip().casefold()
        if actor.role == "sales":
            if name and name != actor.username.casefold():
                add(
                    ERROR,
                    "owner",
                    _(
                        "A sales rep imports customers as their own owner; leave the owner "
                        "empty or write your own user name (%(username)s)."
                    )
                    % {"username": actor.username},
                )
            return actor.pk
        if not name:
            return None
        user = self.users.get(name)
        if user is None or not user.may_own:
            add(
                ERROR,
                "owner",
                _("“%(value)s” is not the user name of an active sales rep or manager.")
                % {"value": raw},
            )
            return None
        return user.pk

    @staticmethod
    def _unknown_language(raw: str) -> str:
        return _("“%(value)s” is not a known language; use a code such as %(codes)s.") % {
            "value": raw,
            "codes": ", ".join(sorted(_LANGUAGE_CODES)),
        }

    def _contact(self, number: int, cells: dict[str, str], company: CompanyPlan):
        get = cells.get
        name = get("contact_name", "")
        raw_channels = [
            (kind, value)
            for kind in layout.CHANNEL_COLUMNS
            for value in layout.split_list(cells.get(kind) or "")
        ]
        if not name:
            if raw_channels or get("contact_title") or get("time_zone"):
                self.add(
                    number,
                    ERROR,
                    "contact_name",
                    _("The contact's name is missing (this row has their details)."),
                )
            return None
        raw_language = get("contact_language", "")
        language = language_code(raw_language) if raw_language else company.document_language
        if language is None:
            self.add(number, ERROR, "contact_language", self._unknown_language(raw_language))
            language = "en"
        try:
            fields = _clean_contact_fields(
                name=name,
                language=language,
                time_zone=get("time_zone", ""),
                title=get("contact_title", ""),
            )
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                for message in messages:
                    self.add(number, ERROR, _FIELD_COLUMN.get(field_name, field_name), message)
            fields = {"name": name[:200], "language": language, "time_zone": ""}
        contact_key = " ".join(fields["name"].casefold().split())
        earlier = self.seen_contacts.setdefault((company.key, contact_key), number)
        if earlier != number:
            self.add(
                number,
                ERROR,
                "contact_name",
                _(
                    "%(name)s of this company is already on row %(row)d; put all of a "
                    "contact's emails and phones on one row, separated by ;."
                )
                % {"name": fields["name"], "row": earlier},
            )
        channels: list[ChannelPlan] = []
        for kind, raw in raw_channels:
            try:
                value = normalize.normalize_channel(kind, raw, region=company.country or None)
            except ValidationError as exc:
                for message in _messages(exc):
                    self.add(number, ERROR, kind, message)
                continue
            if any(c.kind == kind and c.value == value for c in channels):
                continue
            self._value_seen(number, kind, value, company, contact_key)
            primary = not any(c.kind == kind for c in channels)
            channels.append(ChannelPlan(kind, value, primary))
            if kind == "email":
                self._domain(number, company, value.rpartition("@")[2])
        return ContactPlan(
            row=number,
            name=fields["name"],
            title=get("contact_title", "").strip(),
            language=fields["language"],
            time_zone=fields["time_zone"],
            channels=channels,
        )

    def _value_seen(self, number, kind, value, company, contact_key) -> None:
        if kind not in IDENTIFYING_KINDS:
            return
        seen = self.seen_values.setdefault(
            value, _Seen(number, company.key, contact_key, company.legal_name)
        )
        if seen.row == number:
            return
        if kind == "email" and (seen.group != company.key or seen.contact != contact_key):
            self.add(
                number,
                ERROR,
                kind,
                _("%(value)s is also on row %(row)d (%(company)s).")
                % {"value": value, "row": seen.row, "company": seen.company},
            )
        elif seen.group != company.key:
            # A switchboard number shared by colleagues is normal; shared by two
            # companies it means they are one.
            self.add(
                number,
                ERROR,
                kind,
                _("%(value)s is also on row %(row)d, for another company (%(company)s).")
                % {"value": value, "row": seen.row, "company": seen.company},
            )

    # -- against the database ------------------------------------------------------------

    def duplicates(self) -> None:
        existing = self.existing
        for group in self.groups.values():
            reasons: dict[int, list[str]] = {}
            for contact in group.contacts:
                for channel in contact.channels:
                    if channel.kind not in IDENTIFYING_KINDS:
                        continue
                    pk = existing.channel_values.get(channel.value)
                    if pk is not None:
                        reasons.setdefault(pk, []).append(
                            _("shares %(value)s") % {"value": channel.value}
                        )
            for domain in group.domains:
                pk = existing.domains.get(domain)
                if pk is not None:
                    reasons.setdefault(pk, []).append(
                        _("shares the domain %(domain)s") % {"domain": domain}
                    )
            for pk, score in existing.similar_names(group.key[0]):
                reasons.setdefault(pk, []).append(
                    _("has a similar name (%(score)d%% alike)") % {"score": score}
                )
            if not reasons:
                continue
            group.duplicate_of = list(reasons)
            found = "; ".join(
                _("%(customer)s %(reasons)s")
                % {"customer": existing.label(pk), "reasons": ", ".join(r)}
                for pk, r in list(reasons.items())[:3]
            )
            message = _(
                "Already in Chengxin: %(found)s. This company's rows are skipped; add new "
                "contacts on the customer's page."
            ) % {"found": found}
            for number in group.rows:
                self.add(number, DUPLICATE, "company", message)


def plan_import(
    *,
    rows: Iterable[tuple[int, dict[str, str]]],
    actor: UserRef,
    users: dict[str, UserRef],
    existing: ExistingParties,
) -> ImportPlan:
    """Check every row and group them into companies (by normalised name and country)."""
    planner = _Planner(actor=actor, users=users, existing=existing)
    count = 0
    for number, cells in rows:
        count += 1
        planner.row(number, dict(cells))
    planner.duplicates()
    return ImportPlan(
        companies=list(planner.groups.values()),
        problems=planner.problems,
        labels=planner.labels,
        row_count=count,
    )
