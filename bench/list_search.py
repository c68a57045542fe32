"""How fast the company list and the search answer with a large customer base.

Target (issue note): with 100,000 companies and 300,000 contacts, on SQLite and
on PostgreSQL, the company list page and a search by email fragment each
answer in under 50 ms median, measured over HTTP against the running server.
For comparison, DjangoCRM's company list took about 230 ms median with only
10,000 companies on a machine of this kind.

    uv run python bench/list_search.py                      # both databases
    uv run python bench/list_search.py --databases sqlite --companies 20000

For each database the script creates a fresh one (a SQLite file in /tmp; the
PostgreSQL database ``bench_list``, dropped and recreated), migrates it, fills
it with bulk inserts that write what the services would write (search text,
name key, company domains, canonical channels; the SQLite trigram index is
filled by its triggers, PostgreSQL is ANALYZEd), starts gunicorn on a free
loopback port, logs in over HTTP as a sales rep and as a manager (with a TOTP
code), and times each page ``--requests`` times after a warm-up.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _server import bench_env, chengxin, login, measure, median_p95, server  # noqa: E402

DJANGOCRM_MEDIAN_MS = 230.0  # company list, 10,000 companies
TARGET_MS = 50.0
PASSWORD = "Bench-Password-2025"
TOTP_KEY = "3132333435363738393031323334353637383930"  # the RFC 6238 test key
SQLITE_PATH = str(Path(tempfile.gettempdir()) / "chengxin-bench-list.sqlite3")
PG_ADMIN = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-c"]
PG_URL = "postgresql://postgres@127.0.0.1:5432/bench_list"
DATA_DIR = str(Path(tempfile.gettempdir()) / "chengxin-bench-data")

SURNAMES = (
    "schmidt", "mueller", "schneider", "fischer", "weber", "meyer", "wagner", "becker",
    "smith", "johnson", "brown", "taylor", "wilson", "garcia", "martinez", "lopez", "rossi",
    "russo", "ferrari", "dubois", "martin", "bernard", "nowak", "kowalski", "yilmaz", "kaya",
    "ivanov", "petrov", "sato", "suzuki", "kim", "lee", "park", "nguyen", "tran", "silva",
    "santos", "oliveira", "khan", "patel", "sharma", "haddad", "nasser", "okafor", "jansen",
    "devries", "andersson", "hansen", "papadopoulos", "novak",
)  # fmt: skip
GIVEN = (
    "anna", "thomas", "julia", "markus", "sophie", "julien", "lucia", "javier", "marco",
    "giulia", "james", "emma", "michael", "sarah", "piotr", "mehmet", "olga", "ken", "minjun",
    "an", "joao", "imran", "priya", "ahmed", "fatima", "chinedu", "sanne", "erik", "maria",
)  # fmt: skip
WORDS = (
    "Lighting", "Electrical", "Lichttechnik", "Iluminación", "Éclairage", "Illuminazione",
    "Trading", "Import", "Supplies", "LED Solutions", "Solar", "Lamps", "Verlichting",
    "Aydınlatma", "Electric", "Power", "Distribution", "Wholesale",
)  # fmt: skip
FORMS = ("GmbH", "Ltd", "Inc.", "S.L.", "SARL", "S.r.l.", "B.V.", "LLC", "Co., Ltd.", "AG")
COUNTRIES = (
    "DE", "US", "GB", "FR", "IT", "ES", "NL", "PL", "TR", "RU", "AE", "SA", "IN", "BR", "MX",
    "AU", "CA", "JP", "KR", "VN", "TH", "MY", "ID", "PH", "SG", "ZA", "NG", "EG", "KE", "PK",
    "AT", "CH", "BE", "SE", "DK", "NO", "IE", "PT", "CZ", "GR",
)  # fmt: skip
TAGS = (
    "LED lighting", "Solar lights", "Canton Fair 2025", "Canton Fair 2024", "Distributor",
    "Wholesaler", "Retail chain", "Project contractor", "OEM", "Samples sent",
)  # fmt: skip
TLDS = (".com", ".de", ".co.uk", ".fr", ".it", ".es", ".nl", ".com.tr", ".ae", ".in", ".com.br")


# --- filling the database (runs in a child process with DATABASE_URL set) ------------------


def generate(companies: int, contacts_per_company: int, seed: int) -> None:
    import django

    django.setup()
    import datetime

    import phonenumbers
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from chengxin.accounts.models import Role, User
    from chengxin.parties import normalize
    from chengxin.parties.models import Channel, Company, CompanyDomain, Contact, Tag
    from chengxin.parties.services.search_text import search_text_for

    rng = random.Random(seed)
    started = time.monotonic()
    password = make_password(PASSWORD)
    sales = [
        User(username=f"rep{n:02d}", role=Role.SALES, password=password, first_name=f"Rep {n}")
        for n in range(1, 11)
    ]
    manager = User(username="bench.manager", role=Role.MANAGER, password=password)
    User.objects.bulk_create([*sales, manager])
    sales = list(User.objects.filter(role=Role.SALES).order_by("username"))
    manager = User.objects.get(username="bench.manager")
    TOTPDevice.objects.create(user=manager, name="bench", key=TOTP_KEY, confirmed=True)
    tags = Tag.objects.bulk_create([Tag(name=name) for name in TAGS])
    tags = list(Tag.objects.order_by("id"))
    zones = {c: normalize.time_zone_for(country=c) for c in COUNTRIES}
    # A pool of valid numbers per country, in E.164 as the services store them.
    phones = {}
    for country in COUNTRIES:
        example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
        national = str(example.national_number)
        pool = []
        for tail in range(1000):
            number = phonenumbers.PhoneNumber(
                country_code=example.country_code,
                national_number=int(national[:-3] + f"{tail:03d}"),
            )
            if phonenumbers.is_valid_number(number):
                pool.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        phones[country] = pool or [normalize.normalize_phone(f"+{example.country_code}{national}")]
    now = timezone.now()
    chunk = 5000
    made_contacts = made_channels = 0
    for start in range(0, companies, chunk):
        count = min(chunk, companies - start)
        with transaction.atomic():
            batch, extra = [], []
            for i in range(start + 1, start + count + 1):
                country = rng.choice(COUNTRIES)
                surname = rng.choice(SURNAMES).capitalize()
                legal_name = f"{surname} {rng.choice(WORDS)} {rng.choice(FORMS)}"
                domain = f"example-buyer-{i}{rng.choice(TLDS)}"
                people = []
                for _ in range(contacts_per_company):
                    given, family = rng.choice(GIVEN), rng.choice(SURNAMES)
                    people.append(
                        (
                            f"{given.capitalize()} {family.capitalize()}",
                            f"{given}.{family}@{domain}",
                            rng.choice(phones[country]),
                        )
                    )
                roll = rng.random()
                owner = None if roll < 0.15 else manager if roll < 0.2 else rng.choice(sales)
                followed = now - datetime.timedelta(days=rng.uniform(0, 60))
                batch.append(
                    Company(
                        legal_name=legal_name,
                        country=country,
                        website=f"https://www.{domain}",
                        currency="EUR" if country in ("DE", "FR", "IT", "ES", "NL") else "USD",
                        grade=rng.choice("AABBBBCCCC"),
                        status=rng.choice(("prospect", "active", "active", "dormant", "lost")),
                        owner=owner,
                        owner_since=followed if owner else None,
                        last_followed_up_at=followed,
                        search_text=search_text_for(
                            names=[legal_name],
                            domains=[domain],
                            contact_names=[p[0] for p in people],
                            channels=[
                                kv for p in people for kv in (("email", p[1]), ("phone", p[2]))
                            ],
                        ),
                        name_key=normalize.company_name_key(legal_name),
                    )
                )
                extra.append((domain, people, country))
            Company.objects.bulk_create(batch, batch_size=1000)
            CompanyDomain.objects.bulk_create(
                [
                    CompanyDomain(company=c, domain=d)
                    for c, (d, _p, _c) in zip(batch, extra, strict=True)
                ],
                batch_size=2000,
            )
            contacts = []
            for company, (_domain, people, country) in zip(batch, extra, strict=True):
                for name, _email, _phone in people:
                    contacts.append(
                        Contact(company=company, name=name, language="en", time_zone=zones[country])
                    )
            Contact.objects.bulk_create(contacts, batch_size=2000)
            channels = []
            it = iter(contacts)
            for _company, (_domain, people, _country) in zip(batch, extra, strict=True):
                for _name, email, phone in people:
                    contact = next(it)
                    channels.append(
                        Channel(contact=contact, kind="email", value=email, is_primary=True)
                    )
                    channels.append(
                        Channel(contact=contact, kind="phone", value=phone, is_primary=True)
                    )
            Channel.objects.bulk_create(channels, batch_size=2000)
            through = Company.tags.through
            links = []
            for company in batch:
                for tag in rng.sample(tags, rng.choice((0, 1, 1, 2, 2, 3))):
                    links.append(through(company_id=company.pk, tag_id=tag.pk))
            through.objects.bulk_create(links, batch_size=5000)
            shared = Company.shared_with.through
            shares = [
                shared(company_id=c.pk, user_id=rng.choice(sales).pk)
                for c in batch
                if c.owner_id and rng.random() < 0.02
            ]
            shared.objects.bulk_create(shares, batch_size=5000, ignore_conflicts=True)
            made_contacts += len(contacts)
            made_channels += len(channels)
        print(
            f"  {start + count:>7} companies, {made_contacts:>7} contacts, "
            f"{made_channels:>7} channels  ({time.monotonic() - started:.0f} s)",
            flush=True,
        )
    # A few merged companies, as company_merge leaves them: hidden from the list.
    merged = list(Company.objects.order_by("id").values_list("pk", flat=True)[: companies // 200])
    Company.objects.filter(pk__in=merged[1:]).update(
        status="merged", merged_into_id=merged[0], search_text=""
    )
    print(f"  filled in {time.monotonic() - started:.0f} s", flush=True)


def maintain() -> None:
    """What keeps a real installation's statistics fresh: on SQLite the daily
    database_optimize task (ANALYZE), on PostgreSQL autovacuum (here VACUUM
    ANALYZE, as autovacuum would do after a bulk load)."""
    import django

    django.setup()
    from django.db import connection

    from chengxin.core.services import database_optimize

    started = time.monotonic()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
            done = "VACUUM ANALYZE"
        else:
            database_optimize()
            done = "ANALYZE (the database_optimize task)"
            fts_rows = cursor.execute(
                "SELECT count(*) FROM parties_company_fts WHERE parties_company_fts MATCH ?",
                ['"example-buyer-"'],
            ).fetchone()[0]
            print(f"  the trigram index answers for {fts_rows} companies")
    print(f"  {done} in {time.monotonic() - started:.1f} s", flush=True)


# --- measuring over HTTP -------------------------------------------------------------------------


def scenarios(companies: int) -> list[tuple[str, str, dict]]:
    """(name, URL, extra headers). The htmx ones are what the live search fetches."""
    live = {"HX-Request": "true", "HX-Target": "results"}
    probe = min(4711, companies)
    return [
        ("floor: /healthz, one SELECT 1", "/healthz", {}),
        ("list, page 1", "/companies/", {}),
        ("list, page 200", "/companies/?page=200", {}),
        ("list, sorted by last follow-up", "/companies/?sort=followup", {}),
        ("filter: country DE", "/companies/?country=DE", {}),
        ("filter: country US, grade A", "/companies/?country=US&grade=A", {}),
        ("filter: tag", "/companies/?tag=Canton+Fair+2025", {}),
        ("filter: the pool", "/companies/?owner=pool", {}),
        (f"search @example-buyer-{probe} (few)", f"/companies/?q=%40example-buyer-{probe}", {}),
        ("  same, htmx live search", f"/companies/?q=%40example-buyer-{probe}", live),
        ("search schmidt@ (many)", "/companies/?q=schmidt%40", {}),
        ("  same, htmx live search", "/companies/?q=schmidt%40", live),
        ("search +49 151 (phone digits)", "/companies/?q=%2B49+151", {}),
        ("search name fragment 'lichtt'", "/companies/?q=lichtt", {}),
    ]


def run_database(name: str, database_url: str, args) -> list[tuple]:
    env = bench_env(database_url, DATA_DIR)
    print(f"\n== {name}: {args.companies} companies, {args.companies * args.contacts} contacts")
    if args.reuse:
        print("  reusing the database of the last run")
    else:
        if name == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(SQLITE_PATH + suffix).unlink(missing_ok=True)
        else:
            subprocess.run([*PG_ADMIN, "DROP DATABASE IF EXISTS bench_list"], check=True)
            subprocess.run([*PG_ADMIN, "CREATE DATABASE bench_list"], check=True)
        chengxin(["migrate", "-v", "0"], env)
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--generate",
                "--companies",
                str(args.companies),
                "--contacts",
                str(args.contacts),
                "--seed",
                str(args.seed),
            ],  # fmt: skip
            env=env,
            check=True,
        )
    chengxin(["migrate", "-v", "0"], env)  # a reused database gets new indexes too
    subprocess.run([sys.executable, __file__, "--maintain"], env=env, check=True)
    rows = []
    print(f"  before measuring: {machine_state()}")
    with server(env, workers=2) as base:
        users = [("sales rep", "rep01", None), ("manager", "bench.manager", TOTP_KEY)]
        for role, username, key in users:
            client = login(base, username, PASSWORD, key)
            for scenario, url, headers in scenarios(args.companies):
                timings, response = measure(
                    client, url, requests=args.requests, warmup=5, headers=headers
                )
                median, p95 = median_p95(timings)
                rows.append((name, role, scenario, median, p95, _found(response.text)))
                print(
                    f"  {role:<9} {scenario:<42} median {median:6.1f} ms  p95 {p95:6.1f} ms"
                    f"  {_found(response.text)}",
                    flush=True,
                )
            client.close()
    print(f"  after measuring: {machine_state()}")
    return rows


def machine_state() -> str:
    """How busy and how fast this machine is while measuring: the load average
    and the time CPython takes for sum(range(10**6)) (about 10-15 ms on an
    idle current laptop)."""
    started = time.perf_counter()
    for _ in range(5):
        sum(range(10**6))
    loop_ms = (time.perf_counter() - started) * 1000 / 5
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"load average {load}; sum(range(10**6)) {loop_ms:.0f} ms"


def _found(html: str) -> str:
    """The "N customers" line of the page: what the query matched."""
    import re

    match = re.search(r'<p class="muted">([^<]*\d[^<]*)</p>', html)
    return " ".join(match.group(1).split()) if match else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=3, help="Contacts per company.")
    parser.add_argument("--requests", type=int, default=50, help="Timed requests per scenario.")
    parser.add_argument("--seed", type=int, default=4711)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Measure the databases filled by the last run instead of filling new ones.",
    )
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--maintain", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.companies, args.contacts, args.seed)
        return
    if args.maintain:
        maintain()
        return
    os.makedirs(DATA_DIR, exist_ok=True)
    urls = {"sqlite": f"sqlite:///{SQLITE_PATH}", "postgresql": PG_URL}
    rows = []
    for name in args.databases.split(","):
        rows.extend(run_database(name.strip(), urls[name.strip()], args))
    print(
        f"\nSummary ({args.requests} requests each after 5 warm-up; target {TARGET_MS:.0f} ms "
        f"median; DjangoCRM's list: {DJANGOCRM_MEDIAN_MS:.0f} ms with 10,000 companies)\n"
    )
    print("| database | user | scenario | median ms | p95 ms | vs DjangoCRM | matched |")
    print("|---|---|---|---:|---:|---:|---|")
    for database, role, scenario, median, p95, found in rows:
        mark = "" if median < TARGET_MS else " ✗"
        print(
            f"| {database} | {role} | {scenario.strip()} | {median:.1f}{mark} | {p95:.1f} | "
            f"{DJANGOCRM_MEDIAN_MS / median:.1f}× faster | {found} |"
        )


if __name__ == "__main__":
    main()
