"""Bank accounts in a given state, written directly (the banking services' own tests go
through the services and their four-eyes steps; these are for tests of what reads
accounts), and payments received into them."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from chengxin.banking.models import BankAccount, Purpose, ReceivedPayment, Side, State
from chengxin.core import bank_numbers as numbers
from chengxin.core.crypto import encrypt

# Real, valid IBANs (checksums correct) from several countries.
IBAN_DE = "DE89370400440532013000"  # Commerzbank, COBADEFFXXX
IBAN_GB = "GB29NWBK60161331926819"  # NatWest
IBAN_FR = "FR1420041010050500013M02606"  # La Banque Postale
IBAN_NL = "NL91ABNA0417164300"  # ABN AMRO
IBAN_CH = "CH9300762011623852957"
IBAN_ES = "ES9121000418450200051332"  # CaixaBank

_APPROVED = (State.ACTIVE, State.RETIRED)


def make_account(
    *,
    proposed_by,
    iban: str = "",
    account_number: str = "",
    state: str = State.ACTIVE,
    side: str = Side.OURS,
    purpose: str = Purpose.RECEIVING,
    company=None,
    currency: str = "EUR",
    bank_name: str = "Test Bank",
    bic: str = "",
    holder_name: str = "Chengxin Trading Co., Ltd.",
    at: datetime.datetime | None = None,
    verified_by=None,
    approved_by=None,
    active_since: datetime.datetime | None = None,
    retired_at: datetime.datetime | None = None,
    **fields,
) -> BankAccount:
    """An account with ``iban`` (or a domestic ``account_number``) in ``state``, proposed by
    ``proposed_by`` at ``at`` (default now). ``verified_by``/``approved_by`` name who took
    those steps (at ``at`` and at ``active_since``); an active or retired account has been
    active since ``active_since`` (default ``at``), a retired one retired at ``retired_at``
    (default ``at``)."""
    at = at or timezone.now()
    number_value = numbers.normalise(iban or account_number)
    domestic = numbers.domestic_part(iban) if iban else ""
    approved = state in _APPROVED
    active_since = (active_since or at) if approved else None
    retired_at = (retired_at or at) if state == State.RETIRED else retired_at
    return BankAccount.objects.create(
        side=side,
        company=company,
        purpose=purpose,
        holder_name=holder_name,
        bank_name=bank_name,
        bic=bic,
        iban_encrypted=encrypt(numbers.normalise(iban)) if iban else "",
        number_encrypted=encrypt(numbers.normalise(account_number)) if account_number else "",
        number_digest=numbers.digest(number_value),
        domestic_digest=numbers.digest(domestic) if domestic else "",
        number_last4=numbers.last4(number_value),
        currency=currency,
        state=state,
        state_changed_at=retired_at or active_since or at,
        proposed_by=proposed_by,
        proposed_at=at,
        verified_by=verified_by,
        verified_at=at if verified_by else None,
        approved_by=approved_by if approved else None,
        approved_at=active_since if approved and approved_by else None,
        active_since=active_since,
        retired_at=retired_at,
        **fields,
    )


def pay(company, account, day, recorded_by, amount="12500.00") -> ReceivedPayment:
    """A payment of ``company`` received into ``account`` on ``day``."""
    return ReceivedPayment.objects.create(
        account=account,
        company=company,
        amount=Decimal(amount),
        currency=account.currency,
        received_on=day,
        recorded_by=recorded_by,
    )
