"""Importing customers from a file: a dry run that writes nothing but the
batch and its report, then, on confirmation, one transaction that writes every
company, domain, contact and channel with its audit entries, or nothing."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chengxin.accounts.models import Role, User
from chengxin.audit.context import Origin, origin
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.imports import reading, selectors
from chengxin.imports.models import ImportBatch, ImportStatus
from chengxin.imports.planning import CompanyPlan, ImportPlan, UserRef, plan_import
from chengxin.parties import normalize
from chengxin.parties.models import Channel, Company, CompanyDomain, Contact, Tag
from chengxin.parties.services import search_text_for

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
def _in_language_of(actor: User) -> Iterator[None]:
    """Problems are written in the language the user reads Chengxin in."""
    with translation.override(actor.language or translation.get_language()):
        yield


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
    with _in_language_of(actor):
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
    with _in_language_of(actor):
        table = reading.read_table(batch.filename, selectors.import_batch_content(batch))
        plan = _plan(actor=actor, table=table)
        _apply_plan(batch, plan, table)
        if plan.error_count or not plan.to_import():
            batch.save()
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
                batch.save()
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


def _write(*, actor: User, companies: Sequence[CompanyPlan]) -> dict[str, int]:
    """Bulk-create the companies with everything they hold, and audit each row."""
    tag_ids = _tag_ids(companies)
    written = {"companies": 0, "contacts": 0, "channels": 0, "domains": 0}
    now = timezone.now()
    for chunk in _chunks(companies, WRITE_CHUNK):
        objects = []
        for plan in chunk:
            channels = [(ch.kind, ch.value) for ct in plan.contacts for ch in ct.channels]
            objects.append(
                Company(
                    legal_name=plan.legal_name,
                    other_names=plan.other_names,
                    country=plan.country,
                    website=plan.website,
                    registration_number=plan.registration_number,
                    vat_number=plan.vat_number,
                    currency=plan.currency,
                    document_language=plan.document_language,
                    grade=plan.grade,
                    notes=plan.notes,
                    owner_id=plan.owner_id,
                    owner_since=now if plan.owner_id else None,
                    last_followed_up_at=now if plan.owner_id else None,
                    name_key=normalize.company_name_key(plan.legal_name),
                    search_text=search_text_for(
                        names=[plan.legal_name, *plan.other_names],
                        domains=plan.domains,
                        contact_names=[ct.name for ct in plan.contacts],
                        channels=channels,
                    ),
                )
            )
        Company.objects.bulk_create(objects)
        Company.tags.through.objects.bulk_create(
            [
                Company.tags.through(company_id=company.pk, tag_id=tag_ids[name])
                for company, plan in zip(objects, chunk, strict=True)
                for name in plan.tags
            ]
        )
        domains = [
            CompanyDomain(company=company, domain=domain)
            for company, plan in zip(objects, chunk, strict=True)
            for domain in plan.domains
        ]
        CompanyDomain.objects.bulk_create(domains)
        contacts = []
        for company, plan in zip(objects, chunk, strict=True):
            for contact in plan.contacts:
                phone = next(
                    (c.value for c in contact.channels if c.kind in ("phone", "whatsapp")), None
                )
                contacts.append(
                    Contact(
                        company=company,
                        name=contact.name,
                        title=contact.title,
                        language=contact.language,
                        time_zone=contact.time_zone
                        or normalize.time_zone_for(country=plan.country, phone_e164=phone),
                    )
                )
        Contact.objects.bulk_create(contacts)
        planned = [ct for plan in chunk for ct in plan.contacts]
        channels = [
            Channel(contact=contact, kind=ch.kind, value=ch.value, is_primary=ch.primary)
            for contact, plan in zip(contacts, planned, strict=True)
            for ch in plan.channels
        ]
        Channel.objects.bulk_create(channels)
        audit_record_many(
            actor=actor, changes=_changes(objects, chunk, domains, contacts, channels)
        )
        written["companies"] += len(objects)
        written["contacts"] += len(contacts)
        written["channels"] += len(channels)
        written["domains"] += len(domains)
    return written


def _changes(companies, plans, domains, contacts, channels) -> list[Change]:
    """Creation entries in the order company_create writes them: each company,
    then its domains, then each contact followed by its channels."""
    by_company: dict[int, list[Change]] = {}
    for company, plan in zip(companies, plans, strict=True):
        after = snapshot(company, extra={"tags": sorted(plan.tags), "shared_with": []})
        by_company[company.pk] = [Change(Action.CREATE, company, None, after, company.pk)]
    for domain in domains:
        by_company[domain.company_id].append(
            Change(Action.CREATE, domain, None, snapshot(domain), domain.company_id, domain.display)
        )
    by_contact: dict[int, list[Change]] = {}
    for contact in contacts:
        change = Change(Action.CREATE, contact, None, snapshot(contact), contact.company_id)
        by_contact[contact.pk] = [change]
    for channel in channels:
        by_contact[channel.contact_id].append(
            Change(Action.CREATE, channel, None, snapshot(channel), channel.contact.company_id)
        )
    for contact in contacts:
        by_company[contact.company_id].extend(by_contact[contact.pk])
    return [change for changes in by_company.values() for change in changes]
