"""Public verification of our account numbers, and finance's bank proof documents.

``public_verify`` is the one place that answers a buyer's check, for the page and the
JSON endpoint alike: it applies the per-address limit (counted from the logged attempts,
so it holds across workers), looks the number up among our approved accounts only,
logs the attempt, and alerts finance when someone was given a number that is not ours.
"""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role, User
from chengxin.accounts.selectors import finance_desk
from chengxin.audit.services import audit_created, audited_update
from chengxin.banking.models import BankAccount, Side, State
from chengxin.banking.selectors import account_lookup_ours
from chengxin.core import bank_numbers as numbers
from chengxin.core import files
from chengxin.core.buyer_language import buyer_languages
from chengxin.core.deferred_text import DeferredText, deferred
from chengxin.core.lengths import check_lengths
from chengxin.core.locks import serialise_on
from chengxin.notifications.services import notify
from chengxin.publicrecord import answers
from chengxin.publicrecord.models import Answer, ProofDocument, VerificationAttempt
from chengxin.todos.services import todo_create

#: Repeated checks of the same unknown number from the same address alert finance once
#: in this many minutes (every check is still logged).
ALERT_DEBOUNCE = datetime.timedelta(minutes=10)
UNKNOWN_ACCOUNT_TODO = "publicrecord.unknown_account"
#: Roles that keep the public record (upload proofs, read the checks).
RECORD_KEEPER_ROLES = frozenset({Role.ADMIN, Role.MANAGER, Role.FINANCE})
#: Proof documents: a PDF, PNG or JPEG (by their first bytes: core.files), at most this large.
PROOF_MAX_BYTES = 10 * 1024 * 1024
_MAX_TYPED = 200


@dataclass(frozen=True)
class VerificationResult:
    """The answer to one check. It carries no account id and no number beyond the last
    four characters the visitor typed; unknown and malformed answers have the same
    fields (dates empty)."""

    answer: str
    message: str
    last4: str
    company_name: str
    phone: str
    active_since: datetime.date | None = None
    retired_on: datetime.date | None = None

    @property
    def status_code(self) -> int:
        return 429 if self.answer == Answer.LIMITED else 200

    @property
    def is_safe(self) -> bool:
        return self.answer == Answer.ACTIVE


def can_keep_record(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in RECORD_KEEPER_ROLES)


def company_date(moment: datetime.datetime | None) -> datetime.date | None:
    """The calendar date of ``moment`` where our company is (the default user zone)."""
    if moment is None:
        return None
    zone: datetime.tzinfo
    try:
        zone = zoneinfo.ZoneInfo(settings.CHENGXIN_DEFAULT_USER_TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    return timezone.localtime(moment, zone).date()


def looks_like_account_number(normalised: str) -> bool:
    """A valid IBAN (checksum and country format), or 6 to 34 digits."""
    if not (6 <= len(normalised) <= 34 and normalised.isascii() and normalised.isalnum()):
        return False
    if numbers.looks_like_iban(normalised):
        try:
            numbers.validate_iban(normalised)
        except ValueError:
            return False
        return True
    return normalised.isdigit()


_message = answers.message


def _result(answer: str, *, last4: str, account: BankAccount | None = None) -> VerificationResult:
    since = retired_on = None
    if account is not None and answer == Answer.ACTIVE:
        since = company_date(account.active_since or account.state_changed_at)
    if account is not None and answer == Answer.RETIRED:
        retired_on = company_date(account.retired_at or account.state_changed_at)
    return VerificationResult(
        answer=answer,
        message=_message(answer, last4=last4, day=since or retired_on),
        last4=last4,
        company_name=settings.CHENGXIN_COMPANY_NAME,
        phone=settings.CHENGXIN_COMPANY_PHONE,
        active_since=since,
        retired_on=retired_on,
    )


def public_verify(
    *,
    text: str,
    ip: str,
    user_agent: str,
    language: str,
    now: datetime.datetime | None = None,
) -> VerificationResult:
    """Answer a visitor's check of an account number, in ``language``; log it; alert
    finance when the number is not ours. Over the limit: answer ``limited`` (HTTP 429)."""
    normalised = numbers.normalise((text or "")[:_MAX_TYPED])
    shaped = normalised.isascii() and normalised.isalnum()
    last4 = normalised[-4:] if shaped else ""
    query_digest = numbers.digest(normalised) if normalised else ""
    if language not in buyer_languages():
        language = settings.LANGUAGE_CODE
    window = datetime.timedelta(minutes=settings.CHENGXIN_PUBLIC_VERIFY_WINDOW_MINUTES)
    with transaction.atomic(), translation.override(language):
        serialise_on(f"publicrecord.verify:{ip}")  # count and log one check at a time
        now = now or timezone.now()  # read after the wait, so earlier checks count
        attempt = VerificationAttempt(
            at=now,
            ip=ip,
            user_agent=(user_agent or "")[:300],
            language=language,
            query_digest=query_digest,
            query_last4=last4,
        )
        used = (
            VerificationAttempt.objects.filter(ip=ip, at__gt=now - window, at__lte=now)
            .exclude(answer=Answer.LIMITED)
            .count()
        )
        if used >= settings.CHENGXIN_PUBLIC_VERIFY_LIMIT:
            attempt.answer = Answer.LIMITED
            attempt.save()
            return _result(Answer.LIMITED, last4=last4)
        # Malformed input takes the same path through the look-up as an unknown number.
        account = account_lookup_ours(normalised) if shaped else None
        if not looks_like_account_number(normalised):
            attempt.answer = Answer.INVALID
            attempt.save()
            return _result(Answer.INVALID, last4=last4)
        if account is None:
            attempt.answer = Answer.UNKNOWN
            repeated = VerificationAttempt.objects.filter(
                ip=ip,
                query_digest=query_digest,
                alerted=True,
                at__gte=now - ALERT_DEBOUNCE,
                at__lte=now,
            ).exists()
            recipients = [] if repeated else finance_desk()
            attempt.alerted = bool(recipients)
            attempt.save()
            if recipients:
                _alert_finance(attempt, recipients)
            return _result(Answer.UNKNOWN, last4=last4)
        attempt.account = account
        attempt.answer = Answer.ACTIVE if account.state == State.ACTIVE else Answer.RETIRED
        attempt.save()
        return _result(attempt.answer, last4=last4, account=account)


def _alert_finance(attempt: VerificationAttempt, recipients: list[User]) -> None:
    link = reverse("publicrecord:attempt_list") + "?answer=unknown"
    title, body = _alert_text(attempt)
    notify(users=recipients, kind=UNKNOWN_ACCOUNT_TODO, title=title, body=body, link=link)
    # One person follows it up: the finance user with the fewest such open tasks.
    assignee = min(
        User.objects.filter(pk__in=[u.pk for u in recipients]).annotate(
            open_tasks=Count(
                "todos",
                filter=Q(todos__done_at__isnull=True, todos__kind=UNKNOWN_ACCOUNT_TODO),
            )
        ),
        key=lambda u: (u.open_tasks, u.pk),
    )
    todo_create(
        assignee=assignee,
        kind=UNKNOWN_ACCOUNT_TODO,
        title=title,
        body=body,
        link=link,
        related=("publicrecord.verificationattempt", attempt.pk),
        due_at=attempt.at + datetime.timedelta(hours=1),
        notify_assignee=False,
    )


def _alert_text(attempt: VerificationAttempt) -> tuple[DeferredText, DeferredText]:
    """The alert in each reader's language, the time in each reader's zone."""
    title = deferred(
        gettext_lazy("A buyer checked an account number that is not ours: ···· %(last4)s"),
        last4=attempt.query_last4,
    )
    body = deferred(
        gettext_lazy(
            "Someone checked ···· %(last4)s on the public record at %(time)s from %(ip)s. "
            "Someone may have given a buyer false bank details: find out who, and warn the "
            "buyer.\nBrowser: %(agent)s"
        ),
        last4=attempt.query_last4,
        time=attempt.at,
        ip=attempt.ip,
        agent=attempt.user_agent or "-",
    )
    return title, body


# --- Bank proof documents ------------------------------------------------------------


def _proof_type(content: bytes) -> str:
    content_type = files.sniff(content)
    if content_type is None:
        raise ValidationError({"file": _("Upload a PDF, PNG or JPEG file.")}, code="type")
    return content_type


def proof_upload(
    *,
    actor: User,
    account: BankAccount,
    title: str,
    filename: str,
    content: bytes,
    is_public: bool = True,
) -> ProofDocument:
    """Store a bank's proof of one of our accounts (PDF, PNG or JPEG, at most 10 MB)."""
    if not can_keep_record(actor):
        raise PermissionDenied(_("Only finance and managers keep the public record."))
    if account.side != Side.OURS or account.state == State.REJECTED:
        raise ValidationError({"account": _("Choose one of our own accounts.")}, code="account")
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the document a title.")}, code="title")
    check_lengths(ProofDocument, title=title)
    if not content:
        raise ValidationError({"file": _("The file is empty.")}, code="empty")
    if len(content) > PROOF_MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than 10 MB.")}, code="size")
    content_type = _proof_type(content)
    with transaction.atomic():
        proof = ProofDocument.objects.create(
            account=account,
            title=title,
            filename=files.safe_filename(filename, content_type, default="proof"),
            content_type=content_type,
            content=content,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            is_public=is_public,
            uploaded_by=actor,
        )
        audit_created(actor=actor, instance=proof)
    return proof


def proof_set_public(*, actor: User, proof: ProofDocument, is_public: bool) -> ProofDocument:
    """Show or hide a proof document on the public record."""
    if not can_keep_record(actor):
        raise PermissionDenied(_("Only finance and managers keep the public record."))
    with transaction.atomic():
        proof = ProofDocument.objects.select_for_update().defer("content").get(pk=proof.pk)
        with audited_update(actor=actor, instance=proof):
            proof.is_public = is_public
            proof.save(update_fields=["is_public"])
    return proof
