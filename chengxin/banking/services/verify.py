"""Step 2: verifying an account out of band (a channel on file, or our bank's word)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import audit_record, snapshot
from chengxin.banking.decrypted import account_number, intermediary_account
from chengxin.banking.models import BankAccount, Side, State, StepKind, VerificationMethod
from chengxin.banking.permissions import account_approvers, can_verify, not_allowed_on_account
from chengxin.banking.services.common import account_locked, audit_label, link_to, managers
from chengxin.core import bank_numbers as numbers
from chengxin.core.deferred_text import deferred
from chengxin.guard.content import analyse_content
from chengxin.mail.models import Message
from chengxin.notifications.services import notify
from chengxin.parties.models import Channel
from chengxin.parties.selectors import channels_on_file
from chengxin.workflow.four_eyes import notify_if_blocked
from chengxin.workflow.services import advance, require_state

FRAUD_KIND = "banking.fraud_attempt"

COUNTERPARTY_METHODS = (
    VerificationMethod.CALL_ON_FILE,
    VerificationMethod.MESSAGE_ON_FILE,
    VerificationMethod.IN_PERSON,
)
OUR_METHODS = (
    VerificationMethod.BANK_LETTER,
    VerificationMethod.BANK_PORTAL,
    VerificationMethod.IN_PERSON,
    VerificationMethod.CALL_ON_FILE,
)
OUTCOMES = ("confirmed", "denied")


def _message_identifiers(message: Message | None) -> tuple[str, set[str]]:
    """The message's searchable text and the addresses and phone numbers it names."""
    if message is None:
        return "", set()
    text = "\n".join(
        part
        for part in (
            message.subject,
            message.text_body,
            message.from_address,
            message.reply_to_address,
            message.return_path,
        )
        if part
    )
    analysis = analyse_content("", text)
    found = {e.lower() for e in analysis.emails} | set(analysis.phones)
    for address in (message.from_address, message.reply_to_address, message.return_path):
        if address:
            found.add(address.strip().lower())
    return text.lower(), found


def _channel_in_message(channel: Channel, text: str, identifiers: set[str]) -> bool:
    value = channel.value.strip().lower()
    if not value:
        return False
    if value in identifiers or value in text:
        return True
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6:
        text_digits = re.sub(r"\D", "", text)
        if digits in text_digits or digits.lstrip("0") in text_digits:
            return True
    return False


def verification_channels(account: BankAccount):
    """Channels that may serve to verify a counterparty's account out of band: the
    customer's channels on file (verified) before the account was proposed, still in use,
    and not named in the message that announced the account."""
    if account.side != Side.COUNTERPARTY:
        return Channel.objects.none()
    channels = channels_on_file(company=account.company_id, before=account.proposed_at)
    text, identifiers = _message_identifiers(account.source_message)
    if not text:
        return channels
    excluded = [c.pk for c in channels if _channel_in_message(c, text, identifiers)]
    return channels.exclude(pk__in=excluded)


@dataclass(frozen=True)
class NumberForVerification:
    """What the person verifying an account reads back to its holder or bank."""

    number: str
    intermediary_account: str


@transaction.atomic
def bank_account_number_show_for_verification(
    *, actor: User, account: BankAccount
) -> NumberForVerification:
    """The full number (an IBAN in groups of four) for the person about to verify
    ``account``: they must read it back by phone, and a rep otherwise sees the last
    four digits only. Each time it is shown is written to the audit trail."""
    if not (account.state == State.PROPOSED and can_verify(actor, account)):
        raise PermissionDenied(not_allowed_on_account(account, verb="verify"))
    full = account_number(account)
    shown = NumberForVerification(
        number=numbers.formatted(full) if full else account.masked_number,
        intermediary_account=intermediary_account(account),
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        instance=account,
        after={"number_shown_to": actor.pk, "shown_for": "verification"},
        company_id=account.company_id,
        label=f"bank account number shown to {actor} for verification",
    )
    return shown


def _counterparty_check(
    account: BankAccount, *, method: str, channel: Channel | None
) -> tuple[Channel, dict]:
    """A counterparty's account: checked through a channel on file before its proposal.
    The channel, and what the step records of it."""
    if method not in COUNTERPARTY_METHODS:
        raise ValidationError(
            {"method": [_("Verify a customer's account by a call, a message or in person.")]}
        )
    if channel is None:
        raise ValidationError({"channel": [_("Choose the channel on file you checked through.")]})
    if not verification_channels(account).filter(pk=channel.pk).exists():
        raise ValidationError(
            {"channel": [_("Verify through a channel that was on file (verified) before "
                           "this account was proposed, never one given in the message that "
                           "announced it, added since or never verified.")]}
        )  # fmt: skip
    channel = Channel.objects.select_related("contact").get(pk=channel.pk)
    return channel, {
        "channel_id": channel.pk,
        "channel": f"{channel.contact.name} · {channel.get_kind_display()} {channel.value}",
        "foreign_domain": channel.is_foreign_domain,
    }


def _our_check(*, method: str, notes: str) -> None:
    """Our own account: the bank confirmed it, and the notes say how."""
    if method not in OUR_METHODS:
        raise ValidationError({"method": [_("Choose how the bank confirmed the account.")]})
    if not notes:
        raise ValidationError(
            {"notes": [_("Describe the confirmation (the letter, the portal page, who).")]}
        )


@transaction.atomic
def bank_account_verify(
    *,
    actor: User,
    account: BankAccount,
    method: str,
    outcome: str,
    channel: Channel | None = None,
    notes: str = "",
    now: datetime.datetime | None = None,
) -> BankAccount:
    """Record the out-of-band check. "confirmed" → VERIFIED; "denied" → REJECTED and flagged
    as a fraud attempt (managers and the customer's owner are told)."""
    now = now or timezone.now()
    account = account_locked(actor=actor, account=account)
    if not can_verify(actor, account):
        raise PermissionDenied(not_allowed_on_account(account, verb="verify"))
    require_state(account, State.PROPOSED)
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": [_("Choose the outcome.")]})
    notes = (notes or "").strip()
    details: dict = {"method": method, "outcome": outcome}
    if account.side == Side.COUNTERPARTY:
        channel, recorded = _counterparty_check(account, method=method, channel=channel)
        details.update(recorded)
    else:
        _our_check(method=method, notes=notes)
        channel = None
    before = snapshot(account)
    account.verified_by, account.verified_at = actor, now
    account.verification_method, account.verification_channel = method, channel
    account.verification_notes = notes
    fields = ["verified_by", "verified_at", "verification_method", "verification_channel",
              "verification_notes"]  # fmt: skip
    confirmed = outcome == "confirmed"
    if not confirmed:
        details["fraud_attempt"] = True
    advance(account, actor=actor, before=before, now=now, fields=fields, details=details,
            notes=notes, state=State.VERIFIED if confirmed else State.REJECTED,
            step=StepKind.VERIFIED if confirmed else StepKind.VERIFICATION_FAILED)  # fmt: skip
    if confirmed:
        notify_if_blocked(
            eligibility=account_approvers(account),
            item=audit_label(account),
            link=link_to(account),
            proposer=account.proposed_by,
        )
    else:
        _alert_fraud(account)
    return account


def _alert_fraud(account: BankAccount) -> None:
    users = managers()
    if account.company is not None and account.company.owner_id:
        users.append(account.company.owner)
    if account.side == Side.OURS:
        users += list(User.objects.filter(role=Role.FINANCE, is_active=True))

    whose = account.company.legal_name if account.company else gettext_lazy("our company")
    title = deferred(
        gettext_lazy("Possible fraud: bank account %(number)s of %(whose)s was denied"),
        number=account.masked_number,
        whose=whose,
    )
    body = deferred(
        gettext_lazy(
            "The out-of-band check denied this account (%(bank)s, %(number)s). Do not pay "
            "into it and keep using the accounts on file."
        ),
        bank=account.bank_name,
        number=account.masked_number,
    )
    notify(users=users, kind=FRAUD_KIND, title=title, body=body, link=link_to(account))
