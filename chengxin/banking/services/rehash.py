"""After a key rotation: every account's digests and encrypted numbers under the current key."""

from __future__ import annotations

from django.db import transaction

from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.banking.models import BankAccount
from chengxin.banking.services.common import audit_label
from chengxin.core import bank_numbers as numbers
from chengxin.core.crypto import decrypt, encrypt


def bank_accounts_rehash() -> int:
    """Recompute every account's digests with the current key (after a key rotation) and
    re-encrypt its numbers under the current key. Returns the number of accounts changed."""
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
                            audit_label(account),
                        )  # fmt: skip
                    ],
                )
    return changed
