"""What an account change offers its buyers: fees on payments to the new account paid back
up to a cap, for a while. Plain facts of the plan, no database."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from chengxin.campaigns.models import ChangePlan, PlanState


@dataclass(frozen=True)
class Offer:
    """What a plan offers: fees on payments to the new account made from ``starts_on``
    to ``until`` (inclusive) are paid back, up to ``cap`` ``currency`` per payment."""

    starts_on: datetime.date
    until: datetime.date
    cap: Decimal
    currency: str


def plan_offer(plan: ChangePlan) -> Offer | None:
    """The plan's fee compensation offer, or None when it makes none (or is not out)."""
    if plan.state not in (PlanState.LAUNCHED, PlanState.COMPLETED):
        return None
    if not (plan.fee_offer_until and plan.fee_cap and plan.fee_cap_currency):
        return None
    starts_on = plan.parallel_from
    if plan.launched_at is not None:
        starts_on = min(starts_on, plan.launched_at.date())
    return Offer(
        starts_on=starts_on,
        until=plan.fee_offer_until,
        cap=plan.fee_cap,
        currency=plan.fee_cap_currency,
    )
