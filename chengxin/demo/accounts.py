"""The demo exporter's bank side: our two USD receiving accounts (each proposed and
verified by finance, approved by the manager), payments buyers made into the old one,
our new ICBC account for paying suppliers (proposed by finance, verified by the
manager, waiting for the second finance user's approval), a buyer's refund account
still awaiting verification, and the change from the old account to the new one
announced to everyone who paid into it.

Everything goes through the services (banking, campaigns), so the four-eyes steps,
rules and audit entries are the real ones. The account numbers are made up.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from chengxin.accounts.models import User
from chengxin.banking import services as banking
from chengxin.banking.models import BankAccount, Purpose, Side, VerificationMethod
from chengxin.campaigns import services as campaigns
from chengxin.campaigns.models import Audience
from chengxin.parties.models import Company

FINANCE = "zhao.finance"
MANAGER = "wang.manager"
# Neither proposed nor verified the pending ICBC account: the one who may approve it.
SECOND_FINANCE = "sun.finance"
# Buyers who paid into the old account in the last half year: the campaign's audience.
PAYING_BUYERS = 60


@dataclass(frozen=True)
class DemoAccountsSummary:
    accounts: int
    payments: int
    recipients: int


def _our_account(
    *, users: dict[str, User], now: datetime.datetime, replaces: BankAccount | None = None,
    **details,
) -> BankAccount:  # fmt: skip
    finance, manager = users[FINANCE], users[MANAGER]
    account = banking.bank_account_propose(
        actor=finance,
        side=Side.OURS,
        purpose=Purpose.RECEIVING,
        holder_name=settings.CHENGXIN_COMPANY_NAME,
        currency="USD",
        replaces=replaces,
        now=now,
        **details,
    )
    account = banking.bank_account_verify(
        actor=finance,
        account=account,
        method=VerificationMethod.BANK_LETTER,
        outcome="confirmed",
        notes="Account confirmation letter from the bank, stamped, checked against the portal.",
        now=now + datetime.timedelta(hours=2),
    )
    return banking.bank_account_approve(
        actor=manager,
        account=account,
        second_factor_passed=True,
        now=now + datetime.timedelta(hours=5),
    )


def demo_accounts_load(
    *, users: dict[str, User], companies: list[Company], now: datetime.datetime, seed: int
) -> DemoAccountsSummary:
    rng = random.Random(seed)
    old = _our_account(
        users=users,
        now=now - datetime.timedelta(days=900),
        label="BOC Shenzhen USD",
        bank_name="Bank of China, Shenzhen Branch",
        bank_address="International Financial Building, 2022 Jianshe Road, Shenzhen, China",
        bank_country="CN",
        bic="BKCHCNBJ45A",
        account_number="7465 2281 9043",
        routing_code="104584000003",
    )
    new = _our_account(
        users=users,
        now=now - datetime.timedelta(days=12),
        replaces=old,
        label="HSBC Hong Kong USD",
        bank_name="The Hongkong and Shanghai Banking Corporation Limited",
        bank_address="1 Queen's Road Central, Hong Kong",
        bank_country="HK",
        bic="HSBCHKHHHKH",
        account_number="848-123456-838",
    )

    owned = [c for c in companies if c.owner_id is not None]
    payers = rng.sample(owned, min(PAYING_BUYERS, len(owned)))
    payments = 0
    today = now.date()
    for company in payers:
        for _ in range(rng.randint(1, 3)):
            banking.payment_record(
                actor=users[FINANCE],
                account=old,
                company=company,
                amount=Decimal(rng.randrange(500_00, 85_000_00)) / 100,
                currency="USD",
                received_on=today - datetime.timedelta(days=rng.randint(3, 175)),
                reference=f"PI-{rng.randint(2025000, 2025999)}",
            )
            payments += 1

    # Our new supplier-payment account: proposed by finance, verified by the manager in
    # the bank's portal; only the second finance user may approve it now.
    icbc = banking.bank_account_propose(
        actor=users[FINANCE],
        side=Side.OURS,
        purpose=Purpose.PAYING,
        holder_name=settings.CHENGXIN_COMPANY_NAME,
        currency="CNY",
        label="ICBC Hangzhou CNY",
        bank_name="Industrial and Commercial Bank of China, Hangzhou Branch",
        bank_address="150 Yan'an Road, Shangcheng District, Hangzhou, China",
        bank_country="CN",
        bic="ICBKCNBJZJP",
        account_number="1202 0211 0990 0386 417",
        routing_code="102331000158",
        notes="For paying our packaging and driver suppliers in CNY.",
        now=now - datetime.timedelta(days=2),
    )
    banking.bank_account_verify(
        actor=users[MANAGER],
        account=icbc,
        method=VerificationMethod.BANK_PORTAL,
        outcome="confirmed",
        notes="Seen in ICBC's corporate portal with our company name as the holder.",
        now=now - datetime.timedelta(days=1, hours=20),
    )

    # A buyer's refund account, announced by the buyer and not yet checked by phone.
    buyer = next(c for c in owned if c.country == "DE")
    banking.bank_account_propose(
        actor=buyer.owner,
        side=Side.COUNTERPARTY,
        company=buyer,
        purpose=Purpose.REFUND,
        holder_name=buyer.legal_name,
        iban="DE89 3704 0044 0532 0130 00",
        currency="EUR",
        notes="Sent by their accounts department for the credit note on PI-2025311.",
        now=now - datetime.timedelta(days=1),
    )

    plan = campaigns.plan_create(
        actor=users[FINANCE],
        data=campaigns.PlanInput(
            old_account=old,
            new_account=new,
            reason=(
                "To lower the bank fees our buyers pay and to receive USD faster, we are "
                "moving our main USD receiving account to HSBC Hong Kong."
            ),
            decided_on=today - datetime.timedelta(days=14),
            parallel_from=today + datetime.timedelta(days=40),
            old_closes_on=today + datetime.timedelta(days=130),
            audience=Audience.PAID_INTO_OLD,
            audience_paid_from=today - datetime.timedelta(days=180),
            audience_paid_until=today,
            fee_offer_until=today + datetime.timedelta(days=100),
            fee_cap=Decimal("25.00"),
            fee_cap_currency="USD",
        ),
        today=today,
    )
    campaigns.plan_launch(actor=users[FINANCE], plan=plan, now=now)
    return DemoAccountsSummary(
        accounts=BankAccount.objects.count(),
        payments=payments,
        recipients=plan.recipients.count(),
    )
