"""Who may do what with a bank account: the rules the pages offer and the services enforce.

Our accounts are finance's, managers' and administrators'; a counterparty's account is
whoever's may edit that customer (or finance's). The approval is the second pair of eyes:
finance or a manager who neither proposed nor verified the account (only a manager when
its number appeared in a message flagged as possible fraud), with a second factor.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role
from chengxin.banking.flagged import approval_needs_manager
from chengxin.banking.models import BankAccount, Side, State
from chengxin.parties.models import Company
from chengxin.parties.permissions import can_edit_company
from chengxin.workflow.four_eyes import (
    PROPOSED,
    ROLE,
    VERIFIED,
    Eligibility,
    FourEyes,
    Refusal,
    evaluate,
)

#: Roles that may work on our own accounts (propose, approve, retire, record payments).
OUR_ACCOUNTS_ROLES = frozenset({Role.ADMIN, Role.MANAGER, Role.FINANCE})
#: Roles that may approve (the second pair of eyes).
APPROVER_ROLES = frozenset({Role.MANAGER, Role.FINANCE})

OPEN_STATES = (State.PROPOSED, State.VERIFIED)


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


def approval_roles(*, needs_manager: bool) -> tuple[str, ...]:
    return (Role.MANAGER,) if needs_manager else tuple(APPROVER_ROLES)


ONLY_APPROVERS = gettext_lazy("Only finance or a manager may approve a bank account.")


def approval_four_eyes(account: BankAccount, *, needs_manager: bool) -> FourEyes:
    """The approval's rule: finance or a manager (only a manager when ``needs_manager``),
    never the proposer or the verifier, with a second factor."""
    return FourEyes(
        roles=frozenset(approval_roles(needs_manager=needs_manager)),
        role_message=_(
            "This account's number appeared in a message flagged as possible fraud: "
            "only a manager may approve it."
        )
        if needs_manager
        else str(ONLY_APPROVERS),
        not_by=(
            (
                account.proposed_by_id,
                Refusal(PROPOSED, _("You proposed this account; another person must approve it.")),
            ),
            (
                account.verified_by_id,
                Refusal(VERIFIED, _("You verified this account; another person must approve it.")),
            ),
        ),
    )


def approval_refusal(
    user, account: BankAccount, *, needs_manager: bool | None = None
) -> Refusal | None:
    """Why ``user`` may not approve ``account`` (None: they may, with their second
    factor): only finance or a manager who neither proposed nor verified it; only a
    manager when its number appeared in a flagged message (``needs_manager``: that
    answer when the caller already has it)."""
    if not (_active(user) and user.role in APPROVER_ROLES):
        return Refusal(ROLE, str(ONLY_APPROVERS))
    if needs_manager is None:
        # A manager may approve either way: no need to look for flagged messages.
        needs_manager = user.role != Role.MANAGER and approval_needs_manager(account)
    return approval_four_eyes(account, needs_manager=needs_manager).refusal(user)


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


def can_edit_label(user, account: BankAccount) -> bool:
    return can_verify(user, account) or can_approve(user, account)


def not_allowed_on_account(account: BankAccount, *, verb: str) -> str:
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
    if can_edit_label(user, account):
        actions.add("edit_label")
    return actions
