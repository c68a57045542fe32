"""Bank accounts under four eyes: propose → verify out of band → approve (a second person,
with two-factor) → active → retired; or rejected.

Every step loads the account under a row lock, checks who may act and that the account is
exactly at that step, records a BankAccountStep and an audit entry, and moves the state.
Pages and API call these, so neither can skip a step or let one person play two parts.
There is no service that changes an account's number: a change is a new account.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.eligibility import (
    PROPOSED,
    ROLE,
    VERIFIED,
    Eligibility,
    Refusal,
    evaluate,
    notify_if_blocked,
)
from chengxin.accounts.models import Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.banking.models import (
    BankAccount,
    BankAccountStep,
    Purpose,
    ReceivedPayment,
    Side,
    State,
    StepKind,
    VerificationMethod,
)
from chengxin.banking.selectors import (
    APPROVER_ROLES,
    OPEN_STATES,
    OUR_ACCOUNTS_ROLES,
    account_number,
    bank_details_on_file,
    flagged_messages,
    intermediary_account,
    number_digests,
    visible_accounts,
)
from chengxin.core import bank_numbers as numbers
from chengxin.core import files
from chengxin.core.crypto import encrypt
from chengxin.core.deferred_text import DeferredText, deferred
from chengxin.core.lengths import check_lengths, length_errors
from chengxin.guard.content import FoundAccount, analyse_content
from chengxin.mail.models import Message
from chengxin.mail.permissions import can_view_message
from chengxin.notifications.services import notify
from chengxin.parties.models import Channel, Company
from chengxin.parties.permissions import can_edit_company
from chengxin.parties.selectors import channels_on_file

logger = logging.getLogger("chengxin.banking")

UNKNOWN_ACCOUNT_KIND = "guard.unknown_bank_account"
FRAUD_KIND = "banking.fraud_attempt"
GUARD_BANK_SIGNALS = frozenset({"new_bank_account", "bank_details_unverified"})

OUR_PURPOSES = (Purpose.RECEIVING, Purpose.PAYING, Purpose.OTHER)
COUNTERPARTY_PURPOSES = (Purpose.REFUND, Purpose.COMMISSION, Purpose.PAYING, Purpose.OTHER)
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


# --- permissions ---------------------------------------------------------------------------


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_propose(user, *, side: str, company: Company | None) -> bool:
    """Our accounts: finance, managers, administrators. A counterparty's: whoever may edit
    that customer, or finance."""
    if not _active(user):
        return False
    if side == Side.OURS:
        return user.role in OUR_ACCOUNTS_ROLES
    if company is None:
        return False
    return user.role == Role.FINANCE or can_edit_company(user, company)


def can_verify(user, account: BankAccount) -> bool:
    return can_propose(user, side=account.side, company=account.company)


def approval_needs_manager(account: BankAccount) -> bool:
    """Whether only a manager may approve: the number appeared in a message the guard
    flagged, when it was proposed (kept on the account) or since."""
    if account.approval_needs_manager:
        return True
    return bool(flagged_messages(number_digests(account)))


def approval_roles(*, needs_manager: bool) -> tuple[str, ...]:
    return (Role.MANAGER,) if needs_manager else tuple(APPROVER_ROLES)


def approval_refusal(
    user, account: BankAccount, *, needs_manager: bool | None = None
) -> Refusal | None:
    """Why ``user`` may not approve ``account`` (None: they may, with their second
    factor): only finance or a manager who neither proposed nor verified it; only a
    manager when its number appeared in a flagged message (``needs_manager``: that
    answer when the caller already has it)."""
    if not (_active(user) and user.role in APPROVER_ROLES):
        return Refusal(ROLE, _("Only finance or a manager may approve a bank account."))
    if user.role != Role.MANAGER:
        if needs_manager is None:
            needs_manager = approval_needs_manager(account)
        if needs_manager:
            return Refusal(
                ROLE,
                _(
                    "This account's number appeared in a message flagged as possible fraud: "
                    "only a manager may approve it."
                ),
            )
    if user.pk == account.proposed_by_id:
        return Refusal(PROPOSED, _("You proposed this account; another person must approve it."))
    if user.pk == account.verified_by_id:
        return Refusal(VERIFIED, _("You verified this account; another person must approve it."))
    return None


def can_approve(user, account: BankAccount) -> bool:
    return approval_refusal(user, account) is None


def account_approvers(
    account: BankAccount, *, people=None, needs_manager: bool | None = None
) -> Eligibility:
    """Who may approve ``account`` once it is verified, and why nobody can when nobody
    (``needs_manager``: :func:`approval_needs_manager`'s answer when the caller has it)."""
    if needs_manager is None:
        needs_manager = approval_needs_manager(account)
    return evaluate(
        lambda user: approval_refusal(user, account, needs_manager=needs_manager),
        roles=approval_roles(needs_manager=needs_manager),
        people=people,
    )


def can_reject(user, account: BankAccount) -> bool:
    return can_verify(user, account) or (_active(user) and user.role in APPROVER_ROLES)


def can_retire(user, account: BankAccount) -> bool:
    return _active(user) and user.role in APPROVER_ROLES


def can_record_payment(user) -> bool:
    return _active(user) and user.role in OUR_ACCOUNTS_ROLES


def _not_allowed_on_account(account: BankAccount, *, verb: str) -> str:
    """Why a user may not verify or reject ``account``, in the reader's words."""
    if account.side == Side.OURS:
        if verb == "verify":
            return _("Only finance, a manager or an administrator may verify our own accounts.")
        return _("Only finance, a manager or an administrator may reject our own accounts.")
    if verb == "verify":
        return _(
            "Only the customer's owner, a colleague it is shared with, a manager or finance may verify this account."
        )
    return _(
        "Only the customer's owner, a colleague it is shared with, a manager or finance may reject this account."
    )


def allowed_actions(user, account: BankAccount) -> set[str]:
    """The steps ``user`` may take on ``account`` now (what the detail page offers)."""
    actions: set[str] = set()
    if account.state == State.PROPOSED and can_verify(user, account):
        actions.add("verify")
    if account.state == State.VERIFIED and can_approve(user, account):
        actions.add("approve")
    if account.state in OPEN_STATES and can_reject(user, account):
        actions.add("reject")
    if account.state == State.ACTIVE and can_retire(user, account):
        actions.add("retire")
    if can_verify(user, account) or can_approve(user, account):
        actions.add("edit_label")
    return actions


# --- helpers -------------------------------------------------------------------------------


def _locked(*, actor: User, account: BankAccount) -> BankAccount:
    """The account again, locked; DoesNotExist when the actor may not see it."""
    account = (
        BankAccount.objects.select_for_update(of=("self",))
        .select_related("company__owner", "source_message")
        .get(pk=account.pk)
    )
    if not visible_accounts(actor).filter(pk=account.pk).exists():
        raise BankAccount.DoesNotExist
    return account


def _require_state(account: BankAccount, *states: str) -> None:
    if account.state not in states:
        raise ValidationError(
            _("This step is not possible now: the account is “%(state)s”.")
            % {"state": account.get_state_display()},
            code="wrong_step",
        )


def _label(account: BankAccount) -> str:
    return str(account)[:300]


def _advance(
    *,
    actor: User | None,
    account: BankAccount,
    before: dict,
    state: str,
    fields: list[str],
    step: str,
    details: dict | None = None,
    notes: str = "",
    now: datetime.datetime,
) -> BankAccountStep:
    if state != account.state:
        account.state, account.state_changed_at = state, now
        fields = [*fields, "state", "state_changed_at"]
    if fields:
        account.save(update_fields=sorted(set(fields)))
    row = BankAccountStep.objects.create(
        account=account, kind=step, actor=actor, at=now, details=details or {}, notes=notes
    )
    changes = [Change(Action.CREATE, row, None, snapshot(row), account.company_id, _label(account))]
    if fields:
        changes.insert(
            0,
            Change(
                Action.UPDATE,
                account,
                before,
                snapshot(account),
                account.company_id,
                _label(account),
            ),
        )
    audit_record_many(actor=actor, changes=changes)
    return row


def link_to(account: BankAccount) -> str:
    return reverse("banking:account_detail", args=[account.pk])


def _managers() -> list[User]:
    return list(User.objects.filter(role=Role.MANAGER, is_active=True).order_by("id"))


# --- 1. propose ----------------------------------------------------------------------------


def _schwifty_reason(exc: ValueError) -> str:
    """schwifty's reason in the reader's language (its own text is English)."""
    from schwifty import exceptions as sx

    cause = exc.__cause__
    reasons = (
        (sx.InvalidChecksumDigits, _("its check digits are wrong (a typing error?)")),
        (sx.InvalidBBANChecksum, _("the national check digit is wrong")),
        (sx.InvalidLength, _("its length is wrong for its country")),
        (sx.InvalidCountryCode, _("the country code is unknown")),
        (sx.InvalidStructure, _("its format does not fit its country")),
        (sx.InvalidBankCode, _("the bank code is not valid")),
        (sx.InvalidBranchCode, _("the branch code is not valid")),
        (sx.InvalidAccountCode, _("the account code is not valid")),
    )
    for kind, reason in reasons:
        if isinstance(cause, kind):
            return f"{reason} ({exc})"
    return str(exc)


@dataclass(frozen=True)
class _Checked:
    iban: str
    number: str
    routing_code: str
    bic: str
    bank_name: str
    bank_country: str
    currency: str
    intermediary_bic: str
    warnings: tuple[str, ...]


def _check_details(
    *,
    iban: str,
    account_number: str,
    routing_code: str,
    bic: str,
    bank_name: str,
    bank_country: str,
    currency: str,
    intermediary_bic: str,
) -> _Checked:
    """Validate the bank details; ValidationError with every field's problem at once."""
    errors: dict[str, list[str]] = {}
    warnings: list[str] = []
    known_names: list[str] = []
    registry_bic = ""
    country = (bank_country or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        errors.setdefault("bank_country", []).append(_("Enter a two-letter country code."))
    iban_value = number_value = code = ""
    iban_country = bic_country = ""
    has_iban, has_number = bool(numbers.normalise(iban)), bool(numbers.normalise(account_number))
    if has_iban == has_number:
        errors.setdefault("iban", []).append(
            _("Enter either an IBAN or a local account number, not both.")
            if has_iban
            else _("Enter an IBAN or a local account number.")
        )
    elif has_iban:
        try:
            parsed = numbers.validate_iban(iban)
        except ValueError as exc:
            errors.setdefault("iban", []).append(
                _("This IBAN is not valid: %(reason)s") % {"reason": _schwifty_reason(exc)}
            )
        else:
            iban_value, iban_country = parsed.compact, parsed.country_code
            name, registry_bic = numbers.iban_bank(parsed)
            if name:
                known_names.append(name)
    bic_value = ""
    if numbers.normalise(bic):
        try:
            info = numbers.validate_bic(bic)
        except ValueError as exc:
            errors.setdefault("bic", []).append(
                _("This SWIFT/BIC code is not valid: %(reason)s")
                % {"reason": _schwifty_reason(exc)}
            )
        else:
            bic_value, bic_country = info.bic, info.country
            known_names.extend(info.bank_names)
            if iban_country and bic_country != iban_country:
                errors.setdefault("bic", []).append(
                    _("The SWIFT/BIC code is of a bank in %(bic)s, the IBAN of one in %(iban)s.")
                    % {"bic": bic_country, "iban": iban_country}
                )
    elif registry_bic:
        bic_value, bic_country = registry_bic, iban_country
    inferred = iban_country or bic_country
    if country and inferred and country != inferred:
        errors.setdefault("bank_country", []).append(
            _("The bank's country does not match its IBAN or SWIFT/BIC code (%(country)s).")
            % {"country": inferred}
        )
    country = country or inferred
    if has_number and not has_iban:
        try:
            number_value = numbers.validate_local_number(account_number)
        except ValueError:
            errors.setdefault("account_number", []).append(
                _("An account number has 4 to 34 letters and digits.")
            )
        if not country:
            errors.setdefault("bank_country", []).append(
                _("Enter the bank's country (or its SWIFT/BIC code) for a local account number.")
            )
        else:
            try:
                code = numbers.validate_routing_code(country, routing_code)
            except ValueError:
                rule = numbers.routing_rule(country)
                if rule is not None and not numbers.normalise(routing_code):
                    message = _("An account in %(country)s needs its %(name)s.") % {
                        "country": country,
                        "name": rule.name,
                    }
                elif (
                    country == "US" and rule and rule.pattern.match(numbers.normalise(routing_code))
                ):
                    message = _("The ABA routing number's check digit is wrong.")
                elif rule is not None:
                    message = _("This is not a valid %(name)s (for example %(example)s).") % {
                        "name": rule.name,
                        "example": rule.example,
                    }
                else:
                    message = _("The routing or clearing code has characters it cannot have.")
                errors.setdefault("routing_code", []).append(message)
    elif numbers.normalise(routing_code):
        errors.setdefault("routing_code", []).append(
            _("An IBAN carries its bank code; leave the routing code empty.")
        )
    try:
        currency_value = numbers.validate_currency(currency)
    except ValueError:
        errors.setdefault("currency", []).append(_("Enter an ISO 4217 currency code, e.g. USD."))
        currency_value = ""
    intermediary_value = ""
    if numbers.normalise(intermediary_bic):
        try:
            intermediary_value = numbers.validate_bic(intermediary_bic).bic
        except ValueError as exc:
            errors.setdefault("intermediary_bic", []).append(
                _("This SWIFT/BIC code is not valid: %(reason)s")
                % {"reason": _schwifty_reason(exc)}
            )
    name = (bank_name or "").strip()
    registry_name = numbers.BicInfo("", "", tuple(known_names)).bank_name if known_names else ""
    if not name:
        name = registry_name
        if not name:
            errors.setdefault("bank_name", []).append(_("Enter the bank's name."))
    elif known_names and numbers.bank_names_differ(name, known_names):
        warnings.append(
            _("The bank's registry knows this bank as “%(known)s”, not “%(typed)s”: check it.")
            % {"known": registry_name or known_names[0], "typed": name}
        )
    if errors:
        raise ValidationError(errors)
    return _Checked(
        iban=iban_value,
        number=number_value,
        routing_code=code,
        bic=bic_value,
        bank_name=name[:200],  # a typed name is checked first; a registry's is cut
        bank_country=country,
        currency=currency_value,
        intermediary_bic=intermediary_value,
        warnings=tuple(warnings),
    )


@transaction.atomic
def bank_account_propose(
    *,
    actor: User,
    side: str,
    company: Company | None = None,
    purpose: str,
    holder_name: str,
    bank_name: str = "",
    bank_address: str = "",
    bank_country: str = "",
    bic: str = "",
    iban: str = "",
    account_number: str = "",
    routing_code: str = "",
    currency: str,
    intermediary_bic: str = "",
    intermediary_account: str = "",
    label: str = "",
    notes: str = "",
    replaces: BankAccount | None = None,
    source_message: Message | None = None,
    now: datetime.datetime | None = None,
) -> BankAccount:
    """A new account, PROPOSED. The warnings (a bank name that differs from the registry's)
    are in the PROPOSED step's ``details["warnings"]``."""
    now = now or timezone.now()
    if side not in Side.values:
        raise ValidationError({"side": [_("Choose whose account it is.")]})
    if side == Side.OURS:
        company = None
    elif company is None:
        raise ValidationError({"company": [_("Choose the counterparty.")]})
    else:
        company = Company.objects.select_related("owner").get(pk=company.pk)
    if not can_propose(actor, side=side, company=company):
        raise PermissionDenied(
            _("Only finance, a manager or an administrator may propose our own accounts.")
            if side == Side.OURS
            else _("You may not propose bank accounts for this customer.")
        )
    allowed = OUR_PURPOSES if side == Side.OURS else COUNTERPARTY_PURPOSES
    if purpose not in allowed:
        raise ValidationError({"purpose": [_("Choose what the account is for.")]})
    holder = (holder_name or "").strip()
    if not holder:
        raise ValidationError({"holder_name": [_("Enter the account holder's name.")]})
    check_lengths(
        BankAccount,
        holder_name=holder,
        label=(label or "").strip(),
        bank_name=(bank_name or "").strip(),
    )
    checked = _check_details(
        iban=iban,
        account_number=account_number,
        routing_code=routing_code,
        bic=bic,
        bank_name=bank_name,
        bank_country=bank_country,
        currency=currency,
        intermediary_bic=intermediary_bic,
    )
    number = checked.iban or checked.number
    number_digest = numbers.digest(number)
    domestic = numbers.domestic_part(checked.iban) if checked.iban else ""
    domestic_digest = numbers.digest(domestic) if domestic else ""
    look_for = [d for d in (number_digest, domestic_digest) if d]
    duplicate = BankAccount.objects.filter(
        Q(number_digest__in=look_for) | Q(domestic_digest__in=look_for),
        side=side,
        company=company,
        state__in=(State.PROPOSED, State.VERIFIED, State.ACTIVE),
    ).first()
    if duplicate is not None:
        raise ValidationError(
            _("This account is already on file (%(account)s, %(state)s).")
            % {"account": duplicate.masked_number, "state": duplicate.get_state_display()},
            code="duplicate",
        )
    # A number that a flagged message named (a lookalike sender's "new account"): the
    # proposal is allowed, so the four-eyes life cycle stays the same (propose, verify out
    # of band, approve), but its approval is raised to a manager's (finance, who is usually
    # the one asked to pay, may not approve it alone), and the account shows the message.
    flagged = flagged_messages([*look_for, *numbers.candidate_digests(number)])
    if replaces is not None:
        replaces = BankAccount.objects.select_for_update().get(pk=replaces.pk)
        if (
            replaces.state != State.ACTIVE
            or replaces.side != side
            or replaces.company_id != (company.pk if company else None)
        ):
            raise ValidationError(
                {"replaces": [_("Only an active account of the same owner can be replaced.")]}
            )
    if source_message is not None:
        if not can_view_message(actor, source_message):
            raise Message.DoesNotExist
        if company is not None and source_message.company_id not in (None, company.pk):
            raise ValidationError(_("This message is about another customer."))
    account = BankAccount.objects.create(
        side=side,
        company=company,
        purpose=purpose,
        label=(label or "").strip(),
        holder_name=holder,
        bank_name=checked.bank_name,
        bank_address=(bank_address or "").strip(),
        bank_country=checked.bank_country,
        bic=checked.bic,
        iban_encrypted=encrypt(checked.iban) if checked.iban else "",
        number_encrypted=encrypt(checked.number) if checked.number else "",
        routing_code=checked.routing_code,
        number_digest=number_digest,
        domestic_digest=domestic_digest,
        number_last4=numbers.last4(number),
        currency=checked.currency,
        intermediary_bic=checked.intermediary_bic,
        intermediary_account_encrypted=(
            encrypt(numbers.normalise(intermediary_account))
            if numbers.normalise(intermediary_account)
            else ""
        ),
        notes=(notes or "").strip(),
        state=State.PROPOSED,
        state_changed_at=now,
        replaces=replaces,
        source_message=source_message,
        proposed_by=actor,
        proposed_at=now,
        flagged_message=flagged[0] if flagged else None,
        approval_needs_manager=bool(flagged),
    )
    row = BankAccountStep.objects.create(
        account=account,
        kind=StepKind.PROPOSED,
        actor=actor,
        at=now,
        details={
            "number": account.masked_number,
            "bic": account.bic,
            "currency": account.currency,
            "replaces_id": replaces.pk if replaces else None,
            "message_id": source_message.pk if source_message else None,
            "flagged_message_ids": [m.pk for m in flagged],
            "warnings": list(checked.warnings),
        },
        notes=account.notes,
    )
    company_id = company.pk if company else None
    audit_record_many(
        actor=actor,
        changes=[
            Change(Action.CREATE, account, None, snapshot(account), company_id, _label(account)),
            Change(Action.CREATE, row, None, snapshot(row), company_id, _label(account)),
        ],
    )
    return account


def proposal_warnings(account: BankAccount) -> list[str]:
    step = account.steps.filter(kind=StepKind.PROPOSED).first()
    return list((step.details or {}).get("warnings", [])) if step else []


# --- 2. verify -----------------------------------------------------------------------------


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
        raise PermissionDenied(_not_allowed_on_account(account, verb="verify"))
    full = account_number(account)
    shown = NumberForVerification(
        number=numbers.formatted(full) if full else account.masked_number,
        intermediary_account=intermediary_account(account),
    )
    audit_record_many(
        actor=actor,
        changes=[
            Change(
                Action.UPDATE,
                account,
                before=None,
                after={"number_shown_to": actor.pk, "shown_for": "verification"},
                company_id=account.company_id,
                label=f"bank account number shown to {actor} for verification",
            )
        ],
    )
    return shown


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
    account = _locked(actor=actor, account=account)
    if not can_verify(actor, account):
        raise PermissionDenied(_not_allowed_on_account(account, verb="verify"))
    _require_state(account, State.PROPOSED)
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": [_("Choose the outcome.")]})
    notes = (notes or "").strip()
    details: dict = {"method": method, "outcome": outcome}
    if account.side == Side.COUNTERPARTY:
        if method not in COUNTERPARTY_METHODS:
            raise ValidationError(
                {"method": [_("Verify a customer's account by a call, a message or in person.")]}
            )
        if channel is None:
            raise ValidationError(
                {"channel": [_("Choose the channel on file you checked through.")]}
            )
        if not verification_channels(account).filter(pk=channel.pk).exists():
            raise ValidationError(
                {"channel": [_("Verify through a channel that was on file (verified) before "
                               "this account was proposed, never one given in the message that "
                               "announced it, added since or never verified.")]}
            )  # fmt: skip
        channel = Channel.objects.select_related("contact").get(pk=channel.pk)
        details["channel_id"] = channel.pk
        details["channel"] = (
            f"{channel.contact.name} · {channel.get_kind_display()} {channel.value}"
        )
        details["foreign_domain"] = channel.is_foreign_domain
    else:
        if method not in OUR_METHODS:
            raise ValidationError({"method": [_("Choose how the bank confirmed the account.")]})
        if not notes:
            raise ValidationError(
                {"notes": [_("Describe the confirmation (the letter, the portal page, who).")]}
            )
        channel = None
    before = snapshot(account)
    account.verified_by, account.verified_at = actor, now
    account.verification_method, account.verification_channel = method, channel
    account.verification_notes = notes
    fields = [
        "verified_by",
        "verified_at",
        "verification_method",
        "verification_channel",
        "verification_notes",
    ]
    if outcome == "confirmed":
        _advance(actor=actor, account=account, before=before, state=State.VERIFIED,
                 fields=fields, step=StepKind.VERIFIED, details=details, notes=notes,
                 now=now)  # fmt: skip
        notify_if_blocked(
            eligibility=account_approvers(account),
            item=_label(account),
            link=link_to(account),
            proposer=account.proposed_by,
        )
        return account
    details["fraud_attempt"] = True
    _advance(actor=actor, account=account, before=before, state=State.REJECTED, fields=fields,
             step=StepKind.VERIFICATION_FAILED, details=details, notes=notes, now=now)  # fmt: skip
    _alert_fraud(account)
    return account


def _alert_fraud(account: BankAccount) -> None:
    users = _managers()
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


# --- 3. approve, reject, retire --------------------------------------------------------------


@transaction.atomic
def bank_account_approve(
    *,
    actor: User,
    account: BankAccount,
    second_factor_passed: bool,
    notes: str = "",
    now: datetime.datetime | None = None,
) -> BankAccount:
    """The second pair of eyes: finance or a manager, never the proposer or the verifier,
    with a passed second factor. The account becomes ACTIVE."""
    now = now or timezone.now()
    account = _locked(actor=actor, account=account)
    refusal = approval_refusal(actor, account)
    if refusal is not None and refusal.code == ROLE:
        raise PermissionDenied(refusal.message)
    _require_state(account, State.VERIFIED)
    if refusal is not None:
        raise PermissionDenied(refusal.message)
    if not second_factor_passed:
        raise PermissionDenied(_("Approving a bank account needs your second factor."))
    before = snapshot(account)
    account.approved_by, account.approved_at, account.active_since = actor, now, now
    _advance(actor=actor, account=account, before=before, state=State.ACTIVE,
             fields=["approved_by", "approved_at", "active_since"], step=StepKind.APPROVED,
             details={"second_factor": True}, notes=(notes or "").strip(), now=now)  # fmt: skip
    return account


@transaction.atomic
def bank_account_reject(
    *, actor: User, account: BankAccount, reason: str, now: datetime.datetime | None = None
) -> BankAccount:
    now = now or timezone.now()
    account = _locked(actor=actor, account=account)
    if not can_reject(actor, account):
        raise PermissionDenied(_not_allowed_on_account(account, verb="reject"))
    _require_state(account, *OPEN_STATES)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the account is rejected.")]})
    before = snapshot(account)
    account.retire_reason = reason
    _advance(actor=actor, account=account, before=before, state=State.REJECTED,
             fields=["retire_reason"], step=StepKind.REJECTED,
             details={"fraud_attempt": False}, notes=reason, now=now)  # fmt: skip
    return account


@transaction.atomic
def bank_account_retire(
    *, actor: User, account: BankAccount, reason: str, now: datetime.datetime | None = None
) -> BankAccount:
    now = now or timezone.now()
    account = _locked(actor=actor, account=account)
    if not can_retire(actor, account):
        raise PermissionDenied(_("Only finance or a manager may retire a bank account."))
    _require_state(account, State.ACTIVE)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the account is retired.")]})
    before = snapshot(account)
    account.retired_by, account.retired_at, account.retire_reason = actor, now, reason
    _advance(actor=actor, account=account, before=before, state=State.RETIRED,
             fields=["retired_by", "retired_at", "retire_reason"], step=StepKind.RETIRED,
             notes=reason, now=now)  # fmt: skip
    return account


@transaction.atomic
def bank_account_label_update(
    *, actor: User, account: BankAccount, label: str, notes: str
) -> BankAccount:
    """The label and notes only (any state): never the number, bank or holder."""
    account = _locked(actor=actor, account=account)
    if not (can_verify(actor, account) or can_approve(actor, account)):
        raise PermissionDenied(
            _("Only someone who may verify or approve this account may change its label.")
        )
    check_lengths(BankAccount, label=(label or "").strip())
    before = snapshot(account)
    account.label, account.notes = (label or "").strip(), (notes or "").strip()
    account.save(update_fields=["label", "notes"])
    audit_record_many(
        actor=actor,
        changes=[
            Change(
                Action.UPDATE,
                account,
                before,
                snapshot(account, {"notes": account.notes}),
                account.company_id,
                _label(account),
            )  # fmt: skip
        ],
    )
    return account


# --- payments received ---------------------------------------------------------------------


# ReceivedPayment.amount holds 18 digits, two of them decimals.
_PAYMENT_AMOUNT_LIMIT = Decimal(10) ** 16


@transaction.atomic
def payment_record(
    *,
    actor: User,
    account: BankAccount,
    company: Company,
    amount: Decimal | str,
    currency: str,
    received_on: datetime.date,
    reference: str = "",
) -> ReceivedPayment:
    """Money a buyer paid into one of our (active or retired) accounts."""
    if not can_record_payment(actor):
        raise PermissionDenied(_("Only finance, a manager or an administrator records payments."))
    account = BankAccount.objects.select_for_update().get(pk=account.pk)
    errors: dict[str, list[str]] = {}
    if account.side != Side.OURS or account.state not in (State.ACTIVE, State.RETIRED):
        errors["account"] = [_("Choose one of our approved accounts.")]
    try:
        value = Decimal(str(amount))
        whole = value.is_finite() and value > 0 and value == value.quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):  # not a number, or too many digits to round
        value, whole = Decimal(0), False
    if not whole:
        errors["amount"] = [_("Enter an amount above zero with at most two decimals.")]
    elif value >= _PAYMENT_AMOUNT_LIMIT:
        errors["amount"] = [_("This amount is too large.")]
    try:
        currency = numbers.validate_currency(currency)
    except ValueError:
        errors["currency"] = [_("Enter an ISO 4217 currency code, e.g. USD.")]
    if received_on is None or received_on > timezone.localdate() + datetime.timedelta(days=1):
        errors["received_on"] = [_("Enter the day the money arrived (not in the future).")]
    reference = (reference or "").strip()
    errors.update(length_errors(ReceivedPayment, reference=reference))
    if errors:
        raise ValidationError(errors)
    payment = ReceivedPayment.objects.create(
        account=account,
        company=company,
        amount=value,
        currency=currency,
        received_on=received_on,
        reference=reference,
        recorded_by=actor,
    )
    audit_record_many(
        actor=actor,
        changes=[Change(Action.CREATE, payment, None, snapshot(payment), company.pk, str(payment))],
    )
    return payment


# --- key rotation --------------------------------------------------------------------------


def bank_accounts_rehash() -> int:
    """Recompute every account's digests with the current key (after a key rotation) and
    re-encrypt its numbers under the current key. Returns the number of accounts changed."""
    from chengxin.core.crypto import decrypt

    changed = 0
    for pk in BankAccount.objects.order_by("id").values_list("pk", flat=True):
        with transaction.atomic():
            account = BankAccount.objects.select_for_update().get(pk=pk)
            iban = decrypt(account.iban_encrypted)
            number = iban or decrypt(account.number_encrypted)
            intermediary = decrypt(account.intermediary_account_encrypted)
            domestic = numbers.domestic_part(iban) if iban else ""
            new_digest = numbers.digest(number)
            new_domestic = numbers.digest(domestic) if domestic else ""
            before = snapshot(account)
            account.iban_encrypted = encrypt(iban) if iban else ""
            account.number_encrypted = (
                encrypt(decrypt(account.number_encrypted)) if account.number_encrypted else ""
            )
            account.intermediary_account_encrypted = encrypt(intermediary) if intermediary else ""
            digests_changed = (new_digest, new_domestic) != (
                account.number_digest,
                account.domestic_digest,
            )
            account.number_digest, account.domestic_digest = new_digest, new_domestic
            account.save(
                update_fields=[
                    "iban_encrypted",
                    "number_encrypted",
                    "intermediary_account_encrypted",
                    "number_digest",
                    "domestic_digest",
                ]
            )
            if digests_changed:
                changed += 1
                audit_record_many(
                    actor=None,
                    changes=[
                        Change(
                            Action.UPDATE,
                            account,
                            before,
                            snapshot(account),
                            account.company_id,
                            _label(account),
                        )  # fmt: skip
                    ],
                )
    return changed


# --- the guard: account numbers in messages and documents ---------------------------------

#: Documents larger than this are not read for account numbers.
MAX_DOCUMENT_BYTES = 15 * 1024 * 1024
#: At most this many PDF pages and this much text are searched.
MAX_PDF_PAGES = 30
MAX_DOCUMENT_TEXT = 200_000
#: At most this many attachments of a message are read.
MAX_ATTACHMENTS = 10
_TEXT_TYPES = ("text/", "application/csv", "application/xml", "application/json")
_TEXT_SUFFIXES = (".txt", ".csv", ".xml", ".sta", ".mt940", ".mt942", ".json", ".tsv")


def document_kind(*, filename: str, content_type: str, content: bytes = b"") -> str:
    """ "pdf", "text" or "" (a kind whose account numbers are not read: images, archives)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    name = (filename or "").lower()
    if kind == "application/pdf" or name.endswith(".pdf") or content[:5] == b"%PDF-":
        return "pdf"
    if kind.startswith(_TEXT_TYPES) or name.endswith(_TEXT_SUFFIXES):
        return "text"
    return ""


def document_text(*, filename: str, content: bytes, content_type: str) -> str:
    """The text of a PDF, plain-text, CSV or XML document; "" for other kinds and for
    documents that cannot be read (a broken PDF is no error: it has no text to check)."""
    if not content or len(content) > MAX_DOCUMENT_BYTES:
        return ""
    kind = document_kind(filename=filename, content_type=content_type, content=content)
    if kind == "pdf":
        return _pdf_text(content)
    if kind == "text":
        for encoding in ("utf-8-sig", "gb18030", "latin-1"):
            try:
                return content.decode(encoding)[:MAX_DOCUMENT_TEXT]
            except UnicodeDecodeError:
                continue
    return ""


def _pdf_text(content: bytes) -> str:
    return files.pdf_text(content, max_pages=MAX_PDF_PAGES, max_chars=MAX_DOCUMENT_TEXT)


def _accounts_in_text(text: str, company_id: int | None) -> list[FoundAccount]:
    from chengxin.guard.content import MAX_TEXT

    on_file = bank_details_on_file(company_id)
    found: dict[tuple[str, str], FoundAccount] = {}
    for start in range(0, min(len(text), MAX_DOCUMENT_TEXT), MAX_TEXT - 200):
        chunk = text[start : start + MAX_TEXT]
        for account in analyse_content("", chunk, bank_details=on_file).accounts:
            found.setdefault((account.kind, account.value), account)
    return list(found.values())


def found_account_display(account: FoundAccount) -> DeferredText:
    """A found identifier as a task names it: a BIC in full (it is public), a number masked."""
    kind = {"iban": "IBAN", "bic": "SWIFT/BIC", "account_number": gettext_lazy("account number")}
    value = account.value if account.kind == "bic" else numbers.masked(account.value)
    # A layout, not a sentence: nothing to translate but the kind.
    return DeferredText(
        msgid="- %(kind)s %(value)s",
        params={"kind": kind.get(account.kind, account.kind), "value": value},
    )


def _unknown_account_todo(
    *,
    assignee: User | None,
    company: Company | None,
    accounts: list[FoundAccount],
    related: tuple[str, str],
    link: str,
    where: str | Promise,
    actor: User | None,
    notify_assignee: bool = True,
) -> None:
    from chengxin.todos.models import Todo
    from chengxin.todos.services import todo_create

    if assignee is None or not accounts:
        return
    if Todo.objects.filter(
        kind=UNKNOWN_ACCOUNT_KIND, related_type=related[0], related_id=related[1]
    ).exists():
        return
    title = deferred(gettext_lazy("Bank details not on file in %(where)s"), where=where)
    lines = [
        deferred(
            gettext_lazy("These bank identifiers are not on file for %(whose)s:"),
            whose=company.legal_name if company else gettext_lazy("the sender"),
        ),
        *(found_account_display(a) for a in accounts),
        deferred(
            gettext_lazy(
                "Do not pay into or record them before they are verified through a channel on file."
            )
        ),
    ]
    todo_create(
        assignee=assignee,
        kind=UNKNOWN_ACCOUNT_KIND,
        title=title,
        body=lines,
        link=link,
        company=company,
        related=related,
        actor=actor,
        notify_assignee=notify_assignee,
    )


def _responsible_for_company(company: Company | None) -> User | None:
    while company is not None and company.merged_into_id:
        company = company.merged_into
    if company is not None and company.owner_id and company.owner.is_active:
        return company.owner
    managers = _managers()
    return managers[0] if managers else None


def document_accounts(
    *, company: Company | None, filename: str, content: bytes, content_type: str
) -> list[FoundAccount]:
    """Every bank identifier a document names (PDF, text, CSV, XML), each with ``on_file``
    against ``company``'s accounts on file and ours; nothing for an unreadable one."""
    text = document_text(filename=filename, content=content, content_type=content_type)
    if not text.strip():
        return []
    return _accounts_in_text(text, company.pk if company else None)


def document_check_accounts(
    *,
    company: Company | None,
    filename: str,
    content: bytes,
    content_type: str,
    actor: User | None = None,
    link: str = "",
) -> list[FoundAccount]:
    """Every bank identifier a document names (PDF, text, CSV, XML), each with ``on_file``
    against ``company``'s accounts on file and ours. For those not on file, one task (once
    per document content) goes to the customer's owner, or a manager when there is none.
    A document that cannot be read names nothing."""
    found = document_accounts(
        company=company, filename=filename, content=content, content_type=content_type
    )
    unknown = [a for a in found if not a.on_file]
    if unknown:
        digest = hashlib.sha256(content).hexdigest()
        if not link and company is not None:
            link = reverse("parties:company_detail", args=[company.pk])
        with transaction.atomic():
            _unknown_account_todo(
                assignee=_responsible_for_company(company),
                company=company,
                accounts=unknown,
                related=("banking.document", digest),
                link=link,
                where=(filename or "")[:120] or gettext_lazy("a document"),
                actor=actor,
            )
    return found


def message_attachment_accounts(*, message: Message) -> list[tuple[str, FoundAccount]]:
    """(file name, identifier) for each bank identifier that the message's readable
    attachments (PDF, text, CSV, XML; at most 10) name and that is not on file for its
    sender. An unreadable attachment names nothing; this never raises for one."""
    readable = [
        attachment
        for attachment in message.attachments.order_by("id")
        if attachment.size <= MAX_DOCUMENT_BYTES
        and document_kind(filename=attachment.filename, content_type=attachment.content_type)
    ]
    found: dict[tuple[str, str], tuple[str, FoundAccount]] = {}
    for attachment in readable[:MAX_ATTACHMENTS]:
        try:
            with attachment.file.open("rb") as handle:
                content = handle.read(MAX_DOCUMENT_BYTES + 1)
            text = document_text(
                filename=attachment.filename,
                content=content,
                content_type=attachment.content_type,
            )
            if not text.strip():
                continue
            for account in _accounts_in_text(text, message.company_id):
                if not account.on_file:
                    found.setdefault((account.kind, account.value), (attachment.filename, account))
        except Exception:  # an unreadable attachment must never stop the assessment
            logger.warning("Attachment %s could not be checked", attachment.pk, exc_info=True)
    return list(found.values())


def message_check_accounts(
    *,
    message: Message,
    assessment,
    attachment_accounts: list[tuple[str, FoundAccount]] | None = None,
) -> list[FoundAccount]:
    """After the guard assessed ``message``: one task (once per message) when its text
    (the assessment's signals) or an attachment names bank identifiers not on file for its
    sender. ``attachment_accounts``: what :func:`message_attachment_accounts` found, when
    the caller has it already."""
    from chengxin.guard.services import responsible_owner
    from chengxin.todos.models import Todo

    related = ("mail.message", str(message.pk))
    if Todo.objects.filter(
        kind=UNKNOWN_ACCOUNT_KIND, related_type=related[0], related_id=related[1]
    ).exists():
        return []  # checked before (a re-assessment): one task per message
    unknown: dict[tuple[str, str], FoundAccount] = {}
    if any(s.get("code") in GUARD_BANK_SIGNALS for s in assessment.signals or []):
        on_file = bank_details_on_file(message.company_id)
        text = "\n".join(p for p in (message.subject, message.text_body) if p)
        for account in analyse_content("", text, bank_details=on_file).new_accounts:
            unknown.setdefault((account.kind, account.value), account)
    if attachment_accounts is None:
        attachment_accounts = message_attachment_accounts(message=message)
    for _filename, account in attachment_accounts:
        unknown.setdefault((account.kind, account.value), account)
    accounts = list(unknown.values())
    if accounts:
        owner = responsible_owner(message)
        if owner is None or not owner.is_active:
            managers = _managers()
            owner = managers[0] if managers else None
        with transaction.atomic():
            _unknown_account_todo(
                assignee=owner,
                company=message.company,
                accounts=accounts,
                related=related,
                link=reverse("mail:message_detail", args=[message.pk]),
                where=(message.subject or "")[:120] or gettext_lazy("a message"),
                actor=None,
                # An alarming message already notified its owner (with the same link): the
                # task is on their list without a second notification.
                notify_assignee=not assessment.is_alarming,
            )
    return accounts
