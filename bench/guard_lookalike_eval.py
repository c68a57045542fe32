"""Evaluation: does the guard catch the lookalike domains that fraudsters register?

Run from the root of a checkout: ``uv run python bench/guard_lookalike_eval.py``
(``--misses [N]``, ``--fuzzers addition,homoglyph``, ``--limit N``, ``--sample N``,
``--holdout``, ``--json FILE``, ``--compare FILE``, ``--no-cache``). It evaluates the ``chengxin.guard.lookalike`` that the running
interpreter imports, so another checkout can run this file from its own root
(``cd ../wt-look && uv run python ../wt-twist/bench/guard_lookalike_eval.py``); the data
files are found beside this script.

Method.

* Known domains: ``lookalike_eval/companies.txt``, a few hundred real domains of the
  buyers, suppliers, banks and carriers that a Chinese exporter deals with, chosen by
  hand (Europe, the Americas, the Middle East, Asia, Africa; many 3-5 letter names such
  as ``basf.com``, ``dsv.com``; many under second-level suffixes such as ``co.uk``,
  ``com.cn``, ``co.jp``, ``co.za``). They become one :class:`LookalikeIndex` of customers.
* Lookalikes: every fuzzer of dnstwist (a dev dependency; the permutation engine that
  phishing-domain monitors use) over every company, each fuzzer run on its own so that
  one fuzzer's permutations are not credited to another. The dictionary fuzzer adds the
  words of ``lookalike_eval/dictionary.txt``, tld-swap uses ``lookalike_eval/tlds.txt``.
  The company's name and public suffix are split by chengxin's own parser before
  dnstwist sees them. A permutation equal to the company's domain, to another known
  domain, or that does not parse as a domain is skipped. Where a fuzzer makes more than
  ``--sample`` permutations of one company (homoglyph makes thousands for a long name),
  a fixed pseudo-random sample of that size is checked, so runs are deterministic.
* Caught: ``index.check_domain(permutation)`` returns a match for the imitated company
  whose confidence is at least 42: the lookalike signal alone (weight 60 times the
  confidence) then reaches the medium level (25) of chengxin/guard/scoring.py. Recall
  is reported per fuzzer for short names (3-5 characters) and the others.
* False alarms: the Tranco top 10,000 sites (https://tranco-list.eu/, a research
  ranking that combines several traffic and link rankings), as shipped offline by the
  ``pymispwarninglists`` package (MISP warning lists, CC0) in
  ``data/misp-warninglists/lists/tranco10k/list.json``. A site that is one of our
  companies (same registrable domain, or the same name under another suffix) is left
  out, and so are the sites listed in ``lookalike_eval/same_owner.txt`` (a company's own
  services under another name: samsungcloud.com, citibank.com). A false alarm is a site
  with any match of confidence 42 or more. Sites that are themselves a dnstwist
  permutation of a company are counted apart: full recall on that fuzzer means they
  cannot be quiet.

Held-out set (``--holdout``): ``lookalike_eval/companies_holdout.txt`` (other companies
of the same classes, no name shared with companies.txt) and, as unrelated sites, the
Majestic Million top 10,000 from the same package. Tune on the default set; look at the
held-out set to see whether the tuning generalises to companies it has not seen.

Goals (issue 11): recall of every fuzzer >= 99 %, homoglyph and whole-script Cyrillic
100 %, false alarms <= 0.5 %. See lookalike_eval/SOURCES.md for the lists.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import heapq
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "lookalike_eval"
CHECKOUT = HERE.parent

CAUGHT_CONFIDENCE = 42
GOAL_RECALL = 99.0
GOAL_FULL = 100.0
GOAL_FALSE_ALARMS = 0.5
FULL_RECALL_FUZZERS = ("homoglyph", "cyrillic")
#: The fuzzers of dnstwist 20250130, in the order of its own output.
FUZZERS = (
    "addition",
    "bitsquatting",
    "cyrillic",
    "homoglyph",
    "hyphenation",
    "insertion",
    "omission",
    "plural",
    "repetition",
    "replacement",
    "subdomain",
    "transposition",
    "vowel-swap",
    "dictionary",
    "tld-swap",
    "various",
)
#: Fuzzers that issue 11's table of today's recall did not list.
EXTRA_FUZZERS = ("bitsquatting", "plural", "various")
#: The unrelated sites: MISP warning lists shipped by pymispwarninglists.
UNRELATED_LISTS = {
    "dev": ("tranco10k", "Tranco top 10k"),
    "holdout": ("majestic_million", "Majestic Million top 10k"),
}
DEFAULT_SAMPLE = 250


def _import_dev_packages() -> tuple[Any, str]:
    """dnstwist and the Tranco list's package. A checkout whose environment lacks them
    (another worktree running this file) borrows them from this script's checkout."""
    try:
        import dnstwist
        import pymispwarninglists  # noqa: F401
    except ImportError:
        borrowed = sorted(CHECKOUT.glob(".venv/lib/python3*/site-packages"))
        if not borrowed:
            sys.exit(
                "dnstwist and pymispwarninglists are needed: uv sync --group dev "
                "(or uv pip install dnstwist pymispwarninglists)"
            )
        sys.path.append(str(borrowed[-1]))
        import dnstwist
        import pymispwarninglists  # noqa: F401

        return dnstwist, f"dnstwist and pymispwarninglists borrowed from {borrowed[-1]}"
    return dnstwist, ""


dnstwist, BORROWED = _import_dev_packages()

from chengxin.guard import lookalike as lookalike_module  # noqa: E402
from chengxin.guard.domains import parse_domain  # noqa: E402
from chengxin.guard.lookalike import KnownDomain, LookalikeIndex  # noqa: E402
from chengxin.guard.scoring import DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS  # noqa: E402


@dataclass(frozen=True)
class Company:
    domain: str
    name: str
    label: str
    suffix: str

    @property
    def is_short(self) -> bool:
        return 3 <= len(self.label) <= 5


@dataclass
class Tally:
    checked: int = 0
    caught: int = 0

    @property
    def recall(self) -> float:
        return 100.0 * self.caught / self.checked if self.checked else 100.0


@dataclass
class FuzzerResult:
    generated: int = 0
    skipped: int = 0
    short: Tally = field(default_factory=Tally)
    other: Tally = field(default_factory=Tally)
    #: names under a second-level suffix (co.uk, com.cn), counted in short or other too
    second_level: Tally = field(default_factory=Tally)
    misses: list[tuple[str, Company, str]] = field(default_factory=list)

    @property
    def all(self) -> Tally:
        return Tally(self.short.checked + self.other.checked, self.short.caught + self.other.caught)


def read_list(path: Path) -> list[str]:
    """Non-empty lines without their ``#`` comments."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def read_companies(path: Path) -> list[Company]:
    companies = []
    for line in path.read_text(encoding="utf-8").splitlines():
        domain, _, comment = line.partition("#")
        domain = domain.strip().lower()
        if not domain:
            continue
        parsed = parse_domain(domain)
        if parsed is None or parsed.registrable != domain:
            sys.exit(f"{path.name}: {domain!r} is not a registrable domain")
        name = comment.rsplit(",", 1)[0].strip() or domain
        companies.append(Company(domain, name, parsed.registrable_label.lower(), parsed.suffix))
    return companies


def read_unrelated(which: str) -> tuple[list[str], str]:
    folder, title = UNRELATED_LISTS[which]
    resource = files("pymispwarninglists").joinpath(
        f"data/misp-warninglists/lists/{folder}/list.json"
    )
    payload = json.loads(resource.read_text(encoding="utf-8"))
    version = metadata.version("pymispwarninglists")
    source = f"{title} of {payload['version']} (pymispwarninglists {version})"
    domains = {domain.strip().lower().rstrip(".") for domain in payload["list"]}
    return sorted(domain for domain in domains if domain), source


def permutations(
    company: Company, fuzzer: str, words: Sequence[str], tlds: Sequence[str]
) -> list[str]:
    engine = dnstwist.Fuzzer(company.domain, dictionary=words, tld_dictionary=tlds)
    # Our own split of name and suffix, whatever dnstwist's optional parser would say.
    engine.subdomain, engine.domain, engine.tld = "", company.label, company.suffix
    engine.generate(fuzzers=[fuzzer])
    return sorted({permutation["domain"] for permutation in engine.domains})


class PermutationCache:
    """dnstwist's permutations of every company, kept in the temporary directory between
    runs (generating the homoglyphs of 300 names takes dnstwist some 20 seconds). The
    file's name is a hash of everything the permutations depend on."""

    def __init__(
        self,
        companies: Sequence[Company],
        fuzzers: Sequence[str],
        words: Sequence[str],
        tlds: Sequence[str],
        *,
        enabled: bool,
    ) -> None:
        self.words, self.tlds = words, tlds
        inputs = [
            dnstwist.__version__,
            _version("idna"),
            [[c.domain, c.label, c.suffix] for c in companies],
            list(fuzzers),
            list(words),
            list(tlds),
        ]
        digest = hashlib.sha256(json.dumps(inputs).encode()).hexdigest()[:16]
        self.path = Path(tempfile.gettempdir()) / f"chengxin-lookalike-eval-{digest}.json.gz"
        self.entries: dict[str, list[str]] = {}
        self.loaded = False
        if enabled and self.path.exists():
            with gzip.open(self.path, "rt", encoding="utf-8") as stream:
                self.entries = json.load(stream)
            self.loaded = True
        self.enabled = enabled

    def get(self, company: Company, fuzzer: str) -> list[str]:
        key = f"{company.domain} {fuzzer}"
        found = self.entries.get(key)
        if found is None:
            found = self.entries[key] = permutations(company, fuzzer, self.words, self.tlds)
        return found

    def save(self) -> None:
        if not self.enabled or self.loaded:
            return
        partial = self.path.with_suffix(f".{os.getpid()}.tmp")
        with gzip.open(partial, "wt", encoding="utf-8", compresslevel=1) as stream:
            json.dump(self.entries, stream)
        partial.replace(self.path)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def signal_weight(match: Any) -> int:
    """The weight that scoring.py gives the lookalike signal of this match."""
    return round(DEFAULT_WEIGHTS.get(f"lookalike_{match.kind}", 0) * match.confidence / 100)


def describe(matches: Iterable[Any], limit: int = 2) -> str:
    shown = [f"{m.kind} {m.known.domain} {m.confidence}" for m in list(matches)[:limit]]
    return "; ".join(shown) if shown else "no match"


def pct(value: float) -> str:
    return f"{value:6.2f} %"


class Evaluation:
    def __init__(self, companies: list[Company], sample: int) -> None:
        self.companies = companies
        self.sample = sample
        self.index = LookalikeIndex(
            KnownDomain(company.domain, company.name) for company in companies
        )
        self.known = {company.domain for company in companies}
        self.labels = {company.label for company in companies}
        self.timings: list[float] = []
        #: the five slowest checks, a heap of (seconds, domain)
        self.slowest: list[tuple[float, str]] = []
        #: every permutation generated (before sampling) -> (company domain, fuzzer)
        self.origin: dict[str, tuple[str, str]] = {}
        #: caught permutations whose match kind's signal would not reach medium on its own
        #: in scoring.py (a kind without a weight there) -> how many
        self.weak_kinds: Counter[str] = Counter()

    def check(self, domain: str) -> Any:
        started = time.perf_counter()
        result = self.index.check_domain(domain)
        elapsed = time.perf_counter() - started
        self.timings.append(elapsed)
        if len(self.slowest) < 5 or elapsed > self.slowest[0][0]:
            heapq.heappush(self.slowest, (elapsed, domain))
            if len(self.slowest) > 5:
                heapq.heappop(self.slowest)
        return result

    def run_fuzzer(self, fuzzer: str, cache: PermutationCache) -> FuzzerResult:
        result = FuzzerResult()
        for company in self.companies:
            candidates = cache.get(company, fuzzer)
            result.generated += len(candidates)
            candidates = [c for c in candidates if c not in self.known]
            for candidate in candidates:
                self.origin.setdefault(candidate, (company.domain, fuzzer))
            if len(candidates) > self.sample:
                chooser = random.Random(f"{company.domain}|{fuzzer}")  # noqa: S311
                candidates = sorted(chooser.sample(candidates, self.sample))
            tally = result.short if company.is_short else result.other
            second_level = "." in company.suffix
            for candidate in candidates:
                parsed = parse_domain(candidate)
                if (
                    parsed is None
                    or parsed.registrable_index is None
                    or self.index.known_domain(parsed) is not None
                ):
                    result.skipped += 1
                    continue
                check = self.check(candidate)
                tally.checked += 1
                result.second_level.checked += second_level
                found = [
                    match
                    for match in check.matches
                    if match.known.domain == company.domain
                    and match.confidence >= CAUGHT_CONFIDENCE
                ]
                if found:
                    if signal_weight(found[0]) < DEFAULT_THRESHOLDS.medium:
                        self.weak_kinds[found[0].kind] += 1
                    tally.caught += 1
                    result.second_level.caught += second_level
                else:
                    result.misses.append((candidate, company, describe(check.matches)))
        return result

    def run_unrelated(self, domains: Sequence[str], same_owner: set[str]) -> dict[str, Any]:
        excluded = 0
        owned = 0
        not_registrable = 0
        checked = 0
        alarms: list[tuple[str, str, str]] = []
        any_match = 0
        seen: set[str] = set()
        for host in domains:
            parsed = parse_domain(host)
            if parsed is None or not parsed.registrable:
                not_registrable += 1
                continue
            # A list with host names (Majestic) counts each registrable domain once.
            domain = parsed.registrable
            if domain in seen:
                continue
            seen.add(domain)
            parsed = parse_domain(domain)
            assert parsed is not None
            if domain in same_owner:
                owned += 1
                continue
            if (
                parsed.registrable in self.known
                or parsed.registrable_label.lower() in self.labels
                or self.index.known_domain(parsed) is not None
            ):
                excluded += 1
                continue
            check = self.check(domain)
            checked += 1
            if check.matches:
                any_match += 1
            if any(match.confidence >= CAUGHT_CONFIDENCE for match in check.matches):
                origin = self.origin.get(domain)
                note = f"{origin[1]} permutation of {origin[0]}" if origin else ""
                alarms.append((domain, describe(check.matches), note))
        return {
            "checked": checked,
            "excluded": excluded,
            "not_registrable": not_registrable,
            "same_owner": owned,
            "alarms": alarms,
            "any_match": any_match,
        }


def goal_for(fuzzer: str) -> float:
    return GOAL_FULL if fuzzer in FULL_RECALL_FUZZERS else GOAL_RECALL


def tally_cells(tally: Tally) -> str:
    return f"{tally.checked:>7} {tally.caught:>7} {pct(tally.recall)}"


def print_table(results: dict[str, FuzzerResult], before: dict[str, Any]) -> Tally:
    """The table of recall; ``before`` holds the figures of an earlier ``--json`` run."""
    header = f"{'':14} {'short names (3-5)':^24} {'other names':^24} {'all':^24}"
    columns = f"{'fuzzer':14}" + f" {'checked':>7} {'caught':>7} {'recall':>8}" * 3
    columns += "  before" * bool(before) + "  goal"
    print(header)
    print(columns)
    print("-" * len(columns))
    total = FuzzerResult()
    for fuzzer, result in results.items():
        goal = goal_for(fuzzer)
        recall = result.all.recall
        mark = "" if recall >= goal else "  <- below goal"
        was = ""
        if before:
            earlier = before.get("fuzzers", {}).get(fuzzer, {}).get("recall")
            was = f"  {earlier:5.1f} %" if earlier is not None else "        "
        print(
            f"{fuzzer:14} {tally_cells(result.short)} {tally_cells(result.other)} "
            f"{tally_cells(result.all)}{was}  {goal:.0f} %{mark}"
        )
        for name in ("short", "other", "second_level"):
            mine, theirs = getattr(total, name), getattr(result, name)
            mine.checked += theirs.checked
            mine.caught += theirs.caught
    print("-" * len(columns))
    was = ""
    if before and before.get("recall") is not None:
        was = f"  {before['recall']:5.1f} %"
    print(
        f"{'all':14} {tally_cells(total.short)} {tally_cells(total.other)} "
        f"{tally_cells(total.all)}{was}"
    )
    print(
        f"Of these, names under a second-level suffix (co.uk, com.cn ...): "
        f"{total.second_level.caught} of {total.second_level.checked} = "
        f"{total.second_level.recall:.2f} %."
    )
    extra = [fuzzer for fuzzer in EXTRA_FUZZERS if fuzzer in results]
    if extra:
        print(f"{', '.join(extra)}: not in the issue's table; the same goal applies.")
    return total


def print_misses(results: dict[str, FuzzerResult], limit: int) -> None:
    print()
    print(f"Missed permutations (up to {limit} per fuzzer, spread over companies):")
    for fuzzer, result in results.items():
        if not result.misses:
            continue
        by_company: dict[str, list[tuple[str, Company, str]]] = defaultdict(list)
        for miss in result.misses:
            by_company[miss[1].domain].append(miss)
        spread: list[tuple[str, Company, str]] = []
        queues = [misses for _, misses in sorted(by_company.items())]
        # companies in a fixed shuffled order, so a short list is not all "a..."
        random.Random(fuzzer).shuffle(queues)  # noqa: S311
        depth = 0
        while len(spread) < limit and any(depth < len(queue) for queue in queues):
            spread.extend(queue[depth] for queue in queues if depth < len(queue))
            depth += 1
        print(f"  {fuzzer} ({len(result.misses)} missed, {len(by_company)} companies):")
        for candidate, company, found in spread[:limit]:
            shown = candidate
            parsed = parse_domain(candidate)
            if parsed is not None and parsed.is_idn:
                shown = f"{parsed.unicode} ({candidate})"
            print(f"    {shown:40} for {company.domain:22} -> {found}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses",
        nargs="?",
        type=int,
        const=10,
        default=0,
        metavar="N",
        help="print up to N missed permutations per fuzzer (default 10) and the false alarms",
    )
    parser.add_argument("--fuzzers", default="", help="comma-separated fuzzers (default: all)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N companies")
    parser.add_argument(
        "--sample",
        type=int,
        default=DEFAULT_SAMPLE,
        help=f"permutations checked per company and fuzzer at most (default {DEFAULT_SAMPLE})",
    )
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="evaluate on the held-out companies (companies_holdout.txt) and the Majestic "
        "top 10k instead; tune on the default set only",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--compare", type=Path, help="show beside the figures those of an earlier --json file"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="generate the permutations afresh instead of reading them from the temporary "
        "directory",
    )
    args = parser.parse_args(argv)

    fuzzers = [name.strip() for name in args.fuzzers.split(",") if name.strip()] or list(FUZZERS)
    missing = [
        name
        for name in FUZZERS
        if name not in ("tld-swap", "various")
        and not hasattr(dnstwist.Fuzzer, "_" + name.replace("-", "_"))
    ]
    if missing:
        sys.exit(f"this dnstwist ({dnstwist.__version__}) has no fuzzer {', '.join(missing)}")
    unknown = sorted(set(fuzzers) - set(FUZZERS))
    if unknown:
        parser.error(f"unknown fuzzers {', '.join(unknown)}; known: {', '.join(FUZZERS)}")
    which = "holdout" if args.holdout else "dev"
    companies = read_companies(
        DATA / ("companies_holdout.txt" if args.holdout else "companies.txt")
    )
    if args.limit:
        companies = companies[: args.limit]
    words = read_list(DATA / "dictionary.txt")
    tlds = read_list(DATA / "tlds.txt")
    unrelated, source = read_unrelated(which)

    started = time.perf_counter()
    evaluation = Evaluation(companies, args.sample)
    short = sum(company.is_short for company in companies)
    second_level = sum("." in company.suffix for company in companies)
    title = "held-out set" if args.holdout else "development set"
    print(f"Lookalike evaluation ({title}) of {lookalike_module.__file__}")
    if BORROWED:
        print(f"({BORROWED})")
    print(
        f"{len(companies)} company domains ({short} with a 3-5 character name, {second_level} "
        f"under a second-level suffix); dnstwist {dnstwist.__version__}, {len(fuzzers)} fuzzers, "
        f"{len(words)} dictionary words, {len(tlds)} suffixes; at most {args.sample} "
        f"permutations per company and fuzzer."
    )
    print(f"Caught = a match for the imitated company with confidence >= {CAUGHT_CONFIDENCE}.")
    print()
    cache = PermutationCache(companies, fuzzers, words, tlds, enabled=not args.no_cache)
    results = {fuzzer: evaluation.run_fuzzer(fuzzer, cache) for fuzzer in fuzzers}
    cache.save()
    if cache.loaded:
        print(f"(permutations read from {cache.path}; --no-cache makes them afresh)")
    permutation_timings = len(evaluation.timings)
    before = json.loads(args.compare.read_text()) if args.compare else {}
    total = print_table(results, before)
    if evaluation.weak_kinds:
        kinds = ", ".join(f"{kind} ({count})" for kind, count in evaluation.weak_kinds.items())
        print(
            f"Warning: caught permutations whose match kind has too small a weight in "
            f"scoring.DEFAULT_WEIGHTS to reach medium on its own: {kinds}"
        )
    below = [f for f, r in results.items() if r.all.recall < goal_for(f)]
    print(f"Goal: every fuzzer >= {GOAL_RECALL:.0f} %, homoglyph and cyrillic {GOAL_FULL:.0f} %.")
    print(f"Below goal: {', '.join(below) if below else 'none'}")
    for fuzzer in FULL_RECALL_FUZZERS:
        if fuzzer in results and results[fuzzer].all.recall < GOAL_FULL:
            print(f"  {fuzzer}: {results[fuzzer].all.recall:.2f} % (must be 100 %)")

    same_owner = set(read_list(DATA / "same_owner.txt"))
    false_alarms = evaluation.run_unrelated(unrelated, same_owner)
    checked = false_alarms["checked"]
    alarms = false_alarms["alarms"]
    rate = 100.0 * len(alarms) / checked if checked else 0.0
    any_rate = 100.0 * false_alarms["any_match"] / checked if checked else 0.0
    permutation_alarms = sum(1 for alarm in alarms if alarm[2])
    print()
    print(
        f"Unrelated domains: {source}: {checked} checked; left out "
        f"{false_alarms['excluded']} of our companies, {false_alarms['same_owner']} sites of "
        f"theirs under another name (same_owner.txt) and {false_alarms['not_registrable']} "
        f"public suffixes."
    )
    mark = "" if rate <= GOAL_FALSE_ALARMS else "  <- above goal"
    earlier_rate = before.get("unrelated", {}).get("rate")
    was = f", before {earlier_rate:.2f} %" if earlier_rate is not None else ""
    print(
        f"False alarms (a match >= {CAUGHT_CONFIDENCE}): {len(alarms)} = {rate:.2f} % "
        f"(goal <= {GOAL_FALSE_ALARMS} %{was}){mark}; any match at all: "
        f"{false_alarms['any_match']} = {any_rate:.2f} %"
    )
    print(
        f"  of the false alarms, {permutation_alarms} are themselves a dnstwist permutation "
        f"of a company; without them {len(alarms) - permutation_alarms} = "
        f"{100.0 * (len(alarms) - permutation_alarms) / checked if checked else 0:.2f} %"
    )
    timings = sorted(evaluation.timings)
    median = statistics.median(timings) * 1e6 if timings else 0.0
    p95 = timings[int(len(timings) * 0.95)] * 1e6 if timings else 0.0
    mean = statistics.fmean(timings) * 1e6 if timings else 0.0
    print(
        f"Time per check: median {median:.0f} µs, p95 {p95:.0f} µs, mean {mean:.0f} µs over "
        f"{len(timings)} checks ({permutation_timings} permutations); whole run "
        f"{time.perf_counter() - started:.0f} s"
    )
    slowest = ", ".join(
        f"{domain} {seconds * 1e3:.1f} ms" for seconds, domain in sorted(evaluation.slowest)[::-1]
    )
    print(f"  slowest: {slowest}")
    if args.misses:
        print_misses(results, args.misses)
        print()
        print(f"False alarms ({len(alarms)}):")
        for domain, found, note in alarms:
            print(f"    {domain:40} -> {found}{'  [' + note + ']' if note else ''}")
    if args.json:
        figures = {
            "engine": lookalike_module.__file__,
            "companies": len(companies),
            "set": which,
            "recall": round(total.all.recall, 2),
            "fuzzers": {
                fuzzer: {
                    "generated": result.generated,
                    "checked": result.all.checked,
                    "caught": result.all.caught,
                    "recall": round(result.all.recall, 2),
                    "short_recall": round(result.short.recall, 2),
                    "other_recall": round(result.other.recall, 2),
                }
                for fuzzer, result in results.items()
            },
            "unrelated": {
                "source": source,
                "checked": checked,
                "false_alarms": len(alarms),
                "rate": round(rate, 2),
                "any_match": false_alarms["any_match"],
                "alarms": [list(alarm) for alarm in alarms],
            },
            "median_check_us": round(median, 1),
        }
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
