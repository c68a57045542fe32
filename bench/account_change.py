"""Benchmark: announcing an account change to many buyers, and the public account check.

Run: ``uv run python bench/account_change.py [--buyers N] [--checks N] [--database URL]``

In a fresh database (a temporary SQLite file unless ``--database`` names another), it
makes N buyers (one contact with an email each, spread over 12 time zones and both
languages) who all paid into our old account, then times:

- launching the plan: audience, one recipient and personal token per buyer, every touch
  scheduled in the buyer's working hours (one transaction);
- the periodic task's run that hands every formal email notice to the outbox (timeline
  PDF rendered once per language, attached to each message);
- public verification: the median and p95 of ``public_verify`` over ``--checks`` calls,
  alternating an active, a retired and an unknown number (from several addresses so
  the rate limit does not answer instead).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ZONES = (
    ("DE", "Europe/Berlin"), ("US", "America/New_York"), ("AE", "Asia/Dubai"),
    ("AU", "Australia/Sydney"), ("GB", "Europe/London"), ("BR", "America/Sao_Paulo"),
    ("JP", "Asia/Tokyo"), ("IN", "Asia/Kolkata"), ("ZA", "Africa/Johannesburg"),
    ("MX", "America/Mexico_City"), ("TR", "Europe/Istanbul"), ("SG", "Asia/Singapore"),
)  # fmt: skip


def setup(database: str | None, folder: Path) -> None:
    os.environ["DATABASE_URL"] = database or f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["CHENGXIN_DATA_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengxin.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_buyers(count: int, account, finance):
    from chengxin.banking.models import ReceivedPayment
    from chengxin.parties.models import Channel, Company, Contact

    companies = Company.objects.bulk_create(
        Company(
            legal_name=f"Buyer {i:05d} Trading Ltd",
            country=ZONES[i % len(ZONES)][0],
            currency="USD",
            document_language="zh-hans" if i % 5 == 0 else "en",
            owner=finance,
        )
        for i in range(count)
    )
    contacts = Contact.objects.bulk_create(
        Contact(company=c, name=f"Buyer {i}", time_zone=ZONES[i % len(ZONES)][1])
        for i, c in enumerate(companies)
    )
    Channel.objects.bulk_create(
        Channel(contact=c, kind="email", value=f"buyer{i}@buyer{i}.example", is_primary=True)
        for i, c in enumerate(contacts)
    )
    today = datetime.datetime.now(tz=datetime.UTC).date()
    ReceivedPayment.objects.bulk_create(
        ReceivedPayment(
            account=account,
            company=c,
            amount=Decimal("12500.00"),
            currency="USD",
            received_on=today - datetime.timedelta(days=10 + i % 100),
            recorded_by=finance,
        )
        for i, c in enumerate(companies)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--buyers", type=int, default=1000)
    parser.add_argument("--checks", type=int, default=300)
    parser.add_argument("--database", help="a DATABASE_URL; default: a temporary SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_account_change_") as folder:
        setup(args.database, Path(folder))
        run(args.buyers, args.checks)


def run(buyers: int, checks: int) -> None:
    from django.utils import timezone

    from chengxin.accounts.models import Role, User
    from chengxin.banking import services as banking
    from chengxin.banking.models import Purpose, Side
    from chengxin.campaigns import services as campaigns
    from chengxin.campaigns.models import Touch, TouchKind
    from chengxin.outbox.models import OutboundMessage
    from chengxin.publicrecord.services import public_verify

    finance = User.objects.create(username="finance", role=Role.FINANCE)
    manager = User.objects.create(username="manager", role=Role.MANAGER)
    now = timezone.now()

    def account(number: str, *, at, replaces=None, retire=False):
        acc = banking.bank_account_propose(
            actor=finance, side=Side.OURS, purpose=Purpose.RECEIVING, holder_name="Us Ltd",
            bank_name="HSBC", bank_country="HK", bic="HSBCHKHHHKH", account_number=number,
            currency="USD",
            replaces=replaces, now=at,
        )  # fmt: skip
        acc = banking.bank_account_verify(
            actor=finance, account=acc, method="bank_letter", outcome="confirmed",
            notes="letter", now=at,
        )  # fmt: skip
        acc = banking.bank_account_approve(
            actor=manager, account=acc, second_factor_passed=True, now=at
        )
        if retire:
            banking.bank_account_retire(actor=finance, account=acc, reason="closed")
        return acc

    retired = account("400-111111-001", at=now - datetime.timedelta(days=2000), retire=True)
    old = account("400-222222-002", at=now - datetime.timedelta(days=900))
    new = account("848-123456-838", at=now - datetime.timedelta(days=5), replaces=old)
    make_buyers(buyers, old, finance)
    today = timezone.localdate(now)
    plan = campaigns.plan_create(
        actor=finance,
        data=campaigns.PlanInput(
            old_account=old, new_account=new, reason="Lower fees.",
            decided_on=today, parallel_from=today + datetime.timedelta(days=40),
            old_closes_on=today + datetime.timedelta(days=120),
            audience_paid_from=today - datetime.timedelta(days=200), audience_paid_until=today,
        ),
        today=today,
    )  # fmt: skip

    started = time.perf_counter()
    campaigns.plan_launch(actor=finance, plan=plan, now=now)
    launch = time.perf_counter() - started
    touches = Touch.objects.filter(recipient__plan=plan).count()
    print(f"launch to {buyers:,} buyers: {launch:.2f} s ({touches:,} touches scheduled)")

    notices = Touch.objects.filter(recipient__plan=plan, kind=TouchKind.EMAIL_NOTICE)
    last_due = max(notices.values_list("due_at", flat=True))
    rounds, started = 0, time.perf_counter()
    while notices.filter(outbound_message__isnull=True).exists() and rounds < 100:
        campaigns.campaigns_send_due(now=last_due)
        rounds += 1
    handed = time.perf_counter() - started
    queued = notices.filter(outbound_message__isnull=False).count()
    attachments = OutboundMessage.objects.filter(attachments__isnull=False).distinct().count()
    print(
        f"email notices handed to the outbox: {queued:,} in {handed:.2f} s "
        f"({handed / max(queued, 1) * 1000:.1f} ms each, {rounds} task runs; "
        f"{attachments:,} carry the PDF)"
    )

    numbers = ("848 123 456 838", "400-111111-001", "999888777666")
    timings = []
    for i in range(checks):
        started = time.perf_counter()
        public_verify(
            text=numbers[i % 3], ip=f"10.0.{i // 200}.{i % 200}", user_agent="bench",
            language="en",
        )  # fmt: skip
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print(
        f"public verification: median {statistics.median(timings):.2f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.2f} ms over {checks} checks "
        f"(active, retired and unknown numbers in turn)"
    )
    del retired


if __name__ == "__main__":
    main()
