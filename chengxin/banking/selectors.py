"""Reading bank accounts: what a user may see, what a document carries, what the guard
compares a message with.

Only ACTIVE accounts of ours receive money: a proposed or verified account (not yet
approved by a second person) is never returned where money could follow it (documents,
the public page, campaigns, look-ups).
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from chengxin.accounts.roles import may_see_full_number
from chengxin.banking.decrypted import account_number
from chengxin.banking.flagged import flagged_message_ids
from chengxin.banking.models import BankAccount, Purpose, ReceivedPayment, Side, State
from chengxin.banking.permissions import approval_refusal
from chengxin.core import bank_numbers as numbers
from chengxin.core.crypto import DecryptionError, decrypt
from chengxin.guard.content import BankDetails
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q


def our_receiving_accounts() -> QuerySet[BankAccount]:
    """Our ACTIVE accounts for receiving payments, newest first."""
    return BankAccount.objects.filter(
        side=Side.OURS, purpose=Purpose.RECEIVING, state=State.ACTIVE
    ).order_by("-active_since", "-id")


def receiving_account_for(currency: str) -> BankAccount | None:
    """The account a document in ``currency`` should carry: our active receiving
    account in that currency (the newest when there are two), or None."""
    return our_receiving_accounts().filter(currency=(currency or "").upper()).first()


def account_lookup_ours(text: str) -> BankAccount | None:
    """Our account (active or retired; never one not yet approved) that ``text`` names:
    an IBAN, an account number, or an IBAN's domestic account number."""
    candidates = numbers.candidate_digests(text)
    if not candidates:
        return None
    matches = BankAccount.objects.filter(
        Q(number_digest__in=candidates) | Q(domestic_digest__in=candidates),
        side=Side.OURS,
        state__in=(State.ACTIVE, State.RETIRED),
    )
    # An active account wins over a retired one with the same number.
    return matches.order_by("state", "-active_since", "-id").first()


def bank_details_on_file(company_id: int | None) -> BankDetails:
    """What the guard compares a message from ``company_id`` with: the counterparty's
    active and verified accounts, and our own active and retired accounts (a buyer
    quoting our account back to us is not a new account). Decrypted per call; nothing
    is cached across requests."""
    condition = Q(side=Side.OURS, state__in=(State.ACTIVE, State.RETIRED))
    if company_id is not None:
        condition |= Q(
            side=Side.COUNTERPARTY,
            company_id=company_id,
            state__in=(State.ACTIVE, State.VERIFIED),
        )
    ibans: list[str] = []
    bics: list[str] = []
    account_numbers: list[str] = []
    for account in BankAccount.objects.filter(condition).only(
        "iban_encrypted", "number_encrypted", "bic", "intermediary_bic"
    ):
        try:
            iban = decrypt(account.iban_encrypted)
            number = decrypt(account.number_encrypted)
        except DecryptionError:
            continue
        if iban:
            ibans.append(iban)
            account_numbers.extend(numbers.domestic_forms(iban))
            # The guard reads "account DE89 3704 …" as an account number 8937 04…: the
            # IBAN's digits stand for the same account.
            account_numbers.append(re.sub(r"\D", "", iban[2:]))
        if number:
            account_numbers.append(number)
        bics.extend(b for b in (account.bic, account.intermediary_bic) if b)
    return BankDetails.of(ibans=ibans, bics=bics, account_numbers=account_numbers)


def account_number_display(user, account: BankAccount) -> str:
    """The number as ``user`` may see it: in full for finance, managers and
    administrators; masked (``···· 1234``) for everyone else."""
    if may_see_full_number(user):
        full = account_number(account)
        if full:
            return numbers.formatted(full)
    return account.masked_number


def visible_accounts(user) -> QuerySet[BankAccount]:
    """Accounts ``user`` may see: ours (every signed-in user: documents carry them) and
    those of counterparties whose customer record the user may see."""
    if not (user.is_authenticated and user.is_active):
        return BankAccount.objects.none()
    if user.sees_all_customers:
        return BankAccount.objects.all()
    visible = Company.objects.filter(visible_companies_q(user)).values("pk")
    return BankAccount.objects.filter(Q(side=Side.OURS) | Q(company__in=visible))


def accounts_awaiting_approval(user) -> QuerySet[BankAccount]:
    """Verified accounts ``user`` could approve, by the approval rule itself
    (``permissions.approval_refusal``: neither proposed nor verified by them, ...)."""
    if not (user.is_authenticated and user.is_active):
        return BankAccount.objects.none()
    pending = list(accounts_pending_approval())
    flagged = flagged_message_ids(pending)  # one query for all, not one per account
    mine = [
        a.pk
        for a in pending
        if approval_refusal(user, a, needs_manager=a.approval_needs_manager or bool(flagged[a.pk]))
        is None
    ]
    return (
        BankAccount.objects.filter(pk__in=mine)
        .select_related("company")
        .order_by("verified_at", "id")
    )


def company_accounts(user, company: Company) -> QuerySet[BankAccount]:
    return visible_accounts(user).filter(company=company).order_by("-created_at", "-id")


def visible_payments(user) -> QuerySet[ReceivedPayment]:
    """Payments received: finance, managers and administrators see all; sales see those
    from customers they may see."""
    if not (user.is_authenticated and user.is_active):
        return ReceivedPayment.objects.none()
    qs = ReceivedPayment.objects.select_related("account", "company", "recorded_by")
    if user.sees_all_customers:
        return qs
    visible = Company.objects.filter(visible_companies_q(user)).values("pk")
    return qs.filter(company__in=visible)


def accounts_pending_approval() -> QuerySet[BankAccount]:
    """Every verified account, waiting for its second person, the longest waiting first."""
    return (
        BankAccount.objects.filter(state=State.VERIFIED)
        .select_related("company")
        .order_by("state_changed_at", "id")
    )
