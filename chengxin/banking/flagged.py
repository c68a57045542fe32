"""The messages the guard flagged as possible fraud that name an account's number.

A number that such a message named raises the account's approval to a manager's
(:func:`approval_needs_manager`); the account's page and the API show the messages.
"""

from __future__ import annotations

from chengxin.banking.decrypted import account_number
from chengxin.banking.models import BankAccount
from chengxin.core import bank_numbers as numbers


def flagged_messages(digests: list[str]) -> list:
    """Messages the guard flagged (high or critical, not marked safe by two people) that
    name an account number with one of these keyed digests, newest first."""
    from chengxin.guard.selectors import flagged_bank_details

    found: dict[int, object] = {}
    for row in flagged_bank_details(digests=digests)[:50]:
        found.setdefault(row.assessment.message_id, row.assessment.message)
    return list(found.values())


def number_digests(account: BankAccount) -> list[str]:
    """Every keyed digest the account's number may appear under elsewhere: its own, its
    IBAN's domestic number, and the number without leading zeros."""
    digests = [account.number_digest, account.domestic_digest]
    digests += numbers.candidate_digests(account_number(account))
    return [d for d in dict.fromkeys(digests) if d]


def flagged_message_ids(accounts) -> dict[int, list[int]]:
    """For each account, the ids of the flagged messages naming its number (the one recorded
    at its proposal first): what :func:`account_flagged_messages` gives, in one query for
    a whole list."""
    from chengxin.guard.selectors import flagged_bank_details

    accounts = list(accounts)
    digests_of = {account.pk: set(number_digests(account)) for account in accounts}
    wanted = sorted({d for digests in digests_of.values() for d in digests})
    rows = list(
        flagged_bank_details(digests=wanted).values_list(
            "number_digest", "domestic_digest", "assessment__message_id"
        )
    )
    result: dict[int, list[int]] = {}
    for account in accounts:
        digests = digests_of[account.pk]
        ids = [m for number, domestic, m in rows if number in digests or domestic in digests]
        ids = list(dict.fromkeys(ids))
        if account.flagged_message_id and account.flagged_message_id not in ids:
            ids.insert(0, account.flagged_message_id)
        result[account.pk] = ids
    return result


def account_flagged_messages(account: BankAccount) -> list:
    """The flagged messages that name ``account``'s number now, and the one recorded when
    it was proposed (even if that one was marked safe since)."""
    messages = flagged_messages(number_digests(account))
    if account.flagged_message_id and all(m.pk != account.flagged_message_id for m in messages):
        if account.flagged_message is not None:
            messages.insert(0, account.flagged_message)
    return messages


def approval_needs_manager(account: BankAccount) -> bool:
    """Whether only a manager may approve: the number appeared in a message the guard
    flagged, when it was proposed (kept on the account) or since."""
    if account.approval_needs_manager:
        return True
    return bool(flagged_messages(number_digests(account)))
