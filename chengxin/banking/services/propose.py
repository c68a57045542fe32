"""Step 1: proposing an account (ours, or a counterparty's)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.banking.flagged import flagged_messages
from chengxin.banking.models import BankAccount, BankAccountStep, Purpose, Side, State, StepKind
from chengxin.banking.permissions import can_propose
from chengxin.banking.services.common import audit_label
from chengxin.banking.services.details import CheckedDetails, details_check
from chengxin.core import bank_numbers as numbers
from chengxin.core.crypto import encrypt
from chengxin.core.lengths import check_lengths
from chengxin.mail.models import Message
from chengxin.mail.permissions import can_view_message
from chengxin.parties.models import Company

OUR_PURPOSES = (Purpose.RECEIVING, Purpose.PAYING, Purpose.OTHER)
COUNTERPARTY_PURPOSES = (Purpose.REFUND, Purpose.COMMISSION, Purpose.PAYING, Purpose.OTHER)


def _proposal_company(*, actor: User, side: str, company: Company | None) -> Company | None:
    """Whose account it is (None: ours), once the actor may propose it."""
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
    return company


def _holder_checked(*, side: str, purpose: str, holder_name: str, label: str, bank_name: str):
    allowed = OUR_PURPOSES if side == Side.OURS else COUNTERPARTY_PURPOSES
    if purpose not in allowed:
        raise ValidationError({"purpose": [_("Choose what the account is for.")]})
    holder = (holder_name or "").strip()
    if not holder:
        raise ValidationError({"holder_name": [_("Enter the account holder's name.")]})
    check_lengths(BankAccount, holder_name=holder, label=label, bank_name=(bank_name or "").strip())
    return holder


def _refuse_duplicate(*, side: str, company: Company | None, digests: list[str]) -> None:
    duplicate = BankAccount.objects.filter(
        Q(number_digest__in=digests) | Q(domestic_digest__in=digests),
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


def _replaced(replaces: BankAccount | None, *, side: str, company: Company | None):
    if replaces is None:
        return None
    replaces = BankAccount.objects.select_for_update().get(pk=replaces.pk)
    if (
        replaces.state != State.ACTIVE
        or replaces.side != side
        or replaces.company_id != (company.pk if company else None)
    ):
        raise ValidationError(
            {"replaces": [_("Only an active account of the same owner can be replaced.")]}
        )
    return replaces


def _check_source_message(message: Message | None, *, actor: User, company: Company | None) -> None:
    if message is None:
        return
    if not can_view_message(actor, message):
        raise Message.DoesNotExist
    if company is not None and message.company_id not in (None, company.pk):
        raise ValidationError(_("This message is about another customer."))


def _encrypted(value: str) -> str:
    return encrypt(value) if value else ""


def _number_fields(checked: CheckedDetails, *, intermediary_account: str) -> dict:
    """The account's bank and number fields from the checked details: the numbers
    encrypted, with their look-up digests and last four characters."""
    number = checked.iban or checked.number
    domestic = numbers.domestic_part(checked.iban) if checked.iban else ""
    return {
        "bank_name": checked.bank_name,
        "bank_country": checked.bank_country,
        "bic": checked.bic,
        "iban_encrypted": _encrypted(checked.iban),
        "number_encrypted": _encrypted(checked.number),
        "routing_code": checked.routing_code,
        "number_digest": numbers.digest(number),
        "domestic_digest": numbers.digest(domestic) if domestic else "",
        "number_last4": numbers.last4(number),
        "currency": checked.currency,
        "intermediary_bic": checked.intermediary_bic,
        "intermediary_account_encrypted": _encrypted(numbers.normalise(intermediary_account)),
    }


def _proposal_recorded(account: BankAccount, *, checked: CheckedDetails, flagged: list, now):
    """The PROPOSED step, and both new rows in the audit trail."""
    row = BankAccountStep.objects.create(
        account=account,
        kind=StepKind.PROPOSED,
        actor=account.proposed_by,
        at=now,
        details={
            "number": account.masked_number,
            "bic": account.bic,
            "currency": account.currency,
            "replaces_id": account.replaces_id,
            "message_id": account.source_message_id,
            "flagged_message_ids": [m.pk for m in flagged],
            "warnings": list(checked.warnings),
        },
        notes=account.notes,
    )
    audit_record_many(
        actor=account.proposed_by,
        changes=[
            Change(
                Action.CREATE, item, None, snapshot(item), account.company_id, audit_label(account)
            )
            for item in (account, row)
        ],
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
    company = _proposal_company(actor=actor, side=side, company=company)
    label = (label or "").strip()
    holder = _holder_checked(
        side=side, purpose=purpose, holder_name=holder_name, label=label, bank_name=bank_name
    )
    checked = details_check(iban=iban, account_number=account_number, routing_code=routing_code,
                            bic=bic, bank_name=bank_name, bank_country=bank_country,
                            currency=currency, intermediary_bic=intermediary_bic)  # fmt: skip
    fields = _number_fields(checked, intermediary_account=intermediary_account)
    look_for = [d for d in (fields["number_digest"], fields["domestic_digest"]) if d]
    _refuse_duplicate(side=side, company=company, digests=look_for)
    # A number that a flagged message named (a lookalike sender's "new account"): the
    # proposal is allowed, so the four-eyes life cycle stays the same (propose, verify out
    # of band, approve), but its approval is raised to a manager's (finance, who is usually
    # the one asked to pay, may not approve it alone), and the account shows the message.
    number = checked.iban or checked.number
    flagged = flagged_messages([*look_for, *numbers.candidate_digests(number)])
    replaces = _replaced(replaces, side=side, company=company)
    _check_source_message(source_message, actor=actor, company=company)
    account = BankAccount.objects.create(
        side=side, company=company, purpose=purpose, label=label, holder_name=holder,
        bank_address=(bank_address or "").strip(), notes=(notes or "").strip(),
        state=State.PROPOSED, state_changed_at=now, replaces=replaces,
        source_message=source_message, proposed_by=actor, proposed_at=now,
        flagged_message=flagged[0] if flagged else None, approval_needs_manager=bool(flagged),
        **fields,
    )  # fmt: skip
    _proposal_recorded(account, checked=checked, flagged=flagged, now=now)
    return account


def proposal_warnings(account: BankAccount) -> list[str]:
    step = account.steps.filter(kind=StepKind.PROPOSED).first()
    return list((step.details or {}).get("warnings", [])) if step else []
