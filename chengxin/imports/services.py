"""Importing customers from a file: a dry run that writes nothing but the
batch and its report, then, on confirmation, one transaction that writes every
company, domain, contact and channel with its audit entries, or nothing."""

from __future__ import annotations

import datetime
import gc
import hashlib
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chengxin.accounts.models import Role, User
from chengxin.audit.context import Origin, origin
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many
from chengxin.imports import reading, selectors
from chengxin.imports.models import ImportBatch, ImportStatus
from chengxin.imports.planning import CompanyPlan, ImportPlan, UserRef, plan_import
from chengxin.notifications.language import in_language_of
from chengxin.parties import normalize
from chengxin.parties.models import (
    Channel,
    ChannelSource,
    Company,
    CompanyDomain,
    CompanyStatus,
    Contact,
    ContactStatus,
    Tag,
    email_domain,
)
from chengxin.parties.services.search_text import search_text_for

logger = logging.getLogger(__name__)

# The review page lists at most this many rows with problems; the counts cover all.
REPORT_MAX_ROWS = 5000
# Companies written (and audited) per round trip.
WRITE_CHUNK = 1000


def require_importer(actor: User) -> None:
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionDenied(_("Sign in to import customers."))
    if actor.role not in (Role.SALES, Role.MANAGER, Role.ADMIN):
        raise PermissionDenied(_("Finance may not import customers."))


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a file is checked or written.

    A 100,000-row file keeps a million small objects alive (rows, plans,
    values) and the collector would traverse all of them again and again,
    for a fifth of the time; nothing here makes reference cycles that could
    not wait until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_upload(uploaded_file) -> tuple[str, bytes]:
    limit = settings.CHENGXIN_IMPORT_MAX_MB * 1024 * 1024
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > limit:
        raise ValidationError(
            _("The file is %(size).1f MB; files up to %(max)d MB can be imported. Split it.")
            % {"size": size / 1024 / 1024, "max": settings.CHENGXIN_IMPORT_MAX_MB},
            code="too_large",
        )
    content = uploaded_file.read(limit + 1)
    if len(content) > limit:
        raise ValidationError(
            _("The file is larger than %(max)d MB, the most that can be imported. Split it.")
            % {"max": settings.CHENGXIN_IMPORT_MAX_MB},
            code="too_large",
        )
    name = str(getattr(uploaded_file, "name", "") or "upload.csv").rsplit("/", 1)[-1]
    return name[:255], content


def _plan(*, actor: User, table: reading.Table) -> ImportPlan:
    return plan_import(
        rows=table.rows,
        actor=UserRef(actor.pk, actor.username, actor.role, True),
        users=selectors.import_users(),
        existing=selectors.existing_parties(user=actor),
    )


def _report(plan: ImportPlan, table: reading.Table) -> dict:
    rows = []
    for number in sorted(plan.problems)[:REPORT_MAX_ROWS]:
        company, contact = plan.labels.get(number, ("", ""))
        rows.append(
            {
                "row": number,
                "company": company[:200],
                "contact": contact[:200],
                "problems": [
                    {"severity": p.severity, "column": p.column, "message": p.message}
                    for p in plan.problems[number]
                ],
            }
        )
    notes = []
    if table.header_map.unknown:
        notes.append(
            ngettext(
                "The column %(columns)s is not known and was ignored.",
                "The columns %(columns)s are not known and were ignored.",
                len(table.header_map.unknown),
            )
            % {"columns": ", ".join(table.header_map.unknown[:20])}
        )
    return {
        "counts": plan.counts(),
        "notes": notes,
        "rows": rows,
        "rows_not_listed": max(0, len(plan.problems) - REPORT_MAX_ROWS),
        "columns": list(table.header_map.positions),
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "language": translation.get_language(),
    }


# What a check or an import changes on a batch (never the stored file itself).
_CHECKED_FIELDS = [
    "report", "row_count", "company_count", "contact_count", "channel_count", "error_count",
    "duplicate_count",
]  # fmt: skip


def _apply_plan(batch: ImportBatch, plan: ImportPlan, table: reading.Table) -> None:
    counts = plan.counts()
    batch.report = _report(plan, table)
    batch.row_count = plan.row_count
    batch.company_count = counts["companies"]
    batch.contact_count = counts["contacts"]
    batch.channel_count = counts["channels"]
    batch.error_count = plan.error_count
    batch.duplicate_count = plan.duplicate_count


def import_dry_run(*, actor: User, uploaded_file) -> ImportBatch:
    """Read and check the file; store it with its report. No customer is written.

    A file that cannot be read at all (encoding, columns, size, a damaged
    workbook) raises ValidationError and nothing is stored."""
    require_importer(actor)
    with in_language_of(actor, translation.get_language()), _without_cycle_collection():
        filename, content = _read_upload(uploaded_file)
        table = reading.read_table(filename, content)
        plan = _plan(actor=actor, table=table)
        batch = ImportBatch(
            created_by=actor,
            filename=filename,
            file_format=table.file_format,
            content=content,
            content_sha256=hashlib.sha256(content).hexdigest(),
            status=ImportStatus.DRY_RUN,
        )
        _apply_plan(batch, plan, table)
    batch.save()
    return batch


def _require_batch_owner(actor: User, batch: ImportBatch) -> None:
    require_importer(actor)
    if batch.created_by_id != actor.pk and actor.role != Role.ADMIN:
        raise PermissionDenied(_("Only the person who uploaded this file may import it."))


def import_confirm(*, actor: User, batch: ImportBatch) -> ImportBatch:
    """Import a checked batch: the file is read and checked again (customers
    may have been added since), refused if any row has an error, then written
    in one transaction. Companies already in Chengxin are skipped, as the
    report said."""
    _require_batch_owner(actor, batch)
    if batch.status == ImportStatus.IMPORTED:
        raise ValidationError(_("This file was already imported."), code="imported")
    with in_language_of(actor, translation.get_language()), _without_cycle_collection():
        table = reading.read_table(batch.filename, selectors.import_batch_content(batch))
        plan = _plan(actor=actor, table=table)
        _apply_plan(batch, plan, table)
        if plan.error_count or not plan.to_import():
            batch.save(update_fields=_CHECKED_FIELDS)
            if plan.error_count:
                raise ValidationError(
                    ngettext(
                        "%(count)d row has errors; correct the file and upload it again.",
                        "%(count)d rows have errors; correct the file and upload it again.",
                        plan.error_count,
                    )
                    % {"count": plan.error_count},
                    code="errors",
                )
            raise ValidationError(
                _("Nothing to import: every company in the file is already in Chengxin."),
                code="nothing",
            )
        try:
            with transaction.atomic():
                locked = ImportBatch.objects.select_for_update().only("status").get(pk=batch.pk)
                if locked.status == ImportStatus.IMPORTED:
                    raise ValidationError(_("This file was already imported."), code="imported")
                with origin(Origin.IMPORT):
                    written = _write(actor=actor, companies=plan.to_import())
                batch.status = ImportStatus.IMPORTED
                batch.imported_at = timezone.now()
                batch.company_count = written["companies"]
                batch.contact_count = written["contacts"]
                batch.channel_count = written["channels"]
                batch.report["imported"] = written
                batch.save(update_fields=[*_CHECKED_FIELDS, "status", "imported_at"])
        except DatabaseError as exc:
            logger.exception("Import batch %s failed", batch.pk)
            batch.status = ImportStatus.FAILED
            batch.report["failure"] = str(exc)[:500]
            batch.save(update_fields=["status", "report"])
            raise ValidationError(
                _(
                    "The import failed and nothing was written (%(reason)s). You can try "
                    "again; if it fails again, tell your administrator."
                )
                % {"reason": exc.__class__.__name__},
                code="failed",
            ) from exc
    return batch


# --- writing ---------------------------------------------------------------------------


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _tag_ids(companies: Sequence[CompanyPlan]) -> dict[str, int]:
    names = sorted({tag for c in companies for tag in c.tags})
    ids: dict[str, int] = {}
    for chunk in _chunks(names, 500):
        Tag.objects.bulk_create([Tag(name=n) for n in chunk], ignore_conflicts=True)
        ids.update(Tag.objects.filter(name__in=chunk).values_list("name", "pk"))
    return ids


def _insert(model, rows: list[dict]) -> list[int]:
    """Insert ``rows`` (dicts of column attnames, all with the same keys) into
    ``model``'s table and return their new ids, in order.

    This is what ``bulk_create`` does, without building a model instance and
    compiling every value through the ORM, which costs ten times more for the
    hundreds of thousands of rows of a large import: multi-row INSERT …
    RETURNING (whose order Django relies on as well), and on PostgreSQL its
    bulk-loading COPY with ids drawn from the table's sequence beforehand."""
    if not rows:
        return []
    meta = model._meta
    fields = [meta.get_field(name) for name in rows[0]]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    converters = [(field.attname, _converter(field)) for field in fields]
    if connection.vendor == "postgresql":
        return _copy(meta, table, columns, converters, rows)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_statement = max(1, min(500, (connection.features.max_query_params or 999) // len(fields)))
    ids: list[int] = []
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, per_statement):
            params = [convert(row[name]) for row in chunk for name, convert in converters]
            # Table and column names come from the model, values are parameters.
            sql = (
                f"INSERT INTO {table} ({columns}) "  # noqa: S608
                f"VALUES {', '.join([row_sql] * len(chunk))} RETURNING {quote(meta.pk.column)}"
            )
            cursor.execute(sql, params)
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _copy(meta, table: str, columns: str, converters, rows: list[dict]) -> list[int]:
    pk = meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, pk, len(rows)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        # The raw psycopg cursor: Django's wrapper has no COPY.
        copy_sql = f"COPY {table} ({connection.ops.quote_name(pk)}, {columns}) FROM STDIN"
        with cursor.cursor.copy(copy_sql) as copy:
            for new_id, row in zip(ids, rows, strict=True):
                copy.write_row([new_id, *(convert(row[name]) for name, convert in converters)])
    return ids


# Values of these fields reach the database driver as they are.
_PLAIN_FIELDS = (models.CharField, models.TextField, models.BooleanField, models.IntegerField)


def _converter(field):
    """How a value of ``field`` is prepared for the database, as the ORM would."""
    if isinstance(field, models.ForeignKey):
        return _converter(field.target_field)
    if isinstance(field, _PLAIN_FIELDS) and not isinstance(field, models.JSONField):
        return lambda value: value
    prepared: dict = {}

    def convert(value):
        # An import writes the same few timestamps many times over.
        try:
            return prepared[value]
        except (KeyError, TypeError):
            result = field.get_db_prep_save(value, connection)
            if len(prepared) < 16 and isinstance(value, datetime.datetime):
                prepared[value] = result
            return result

    return convert


def _audited(model, values: dict) -> dict:
    """What ``snapshot`` records for a row inserted from ``values``."""
    meta = model._meta
    return {name: values.get(meta.get_field(name).attname) for name in model.AUDIT_FIELDS}


def _write(*, actor: User, companies: Sequence[CompanyPlan]) -> dict[str, int]:
    """Insert the companies with their tags, domains, contacts and channels,
    and one audit entry per company that holds all it was created with."""
    tag_ids = _tag_ids(companies)
    written = {"companies": 0, "contacts": 0, "channels": 0, "domains": 0}
    now = timezone.now()
    for chunk in _chunks(companies, WRITE_CHUNK):
        company_rows = []
        for plan in chunk:
            channels = [(ch.kind, ch.value) for ct in plan.contacts for ch in ct.channels]
            company_rows.append(
                {
                    "legal_name": plan.legal_name,
                    "other_names": plan.other_names,
                    "country": plan.country,
                    "website": plan.website,
                    "registration_number": plan.registration_number,
                    "vat_number": plan.vat_number,
                    "address": plan.address,
                    "currency": plan.currency,
                    "document_language": plan.document_language,
                    "grade": plan.grade,
                    "status": CompanyStatus.PROSPECT,
                    "notes": plan.notes,
                    "owner_id": plan.owner_id,
                    "owner_since": now if plan.owner_id else None,
                    "last_followed_up_at": now if plan.owner_id else None,
                    "merged_into_id": None,
                    "name_key": normalize.company_name_key(plan.legal_name),
                    "search_text": search_text_for(
                        names=[plan.legal_name, *plan.other_names],
                        domains=plan.domains,
                        contact_names=[ct.name for ct in plan.contacts],
                        channels=channels,
                    ),
                    "created_at": now,
                    "updated_at": now,
                }
            )
        company_ids = _insert(Company, company_rows)
        _insert(
            Company.tags.through,
            [
                {"company_id": company_id, "tag_id": tag_ids[name]}
                for company_id, plan in zip(company_ids, chunk, strict=True)
                for name in plan.tags
            ],
        )
        domain_rows = [
            {"company_id": company_id, "domain": domain, "created_at": now}
            for company_id, plan in zip(company_ids, chunk, strict=True)
            for domain in plan.domains
        ]
        _insert(CompanyDomain, domain_rows)
        contact_rows, contact_plans = [], []
        for company_id, plan in zip(company_ids, chunk, strict=True):
            for contact in plan.contacts:
                phone = next(
                    (c.value for c in contact.channels if c.kind in ("phone", "whatsapp")), None
                )
                contact_plans.append(contact)
                contact_rows.append(
                    {
                        "company_id": company_id,
                        "name": contact.name,
                        "title": contact.title,
                        "language": contact.language,
                        "time_zone": contact.time_zone
                        or normalize.time_zone_for(country=plan.country, phone_e164=phone),
                        "status": ContactStatus.ACTIVE,
                        "notes": "",
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        contact_ids = _insert(Contact, contact_rows)
        channel_rows = [
            {
                "contact_id": contact_id,
                "kind": ch.kind,
                "value": ch.value,
                "label": "",
                "is_primary": ch.primary,
                "is_active": True,
                "created_at": now,
                # Imported channels are new contacts' channels: unverified, so not on file
                # until someone verified them.
                "domain": email_domain(ch.kind, ch.value),
                "source": ChannelSource.IMPORT,
                "added_by_id": actor.pk,
                "verification_method": "",
                "verification_note": "",
            }
            for contact_id, contact in zip(contact_ids, contact_plans, strict=True)
            for ch in contact.channels
        ]
        channel_ids = _insert(Channel, channel_rows)
        # One entry per company with everything created with it (as company_delete
        # keeps all a company held in one entry): a large file would otherwise
        # add ten entries per company to the chain.
        contacts_of: dict[int, list[dict]] = {company_id: [] for company_id in company_ids}
        channels_of: dict[int, list[dict]] = {contact_id: [] for contact_id in contact_ids}
        for channel_id, row in zip(channel_ids, channel_rows, strict=True):
            channels_of[row["contact_id"]].append(
                {"id": channel_id, "kind": row["kind"], "value": row["value"],
                 "is_primary": row["is_primary"]}
            )  # fmt: skip
        for contact_id, row in zip(contact_ids, contact_rows, strict=True):
            contacts_of[row["company_id"]].append(
                {"id": contact_id, **_audited(Contact, row), "channels": channels_of[contact_id]}
            )
        changes = []
        for company_id, row, plan in zip(company_ids, company_rows, chunk, strict=True):
            after = {
                **_audited(Company, row),
                "tags": sorted(plan.tags),
                "shared_with": [],
                "domains": list(plan.domains),
                "contacts": contacts_of[company_id],
            }
            instance = Company(pk=company_id, legal_name=plan.legal_name)
            changes.append(Change(Action.CREATE, instance, None, after, company_id))
        audit_record_many(actor=actor, changes=changes)
        written["companies"] += len(company_ids)
        written["contacts"] += len(contact_ids)
        written["channels"] += len(channel_ids)
        written["domains"] += len(domain_rows)
    return written
