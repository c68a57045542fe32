"""What the steps of an account's life share."""

from __future__ import annotations

from django.urls import reverse

from chengxin.accounts.models import Role, User
from chengxin.banking.models import BankAccount
from chengxin.banking.selectors import visible_accounts
from chengxin.workflow.services import locked


def account_locked(*, actor: User, account: BankAccount) -> BankAccount:
    """The account again, locked; DoesNotExist when the actor may not see it."""
    return locked(
        BankAccount.objects.select_related("company__owner", "source_message"),
        account.pk,
        allowed=lambda row: visible_accounts(actor).filter(pk=row.pk).exists(),
    )


def audit_label(account: BankAccount) -> str:
    return str(account)[:300]


def link_to(account: BankAccount) -> str:
    return reverse("banking:account_detail", args=[account.pk])


def managers() -> list[User]:
    return list(User.objects.filter(role=Role.MANAGER, is_active=True).order_by("id"))


def first_manager() -> User | None:
    """Who gets a task that has nobody else to go to."""
    found = managers()
    return found[0] if found else None
