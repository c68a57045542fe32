"""Benchmark: lookalike checks against 100,000 known domains and 1,000,000 known addresses.

Run: ``uv run python bench/guard_lookalike.py [--domains N] [--addresses N] [--messages N]``

Builds a synthetic but realistic index (company-style names on many public suffixes,
contacts at those companies and at the big free-mail providers), checks the senders of
many messages (a mix of known, new-at-known-domain, lookalike and unknown senders; half
of them with a Reply-To), and prints the median and p95 time per message, the build
time, the memory the index needs (RSS growth and tracemalloc), and a comparison with a
brute-force rapidfuzz edit-distance scan over all known names on a sample.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from chengxin.guard.confusables import ConfusablesTable
from chengxin.guard.lookalike import KnownAddress, KnownDomain, LookalikeIndex

SEED = 20250101
WORDS = (
    "acme global tech trade trading import export metal steel textile garment home "
    "light power machine machinery auto parts electric electronic solar energy food agri "
    "chem chemical plastic rubber glass paper wood furniture tool tools medical health "
    "pharma logistics shipping marine ocean star sun moon river lake mountain golden "
    "silver dragon phoenix lotus jade pearl crystal north south east west pacific "
    "atlantic euro asia orient union united royal prime best smart bright green blue "
    "red nova vista alpha omega delta terra aqua fortune harmony unity vision "
    "zhejiang jiangsu guangdong shenzhen ningbo xiamen qingdao yiwu hangzhou suzhou "
    "hamburg bremen milano lyon porto izmir dubai jeddah lagos santos valencia"
).split()
SYLLABLES = "ka ri to mo na se lu vi da ro ten mar sol bel cor fin gal lin por tex van zen".split()
SUFFIXES = (
    ["com"] * 40
    + ["de", "co.uk", "com.cn", "cn", "fr", "es", "it", "com.br", "nl", "pl"] * 3
    + [
        "com.tr",
        "ru",
        "co.jp",
        "jp",
        "ae",
        "in",
        "us",
        "com.au",
        "ca",
        "mx",
        "com.mx",
        "be",
        "ch",
        "at",
        "se",
        "dk",
        "fi",
        "no",
        "pt",
        "gr",
        "co.za",
        "sg",
        "com.sg",
        "hk",
        "com.hk",
        "kr",
        "co.kr",
        "vn",
        "com.vn",
        "id",
        "co.id",
        "my",
        "com.my",
        "th",
        "co.th",
        "sa",
        "com.sa",
        "eg",
        "com.eg",
        "ng",
        "com.ng",
        "ar",
        "com.ar",
        "cl",
        "co",
        "pe",
        "com.pe",
    ]
)
LEGAL = ["", "", "", "-ltd", "-gmbh", "-group", "-trading", "-co", "-inc", "-sa", "-srl", "intl"]
FREEMAIL = [
    ("gmail.com", 0.35),
    ("qq.com", 0.15),
    ("163.com", 0.12),
    ("outlook.com", 0.1),
    ("hotmail.com", 0.08),
    ("yahoo.com", 0.07),
    ("126.com", 0.05),
    ("yandex.ru", 0.04),
    ("mail.ru", 0.04),
]
FIRST = (
    "john anna li wei zhang ming maria jose ahmed fatima hans petra luca giulia pierre "
    "marie ivan olga mehmet ayse kenji yuki carlos ana david sarah peter emma ali omar "
    "chen hui xiao lin wang fang raj priya tom lisa paul julia mark laura"
).split()
LAST = (
    "doe smith mueller schmidt rossi bianchi dupont martin garcia lopez silva santos "
    "ivanov petrov yilmaz kaya tanaka suzuki wang li zhang liu chen yang huang zhao wu "
    "kumar singh khan ahmed hassan brown jones miller davis wilson taylor"
).split()
HOMOGLYPHS = {
    "o": "0",
    "l": "1",
    "i": "1",
    "m": "rn",
    "w": "vv",
    "d": "cl",
    "a": "\u0430",
    "e": "\u0435",
    "c": "\u0441",
    "p": "\u0440",
}


@dataclass
class Message:
    kind: str
    sender: str
    display_name: str
    reply_to: str


def company_label(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.45:
        label = rng.choice(WORDS) + rng.choice(WORDS)
    elif shape < 0.7:
        label = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}"
    elif shape < 0.9:
        label = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    else:
        label = rng.choice(WORDS) + str(rng.randint(1, 999))
    return label + rng.choice(LEGAL)


def make_domains(rng: random.Random, count: int) -> list[KnownDomain]:
    seen: set[str] = set()
    domains: list[KnownDomain] = []
    while len(domains) < count:
        domain = f"{company_label(rng)}.{rng.choice(SUFFIXES)}"
        if domain in seen:
            continue
        seen.add(domain)
        name = domain.split(".")[0].replace("-", " ").title()
        domains.append(
            KnownDomain(
                domain,
                f"{name} Co., Ltd.",
                rng.randint(1998, 2025),
                rng.choice(["customer"] * 8 + ["supplier", "partner"]),
            )
        )
    return domains


def local_part(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    shape = rng.random()
    if shape < 0.4:
        local = f"{first}.{last}"
    elif shape < 0.6:
        local = f"{first[0]}{last}"
    elif shape < 0.8:
        local = f"{first}{last}{rng.randint(1, 9999)}"
    else:
        local = rng.choice(["sales", "info", "export", "purchasing", "finance", "accounts"])
        local += str(rng.randint(1, 99)) if rng.random() < 0.5 else ""
    return local, f"{first.title()} {last.title()}"


def make_addresses(
    rng: random.Random, domains: list[KnownDomain], count: int
) -> list[KnownAddress]:
    seen: set[str] = set()
    addresses: list[KnownAddress] = []
    freemail_domains = [d for d, _ in FREEMAIL]
    freemail_weights = [w for _, w in FREEMAIL]
    while len(addresses) < count:
        local, name = local_part(rng)
        if rng.random() < 0.35:
            domain = rng.choices(freemail_domains, freemail_weights)[0]
            company = rng.choice(domains).company
        else:
            # Zipf-like: a few big customers have many contacts
            known = (
                domains[min(int(rng.paretovariate(0.8)) - 1, len(domains) - 1)]
                if rng.random() < 0.3
                else rng.choice(domains)
            )
            domain, company = known.domain, known.company
        address = f"{local}@{domain}"
        if address in seen:
            continue
        seen.add(address)
        addresses.append(KnownAddress(address, name, company))
    return addresses


def lookalike_of(rng: random.Random, domain: str) -> str:
    label, _, suffix = domain.partition(".")
    how = rng.random()
    if how < 0.3:
        positions = [i for i, c in enumerate(label) if c in HOMOGLYPHS]
        if positions:
            i = rng.choice(positions)
            return f"{label[:i]}{HOMOGLYPHS[label[i]]}{label[i + 1 :]}.{suffix}"
    if how < 0.5 and len(label) > 5:
        i = rng.randrange(1, len(label) - 1)
        return f"{label[:i]}{label[i + 1]}{label[i]}{label[i + 2 :]}.{suffix}"
    if how < 0.65:
        return f"{label}.{rng.choice(['co', 'com.cn', 'cn', 'net', 'org'])}"
    if how < 0.85:
        return f"{label}-{rng.choice(['group', 'ltd', 'trading', 'inc', 'global'])}.{suffix}"
    return f"{domain}.{rng.choice(['secure-mail.net', 'verify-account.com'])}"


def make_messages(
    rng: random.Random, domains: list[KnownDomain], addresses: list[KnownAddress], count: int
) -> list[Message]:
    messages: list[Message] = []
    for _ in range(count):
        kind = rng.choices(
            ["known", "new_at_known", "lookalike_domain", "lookalike_local", "unknown"],
            [40, 20, 20, 10, 10],
        )[0]
        contact = rng.choice(addresses)
        if kind == "known":
            sender, name = contact.address, contact.display_name
        elif kind == "new_at_known":
            local, name = local_part(rng)
            sender = f"{local}{rng.randint(1, 99)}@{rng.choice(domains).domain}"
        elif kind == "lookalike_domain":
            local = contact.address.split("@")[0]
            sender = f"{local}@{lookalike_of(rng, rng.choice(domains).domain)}"
            name = contact.display_name
        elif kind == "lookalike_local":
            local, _, domain = contact.address.partition("@")
            swapped = local.replace("o", "0", 1) if "o" in local else local + "1"
            sender, name = f"{swapped}@{domain}", contact.display_name
        else:
            # a company we have never heard of: a name built from other syllables
            local, name = local_part(rng)
            label = "".join(
                rng.choice("bcdfghjkmnpstvz") + rng.choice("aeiouy")
                for _ in range(rng.randint(3, 5))
            )
            sender = (
                f"{local}@{label}{rng.choice(['', '-tech', '-co', 'ex'])}.{rng.choice(SUFFIXES)}"
            )
        reply_to = ""
        if rng.random() < 0.5:
            reply_to = sender if rng.random() < 0.6 else rng.choice(addresses).address
        messages.append(Message(kind, sender, name, reply_to))
    return messages


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--domains", type=int, default=100_000)
    parser.add_argument("--addresses", type=int, default=1_000_000)
    parser.add_argument("--messages", type=int, default=5_000)
    parser.add_argument("--brute-sample", type=int, default=200)
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also build once more under tracemalloc (slow) for exact bytes",
    )
    parser.add_argument(
        "--confusables",
        type=Path,
        default=Path(__file__).resolve().parents[1]
        / ".."
        / "shared"
        / "data"
        / "lookalike_domains"
        / "unicode17_confusables.txt",
    )
    args = parser.parse_args(argv)

    rng = random.Random(SEED)
    table = (
        ConfusablesTable.from_file(args.confusables)
        if args.confusables.exists()
        else ConfusablesTable.default()
    )
    print(f"confusables: {table!r}")
    started = time.perf_counter()
    domains = make_domains(rng, args.domains)
    addresses = make_addresses(rng, domains, args.addresses)
    messages = make_messages(rng, domains, addresses, args.messages)
    print(
        f"generated {len(domains):,} domains, {len(addresses):,} addresses, "
        f"{len(messages):,} messages in {time.perf_counter() - started:.1f} s"
    )

    gc.collect()
    rss_before = rss_mib()
    started = time.perf_counter()
    index = LookalikeIndex(domains, addresses, confusables=table)
    build_seconds = time.perf_counter() - started
    gc.collect()
    # The index is millions of long-lived objects: move them out of the cyclic garbage
    # collector's generations, as a worker process should do after building it.
    gc.freeze()
    rss_after = rss_mib()
    print(
        f"index build: {build_seconds:.1f} s; RSS growth {rss_after - rss_before:,.0f} MiB "
        f"(process RSS {rss_after:,.0f} MiB)"
    )
    for key, value in index.stats().items():
        print(f"  {key}: {value:,}")

    # warm-up (per-character key cache, tldextract cache), then measure
    for message in messages[:200]:
        index.check_address(message.sender, message.display_name)
    timings: dict[str, list[float]] = {}
    flagged: dict[str, int] = {}
    all_times: list[float] = []
    for message in messages:
        start = time.perf_counter_ns()
        check = index.check_address(message.sender, message.display_name)
        if message.reply_to and message.reply_to != message.sender:
            index.check_address(message.reply_to)
        elapsed = (time.perf_counter_ns() - start) / 1e6
        all_times.append(elapsed)
        timings.setdefault(message.kind, []).append(elapsed)
        best = check.domain.best
        hit = (best is not None and best.confidence >= 50) or bool(check.local_part_matches)
        flagged[message.kind] = flagged.get(message.kind, 0) + hit
    print(
        f"\nper-message check (From + Reply-To), {len(all_times):,} messages "
        "(flagged = lookalike with confidence >= 50 or a lookalike address):"
    )
    print(
        f"  median {statistics.median(all_times):.3f} ms, p95 {percentile(all_times, 0.95):.3f} ms, "
        f"max {max(all_times):.3f} ms"
    )
    for kind, values in sorted(timings.items()):
        print(
            f"  {kind:17s} n={len(values):5,d} median {statistics.median(values):.3f} ms "
            f"p95 {percentile(values, 0.95):.3f} ms  flagged {flagged[kind] / len(values):.0%}"
        )

    # brute force: rapidfuzz edit distance of the registrable label against all known labels
    labels = [d.domain.split(".")[0] for d in domains]
    sample = [m for m in messages if m.kind in ("lookalike_domain", "unknown")][: args.brute_sample]
    brute_times: list[float] = []
    index_times: list[float] = []
    for message in sample:
        label = message.sender.rpartition("@")[2].split(".")[0].lower()
        start = time.perf_counter_ns()
        process.extract(label, labels, scorer=Levenshtein.distance, score_cutoff=2, limit=None)
        brute_times.append((time.perf_counter_ns() - start) / 1e6)
        start = time.perf_counter_ns()
        index.check_domain(message.sender.rpartition("@")[2])
        index_times.append((time.perf_counter_ns() - start) / 1e6)
    brute_median = statistics.median(brute_times)
    index_median = statistics.median(index_times)
    print(
        f"\nbrute-force rapidfuzz scan over {len(labels):,} labels, {len(sample)} domains: "
        f"median {brute_median:.2f} ms, p95 {percentile(brute_times, 0.95):.2f} ms"
    )
    print(
        f"index check_domain on the same domains: median {index_median:.3f} ms "
        f"-> index is {brute_median / index_median:,.0f}x faster "
        "(and also finds homoglyphs, other suffixes, added words, subdomains)"
    )

    if args.tracemalloc:
        gc.unfreeze()
        del index
        gc.collect()
        tracemalloc.start()
        traced = LookalikeIndex(domains, addresses, confusables=table)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"tracemalloc: index holds {current / 2**20:,.0f} MiB, build peak "
            f"{peak / 2**20:,.0f} MiB ({traced.domain_count:,} domains)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
