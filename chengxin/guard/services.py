"""The guard's Django side: assess stored messages, raise alarms, mark safe by two people.

The scoring itself is the plain engine (``chengxin.guard.scoring``); this module
feeds it what only the database knows (the known correspondents, whether the
sender wrote before, the contact details on file, blocked senders), stores the
result and raises the alert. What other apps know (the bank details on file, what
attachments name) is handed in by the caller: the inbound pipeline
(``chengxin.inbound.pipeline``) runs a message's way in, and this module calls
neither banking nor mail's services.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.core import bank_numbers as numbers
from chengxin.core.buyer_language import buyer_language
from chengxin.core.crypto import encrypt
from chengxin.core.deferred_text import deferred, rendered_by
from chengxin.guard import letters, scoring
from chengxin.guard.authentication import TxtLookup, live_txt_lookup
from chengxin.guard.content import BankDetails, ContactDetails, FoundAccount
from chengxin.guard.domains import parse_domain
from chengxin.guard.known_index import KnownIndex, known_index
from chengxin.guard.models import (
    ALARMING_LEVELS,
    BLOCK_SIGNALS,
    AlertStep,
    AlertStepKind,
    Assessment,
    BlockedSender,
    BlockKind,
    FoundBankDetail,
    Level,
)
from chengxin.guard.permissions import (
    alert_customer,
    can_confirm_fraud,
    can_confirm_safe,
    responsible_owner,
    safe_confirmers,
)
from chengxin.guard.signals import Signal
from chengxin.mail.models import Message
from chengxin.mail.permissions import can_view_message
from chengxin.notifications.services import notify
from chengxin.parties.models import Channel, ChannelKind, Company
from chengxin.parties.permissions import can_edit_company
from chengxin.parties.selectors import channels_on_file
from chengxin.workflow.four_eyes import (
    notify_if_blocked,
)

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


@dataclasses.dataclass(frozen=True)
class Assessed:
    """What :func:`message_assess` stored, and what the caller does next with it."""

    assessment: Assessment
    #: The customer a message about no customer imitates (a lookalike's, or a blocked
    #: sender's): the message is shown with it from now on.
    imitated_company_id: int | None
    #: The message became high or critical with this assessment: the alert is due.
    alarm: bool


def message_assess(
    *,
    message: Message,
    bank_details: BankDetails,
    attachment_accounts: Sequence[tuple[str, FoundAccount]] = (),
    txt_lookup: TxtLookup | None = None,
) -> Assessed:
    """Assess (or re-assess) one stored message and store the result with the bank details
    it names. ``bank_details``: what is on file for its customer and ours, to compare with;
    ``attachment_accounts``: (file name, identifier) not on file that its attachments name.
    The caller links the message to the customer it imitates and raises the alert (the
    inbound pipeline does both)."""
    known = known_index()
    result = scoring.assess_message(
        _raw_for_engine(message),
        index=known.index,
        sender_seen_before=_sender_seen_before(message),
        bank_details=bank_details,
        contact_details=_contact_details(message.company_id),
        txt_lookup=txt_lookup if txt_lookup is not None else _txt_lookup(),
        trusted_authserv_ids=settings.CHENGXIN_GUARD_TRUSTED_AUTHSERV_IDS,
    )
    attachment_accounts = list(attachment_accounts)
    result = _with_attachment_accounts(result, attachment_accounts, bank_details.empty)
    imitated = None if message.company_id else _imitated_company_id(result, known)
    blocks = sender_blocks(message=message, company_id=message.company_id or imitated)
    if blocks:
        result = _with_blocks(result, blocks)
        imitated = imitated or (None if message.company_id else blocks[0].company_id)
    found = [("", account) for account in (result.content.accounts if result.content else ())]
    found += attachment_accounts
    return _store_assessment(
        message=message, result=result, imitated_company_id=imitated, found=found
    )


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


# --- senders confirmed fraudulent ------------------------------------------------------------


def _canonical_address(address: str) -> str:
    """Lower case with an ASCII domain, as ``Message.from_key`` stores it."""
    local, at, domain = (address or "").strip().rpartition("@")
    if not at or not local or not domain:
        return ""
    parsed = parse_domain(domain)
    return f"{local.lower()}@{parsed.ascii if parsed else domain.lower()}"


def registrable_domain(address_or_domain: str) -> str:
    """The registrable domain (A-labels) of an address or domain: what a block names, so
    that mail from any host or address under the same registration is caught."""
    domain = address_or_domain.rpartition("@")[2]
    parsed = parse_domain(domain)
    if parsed is None:
        return domain.strip().lower()
    return parsed.registrable or parsed.ascii


def sender_blocks(*, message: Message, company_id: int | None) -> list[BlockedSender]:
    """Blocks that match the message's sender (From or Reply-To: the address, or its
    registrable domain), for ``company_id``; for a message about no customer, a block of
    any customer (the first found names the customer the message is then shown with)."""
    addresses = {a for a in (message.from_key, _canonical_address(message.reply_to_address)) if a}
    if not addresses:
        return []
    domains = {registrable_domain(a) for a in addresses} - {""}
    condition = Q(kind=BlockKind.ADDRESS, value__in=addresses) | Q(
        kind=BlockKind.DOMAIN, value__in=domains
    )
    blocks = BlockedSender.objects.filter(condition).select_related("blocked_by")
    if company_id is not None:
        # The customer as it is now, and those merged into it, keep their blocks.
        from chengxin.parties.selectors import company_history_ids

        company = Company.objects.filter(pk=company_id).select_related("merged_into").first()
        while company is not None and company.merged_into_id:
            company = company.merged_into
        ids = company_history_ids(company) if company is not None else [company_id]
        blocks = blocks.filter(company_id__in=ids)
    blocks = list(blocks.order_by("blocked_at", "id"))
    if company_id is None and blocks:
        blocks = [b for b in blocks if b.company_id == blocks[0].company_id]
    return blocks


def _with_blocks(result: scoring.Assessment, blocks: list[BlockedSender]) -> scoring.Assessment:
    """A sender confirmed fraudulent for this customer makes the message critical, with a
    signal that says who confirmed it, when and why."""
    added: list[Signal] = []
    for kind in (BlockKind.ADDRESS, BlockKind.DOMAIN):
        block = next((b for b in blocks if b.kind == kind), None)
        if block is None:
            continue
        code = BLOCK_SIGNALS[kind]
        added.append(
            Signal(
                code,
                scoring.DEFAULT_WEIGHTS.get(code, 100),
                {
                    "blocked": block.value,
                    "at": block.blocked_at.isoformat(),
                    "date": block.blocked_at.date().isoformat(),
                    "user": block.blocked_by.get_full_name() or block.blocked_by.username,
                    "reason": block.reason[:500],
                },
            )
        )
    signals = sorted([*result.signals, *added], key=lambda s: (-s.weight, s.code))
    signals = [s for s in signals if s.weight > 0]
    score = min(100, sum(s.weight for s in signals))
    level = scoring.DEFAULT_THRESHOLDS.level(score)
    if added:
        level = "critical"
    return dataclasses.replace(result, signals=tuple(signals), score=score, level=level)


def _store_bank_details(assessment: Assessment, found: list[tuple[str, FoundAccount]]) -> bool:
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
def _store_assessment(
    *,
    message: Message,
    result: scoring.Assessment,
    imitated_company_id: int | None,
    found: list[tuple[str, FoundAccount]] = (),
) -> Assessed:
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
    carries = _store_bank_details(assessment, list(found))
    if carries != assessment.carries_bank_details:
        assessment.carries_bank_details = carries
        assessment.save(update_fields=["carries_bank_details"])
    return Assessed(
        assessment=assessment,
        imitated_company_id=imitated_company_id if message.company_id is None else None,
        alarm=assessment.is_alarming and not was_alarming,
    )


def alert_recipients(message: Message, *, carries_bank_details: bool = False) -> list[User]:
    """Who is told about a dangerous message: the customer's owner (or, for mail about
    no customer, the owner of the personal mailbox it came to, or whoever uploaded
    it) and every manager; finance too when it names bank details not on file."""
    roles = [Role.MANAGER, Role.FINANCE] if carries_bank_details else [Role.MANAGER]
    users = list(User.objects.filter(role__in=roles, is_active=True).order_by("id"))
    owner = responsible_owner(message)
    if owner is not None and owner.pk not in {u.pk for u in users}:
        users.append(owner)
    return users


def assessment_alert(*, assessment: Assessment) -> None:
    """Tell who must know (:func:`alert_recipients`) that a message is high or critical, in
    each one's language, with the signals that raised it."""
    message = assessment.message
    link = reverse("mail:message_detail", args=[message.pk])
    sender = message.from_display or message.from_name or "?"
    # Each recipient reads it in their own language, whenever they read it.
    title = deferred(
        gettext_lazy("Possible fraud (%(level)s risk): message from %(sender)s"),
        level=Level(assessment.level).label,
        sender=sender,
    )
    body = [rendered_by("guard.signal", **item) for item in assessment.signals if item.get("code")]
    notify(
        users=alert_recipients(message, carries_bank_details=assessment.carries_bank_details),
        kind=ALERT_KIND,
        title=title,
        body=body,
        link=link,
    )


# --- closing an alert: safe (two people) or fraud -----------------------------------------
#
# Who may do what is decided in chengxin.guard.permissions (for pages and services alike).
# Each loads the assessment under a row lock first, so two people acting at once are
# served one after the other and the second finds the alert already changed.

REASON_MAX = 2000
WARNING_PURPOSE = "guard_buyer_warning"


def _locked(*, actor: User, assessment: Assessment) -> Assessment:
    """The assessment again, under a row lock; DoesNotExist when the actor may not read it."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related(
            "message__company__owner", "message__mailbox__owner", "message__uploaded_by"
        )
        .get(pk=assessment.pk)
    )
    if not can_view_message(actor, assessment.message):
        raise Assessment.DoesNotExist
    return assessment


def _clean_reason(reason: str) -> str:
    reason = (reason or "").replace("\x00", "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give a reason.")]})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [_("Keep the reason under %(limit)d characters.") % {"limit": REASON_MAX}]}
        )
    return reason


def _require_open(assessment: Assessment) -> None:
    if not assessment.is_alarming:
        raise ValidationError(
            _("Only a high or critical risk message is an alert to close."), code="not_alert"
        )
    if assessment.is_fraud_confirmed:
        raise ValidationError(_("This message was already confirmed as fraud."), code="closed")
    if assessment.is_marked_safe:
        raise ValidationError(_("This message was already marked safe."), code="closed")


def _record_step(
    *,
    actor: User,
    assessment: Assessment,
    before: dict | None,
    fields: list[str],
    kind: str,
    reason: str = "",
    details: dict | None = None,
    now: datetime.datetime,
    extra: list[Change] = (),
) -> AlertStep:
    if fields:
        assessment.save(update_fields=[*fields, "updated_at"])
    step = AlertStep.objects.create(
        assessment=assessment, kind=kind, actor=actor, at=now, reason=reason, details=details or {}
    )
    company_id = assessment.message.company_id
    label = _audit_label(assessment)
    changes = [Change(Action.CREATE, step, None, snapshot(step), company_id, label), *extra]
    if fields:
        changes.insert(
            0, Change(Action.UPDATE, assessment, before, snapshot(assessment), company_id, label)
        )
    audit_record_many(actor=actor, changes=changes)
    return step


@transaction.atomic
def assessment_propose_safe(
    *, actor: User, assessment: Assessment, reason: str, now: datetime.datetime | None = None
) -> Assessment:
    """First of two people: "I checked; this message is genuine", and why."""
    now = now or timezone.now()
    assessment = _locked(actor=actor, assessment=assessment)
    _require_open(assessment)
    if assessment.safe_proposed_by_id is not None:
        raise ValidationError(
            _("%(name)s already proposed it; a second person must confirm.")
            % {"name": assessment.safe_proposed_by},
            code="proposed",
        )
    reason = _clean_reason(reason)
    before = snapshot(assessment)
    assessment.safe_proposed_by = actor
    assessment.safe_proposed_at = now
    assessment.safe_proposed_reason = reason
    _record_step(
        actor=actor,
        assessment=assessment,
        before=before,
        fields=["safe_proposed_by", "safe_proposed_at", "safe_proposed_reason"],
        kind=AlertStepKind.SAFE_PROPOSED,
        reason=reason,
        now=now,
    )
    notify_if_blocked(
        eligibility=safe_confirmers(assessment),
        item=_audit_label(assessment),
        link=reverse("mail:message_detail", args=[assessment.message_id]),
        proposer=actor,
    )
    return assessment


@transaction.atomic
def assessment_confirm_safe(
    *, actor: User, assessment: Assessment, reason: str, now: datetime.datetime | None = None
) -> Assessment:
    """Second person: a manager or the customer's owner, never the one who proposed."""
    now = now or timezone.now()
    assessment = _locked(actor=actor, assessment=assessment)
    _require_open(assessment)
    if assessment.safe_proposed_by_id is None:
        raise ValidationError(_("Someone must first propose to mark it safe."), code="no_proposal")
    if assessment.safe_proposed_by_id == actor.pk:
        raise PermissionDenied(
            _("You proposed this yourself; a second person must confirm it is safe.")
        )
    if not can_confirm_safe(actor, assessment):
        raise PermissionDenied(_("Only a manager or the customer's owner may confirm."))
    reason = _clean_reason(reason)
    before = snapshot(assessment)
    assessment.safe_confirmed_by = actor
    assessment.safe_confirmed_at = now
    assessment.safe_confirmed_reason = reason
    _record_step(
        actor=actor,
        assessment=assessment,
        before=before,
        fields=["safe_confirmed_by", "safe_confirmed_at", "safe_confirmed_reason"],
        kind=AlertStepKind.SAFE_CONFIRMED,
        reason=reason,
        now=now,
    )
    return assessment


def _block_candidates(message: Message, company: Company) -> tuple[list[tuple], list[dict]]:
    """(kind, value) to block for ``company`` and what is left out, with why. The address
    is not blocked when it is a channel of the customer on file (its mail was forged, or the
    mailbox taken over: the change loop and the guard's other checks deal with that); the
    domain is not blocked when it is a public mail provider, ours or the customer's own."""
    from chengxin.parties.normalize import FREE_MAIL_DOMAINS

    address = message.from_key
    if not address:
        return [], []
    block, left_out = [], []
    on_file = {
        _canonical_address(value)
        for value in channels_on_file(
            company=company, before=timezone.now(), kinds=[ChannelKind.EMAIL]
        ).values_list("value", flat=True)
    }
    if address in on_file:
        left_out.append({"kind": BlockKind.ADDRESS, "value": address, "why": "on_file"})
    else:
        block.append((BlockKind.ADDRESS, address))
    domain = registrable_domain(address)
    own = {registrable_domain(d) for d in settings.CHENGXIN_OWN_DOMAINS}
    customers = {registrable_domain(d) for d in company.domains.values_list("domain", flat=True)}
    why = (
        "public_mail"
        if domain in FREE_MAIL_DOMAINS
        else "ours"
        if domain in own
        else "customer"
        if domain in customers
        else ""
    )
    if not domain:
        pass
    elif why:
        left_out.append({"kind": BlockKind.DOMAIN, "value": domain, "why": why})
    else:
        block.append((BlockKind.DOMAIN, domain))
    return block, left_out


@transaction.atomic
def assessment_confirm_fraud(
    *, actor: User, assessment: Assessment, reason: str, now: datetime.datetime | None = None
) -> Assessment:
    """Close the alert as fraud: the sender's address and domain are blocked for the
    customer, so the guard rates any later message from them critical, saying why."""
    now = now or timezone.now()
    assessment = _locked(actor=actor, assessment=assessment)
    _require_open(assessment)
    if not can_confirm_fraud(actor, assessment):
        raise PermissionDenied(
            _("Only a manager, the customer's owner or (for a message with bank details) "
              "finance may confirm fraud.")
        )  # fmt: skip
    reason = _clean_reason(reason)
    before = snapshot(assessment)
    assessment.fraud_confirmed_by = actor
    assessment.fraud_confirmed_at = now
    assessment.fraud_reason = reason
    company = alert_customer(assessment.message)
    blocked, left_out, changes = [], [], []
    if company is not None:
        candidates, left_out = _block_candidates(assessment.message, company)
        for kind, value in candidates:
            row, created = BlockedSender.objects.get_or_create(
                company=company,
                kind=kind,
                value=value,
                defaults={
                    "assessment": assessment,
                    "blocked_by": actor,
                    "blocked_at": now,
                    "reason": reason,
                },
            )
            blocked.append({"kind": kind, "value": value, "since": row.blocked_at.isoformat()})
            if created:
                changes.append(
                    Change(Action.CREATE, row, None, snapshot(row), company.pk, str(row)[:300])
                )
    if blocked:
        others = _mail_from_blocked(company, blocked, exclude_pk=assessment.message_id)
        transaction.on_commit(lambda: _reassess(others))
    _record_step(
        actor=actor,
        assessment=assessment,
        before=before,
        fields=["fraud_confirmed_by", "fraud_confirmed_at", "fraud_reason"],
        kind=AlertStepKind.FRAUD_CONFIRMED,
        reason=reason,
        details={"blocked": blocked, "not_blocked": left_out},
        now=now,
        extra=changes,
    )
    return assessment


#: At most this many stored messages are re-assessed after a sender is blocked.
REASSESS_LIMIT = 200


def _mail_from_blocked(company: Company, blocked: list[dict], *, exclude_pk: int) -> list[int]:
    """Stored messages about ``company`` (or about no customer) from a sender just blocked
    and not closed yet: they are assessed again, so they show as critical too."""
    from chengxin.parties.selectors import company_history_ids

    condition = Q()
    for block in blocked:
        if block["kind"] == BlockKind.ADDRESS:
            condition |= Q(from_key=block["value"])
        else:
            condition |= Q(from_key__endswith="@" + block["value"])
            condition |= Q(from_key__endswith="." + block["value"])
    return list(
        Message.objects.filter(condition)
        .filter(Q(company_id__in=company_history_ids(company)) | Q(company__isnull=True))
        .exclude(pk=exclude_pk)
        .exclude(assessment__safe_confirmed_at__isnull=False)
        .exclude(assessment__fraud_confirmed_at__isnull=False)
        .order_by("-pk")
        .values_list("pk", flat=True)[:REASSESS_LIMIT]
    )


def _reassess(message_ids: list[int]) -> None:
    # Assessed again the way every message is (the inbound pipeline, named by the setting:
    # the guard does not reach above itself by import).
    process = import_string(settings.CHENGXIN_GUARD_REASSESS)
    for message in Message.objects.filter(pk__in=message_ids):
        try:
            process(message=message)
        except Exception:  # one broken message never stops the others
            logger.exception("Re-assessing message %s after a block failed", message.pk)


# --- warning the real buyer ----------------------------------------------------------------


def _sender_identifiers(message: Message) -> tuple[set[str], set[str], str]:
    """The addresses the suspicious message came from or wants replies at, their
    registrable domains, and its text (lower case)."""
    addresses = {
        a
        for a in (
            message.from_key,
            _canonical_address(message.from_address),
            _canonical_address(message.reply_to_address),
            _canonical_address(message.return_path),
        )
        if a
    }
    domains = {registrable_domain(a) for a in addresses} - {""}
    text = "\n".join(p for p in (message.subject, message.text_body) if p).lower()
    return addresses, domains, text


def _channel_of_sender(channel: Channel, addresses: set[str], domains: set[str], text: str) -> bool:
    value = channel.value.strip().lower()
    if channel.kind == ChannelKind.EMAIL:
        canonical = _canonical_address(value)
        return (
            canonical in addresses
            or registrable_domain(canonical or value) in domains
            or value in text
        )
    digits = "".join(ch for ch in value if ch.isdigit())
    text_digits = "".join(ch for ch in text if ch.isdigit())
    return len(digits) >= 6 and digits.lstrip("0") in text_digits


def warning_channels(assessment: Assessment):
    """Where the real buyer may be warned: the customer's e-mail addresses (and WhatsApp
    numbers, when WhatsApp is set up) that were on file (verified) before the message
    arrived and are still in use; never the suspicious sender's address, one on its domain (or its
    Reply-To's or Return-Path's), or one the message itself names."""
    from chengxin.outbox.services import chat_channel_configured

    message = assessment.message
    company = alert_customer(message)
    if company is None:
        return Channel.objects.none()
    kinds = [ChannelKind.EMAIL]
    if chat_channel_configured(ChannelKind.WHATSAPP):
        kinds.append(ChannelKind.WHATSAPP)
    # On file: verified before the message arrived (never one it brought or named).
    channels = channels_on_file(company=company, before=message.created_at, kinds=kinds).order_by(
        "-is_primary", "contact__name", "kind", "id"
    )
    addresses, domains, text = _sender_identifiers(message)
    excluded = [c.pk for c in channels if _channel_of_sender(c, addresses, domains, text)]
    return channels.exclude(pk__in=excluded)


def _our_details(actor: User | None) -> letters.OurDetails:
    own = tuple(settings.CHENGXIN_OWN_DOMAINS)
    rep_email = ""
    if actor is not None and actor.email and actor.email.rpartition("@")[2].lower() in own:
        rep_email = actor.email
    return letters.OurDetails(
        company=settings.CHENGXIN_COMPANY_NAME,
        phone=settings.CHENGXIN_COMPANY_PHONE,
        website=settings.CHENGXIN_COMPANY_WEBSITE,
        mail_domains=own,
        rep_email=rep_email,
    )


def _impersonates_us(assessment: Assessment) -> bool:
    return any((s.get("params") or {}).get("relation") == "own" for s in assessment.signals)


def warning_draft(
    *, assessment: Assessment, channel: Channel, actor: User | None
) -> letters.Letter:
    """The warning letter for ``channel``'s contact, in that contact's language."""
    import zoneinfo

    contact = channel.contact
    message = assessment.message
    try:
        zone = zoneinfo.ZoneInfo(contact.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    received = message.received_at or message.created_at
    name = (actor.get_full_name() or actor.username) if actor else ""
    return letters.warning_letter(
        language=contact.language,
        name=contact.name,
        impersonates_us=_impersonates_us(assessment),
        address=message.from_display or message.from_address or "?",
        subject=message.subject,
        date=received.astimezone(zone).strftime("%Y-%m-%d %H:%M") + f" ({zone})",
        details=_our_details(actor),
        sender="\n".join(p for p in (name, settings.CHENGXIN_COMPANY_NAME) if p),
    )


@transaction.atomic
def assessment_warn_buyer(
    *,
    actor: User,
    assessment: Assessment,
    channel: Channel,
    subject: str = "",
    body: str = "",
    now: datetime.datetime | None = None,
) -> AlertStep:
    """Queue the warning letter (the rep's edited draft) to the real buyer through a channel
    on file (see :func:`warning_channels`), in the outbox, and record it on the alert."""
    from chengxin.outbox.services import outbox_enqueue

    now = now or timezone.now()
    assessment = _locked(actor=actor, assessment=assessment)
    company = alert_customer(assessment.message)
    if company is None:
        raise ValidationError(_("This message is about no customer: there is nobody to warn."))
    if not can_edit_company(actor, company):
        raise PermissionDenied(_("Only someone who may edit this customer may write to them."))
    if not assessment.is_alarming or assessment.is_marked_safe:
        raise ValidationError(_("Only an alert that is not marked safe calls for a warning."))
    if channel is None or not warning_channels(assessment).filter(pk=channel.pk).exists():
        raise ValidationError(
            {"channel": [_("Write through a channel of the customer that was on file before "
                           "the message arrived, never to the sender or its domain.")]}
        )  # fmt: skip
    channel = Channel.objects.select_related("contact").get(pk=channel.pk)
    draft = warning_draft(assessment=assessment, channel=channel, actor=actor)
    subject = (subject or "").replace("\x00", "").strip() or draft.subject
    body = (body or "").replace("\x00", "").strip() or draft.body
    outbound = outbox_enqueue(
        actor=actor,
        to=channel.value,
        subject=subject,
        body_text=body,
        contact=channel.contact,
        company=company,
        kind=channel.kind,
        purpose=WARNING_PURPOSE,
        related_type="guard.assessment",
        related_id=str(assessment.pk),
    )
    return _record_step(
        actor=actor,
        assessment=assessment,
        before=None,
        fields=[],
        kind=AlertStepKind.BUYER_WARNED,
        details={
            "to": outbound.to_address,
            "kind": channel.kind,
            "contact": channel.contact.name,
            "language": buyer_language(channel.contact.language),
            "subject": subject,
            "outbound_id": outbound.pk,
        },
        now=now,
    )


def _audit_label(assessment: Assessment) -> str:
    message = assessment.message
    return f"{message.from_address} · {message.subject}"[:300]
