"""Everything that waits for someone's approval, across the apps, with who may give it.

Each app keeps its own rule and its own list of what waits (``accounts.eligibility`` for
the shared vocabulary); this module only gathers them: for a person's day ("approvals
waiting for me") and for a change of users that may leave an item without an approver.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.banking import flagged as banking_flagged
from chengxin.banking import permissions as banking_permissions
from chengxin.banking import selectors as banking_selectors
from chengxin.banking import services as banking_services
from chengxin.campaigns import selectors as campaign_selectors
from chengxin.campaigns import services as campaign_services
from chengxin.changes import selectors as change_selectors
from chengxin.changes.permissions import change_approvers
from chengxin.compensation import selectors as claim_selectors
from chengxin.compensation.permissions import claim_deciders
from chengxin.guard import permissions as guard_permissions
from chengxin.guard import selectors as guard_selectors
from chengxin.workflow.four_eyes import Eligibility, candidates, notify_administrators

# The most of each kind considered at once (the oldest first): a page stays bounded.
PER_KIND = 100


@dataclass(frozen=True)
class PendingApproval:
    kind: str  # "banking.account", "compensation.claim", "campaigns.plan", ...
    pk: int
    title: str
    link: str
    since: datetime.datetime | None
    eligibility: Eligibility

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)

    @property
    def what(self) -> str:
        """What is asked, in the active language."""
        return {
            "banking.account": _("Approve a bank account"),
            "compensation.claim": _("Decide a fee claim"),
            "campaigns.plan": _("Override an account change's rules"),
            "guard.safe": _("Confirm a message is safe"),
            "changes.change": _("Approve a high-risk contact change"),
        }[self.kind]


def _items(kind: str, rows, url_name: str, since: str, who, people) -> list[PendingApproval]:
    """An item for each of the first rows, with its page ``url_name``, the attribute
    ``since`` for how long it waits, and ``who(row, people=people)`` may approve it."""
    return [
        PendingApproval(kind, row.pk, str(row), reverse(url_name, args=[row.pk]),
                        getattr(row, since), who(row, people=people))
        for row in rows[:PER_KIND]
    ]  # fmt: skip


def pending_approvals(*, people: list[User] | None = None) -> list[PendingApproval]:
    """Every item waiting for an approval, with who may give it: one query per kind and
    one for the people (rules are evaluated in memory)."""
    people = candidates() if people is None else people
    items: list[PendingApproval] = []
    accounts = list(banking_selectors.accounts_pending_approval()[:PER_KIND])
    flagged = banking_flagged.flagged_message_ids(accounts)
    for account in accounts:
        needs_manager = account.approval_needs_manager or bool(flagged[account.pk])
        items.append(
            PendingApproval(
                "banking.account", account.pk, str(account),
                banking_services.link_to(account), account.state_changed_at,
                banking_permissions.account_approvers(
                    account, people=people, needs_manager=needs_manager
                ),
            )
        )  # fmt: skip
    items += _items("compensation.claim", claim_selectors.claims_awaiting_decision(),
                    "compensation:claim_detail", "submitted_at", claim_deciders, people)  # fmt: skip
    awaiting = [p for p in campaign_selectors.draft_plans() if campaign_services.awaits_override(p)]
    items += _items("campaigns.plan", awaiting, "campaigns:plan_detail", "created_at",
                    campaign_services.plan_overriders, people)  # fmt: skip
    for assessment in guard_selectors.assessments_awaiting_confirmation()[:PER_KIND]:
        message = assessment.message
        items.append(
            PendingApproval(
                "guard.safe", assessment.pk,
                f"{message.from_address} · {message.subject}"[:300],
                reverse("mail:message_detail", args=[message.pk]), assessment.safe_proposed_at,
                guard_permissions.safe_confirmers(assessment, people=people),
            )
        )  # fmt: skip
    items += _items("changes.change", change_selectors.changes_awaiting_approval(),
                    "changes:change_detail", "state_changed_at", change_approvers, people)  # fmt: skip
    return items


def _oldest_first(items: list[PendingApproval]) -> list[PendingApproval]:
    return sorted(items, key=lambda item: (item.since is None, item.since, item.kind, item.pk))


def approvals_waiting_for(
    user: User, *, items: list[PendingApproval] | None = None
) -> list[PendingApproval]:
    """What ``user`` may approve now, the longest waiting first (``items``: from
    ``pending_approvals()``, when the caller has them already)."""
    if not (user.is_authenticated and user.is_active):
        return []
    items = pending_approvals() if items is None else items
    return _oldest_first([item for item in items if item.eligibility.includes(user)])


def approvals_nobody_can_give(
    *, items: list[PendingApproval] | None = None
) -> list[PendingApproval]:
    """Pending items nobody may approve, the longest waiting first: an administrator's to
    resolve (add a user, give a role)."""
    items = pending_approvals() if items is None else items
    return _oldest_first([item for item in items if item.eligibility.blocked])


def blocked_approvals() -> set[tuple[str, int]]:
    return {item.key for item in pending_approvals() if item.eligibility.blocked}


def approvals_tell_newly_blocked(*, blocked_before: set[tuple[str, int]]) -> int:
    """After a change of users (deactivated, another role): every pending item that now has
    nobody to approve it, and had before, is reported to the administrators."""
    told = 0
    for item in pending_approvals():
        if item.eligibility.blocked and item.key not in blocked_before:
            notify_administrators(eligibility=item.eligibility, item=item.title, link=item.link)
            told += 1
    return told
