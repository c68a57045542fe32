"""The guard's Django side: assess stored messages, raise alarms, mark safe by two people.

The scoring itself is the plain engine (``chengxin.guard.scoring``); this module
feeds it what only the database knows (the known correspondents, whether the
sender wrote before, the contact details on file), stores the result and acts
on it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from chengxin.accounts.models import Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import audit_record, snapshot
from chengxin.guard import scoring
from chengxin.guard.authentication import TxtLookup, live_txt_lookup
from chengxin.guard.content import ContactDetails
from chengxin.guard.known_index import KnownIndex, known_index
from chengxin.guard.models import ALARMING_LEVELS, Assessment
from chengxin.guard.signals import Signal
from chengxin.mail.models import Message
from chengxin.mail.permissions import can_view_message
from chengxin.notifications.services import notify
from chengxin.parties.models import ChannelKind, Company
from chengxin.parties.selectors import channels_on_file

logger = logging.getLogger("chengxin.guard")

ALERT_KIND = "guard.alert"


def engine_version() -> str:
    """Changes whenever the engine's weights or thresholds change."""
    parameters = json.dumps(
        {"weights": dict(scoring.DEFAULT_WEIGHTS), "thresholds": str(scoring.DEFAULT_THRESHOLDS)},
        sort_keys=True,
    )
    return "1-" + hashlib.sha256(parameters.encode()).hexdigest()[:12]


def _txt_lookup() -> TxtLookup | None:
    return live_txt_lookup() if settings.CHENGXIN_GUARD_DNS == "live" else None


def _raw_for_engine(message: Message) -> bytes:
    """The raw message; only its headers when it is too large to parse."""
    with message.raw.open("rb") as handle:
        limit = settings.CHENGXIN_MAIL_MAX_PARSE_MB * 1_000_000
        raw = handle.read(limit + 1)
    if len(raw) <= limit:
        return raw
    for separator in (b"\r\n\r\n", b"\n\n"):
        end = raw.find(separator, 0, 256 * 1024)
        if end >= 0:
            return raw[: end + len(separator)]
    return raw[: 256 * 1024]


def _sender_seen_before(message: Message) -> bool | None:
    """True if an earlier stored message came from the same address (one still flagged as
    dangerous does not count); otherwise None: the engine then counts the address as
    known if it is a contact's channel."""
    if not message.from_key:
        return None
    earlier = (
        Message.objects.filter(from_key=message.from_key, pk__lt=message.pk)
        .exclude(assessment__level__in=ALARMING_LEVELS, assessment__safe_confirmed_at=None)
        .exists()
    )
    return True if earlier else None


def _contact_details(company_id: int | None) -> ContactDetails:
    if company_id is None:
        return ContactDetails()
    # On file = verified (parties.selectors.channels_on_file): a number entered with a new
    # contact and never verified does not make a message's "new number" look known.
    channels = channels_on_file(company=company_id, before=timezone.now()).values_list(
        "kind", "value"
    )
    emails, phones = [], []
    for kind, value in channels:
        if kind == ChannelKind.EMAIL:
            emails.append(value)
        elif kind in (ChannelKind.PHONE, ChannelKind.WHATSAPP):
            phones.append(value)
    return ContactDetails.of(emails=emails, phones=phones)


def _imitated_company_id(result: scoring.Assessment, known: KnownIndex) -> int | None:
    """The customer whose domain or address the sender imitates, if any."""
    for signal in result.signals:
        params = signal.params
        if not (signal.code.startswith("lookalike_") or signal.code.startswith("display_name")):
            continue
        if params.get("relation") == "own":
            continue
        company_id = known.company_by_domain.get(str(params.get("known_domain", "")).lower())
        if company_id is None:
            company_id = known.company_by_address.get(str(params.get("known_address", "")).lower())
        if company_id is not None:
            return company_id
    return None


def message_assess(*, message: Message, txt_lookup: TxtLookup | None = None) -> Assessment:
    """Assess (or re-assess) one stored message and act on the result."""
    from chengxin.banking.selectors import bank_details_on_file
    from chengxin.banking.services import message_attachment_accounts, message_check_accounts

    known = known_index()
    bank_details = bank_details_on_file(message.company_id)
    result = scoring.assess_message(
        _raw_for_engine(message),
        index=known.index,
        sender_seen_before=_sender_seen_before(message),
        bank_details=bank_details,
        contact_details=_contact_details(message.company_id),
        txt_lookup=txt_lookup if txt_lookup is not None else _txt_lookup(),
        trusted_authserv_ids=settings.CHENGXIN_GUARD_TRUSTED_AUTHSERV_IDS,
    )
    try:
        attachment_accounts = message_attachment_accounts(message=message)
    except Exception:  # a broken attachment never stops the assessment
        logger.exception("Reading the attachments of message %s failed", message.pk)
        attachment_accounts = []
    result = _with_attachment_accounts(result, attachment_accounts, bank_details.empty)
    imitated = None if message.company_id else _imitated_company_id(result, known)
    assessment = _store_assessment(message=message, result=result, imitated_company_id=imitated)
    try:
        # A task when the text or an attachment names bank details not on file.
        message_check_accounts(
            message=message, assessment=assessment, attachment_accounts=attachment_accounts
        )
    except Exception:  # the assessment stands even if the task cannot be made
        logger.exception("Checking message %s for bank details failed", message.pk)
    return assessment


_BANK_SIGNALS = ("new_bank_account", "bank_details_unverified")


def _with_attachment_accounts(
    result: scoring.Assessment, found: list, on_file_empty: bool
) -> scoring.Assessment:
    """The engine reads the message's text; bank details not on file that only an
    attachment (an invoice PDF) names add the same signal, marked with the file's name."""
    if not found or result.codes & set(_BANK_SIGNALS):
        return result
    filename, account = found[0]
    code = _BANK_SIGNALS[1] if on_file_empty else _BANK_SIGNALS[0]
    signal = Signal(
        code,
        scoring.DEFAULT_WEIGHTS.get(code, 0),
        {
            "kind": account.kind,
            "account": account.display,
            "country": account.country,
            "bank": account.bank,
            "accounts": [a.display for _name, a in found],
            "attachment": filename,
        },
    )
    signals = sorted([*result.signals, signal], key=lambda s: (-s.weight, s.code))
    signals = [s for s in signals if s.weight > 0]
    score = min(100, sum(s.weight for s in signals))
    return dataclasses.replace(
        result,
        signals=tuple(signals),
        score=score,
        level=scoring.DEFAULT_THRESHOLDS.level(score),
    )


@transaction.atomic
def _store_assessment(
    *, message: Message, result: scoring.Assessment, imitated_company_id: int | None
) -> Assessment:
    from chengxin.mail.services import message_link_to_imitated

    message = Message.objects.select_for_update().get(pk=message.pk)
    if imitated_company_id is not None and message.company_id is None:
        company = Company.objects.filter(pk=imitated_company_id).first()
        if company is not None:
            message_link_to_imitated(message=message, company=company)
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
    if assessment.is_alarming and not was_alarming:
        _alert(assessment=assessment, message=message)
    return assessment


def alert_recipients(message: Message) -> list[User]:
    """Who is told about a dangerous message: the customer's owner (or, for mail about
    no customer, the owner of the personal mailbox it came to, or whoever uploaded
    it) and every manager."""
    users = list(User.objects.filter(role=Role.MANAGER, is_active=True))
    owner = responsible_owner(message)
    if owner is not None:
        users.append(owner)
    return users


def responsible_owner(message: Message) -> User | None:
    company = message.company
    while company is not None and company.merged_into_id:
        company = company.merged_into
    if company is not None:
        return company.owner
    if message.mailbox_id and message.mailbox.owner_id:
        return message.mailbox.owner
    return message.uploaded_by


def _alert(*, assessment: Assessment, message: Message) -> None:
    link = reverse("mail:message_detail", args=[message.pk])
    sender = message.from_display or message.from_name or "?"
    by_language: dict[str, list[User]] = {}
    for user in alert_recipients(message):
        by_language.setdefault(user.language or settings.LANGUAGE_CODE, []).append(user)
    # A notification is stored text: each recipient gets it in their own language.
    for language, users in sorted(by_language.items()):
        with override(language):
            title = _("Possible fraud (%(level)s risk): message from %(sender)s") % {
                "level": assessment.get_level_display(),
                "sender": sender,
            }
            body = "\n".join(sentences(assessment))
        notify(users=users, kind=ALERT_KIND, title=title, body=body, link=link)


def sentences(assessment: Assessment) -> list[str]:
    """Each signal as a sentence in the active language."""
    from chengxin.guard.signals import Signal, describe

    return [
        describe(Signal(item["code"], item.get("weight", 0), item.get("params") or {}), _)
        for item in assessment.signals
    ]


# --- marking safe: two people ------------------------------------------------------------


def can_confirm_safe(user: User, assessment: Assessment) -> bool:
    """A manager, or the customer's owner, who did not propose it themselves."""
    if not (user.is_authenticated and user.is_active):
        return False
    if assessment.safe_proposed_by_id in (None, user.pk):
        return False
    if user.edits_all_customers:
        return True
    owner = responsible_owner(assessment.message)
    return owner is not None and owner.pk == user.pk


@transaction.atomic
def assessment_propose_safe(*, actor: User, assessment: Assessment) -> Assessment:
    """First of two people: "I checked; this message is genuine"."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("message")
        .get(pk=assessment.pk)
    )
    if not can_view_message(actor, assessment.message):
        raise Assessment.DoesNotExist
    if not assessment.is_alarming:
        raise ValidationError(_("Only a high or critical risk message needs to be marked safe."))
    if assessment.safe_confirmed_at is not None:
        raise ValidationError(_("This message was already marked safe."))
    if assessment.safe_proposed_by_id is not None:
        raise ValidationError(
            _("%(name)s already proposed it; a second person must confirm.")
            % {"name": assessment.safe_proposed_by}
        )
    before = snapshot(assessment)
    assessment.safe_proposed_by = actor
    assessment.safe_proposed_at = timezone.now()
    assessment.save(update_fields=["safe_proposed_by", "safe_proposed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        instance=assessment,
        before=before,
        after=snapshot(assessment),
        company_id=assessment.message.company_id,
        label=_audit_label(assessment),
    )
    return assessment


@transaction.atomic
def assessment_confirm_safe(*, actor: User, assessment: Assessment) -> Assessment:
    """Second person: a manager or the customer's owner, never the one who proposed."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("message__company__owner", "message__mailbox__owner")
        .get(pk=assessment.pk)
    )
    if not can_view_message(actor, assessment.message):
        raise Assessment.DoesNotExist
    if assessment.safe_confirmed_at is not None:
        raise ValidationError(_("This message was already marked safe."))
    if assessment.safe_proposed_by_id is None:
        raise ValidationError(_("Someone must first propose to mark it safe."))
    if assessment.safe_proposed_by_id == actor.pk:
        raise PermissionDenied(
            _("You proposed this yourself; a second person must confirm it is safe.")
        )
    if not can_confirm_safe(actor, assessment):
        raise PermissionDenied(_("Only a manager or the customer's owner may confirm."))
    before = snapshot(assessment)
    assessment.safe_confirmed_by = actor
    assessment.safe_confirmed_at = timezone.now()
    assessment.save(update_fields=["safe_confirmed_by", "safe_confirmed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        instance=assessment,
        before=before,
        after=snapshot(assessment),
        company_id=assessment.message.company_id,
        label=_audit_label(assessment),
    )
    return assessment


def _audit_label(assessment: Assessment) -> str:
    message = assessment.message
    return f"{message.from_address} · {message.subject}"[:300]


def messages_assess_pending(*, limit: int = 200) -> int:
    """Assess messages that have no assessment yet (the after-commit one failed)."""
    done = 0
    pending = Message.objects.filter(assessment__isnull=True).order_by("pk")[:limit]
    for message in pending:
        try:
            message_assess(message=message)
            done += 1
        except Exception:
            logger.exception("Assessing message %s failed again", message.pk)
    return done
