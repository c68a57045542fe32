"""Payments received: money a buyer paid into one of our accounts, as finance records it."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import audit_created
from chengxin.banking.models import BankAccount, ReceivedPayment, Side, State
from chengxin.banking.permissions import can_record_payment
from chengxin.core import bank_numbers as numbers
from chengxin.core.lengths import length_errors
from chengxin.parties.models import Company

# ReceivedPayment.amount holds 18 digits, two of them decimals.
_PAYMENT_AMOUNT_LIMIT = Decimal(10) ** 16


def _amount_checked(amount: Decimal | str) -> tuple[Decimal, str]:
    """The amount, and why it cannot be recorded ("" when it can)."""
    try:
        value = Decimal(str(amount))
        whole = value.is_finite() and value > 0 and value == value.quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):  # not a number, or too many digits to round
        value, whole = Decimal(0), False
    if not whole:
        return value, _("Enter an amount above zero with at most two decimals.")
    if value >= _PAYMENT_AMOUNT_LIMIT:
        return value, _("This amount is too large.")
    return value, ""


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
    value, refusal = _amount_checked(amount)
    if refusal:
        errors["amount"] = [refusal]
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
    audit_created(actor=actor, instance=payment, company_id=company.pk, label=str(payment))
    return payment
