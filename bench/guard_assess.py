"""Benchmark: full assessment of a typical message (parse, DKIM with local DNS, content).

Run: ``uv run python bench/guard_assess.py [--runs N] [--domains N] [--addresses N]``

The message is a realistic multipart order e-mail (plain text + HTML, a quoted earlier
message, a PDF attachment) signed with a fresh 2048-bit RSA DKIM key; the key is served
by an in-memory ``txt_lookup`` together with a DMARC record, so the run is offline.
The known-party index is built like bench/guard_lookalike.py. Prints the median and
p95 of a whole assessment and of each stage.
"""

from __future__ import annotations

import argparse
import base64
import gc
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import dkim

from chengxin.guard.authentication import authenticate
from chengxin.guard.confusables import ConfusablesTable
from chengxin.guard.content import BankDetails, analyse_content
from chengxin.guard.lookalike import KnownAddress, KnownDomain, LookalikeIndex
from chengxin.guard.message import parse_message
from chengxin.guard.scoring import assess_message

sys.path.insert(0, str(Path(__file__).resolve().parent))
import guard_lookalike  # noqa: E402 - sibling benchmark module, data generators

SELECTOR = "mail2025"
DOMAIN = "acme-gmbh.de"

PLAIN = """Dear Ms. Chen,

thank you for the proforma invoice PI-2025-0417. We confirm the order of 2,400 pcs
LED panel 600x600 mm, 40 W, 4000 K, packed 4 pcs per carton, as per your offer of
12 March. Please arrange production so that the goods can be shipped from Ningbo in
week 22; our forwarder will contact you for the booking.

The 30 % deposit (USD 18,720.00) will be paid by T/T this week to your account as
stated on the PI. Kindly send us the inspection report and photos of the packed
goods before shipment, and the draft B/L for approval.

Could you also quote 500 pcs of the 300x1200 mm version for our next order?

Best regards

Anna Weber
Purchasing Manager
Acme GmbH | Industriestrasse 12 | 28199 Bremen | Germany
Tel. +49 421 555 0199

> On 14 March, Chen Li wrote:
> Dear Anna, please find our proforma invoice attached. Production takes 25 days
> after deposit. Best regards, Chen Li
"""


def make_key() -> tuple[bytes, str]:
    """A fresh RSA key (openssl) as (private PEM, DKIM public key record)."""
    with tempfile.TemporaryDirectory() as folder:
        private = Path(folder) / "private.pem"
        subprocess.run(
            ["openssl", "genrsa", "-out", str(private), "2048"], check=True, capture_output=True
        )
        public = subprocess.run(
            ["openssl", "rsa", "-in", str(private), "-pubout", "-outform", "DER"],
            check=True,
            capture_output=True,
        ).stdout
        return private.read_bytes(), f"v=DKIM1; k=rsa; p={base64.b64encode(public).decode()}"


def make_message(private_key: bytes) -> bytes:
    message = EmailMessage()
    message["From"] = f"Anna Weber <anna.weber@{DOMAIN}>"
    message["To"] = "Chen Li <chen.li@chengxin-export.cn>"
    message["Subject"] = "Order confirmation PI-2025-0417 LED panels"
    message["Date"] = format_datetime(datetime(2025, 3, 17, 9, 30, tzinfo=UTC))
    message["Message-ID"] = f"<20250317093000.4711@{DOMAIN}>"
    message.set_content(PLAIN)
    html = "".join(f"<p>{line}</p>" for line in PLAIN.split("\n\n"))
    message.add_alternative(f"<html><body>{html}</body></html>", subtype="html")
    message.add_attachment(
        b"%PDF-1.4\n" + bytes(range(256)) * 40,
        maintype="application",
        subtype="pdf",
        filename="PO-88231.pdf",
    )
    raw = message.as_bytes()
    signature = dkim.sign(
        raw,
        SELECTOR.encode(),
        DOMAIN.encode(),
        private_key,
        include_headers=[b"from", b"to", b"subject", b"date", b"message-id"],
    )
    return signature + raw


def timed(function: Callable[[], object], runs: int) -> list[float]:
    values = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        function()
        values.append((time.perf_counter_ns() - start) / 1e6)
    return values


def summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"  {name:28s} median {statistics.median(values):7.3f} ms   p95 {p95:7.3f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--domains", type=int, default=100_000)
    parser.add_argument("--addresses", type=int, default=200_000)
    args = parser.parse_args(argv)

    private_key, key_record = make_key()
    raw = make_message(private_key)
    dns = {
        f"{SELECTOR}._domainkey.{DOMAIN}": key_record,
        f"_dmarc.{DOMAIN}": "v=DMARC1; p=quarantine; rua=mailto:dmarc@acme-gmbh.de",
    }
    txt_lookup = dns.get

    rng = random.Random(guard_lookalike.SEED)
    domains = guard_lookalike.make_domains(rng, args.domains)
    domains.append(KnownDomain(DOMAIN, "Acme GmbH", 2021))
    addresses = guard_lookalike.make_addresses(rng, domains, args.addresses)
    addresses.append(KnownAddress(f"anna.weber@{DOMAIN}", "Anna Weber", "Acme GmbH"))
    table_file = (
        Path(__file__).resolve().parents[1]
        / ".."
        / "shared"
        / "data"
        / "lookalike_domains"
        / "unicode17_confusables.txt"
    )
    table = ConfusablesTable.from_file(table_file) if table_file.exists() else None
    started = time.perf_counter()
    index = LookalikeIndex(domains, addresses, confusables=table)
    gc.collect()
    gc.freeze()
    print(
        f"message: {len(raw):,} bytes; index: {index.domain_count:,} domains, "
        f"{index.address_count:,} addresses (built in {time.perf_counter() - started:.1f} s)"
    )

    on_file = BankDetails.of(ibans=["DE89370400440532013000"])

    def assess() -> object:
        return assess_message(raw, index=index, txt_lookup=txt_lookup, bank_details=on_file)

    result = assess()
    print(
        f"assessment: score {result.score}, level {result.level}, "  # type: ignore[attr-defined]
        f"signals {[s.code for s in result.signals]}, "  # type: ignore[attr-defined]
        f"auth {result.authentication.verdict}"
    )  # type: ignore[attr-defined]
    timed(assess, 20)  # warm-up
    parsed = parse_message(raw)
    print(f"\n{args.runs} runs each:")
    print(summary("full assessment", timed(assess, args.runs)))
    print(summary("parse", timed(lambda: parse_message(raw), args.runs)))
    print(
        summary(
            "DKIM + DMARC (local DNS)",
            timed(lambda: authenticate(parsed, txt_lookup=txt_lookup), args.runs),
        )
    )
    print(
        summary(
            "content signals",
            timed(
                lambda: analyse_content(
                    parsed.subject, parsed.text, headers=parsed.headers, bank_details=on_file
                ),
                args.runs,
            ),
        )
    )
    print(
        summary(
            "lookalike (From)",
            timed(
                lambda: index.check_address(parsed.from_address, parsed.from_display_name),
                args.runs,
            ),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
