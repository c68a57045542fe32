"""Writing exchange rates: one typed by finance, a CSV file of them, the ECB's.

A rate is unique per (currency, quote, day, source): entering again the rate of a pair
for a day that already has one from the same source corrects it (audited with before and
after); a rate from another source stays beside it (the selectors choose, see there).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record, audit_record_many, snapshot
from chengxin.core.lengths import too_long_message
from chengxin.core.text_input import text_problem
from chengxin.fx.currencies import is_currency
from chengxin.fx.ecb import EUR, EcbRates, ecb_rates
from chengxin.fx.models import Rate, Source
from chengxin.fx.permissions import require_enter_rates
from chengxin.fx.rate_file import RateLine, parse_rate, read_rate_file
from chengxin.fx.selectors import base_currency

logger = logging.getLogger(__name__)

FILE_NAME_LIMIT = Rate._meta.get_field("file_name").max_length


def _latest_day() -> datetime.date:
    """The latest day a rate may carry: today where the user is, and one day more (it is
    already tomorrow in Auckland when it is today in Shanghai)."""
    return timezone.localdate() + datetime.timedelta(days=1)


def _store(*, actor, line: RateLine, source: str, file_name: str, now) -> tuple[Rate, Change]:
    """Create the rate of ``line`` or correct the one of the same pair, day and source."""
    existing = (
        Rate.objects.select_for_update()
        .filter(currency=line.currency, quote=line.quote, day=line.day, source=source)
        .first()
    )
    if existing is None:
        rate = Rate.objects.create(
            currency=line.currency,
            quote=line.quote,
            day=line.day,
            rate=line.rate,
            source=source,
            file_name=file_name,
            entered_by=actor,
            entered_at=now,
        )
        rate.refresh_from_db(fields=["rate"])  # audited as stored: 1.941200000000
        return rate, Change(Action.CREATE, rate, None, snapshot(rate), label=str(rate))
    before = snapshot(existing)
    existing.rate, existing.file_name = line.rate, file_name
    existing.entered_by, existing.entered_at = actor, now
    existing.save(update_fields=["rate", "file_name", "entered_by", "entered_at"])
    existing.refresh_from_db(fields=["rate"])
    return existing, Change(
        Action.UPDATE, existing, before, snapshot(existing), label=str(existing)
    )


@transaction.atomic
def rate_record(
    *,
    actor,
    currency: str,
    day: datetime.date,
    rate: Decimal | str,
    quote: str = "",
    now: datetime.datetime | None = None,
) -> Rate:
    """A rate typed by finance, a manager or an administrator: on ``day``, 1 ``currency``
    = ``rate`` ``quote`` (default: the base currency). Corrects their earlier hand-entered
    rate of the same pair and day."""
    require_enter_rates(actor)
    errors: dict[str, list[str]] = {}
    currency = (currency or "").strip().upper()
    quote = (quote or "").strip().upper() or base_currency()
    for name, code in (("currency", currency), ("quote", quote)):
        if not is_currency(code):
            errors[name] = [_("Enter an ISO 4217 currency code, e.g. USD.")]
    if "currency" not in errors and currency == quote:
        errors["quote"] = [_("A rate needs two different currencies.")]
    if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
        errors["day"] = [_("Enter a date.")]
    elif day > _latest_day():
        errors["day"] = [_("A rate cannot be dated in the future.")]
    value, problem = parse_rate(str(rate))
    if problem:
        errors["rate"] = [problem]
    if errors:
        raise ValidationError(errors)
    line = RateLine(0, day, currency, quote, value)  # type: ignore[arg-type]
    stored, change = _store(
        actor=actor, line=line, source=Source.MANUAL, file_name="", now=now or timezone.now()
    )
    audit_record(
        actor=actor,
        action=change.action,
        instance=stored,
        before=change.before,
        after=change.after,
        label=change.label,
    )
    return stored


@dataclass(frozen=True)
class ImportResult:
    created: int
    corrected: int


def _file_name(name: str) -> str:
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    if text_problem(base):
        raise ValidationError(
            {"file": [_("The file's name has characters that cannot be stored.")]}
        )
    if len(base) > FILE_NAME_LIMIT:  # type: ignore[operator]
        raise ValidationError({"file": [too_long_message(FILE_NAME_LIMIT, len(base))]})  # type: ignore[arg-type]
    return base


@transaction.atomic
def rates_import_csv(
    *, actor, file_name: str, content: bytes, now: datetime.datetime | None = None
) -> ImportResult:
    """The rates of a CSV file (date, currency, rate, optionally quote; see rate_file).
    The whole file is checked first: if any row is wrong, ValidationError lists every
    problem by row and nothing is written. Else every rate is written in one transaction,
    each marked with the file's name and audited."""
    require_enter_rates(actor)
    name = _file_name(file_name)
    parsed = read_rate_file(content, base=base_currency(), latest=_latest_day())
    if not parsed.valid:
        raise ValidationError({"file": parsed.errors})
    when = now or timezone.now()
    changes = []
    for line in parsed.lines:
        _stored, change = _store(
            actor=actor, line=line, source=Source.CSV, file_name=name, now=when
        )
        changes.append(change)
    audit_record_many(actor=actor, changes=[c for c in changes if c.before != c.after])
    created = sum(1 for c in changes if c.action == Action.CREATE)
    return ImportResult(created=created, corrected=len(changes) - created)


@dataclass(frozen=True)
class EcbLoadResult:
    created: int
    corrected: int
    since: datetime.date
    until: datetime.date


_BATCH = 2_000


@transaction.atomic
def rates_load_ecb(
    *,
    since: datetime.date,
    until: datetime.date | None = None,
    source: EcbRates | None = None,
    now: datetime.datetime | None = None,
) -> EcbLoadResult:
    """Store the ECB reference rates published from ``since`` to ``until`` (default:
    today) as published: 1 EUR = x currency. Idempotent: a rate already stored is left as
    it is; one the ECB corrected since is updated and the correction audited (new rates
    are not audited one by one: they are the ECB's published figures, reproducible from
    its file)."""
    until = until or timezone.now().date()
    source = source or ecb_rates()
    when = now or timezone.now()
    existing = {
        (r.quote, r.day): r
        for r in Rate.objects.filter(
            source=Source.ECB, currency=EUR, day__gte=since, day__lte=until
        ).only("id", "quote", "day", "rate")
    }
    new: list[Rate] = []
    corrections: list[Change] = []
    created = 0
    for published in source.published(since=since, until=until):
        held = existing.get((published.currency, published.day))
        if held is None:
            new.append(
                Rate(
                    currency=EUR,
                    quote=published.currency,
                    day=published.day,
                    rate=published.rate,
                    source=Source.ECB,
                    entered_at=when,
                )
            )
            if len(new) >= _BATCH:
                created += len(Rate.objects.bulk_create(new, ignore_conflicts=True))
                new = []
        elif held.rate != published.rate:
            full = Rate.objects.get(pk=held.pk)
            before = snapshot(full)
            full.rate, full.entered_at = published.rate, when
            full.save(update_fields=["rate", "entered_at"])
            full.refresh_from_db(fields=["rate"])
            corrections.append(Change(Action.UPDATE, full, before, snapshot(full), label=str(full)))
    created += len(Rate.objects.bulk_create(new, ignore_conflicts=True))
    audit_record_many(actor=None, changes=corrections)
    logger.info("ECB rates %s to %s: %d new, %d corrected", since, until, created, len(corrections))
    return EcbLoadResult(created, len(corrections), since, until)
