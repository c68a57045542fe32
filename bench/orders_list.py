"""How fast the order list and a buyer's open-balance view answer with many orders.

Target (issue 12): with 100,000 orders and 1,000,000 order lines (and their schedules),
on SQLite and on PostgreSQL, the order list and a buyer's open-balance view each answer
in at most 50 ms median, measured over HTTP against the running server.

    uv run python bench/orders_list.py                       # both databases
    uv run python bench/orders_list.py --databases sqlite --orders 20000

For each database the script creates a fresh one (a SQLite file in /tmp; the PostgreSQL
database ``bench_orders``, dropped and recreated), migrates it, fills it with bulk
inserts that write what the services would write (orders with their denormalised
totals, paid, open balance and next due date; ten lines each; a deposit and a balance
schedule line each; payments for the paid part), runs what keeps statistics fresh
(ANALYZE), starts gunicorn on a free loopback port, logs in over HTTP as a sales rep and
as a manager (with a TOTP code), and times each page ``--requests`` times after a warm-up.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _server import bench_env, chengxin, login, measure, median_p95, server  # noqa: E402

TARGET_MS = 50.0
PASSWORD = "Bench-Password-2025"
TOTP_KEY = "3132333435363738393031323334353637383930"  # the RFC 6238 test key
SQLITE_PATH = str(Path(tempfile.gettempdir()) / "chengxin-bench-orders.sqlite3")
PG_ADMIN = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-c"]
PG_URL = "postgresql://postgres@127.0.0.1:5432/bench_orders"
DATA_DIR = str(Path(tempfile.gettempdir()) / "chengxin-bench-orders-data")
PRODUCTS = ("LED panel 60x60", "LED tube T8 1.2 m", "Driver 40 W", "Downlight 12 W",
            "Flood light 100 W", "Street light 150 W", "High bay 200 W", "Track light 30 W")  # fmt: skip
CURRENCIES = ("USD", "USD", "USD", "EUR", "EUR", "GBP", "AED", "JPY")
STATES = ("confirmed", "in_production", "partly_shipped", "shipped", "completed",
          "completed", "completed", "completed", "cancelled")  # fmt: skip


# --- filling the database (runs in a child process with DATABASE_URL set) ------------------


def generate(orders: int, lines_per_order: int, companies: int, seed: int) -> None:
    import django

    django.setup()
    import datetime
    from decimal import Decimal

    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from chengxin.accounts.models import Role, User
    from chengxin.orders.models import Order, OrderLine, Payment, ScheduleLine
    from chengxin.orders.terms import Balance, Deposit, PaymentTerms, Trigger
    from chengxin.parties.models import Company

    rng = random.Random(seed)
    started = time.monotonic()
    password = make_password(PASSWORD)
    User.objects.bulk_create(
        [User(username=f"rep{n:02d}", role=Role.SALES, password=password) for n in range(1, 11)]
        + [User(username="bench.manager", role=Role.MANAGER, password=password),
           User(username="bench.finance", role=Role.FINANCE, password=password)]
    )  # fmt: skip
    sales = list(User.objects.filter(role=Role.SALES).order_by("username"))
    manager = User.objects.get(username="bench.manager")
    finance = User.objects.get(username="bench.finance")
    TOTPDevice.objects.create(user=manager, name="bench", key=TOTP_KEY, confirmed=True)
    now = timezone.now()
    Company.objects.bulk_create(
        [
            Company(legal_name=f"Buyer {i} Lighting Ltd", country="DE", owner=rng.choice(sales),
                    status="active", search_text=f"buyer {i} lighting ltd")
            for i in range(1, companies + 1)
        ],
        batch_size=2000,
    )  # fmt: skip
    company_rows = list(Company.objects.values_list("pk", "owner_id"))
    terms = PaymentTerms(
        (Deposit(percent=Decimal(30)), Balance(trigger=Trigger.BL_HOURS, hours=48))
    ).to_dict()
    today = timezone.localdate()
    chunk = 5000
    number = 0
    for start in range(0, orders, chunk):
        count = min(chunk, orders - start)
        with transaction.atomic():
            batch, details = [], []
            for _ in range(count):
                number += 1
                company_id, owner_id = rng.choice(company_rows)
                # A few big buyers: one in twenty orders goes to the first ten companies.
                if rng.random() < 0.05:
                    company_id, owner_id = company_rows[rng.randrange(10)]
                currency = rng.choice(CURRENCIES)
                order_date = today - datetime.timedelta(days=rng.randrange(0, 1500))
                prices = [Decimal(rng.randrange(100, 5000)) / 100 for _ in range(lines_per_order)]
                quantities = [Decimal(rng.randrange(10, 2000)) for _ in range(lines_per_order)]
                amounts = [(p * q).quantize(Decimal(1) if currency == "JPY" else Decimal("0.01"))
                           for p, q in zip(prices, quantities, strict=True)]  # fmt: skip
                total = sum(amounts, Decimal(0))
                state = rng.choice(STATES)
                deposit = (total * Decimal("0.3")).quantize(amounts[0])
                at = datetime.datetime.combine(order_date, datetime.time(), tzinfo=datetime.UTC)
                if state in ("completed", "cancelled"):
                    paid = total if state == "completed" else Decimal(0)
                    next_due = None
                else:
                    paid = deposit if rng.random() < 0.8 else Decimal(0)
                    bl = at + datetime.timedelta(days=rng.randrange(20, 60))
                    next_due = at if paid == 0 else (
                        bl + datetime.timedelta(hours=48) if state == "shipped" else None
                    )  # fmt: skip
                open_balance = Decimal(0) if state == "cancelled" else total - paid
                batch.append(
                    Order(
                        number=f"SO{order_date.year}-{number:06d}", company_id=company_id,
                        owner_id=owner_id, currency=currency, incoterm="FOB",
                        named_place="Ningbo", terms=terms, total=total, created_by_id=owner_id,
                        created_at=at, state_changed_at=at, state=state, order_date=order_date,
                        paid=paid, open_balance=open_balance, next_due_at=next_due,
                        line_count=lines_per_order,
                    )
                )  # fmt: skip
                details.append((prices, quantities, amounts, deposit, total, paid, at, next_due))
            Order.objects.bulk_create(batch, batch_size=1000)
            lines, schedule, payments = [], [], []
            for order, (prices, quantities, amounts, deposit, total, paid, at, next_due) in zip(
                batch, details, strict=True
            ):
                for position, (p, q, a) in enumerate(
                    zip(prices, quantities, amounts, strict=True), 1
                ):
                    shipped = q if order.state in ("shipped", "completed") else Decimal(0)
                    lines.append(
                        OrderLine(order_id=order.pk, position=position,
                                  description=rng.choice(PRODUCTS), quantity=q, unit="pcs",
                                  unit_price=p, amount=a, shipped_quantity=shipped)
                    )  # fmt: skip
                schedule.append(
                    ScheduleLine(order_id=order.pk, position=1, kind="deposit", trigger="on_order",
                                 description="Deposit 30 % on order", amount=deposit, due_at=at,
                                 paid=min(paid, deposit))
                )  # fmt: skip
                schedule.append(
                    ScheduleLine(order_id=order.pk, position=2, kind="balance", trigger="bl_hours",
                                 description="Balance 48 hours after the bill of lading is issued",
                                 amount=total - deposit, due_at=next_due if paid else None,
                                 paid=max(Decimal(0), paid - deposit))
                )  # fmt: skip
                if paid:
                    payments.append(
                        Payment(order_id=order.pk, amount=paid, currency=order.currency,
                                received_on=order.order_date, reference="TT",
                                recorded_by=finance, created_at=now)
                    )  # fmt: skip
            OrderLine.objects.bulk_create(lines, batch_size=5000)
            ScheduleLine.objects.bulk_create(schedule, batch_size=5000)
            Payment.objects.bulk_create(payments, batch_size=5000)
        print(
            f"  {start + count:>7} orders, {(start + count) * lines_per_order:>8} lines "
            f"({time.monotonic() - started:.0f} s)",
            flush=True,
        )
    print(f"  filled in {time.monotonic() - started:.0f} s", flush=True)


def maintain() -> None:
    import django

    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def big_buyer() -> None:
    """Print the id of rep01's buyer with the most open orders (the open-balance probe)."""
    import django

    django.setup()
    from django.db.models import Count

    from chengxin.orders.models import Order

    row = (
        Order.objects.filter(open_balance__gt=0, company__owner__username="rep01")
        .values("company_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    print(f"{row['company_id']} {row['n']}")


# --- measuring over HTTP -------------------------------------------------------------------------


def scenarios(buyer: int, manager_id: int) -> list[tuple[str, str]]:
    return [
        ("floor: /healthz", "/healthz"),
        ("order list, page 1", "/orders/"),
        ("order list, page 100", "/orders/?page=100"),
        ("order list, state shipped", "/orders/?state=shipped"),
        ("order list, overdue", "/orders/?overdue=on"),
        ("order list, one customer", f"/orders/?customer={buyer}"),
        ("buyer's open balance", f"/orders/balance/{buyer}/"),
    ]


def run_database(name: str, database_url: str, args) -> list[tuple]:
    env = bench_env(database_url, DATA_DIR)
    print(f"\n== {name}: {args.orders} orders, {args.orders * args.lines} lines")
    if not args.reuse:
        if name == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(SQLITE_PATH + suffix).unlink(missing_ok=True)
        else:
            subprocess.run([*PG_ADMIN, "DROP DATABASE IF EXISTS bench_orders"], check=True)
            subprocess.run([*PG_ADMIN, "CREATE DATABASE bench_orders"], check=True)
        chengxin(["migrate", "-v", "0"], env)
        subprocess.run(
            [sys.executable, __file__, "--generate", "--orders", str(args.orders),
             "--lines", str(args.lines), "--companies", str(args.companies),
             "--seed", str(args.seed)],
            env=env, check=True,
        )  # fmt: skip
    subprocess.run([sys.executable, __file__, "--maintain"], env=env, check=True)
    probe = subprocess.run(
        [sys.executable, __file__, "--big-buyer"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    buyer, open_orders = int(probe[0]), int(probe[1])
    print(f"  the open-balance probe: customer {buyer} with {open_orders} open orders")
    rows = []
    with server(env, workers=2) as base:
        users = [("sales rep", "rep01", None), ("manager", "bench.manager", TOTP_KEY)]
        for role, username, key in users:
            client = login(base, username, PASSWORD, key)
            for scenario, url in scenarios(buyer, 0):
                timings, response = measure(client, url, requests=args.requests, warmup=5)
                median, p95 = median_p95(timings)
                found = len(re.findall(r'data-testid="(?:order-row|open-order)"', response.text))
                rows.append((name, role, scenario, median, p95, found))
                print(
                    f"  {role:<9} {scenario:<30} median {median:6.1f} ms  p95 {p95:6.1f} ms"
                    f"  rows {found}",
                    flush=True,
                )
            client.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=10, help="Lines per order.")
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50, help="Timed requests per scenario.")
    parser.add_argument("--seed", type=int, default=4711)
    parser.add_argument("--reuse", action="store_true", help="Measure the last run's databases.")
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--maintain", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--big-buyer", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.orders, args.lines, args.companies, args.seed)
        return
    if args.maintain:
        maintain()
        return
    if args.big_buyer:
        big_buyer()
        return
    os.makedirs(DATA_DIR, exist_ok=True)
    urls = {"sqlite": f"sqlite:///{SQLITE_PATH}", "postgresql": PG_URL}
    rows = []
    for name in args.databases.split(","):
        rows.extend(run_database(name.strip(), urls[name.strip()], args))
    print(
        f"\nSummary ({args.requests} requests each after 5 warm-up; target {TARGET_MS:.0f} ms median)\n"
    )
    print("| database | user | page | median ms | p95 ms | rows shown |")
    print("|---|---|---|---:|---:|---:|")
    for database, role, scenario, median, p95, found in rows:
        mark = "" if median <= TARGET_MS else " ✗"
        print(f"| {database} | {role} | {scenario} | {median:.1f}{mark} | {p95:.1f} | {found} |")


if __name__ == "__main__":
    main()
