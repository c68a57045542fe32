"""The rules a change of our receiving account should keep (seed 002: keep one or two main
accounts, announce a change at least 30 days ahead; seed 000: changes are rare), as plain
functions over plain facts. A broken rule is a ``Breach`` with a code and its figures;
launching a plan with a breach needs a manager's override with a reason.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

SHORT_NOTICE = "short_notice"
THIRD_ACCOUNT = "third_account"
SECOND_CHANGE = "second_change"

# At most this many active receiving accounts at once (the two of a change).
MAX_RECEIVING_ACCOUNTS = 2
# A second change within this many days of another is one too many.
CHANGE_INTERVAL_DAYS = 365


@dataclass(frozen=True)
class Breach:
    code: str
    params: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_json(cls, value: dict) -> Breach:
        return cls(code=value["code"], params=dict(value.get("params") or {}))

    def message(self) -> str:
        """The breach in the active language."""
        p = self.params
        if self.code == SHORT_NOTICE:
            return _(
                "Only %(days)s days' notice before the change; announce it at least "
                "%(required)s days ahead."
            ) % {"days": p.get("days"), "required": p.get("required")}
        if self.code == THIRD_ACCOUNT:
            return _(
                "This change would leave %(count)s active receiving accounts; keep at most "
                "%(limit)s."
            ) % {"count": p.get("count"), "limit": p.get("limit")}
        if self.code == SECOND_CHANGE:
            return _(
                "Another account change starts on %(other)s, less than 12 months from this one."
            ) % {"other": p.get("other")}
        return self.code


@dataclass(frozen=True)
class PlanFacts:
    """What the rules look at: the day the buyers are told (launch, or today for a
    draft), the change day, the accounts and the other changes' days."""

    announce_on: datetime.date
    parallel_from: datetime.date
    old_account_id: int
    new_account_id: int
    # Our active receiving accounts now (their ids).
    active_receiving_ids: frozenset[int]
    # The change days (parallel_from) of our other launched or completed plans.
    other_change_days: tuple[datetime.date, ...] = ()


def plan_breaches(facts: PlanFacts, *, notice_days: int) -> list[Breach]:
    """Every rule the plan breaks, in a fixed order; [] when it keeps them all."""
    breaches: list[Breach] = []
    days = (facts.parallel_from - facts.announce_on).days
    if days < notice_days:
        breaches.append(Breach(SHORT_NOTICE, {"days": days, "required": notice_days}))
    accounts = set(facts.active_receiving_ids) | {facts.old_account_id, facts.new_account_id}
    if len(accounts) > MAX_RECEIVING_ACCOUNTS:
        breaches.append(
            Breach(THIRD_ACCOUNT, {"count": len(accounts), "limit": MAX_RECEIVING_ACCOUNTS})
        )
    close = sorted(
        (day for day in facts.other_change_days if abs((day - facts.parallel_from).days)
         < CHANGE_INTERVAL_DAYS),
        key=lambda day: abs((day - facts.parallel_from).days),
    )  # fmt: skip
    if close:
        breaches.append(Breach(SECOND_CHANGE, {"other": close[0].isoformat()}))
    return breaches


def uncovered(breaches: Iterable[Breach], overridden_codes: Iterable[str]) -> list[Breach]:
    """The breaches an override (of ``overridden_codes``) does not cover."""
    covered = set(overridden_codes)
    return [breach for breach in breaches if breach.code not in covered]
