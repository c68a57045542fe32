"""Command line: ``guard check message.eml`` prints the guard's assessment as JSON.

    python -m chengxin.guard.cli check message.eml \\
        [--known-domains domains.csv] [--known-addresses addresses.csv] [--dns dns.json]

``--known-domains``: CSV with a header row ``domain,company,customer_since,relation``
(only ``domain`` is required) or a plain list, one domain per line.
``--known-addresses``: CSV ``address,display_name,company`` or one address per line.
``--dns``: JSON object mapping DNS names to TXT records, for offline DKIM/DMARC checks
(a value may be a string, a list of strings, or ``{"TXT": [["part", "part"]]}``).
``--live-dns`` asks the real DNS instead. Without either, only trusted
Authentication-Results headers (``--trusted-authserv-id``) are used.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from chengxin.guard.authentication import TxtLookup, live_txt_lookup
from chengxin.guard.confusables import ConfusablesTable
from chengxin.guard.content import BankDetails
from chengxin.guard.lookalike import KnownAddress, KnownDomain, LookalikeIndex
from chengxin.guard.scoring import assess_message

__all__ = ["build_parser", "load_dns", "load_known_addresses", "load_known_domains", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guard", description="Chengxin's BEC-fraud guard")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="assess one raw RFC 5322 message")
    check.add_argument("message", type=Path, help="the .eml file")
    check.add_argument("--known-domains", type=Path, help="CSV or list of known domains")
    check.add_argument("--known-addresses", type=Path, help="CSV or list of known addresses")
    dns_group = check.add_mutually_exclusive_group()
    dns_group.add_argument("--dns", type=Path, help="JSON name -> TXT records (offline DNS)")
    dns_group.add_argument("--live-dns", action="store_true", help="query the real DNS")
    check.add_argument(
        "--trusted-authserv-id",
        action="append",
        default=[],
        help="authserv-id whose Authentication-Results are trusted (repeatable)",
    )
    seen = check.add_mutually_exclusive_group()
    seen.add_argument(
        "--seen-before",
        dest="seen",
        action="store_true",
        default=None,
        help="the sender has written before",
    )
    seen.add_argument(
        "--first-contact",
        dest="seen",
        action="store_false",
        help="the sender has never written before",
    )
    check.add_argument("--iban-on-file", action="append", default=[])
    check.add_argument("--bic-on-file", action="append", default=[])
    check.add_argument("--account-on-file", action="append", default=[])
    check.add_argument(
        "--confusables",
        type=Path,
        help="a Unicode confusables.txt to use instead of the default table",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        raw = args.message.read_bytes()
        domains = list(load_known_domains(args.known_domains)) if args.known_domains else []
        addresses = list(load_known_addresses(args.known_addresses)) if args.known_addresses else []
        txt_lookup: TxtLookup | None = None
        if args.dns:
            txt_lookup = load_dns(args.dns)
        elif args.live_dns:
            txt_lookup = live_txt_lookup()
        confusables = ConfusablesTable.from_file(args.confusables) if args.confusables else None
    except (OSError, ValueError) as error:
        print(f"guard: {error}", file=sys.stderr)
        return 2
    index = LookalikeIndex(domains, addresses, confusables=confusables)
    assessment = assess_message(
        raw,
        index=index,
        sender_seen_before=args.seen,
        bank_details=BankDetails.of(args.iban_on_file, args.bic_on_file, args.account_on_file),
        txt_lookup=txt_lookup,
        trusted_authserv_ids=args.trusted_authserv_id,
    )
    json.dump(assessment.to_dict(), sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    lines = [
        line
        for line in path.read_text(encoding="utf-8-sig").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        return
    header = [cell.strip().lower() for cell in next(csv.reader([lines[0]]))]
    if columns[0] in header:
        yield from (
            {key.strip().lower(): (value or "").strip() for key, value in row.items() if key}
            for row in csv.DictReader(lines)
        )
        return
    for cells in csv.reader(lines):
        yield {column: cell.strip() for column, cell in zip(columns, cells, strict=False)}


def load_known_domains(path: Path) -> Iterator[KnownDomain]:
    for row in _rows(path, ("domain", "company", "customer_since", "relation")):
        if not row.get("domain"):
            continue
        since = row.get("customer_since", "")
        yield KnownDomain(
            domain=row["domain"],
            company=row.get("company", ""),
            customer_since=int(since) if since.isdigit() else None,
            relation=row.get("relation") or "customer",
        )


def load_known_addresses(path: Path) -> Iterator[KnownAddress]:
    for row in _rows(path, ("address", "display_name", "company")):
        if row.get("address"):
            yield KnownAddress(
                address=row["address"],
                display_name=row.get("display_name", ""),
                company=row.get("company", ""),
            )


def load_dns(path: Path) -> TxtLookup:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    records: dict[str, str] = {}
    for name, value in data.items():
        text = _txt_text(value)
        if text:
            records[name.rstrip(".").lower()] = text

    def lookup(name: str) -> str | None:
        return records.get(name.rstrip(".").lower())

    return lookup


def _txt_text(value: Any) -> str:
    """One TXT record's text from a string, a list of strings or mailauth's {"TXT": [[...]]}."""
    if isinstance(value, dict):
        value = value.get("TXT", "")
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            value = value[0]
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


if __name__ == "__main__":
    sys.exit(main())
