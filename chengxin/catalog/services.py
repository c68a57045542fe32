"""Changing products and stock levels. Permissions and every rule are checked here, so the
pages, the API, the command line and the watched folder cannot differ; each change is
validated first and written in one transaction, with its audit entry."""

from __future__ import annotations

import dataclasses
import datetime
import logging
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.audit.models import Action
from chengxin.audit.services import (
    Change,
    audit_created,
    audit_record_many,
    audited_update,
    snapshot,
)
from chengxin.catalog import stock_feed
from chengxin.catalog.models import Product, StockLevel, StockSource
from chengxin.catalog.permissions import require_edit_products, require_push_stock
from chengxin.catalog.selectors import hs_check
from chengxin.catalog.stock_feed import RowError, StockRow
from chengxin.core.buyer_language import buyer_languages
from chengxin.core.lengths import clean_text
from chengxin.core.zones import company_zone

logger = logging.getLogger(__name__)

# Limits of the product's fields (the model's, stated for people).
TEXT_LIMITS = {"sku": 64, "name": 200, "unit": 16, "description": 20_000}
NAME_IN_LANGUAGE_LIMIT = 200
LEAD_TIME_MAX_DAYS = 3650
UNITS_PER_PACKAGE_MAX = 2_147_483_647
# (max_digits, decimal_places) of the model's decimal columns.
DECIMALS = {
    "moq": (14, 3),
    "net_weight_kg": (12, 3),
    "gross_weight_kg": (12, 3),
    "package_length_cm": (9, 1),
    "package_width_cm": (9, 1),
    "package_height_cm": (9, 1),
}


@dataclass
class ProductInput:
    sku: str
    name: str
    names: dict[str, str] = field(default_factory=dict)
    description: str = ""
    hs_code: str = ""
    unit: str = "pcs"
    moq: Decimal = Decimal(0)
    lead_time_days: int | None = None
    net_weight_kg: Decimal | None = None
    gross_weight_kg: Decimal | None = None
    package_length_cm: Decimal | None = None
    package_width_cm: Decimal | None = None
    package_height_cm: Decimal | None = None
    units_per_package: int | None = None
    origin_country: str = "CN"
    is_active: bool = True

    @classmethod
    def of(cls, product: Product) -> ProductInput:
        return cls(**{f.name: getattr(product, f.name) for f in dataclasses.fields(cls)})


def _decimal_problem(value, max_digits: int, places: int) -> str | None:
    if not isinstance(value, Decimal) or not value.is_finite():
        return _("Enter a number.")
    if value < 0:
        return _("Enter a number of at least 0.")
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        return _("Enter a number with at most %(places)d decimal places.") % {"places": places}
    if value >= Decimal(10) ** (max_digits - places):
        return _("This number is too large.")
    return None


def _clean_names(names, errors: dict) -> dict[str, str]:
    if not isinstance(names, dict):
        errors["names"] = [_("Enter the names as language: name.")]
        return {}
    known = buyer_languages()
    cleaned: dict[str, str] = {}
    problems = []
    for language, name in names.items():
        code = str(language).strip().lower().replace("_", "-")
        text = name.strip() if isinstance(name, str) else ""
        if code not in known:
            problems.append(
                _("“%(code)s” is not one of the languages: %(known)s.")
                % {"code": str(language)[:20], "known": ", ".join(known)}
            )
        elif not text:
            problems.append(_("The name in %(code)s is empty.") % {"code": code})
        elif len(text) > NAME_IN_LANGUAGE_LIMIT:
            problems.append(
                _("The name in %(code)s has more than %(limit)d characters.")
                % {"code": code, "limit": NAME_IN_LANGUAGE_LIMIT}
            )
        elif code in cleaned:
            problems.append(_("The name in %(code)s is given twice.") % {"code": code})
        else:
            cleaned[code] = text
    if problems:
        errors["names"] = problems
    return cleaned


def product_validate(data: ProductInput, *, instance: Product | None = None) -> ProductInput:
    """``data`` cleaned (texts stripped, the HS code as digits), or a ValidationError with
    every problem by field. The HS code must be in the nomenclature; that the product's
    words fit it is a warning for the pages, not a refusal."""
    errors: dict[str, list[str]] = {}
    sku = clean_text(data.sku, field="sku", limit=TEXT_LIMITS["sku"], errors=errors, required=True)
    name = clean_text(
        data.name, field="name", limit=TEXT_LIMITS["name"], errors=errors, required=True
    )
    unit = clean_text(
        data.unit, field="unit", limit=TEXT_LIMITS["unit"], errors=errors, required=True
    )
    description = clean_text(
        data.description,
        field="description",
        limit=TEXT_LIMITS["description"],
        errors=errors,
        required=False,
    )
    names = _clean_names(data.names, errors)
    code = ""
    if (data.hs_code or "").strip():
        check = hs_check(data.hs_code)
        if check.error:
            errors["hs_code"] = [check.error]
        code = check.code
    for fname, (digits, places) in DECIMALS.items():
        value = getattr(data, fname)
        if value is None and fname != "moq":
            continue
        problem = _decimal_problem(value, digits, places)
        if problem:
            errors[fname] = [problem]
    if (
        "net_weight_kg" not in errors
        and "gross_weight_kg" not in errors
        and data.net_weight_kg is not None
        and data.gross_weight_kg is not None
        and data.gross_weight_kg < data.net_weight_kg
    ):
        errors["gross_weight_kg"] = [_("The gross weight cannot be less than the net weight.")]
    for fname, low, high in (
        ("lead_time_days", 0, LEAD_TIME_MAX_DAYS),
        ("units_per_package", 1, UNITS_PER_PACKAGE_MAX),
    ):
        value = getattr(data, fname)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors[fname] = [
                _("Enter a whole number from %(low)d to %(high)d.") % {"low": low, "high": high}
            ]
    country = (data.origin_country or "").strip().upper()
    if not (len(country) == 2 and pycountry.countries.get(alpha_2=country)):
        errors["origin_country"] = [_("Choose a country (two letters, ISO 3166).")]
    if sku and "sku" not in errors:
        clash = Product.objects.filter(sku__iexact=sku)
        if instance is not None:
            clash = clash.exclude(pk=instance.pk)
        if clash.exists():
            errors["sku"] = [_("Another product has this article number.")]
    if errors:
        raise ValidationError(errors)
    decimals = {
        fname: getattr(data, fname).quantize(Decimal(1).scaleb(-places))
        for fname, (_digits, places) in DECIMALS.items()
        if getattr(data, fname) is not None
    }
    return dataclasses.replace(
        data,
        **decimals,
        sku=sku,
        name=name,
        unit=unit,
        description=description,
        names=names,
        hs_code=code,
        origin_country=country,
        is_active=bool(data.is_active),
    )


def product_create(*, actor, data: ProductInput) -> Product:
    require_edit_products(actor)
    clean = product_validate(data)
    with transaction.atomic():
        product = Product.objects.create(**dataclasses.asdict(clean))
        audit_created(actor=actor, instance=product)
    return product


def product_update(*, actor, product: Product, data: ProductInput) -> Product:
    require_edit_products(actor)
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        clean = product_validate(data, instance=product)
        with audited_update(actor=actor, instance=product):
            for name, value in dataclasses.asdict(clean).items():
                setattr(product, name, value)
            product.save()
    return product


# Stock ----------------------------------------------------------------------------------


class StockRejected(ValidationError):
    """Rows the ERP sent that cannot be applied; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.row_errors = errors
        super().__init__([str(e) for e in errors])


@dataclass(frozen=True)
class StockApplied:
    """What a batch of levels did: the article numbers written, and those whose level was
    older than the one kept (left as they were)."""

    applied: list[str]
    older: list[RowError]


def stock_levels_apply(
    *,
    actor,
    rows: list[StockRow],
    source: str,
    source_name: str = "",
    now: datetime.datetime | None = None,
) -> StockApplied:
    """Write the levels of ``rows`` all or nothing: an unknown article number or a unit
    other than the product's refuses the batch (``StockRejected``, per row). A level whose
    ``as_of`` is older than the one kept is left out (reported in ``older``), never
    written over a newer one. ``actor`` None: the system (the watched folder)."""
    if actor is not None:
        require_push_stock(actor)
    now = now or timezone.now()
    source_name = source_name[:255]
    with transaction.atomic():
        # The products are locked: two batches for the same product (a file and a push) are
        # applied one after the other, so the newer as_of always wins.
        # Article numbers are matched as the ERP writes them, else ignoring case (no two
        # products differ only by case: product_validate refuses it).
        found = list(
            Product.objects.select_for_update()
            .annotate(sku_lower=Lower("sku"))
            .filter(sku_lower__in={r.sku.lower() for r in rows})
        )
        exact = {p.sku: p for p in found}
        by_lower = {p.sku.lower(): p for p in found}
        products = {
            r.sku: exact.get(r.sku) or by_lower[r.sku.lower()]
            for r in rows
            if r.sku in exact or r.sku.lower() in by_lower
        }
        errors = []
        for row in rows:
            product = products.get(row.sku)
            if product is None:
                errors.append(RowError(row.line, row.sku, _("No product has this article number.")))
            elif row.unit and row.unit != product.unit:
                errors.append(
                    RowError(
                        row.line,
                        row.sku,
                        _("The unit is %(given)s but the product is counted in %(unit)s.")
                        % {"given": row.unit, "unit": product.unit},
                        "unit",
                    )
                )
        if errors:
            raise StockRejected(errors)
        kept = {
            level.product_id: level
            for level in StockLevel.objects.select_for_update().filter(
                product__in=[p.pk for p in products.values()]
            )
        }
        applied, older, changes, created, updated = [], [], [], [], []
        for row in rows:
            product = products[row.sku]
            as_of = row.as_of or now
            level = kept.get(product.pk)
            if level is not None and level.as_of > as_of:
                older.append(
                    RowError(
                        row.line,
                        row.sku,
                        _("Older (%(as_of)s) than the level kept (%(kept)s): left as it was.")
                        % {"as_of": as_of.isoformat(), "kept": level.as_of.isoformat()},
                    )
                )
                continue
            before = snapshot(level) if level is not None else None
            if level is None:
                level = StockLevel(product=product)
                created.append(level)
            else:
                updated.append(level)
            level.quantity, level.unit, level.as_of = row.quantity, product.unit, as_of
            level.received_at, level.source, level.source_name = now, source, source_name
            applied.append(row.sku)
            changes.append((level, before, product))
        StockLevel.objects.bulk_create(created, batch_size=1000)
        StockLevel.objects.bulk_update(
            updated,
            ["quantity", "unit", "as_of", "received_at", "source", "source_name"],
            batch_size=500,
        )
        audit_record_many(
            actor=actor,
            changes=[
                Change(
                    Action.CREATE if before is None else Action.UPDATE,
                    level,
                    before,
                    snapshot(level),
                    label=_("Stock of %(sku)s") % {"sku": product.sku},
                )
                for level, before, product in changes
            ],
        )
    return StockApplied(applied=applied, older=older)


def stock_push(*, actor, levels: list[dict], now: datetime.datetime | None = None) -> StockApplied:
    """The API push: ``levels`` as sent (sku, quantity, as_of, unit), checked like a file's
    rows (position = line), applied all or nothing."""
    require_push_stock(actor)
    now = now or timezone.now()
    feed = stock_feed.rows_read(enumerate(levels, start=1), zone=company_zone(), now=now)
    if feed.errors:
        raise StockRejected(feed.errors)
    if not feed.rows:
        raise StockRejected([RowError(0, "", _("No stock level was sent."))])
    return stock_levels_apply(
        actor=actor,
        rows=feed.rows,
        source=StockSource.API,
        source_name=_("API: %(user)s") % {"user": actor.get_username()},
        now=now,
    )


# The watched folder ---------------------------------------------------------------------

DONE, FAILED = "done", "failed"
# Files the ERP is still writing: it should write under such a name and rename at the end.
_UNFINISHED = (".tmp", ".part", ".partial", ".crdownload", "~")


@dataclass(frozen=True)
class InboxOutcome:
    name: str
    ok: bool
    moved_to: Path
    applied: int = 0
    older: int = 0
    errors: list[str] = field(default_factory=list)


def _inbox_files(inbox: Path) -> list[Path]:
    files = []
    for entry in inbox.iterdir():
        if entry.name.startswith(".") or entry.name.endswith(_UNFINISHED):
            continue
        if entry.is_symlink() or not entry.is_file():
            continue
        files.append(entry)
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))


def _move_aside(path: Path, folder: Path, now: datetime.datetime, report: str) -> Path:
    """Move ``path`` into ``folder`` under a name stamped with the time (never over another
    file), with its report beside it (``<name>.report.txt``)."""
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{stamp}-{path.name}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{stamp}-{counter}-{path.name}"
    os.replace(path, target)
    target.with_name(target.name + ".report.txt").write_text(report, encoding="utf-8")
    return target


def _report(name: str, now: datetime.datetime, lines: list[str], heading: str) -> str:
    return "\n".join([f"{name}: {heading}", f"read at {now.isoformat()}", "", *lines, ""])


def stock_file_read(path: Path, *, now: datetime.datetime | None = None) -> InboxOutcome:
    """Read one file of the watched folder, apply it all or nothing, and move it to done/ or
    failed/ with a report (the errors; for a file applied, the levels left as they were)."""
    now = now or timezone.now()
    inbox = path.parent
    with path.open("rb") as handle:
        data = handle.read(stock_feed.MAX_FILE_BYTES + 1)
    feed = stock_feed.file_read(data, name=path.name, zone=company_zone(), now=now)
    errors = feed.errors
    if not errors and not feed.rows:
        errors = [RowError(0, "", _("The file has no stock level."))]
    result = None
    if not errors:
        try:
            result = stock_levels_apply(
                actor=None, rows=feed.rows, source=StockSource.FILE, source_name=path.name, now=now
            )
        except StockRejected as exc:
            errors = exc.row_errors
    if result is None:
        lines = [str(e) for e in errors]
        report = _report(path.name, now, lines, _("refused, nothing was applied"))
        target = _move_aside(path, inbox / FAILED, now, report)
        logger.warning("Stock file %s refused: %d error(s)", path.name, len(lines))
        return InboxOutcome(path.name, False, target, errors=lines)
    heading = _("%(count)d level(s) applied") % {"count": len(result.applied)}
    report = _report(path.name, now, [str(e) for e in result.older], heading)
    target = _move_aside(path, inbox / DONE, now, report)
    return InboxOutcome(
        path.name, True, target, applied=len(result.applied), older=len(result.older)
    )


def stock_inbox_read(
    *, inbox: Path | None = None, now: datetime.datetime | None = None
) -> list[InboxOutcome]:
    """Read every finished file in the watched folder (``CHENGXIN_STOCK_INBOX``), oldest
    first; each is applied in its own transaction and moved to done/ or failed/."""
    inbox = Path(inbox or settings.CHENGXIN_STOCK_INBOX)
    for folder in (inbox, inbox / DONE, inbox / FAILED):
        folder.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for path in _inbox_files(inbox):
        try:
            outcomes.append(stock_file_read(path, now=now))
        except FileNotFoundError:
            continue  # taken by another run meanwhile
        except OSError:
            # Unreadable (permissions): left in place, and said in the log each run.
            logger.exception("Stock file %s could not be read or moved", path)
    return outcomes
