"""An account's numbers in clear: decrypted on each call, never cached."""

from __future__ import annotations

from chengxin.banking.models import BankAccount
from chengxin.core.crypto import DecryptionError, decrypt


def _decrypted(value: str) -> str:
    try:
        return decrypt(value)
    except DecryptionError:
        return ""


def account_number(account: BankAccount) -> str:
    """The full IBAN or account number, decrypted ("" when it cannot be)."""
    return _decrypted(account.iban_encrypted or account.number_encrypted)


def account_iban(account: BankAccount) -> str:
    return _decrypted(account.iban_encrypted)


def intermediary_account(account: BankAccount) -> str:
    return _decrypted(account.intermediary_account_encrypted)
