"""Benchmark: a 100,000-row customer CSV through the import services.

The file holds 33,334 companies with 3 contacts each (one row per contact, all
the company's columns repeated on each, as the import layout asks): every contact has an
email and a phone, one in three a WhatsApp number. For each database and run
a fresh database is created and migrated, then the dry run and the confirmed
import are timed through ``import_dry_run`` / ``import_confirm``.

    uv run python bench/import_csv.py                     # SQLite and PostgreSQL, 3 runs
    uv run python bench/import_csv.py --rows 20000 --runs 1 --databases sqlite
    uv run python bench/import_csv.py --runs 1 --export   # also time exports of the result

PostgreSQL is reached as postgres@127.0.0.1:5432; the database bench_import
is created and dropped by this script (psql).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_DB = "bench_import"
PG_URL = f"postgresql://postgres@127.0.0.1:5432/{PG_DB}"

COUNTRIES = [
    ("DE", "EUR", "de", "GmbH", "de"), ("GB", "GBP", "en", "Ltd", "co.uk"),
    ("FR", "EUR", "fr", "SAS", "fr"), ("US", "USD", "en", "Inc", "com"),
    ("IT", "EUR", "it", "S.r.l.", "it"), ("ES", "EUR", "es", "S.L.", "es"),
    ("NL", "EUR", "nl", "B.V.", "nl"), ("PL", "PLN", "pl", "Sp. z o.o.", "pl"),
    ("TR", "TRY", "tr", "A.S.", "com.tr"), ("AE", "AED", "ar", "LLC", "ae"),
    ("BR", "BRL", "pt", "Ltda", "com.br"), ("JP", "JPY", "ja", "K.K.", "co.jp"),
    ("AU", "AUD", "en", "Pty Ltd", "com.au"), ("VN", "VND", "vi", "Co., Ltd", "vn"),
]  # fmt: skip
WORDS = (
    "Nordic Alpine Pacific Golden Royal United Global Prime Euro Atlas Delta Orion Vertex "
    "Summit Harbor Crown Silver Eagle Falcon Lotus Phoenix Titan Unity Zenith Apex Meridian "
    "Coastal Metro Pioneer"
).split()
TRADES = (
    "Tools Machinery Textiles Lighting Furniture Hardware Packaging Ceramics Electronics "
    "Plastics Garments Kitchenware Auto Parts Solar Pumps"
).split()
FIRST = "Anna John Maria Luca Sofia Ahmed Yuki Pierre Elena Jan Olga Carlos Fatma Minh Emma".split()
LAST = "Schmidt Smith Rossi Garcia Dubois Kowalski Yilmaz Tanaka Silva Nguyen Jansen Brown".split()
TITLES = ["Purchasing Manager", "Buyer", "CEO", "Import Manager", "Sourcing Lead", ""]
HEADER = [
    "company", "other_names", "country", "website", "domains", "currency", "document_language",
    "grade", "tags", "notes", "contact_name", "contact_title", "contact_language", "email",
    "phone", "whatsapp",
]  # fmt: skip


def _numbers(region: str, kind, wanted: int, start: int = 0) -> list[str]:
    """Valid numbers of a region: its example number with the last digits varied."""
    import phonenumbers

    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(
        region
    )
    e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    numbers = []
    for n in range(start, 100_000):
        candidate = e164[:-5] + f"{n:05d}"
        if phonenumbers.is_valid_number(phonenumbers.parse(candidate)):
            numbers.append(candidate[:3] + " " + candidate[3:])
        if len(numbers) >= wanted:
            break
    return numbers


def generate(path: Path, rows: int, seed: int = 42) -> tuple[int, int]:
    import phonenumbers

    rng = random.Random(seed)
    per_country = rows // len(COUNTRIES) + 10
    fixed = {
        code: _numbers(code, phonenumbers.PhoneNumberType.FIXED_LINE, per_country)
        for code, *_ in COUNTRIES
    }
    mobile = {
        code: _numbers(code, phonenumbers.PhoneNumberType.MOBILE, per_country, 60_000)
        for code, *_ in COUNTRIES
    }
    used = {code: 0 for code, *_ in COUNTRIES}
    companies = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        written = 0
        while written < rows:
            companies += 1
            country, currency, language, form, tld = COUNTRIES[companies % len(COUNTRIES)]
            name = f"{rng.choice(WORDS)} {rng.choice(TRADES)} {companies} {form}"
            slug = name.split()[0].lower() + name.split()[1].lower() + str(companies)
            domain = f"{slug}.{tld}"
            tags = "; ".join(
                rng.sample(["fair 2025", "vip", "samples", "distributor", "retail"], 2)
            )
            for c in range(3):
                if written >= rows:
                    break
                first, last = rng.choice(FIRST), rng.choice(LAST)
                index = used[country]
                used[country] += 1
                phone = fixed[country][index % len(fixed[country])]
                whatsapp = mobile[country][index % len(mobile[country])] if c == 0 else ""
                writer.writerow([
                    name, f"{name.split()[0]} {name.split()[1]}", country,
                    f"https://www.{domain}", domain,
                    currency, language, "ABC"[companies % 3], tags,
                    "Met at Canton Fair", f"{first} {last} {companies}-{c}",
                    rng.choice(TITLES), language,
                    f"{first.lower()}.{last.lower()}{c}@{domain}", phone, whatsapp,
                ])  # fmt: skip
                written += 1
    return written, companies


# --- one run, in a fresh process with its own DATABASE_URL ----------------------------


def worker(csv_path: str) -> None:
    import resource

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengxin.settings")
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command

    from chengxin.accounts.models import Role
    from chengxin.imports import services
    from chengxin.parties.models import Channel, Company, Contact
    from chengxin.testing import make_user

    call_command("migrate", verbosity=0)
    actor = make_user(Role.MANAGER, username="bench")
    with open(csv_path, "rb") as handle:
        start = time.perf_counter()
        batch = services.import_dry_run(actor=actor, uploaded_file=File(handle, name="bench.csv"))
        dry = time.perf_counter() - start
    assert batch.error_count == 0, batch.report["rows"][:5]
    start = time.perf_counter()
    batch = services.import_confirm(actor=actor, batch=batch)
    confirm = time.perf_counter() - start
    result = {
        "rows": batch.row_count,
        "dry_run_s": round(dry, 2),
        "confirm_s": round(confirm, 2),
        "companies": Company.objects.count(),
        "contacts": Contact.objects.count(),
        "channels": Channel.objects.count(),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print("RESULT " + json.dumps(result), flush=True)


def export_worker() -> None:
    """Export everything just imported in each format, in a fresh process, so
    that its peak memory is the export's own."""
    import resource

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengxin.settings")
    import django

    django.setup()
    from chengxin.accounts.models import User
    from chengxin.imports import exporting, selectors

    actor = User.objects.get(username="bench")
    result = {}
    for file_format in exporting.FORMATS:
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            exporting.write_export(
                file_format, selectors.export_companies(user=actor), out, exported_by="bench"
            )
            result[file_format] = {
                "s": round(time.perf_counter() - start, 2),
                "mb": round(out.tell() / 1024 / 1024, 1),
            }
    result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print("EXPORT " + json.dumps(result), flush=True)


def _psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", sql],
        check=True,
    )


def run_once(database: str, csv_path: Path, tmp: Path, export: bool = False) -> dict:
    env = dict(os.environ)
    if database == "sqlite":
        db_file = tmp / "bench_import.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{db_file}"
    else:
        _psql(f"DROP DATABASE IF EXISTS {PG_DB}")
        _psql(f"CREATE DATABASE {PG_DB}")
        env["DATABASE_URL"] = PG_URL
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--worker", str(csv_path)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if export and done.returncode == 0:
            exported = subprocess.run(
                [sys.executable, __file__, "--export-worker"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            print(exported.stdout.strip() or exported.stderr, flush=True)
    finally:
        if database == "postgresql":
            _psql(f"DROP DATABASE IF EXISTS {PG_DB}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode or not lines:
        raise SystemExit(f"{database} run failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1][7:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--export", action="store_true", help="after each import, time an export in every format"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--export-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.export_worker:
        export_worker()
        return
    with tempfile.TemporaryDirectory(prefix="bench_import_") as folder:
        tmp = Path(folder)
        csv_path = tmp / "customers.csv"
        start = time.perf_counter()
        rows, companies = generate(csv_path, args.rows)
        size_mb = csv_path.stat().st_size / 1024 / 1024
        print(
            f"Generated {rows:,} rows ({companies:,} companies x 3 contacts), {size_mb:.1f} MB, "
            f"in {time.perf_counter() - start:.1f} s"
        )
        for database in args.databases.split(","):
            results = []
            for run in range(1, args.runs + 1):
                result = run_once(database, csv_path, tmp, export=args.export)
                results.append(result)
                total = result["dry_run_s"] + result["confirm_s"]
                print(
                    f"{database:10} run {run}: dry run {result['dry_run_s']:6.2f} s, "
                    f"confirm {result['confirm_s']:6.2f} s, total {total:6.2f} s; "
                    f"{result['companies']:,} companies, {result['contacts']:,} contacts, "
                    f"{result['channels']:,} channels; peak RSS {result['max_rss_mb']} MB",
                    flush=True,
                )
            dry = statistics.median(r["dry_run_s"] for r in results)
            confirm = statistics.median(r["confirm_s"] for r in results)
            print(
                f"{database:10} median: dry run {dry:.2f} s ({rows / dry:,.0f} rows/s), "
                f"confirm {confirm:.2f} s ({rows / confirm:,.0f} rows/s), "
                f"dry run + confirm {dry + confirm:.2f} s ({rows / (dry + confirm):,.0f} rows/s)"
            )


if __name__ == "__main__":
    main()
