"""Storing an assessment and the bank details it found (encrypted, with keyed digests)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence

from django.db import transaction

from chengxin.core import bank_numbers as numbers
from chengxin.core.crypto import encrypt
from chengxin.guard import scoring
from chengxin.guard.content import FoundAccount
from chengxin.guard.models import Assessment, FoundBankDetail
from chengxin.mail.models import Message


def engine_version() -> str:
    """Changes whenever the engine's weights or thresholds change."""
    parameters = json.dumps(
        {"weights": dict(scoring.DEFAULT_WEIGHTS), "thresholds": str(scoring.DEFAULT_THRESHOLDS)},
        sort_keys=True,
    )
    return "1-" + hashlib.sha256(parameters.encode()).hexdigest()[:12]


@dataclasses.dataclass(frozen=True)
class Assessed:
    """What :func:`chengxin.guard.services.assess.message_assess` stored, and what the
    caller does next with it."""

    assessment: Assessment
    #: The customer a message about no customer imitates (a lookalike's, or a blocked
    #: sender's): the message is shown with it from now on.
    imitated_company_id: int | None
    #: The message became high or critical with this assessment: the alert is due.
    alarm: bool


def store_bank_details(assessment: Assessment, found: list[tuple[str, FoundAccount]]) -> bool:
    """Replace the assessment's found bank details; True when one is not on file."""
    assessment.bank_details.all().delete()
    rows: dict[tuple[str, str], FoundBankDetail] = {}
    for attachment, account in found:
        value = numbers.normalise(account.value)
        if not value or (account.kind, value) in rows:
            continue
        if account.kind == "iban":
            domestic = numbers.domestic_part(value)
        elif account.kind == "account_number":
            domestic = value.lstrip("0") if value.lstrip("0") != value else ""
        else:
            domestic = ""
        rows[(account.kind, value)] = FoundBankDetail(
            assessment=assessment,
            kind=account.kind,
            value_encrypted=encrypt(value),
            number_digest=numbers.digest(value),
            domestic_digest=numbers.digest(domestic) if domestic else "",
            last4=numbers.last4(value),
            country=(account.country or "")[:2],
            bank=(account.bank or "")[:200],
            attachment=(attachment or "")[:255],
            on_file=account.on_file,
        )
    FoundBankDetail.objects.bulk_create(rows.values())
    return any(not row.on_file for row in rows.values())


@transaction.atomic
def store_assessment(
    *,
    message: Message,
    result: scoring.Assessment,
    imitated_company_id: int | None,
    found: Sequence[tuple[str, FoundAccount]] = (),
) -> Assessed:
    """Store (or replace) the message's assessment with the bank details it found."""
    # The message under a row lock: two assessments of one message run one after the other.
    message = Message.objects.select_for_update().get(pk=message.pk)
    signals = [signal.to_dict() for signal in result.signals]
    existing = Assessment.objects.filter(message=message).first()
    was_alarming = existing is not None and existing.is_alarming
    assessment, _created = Assessment.objects.update_or_create(
        message=message,
        defaults={
            "score": result.score,
            "level": result.level,
            # Plain JSON; NUL is refused by PostgreSQL's jsonb, so it is dropped.
            "signals": json.loads(json.dumps(signals, default=str).replace("\\u0000", "")),
            "engine_version": engine_version(),
        },
    )
    carries = store_bank_details(assessment, list(found))
    if carries != assessment.carries_bank_details:
        assessment.carries_bank_details = carries
        assessment.save(update_fields=["carries_bank_details"])
    return Assessed(
        assessment=assessment,
        imitated_company_id=imitated_company_id if message.company_id is None else None,
        alarm=assessment.is_alarming and not was_alarming,
    )
