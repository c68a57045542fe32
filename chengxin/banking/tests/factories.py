"""Accounts in a given state, written directly (the services' own tests go through the
services; these are for tests of what reads accounts)."""

from __future__ import annotations

from django.utils import timezone

from chengxin.banking.models import BankAccount, Purpose, Side, State
from chengxin.core import bank_numbers as numbers
from chengxin.core.crypto import encrypt

# Real, valid IBANs (checksums correct) from several countries.
IBAN_DE = "DE89370400440532013000"  # Commerzbank, COBADEFFXXX
IBAN_GB = "GB29NWBK60161331926819"  # NatWest
IBAN_FR = "FR1420041010050500013M02606"  # La Banque Postale
IBAN_NL = "NL91ABNA0417164300"  # ABN AMRO
IBAN_CH = "CH9300762011623852957"
IBAN_ES = "ES9121000418450200051332"  # CaixaBank


def make_account(
    *,
    proposed_by,
    side: str = Side.OURS,
    company=None,
    state: str = State.ACTIVE,
    iban: str = "",
    account_number: str = "",
    routing_code: str = "",
    currency: str = "EUR",
    purpose: str = Purpose.RECEIVING,
    bic: str = "",
    bank_name: str = "Test Bank",
    holder_name: str = "Chengxin Trading Co., Ltd.",
    **fields,
) -> BankAccount:
    now = timezone.now()
    number = numbers.normalise(iban or account_number)
    domestic = numbers.domestic_part(iban) if iban else ""
    return BankAccount.objects.create(
        side=side,
        company=company,
        purpose=purpose,
        holder_name=holder_name,
        bank_name=bank_name,
        bic=bic,
        iban_encrypted=encrypt(numbers.normalise(iban)) if iban else "",
        number_encrypted=encrypt(numbers.normalise(account_number)) if account_number else "",
        routing_code=routing_code,
        number_digest=numbers.digest(number),
        domestic_digest=numbers.digest(domestic) if domestic else "",
        number_last4=numbers.last4(number),
        currency=currency,
        state=state,
        state_changed_at=now,
        proposed_by=proposed_by,
        proposed_at=now,
        active_since=now if state in (State.ACTIVE, State.RETIRED) else None,
        retired_at=now if state == State.RETIRED else None,
        **fields,
    )
