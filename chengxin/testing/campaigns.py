"""Account-change campaigns for the tests of every app that meets them: "today" of the
tests, our old and new receiving accounts as four eyes left them, and a plan's input."""

from __future__ import annotations

import datetime

from chengxin.accounts.models import Role
from chengxin.banking.models import BankAccount, Purpose, State
from chengxin.testing import make_user
from chengxin.testing.banking import make_account

UTC = datetime.UTC
# "Today" of the tests: Monday 2 November 2026, 10:00 in Shanghai.
NOW = datetime.datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
TODAY = NOW.date()
OLD_IBAN = "DE89370400440532013000"
NEW_IBAN = "GB33BUKB20201555555555"


def our_account(
    *,
    actor,
    iban: str = "",
    number: str = "",
    state: str = State.ACTIVE,
    currency: str = "USD",
    purpose: str = Purpose.RECEIVING,
    bank_name: str = "Bank of China, Shenzhen Branch",
    bic: str = "BKCHCNBJ45A",
    holder_name: str = "Shenzhen Chengxin Electronics Co., Ltd.",
    bank_address: str = "2 Fuhua Road, Futian, Shenzhen",
    **fields,
) -> BankAccount:
    """One of our accounts as four eyes left it 40 days before NOW: proposed and verified
    by ``actor``; an active one approved by a manager."""
    return make_account(
        proposed_by=actor,
        iban=iban,
        account_number=number,
        state=state,
        currency=currency,
        purpose=purpose,
        bank_name=bank_name,
        bic=bic,
        holder_name=holder_name,
        bank_address=bank_address,
        at=NOW - datetime.timedelta(days=40),
        verified_by=actor if state in (State.ACTIVE, State.VERIFIED) else None,
        approved_by=make_user(Role.MANAGER) if state == State.ACTIVE else None,
        **fields,
    )


def plan_input(old, new, **overrides):
    """What finance enters for a plan moving buyers from ``old`` to ``new``."""
    from chengxin.campaigns.models import Audience
    from chengxin.campaigns.services import PlanInput

    values = {
        "old_account": old,
        "new_account": new,
        "reason": "Lower fees for USD receipts and faster settlement.",
        "decided_on": datetime.date(2026, 10, 20),
        "parallel_from": datetime.date(2026, 12, 7),
        "old_closes_on": datetime.date(2027, 1, 31),
        "audience": Audience.ALL_ACTIVE,
    }
    values.update(overrides)
    return PlanInput(**values)
