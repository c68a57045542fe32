"""Evaluate the guard's bank- and contact-change recognition on the content corpus.

Run: ``uv run python bench/guard_content_eval.py [--corpus DIR ...] [--split dev]
[--language de] [--misses] [--rules-only]``

Reads every ``<split>/<lang>.json`` under each corpus root (default: the repository's
``bench/guard_content``; format in its README), runs
:func:`chengxin.guard.content.analyse_content` on each text with no bank details on
file, and prints per language and split: requests caught (recall), benign texts
flagged (false-alarm rate), the goals beside them, and the median time per text. A
request is caught when ``bank_change_request`` or ``contact_change_request`` fires; a
benign text is flagged when either does. ``--misses`` lists the missed requests and the
flagged benign texts with what fired.

The splits (README beside the corpus): dev, holdout, unseen and train have been tuned
or trained on; fresh and blind have not, so their figures are the ones that say how the
check does on new wording. ``--rules-only`` measures the composed rules without the
learned model (chengxin.guard.content_model), for comparison.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chengxin.guard import content, content_model
from chengxin.guard.content import analyse_content

CODES = frozenset({"bank_change_request", "contact_change_request"})
LANGUAGES = ("en", "zh", "es", "fr", "de", "pt", "ru", "ar", "tr", "ja")
RECALL_GOAL = 98.0
FLAGGED_GOAL = 1.0
DEFAULT_CORPUS = Path(__file__).resolve().parent / "guard_content"


@dataclass
class Outcome:
    """What one text gave: caught/flagged, what fired, how long it took."""

    text: str
    fired: list[tuple[str, str, str]]
    milliseconds: float
    note: str = ""

    @property
    def hit(self) -> bool:
        return bool(self.fired)


@dataclass
class Tally:
    requests: list[Outcome] = field(default_factory=list)
    benign: list[Outcome] = field(default_factory=list)

    @property
    def caught(self) -> int:
        return sum(o.hit for o in self.requests)

    @property
    def flagged(self) -> int:
        return sum(o.hit for o in self.benign)

    @property
    def recall(self) -> float:
        return 100.0 * self.caught / len(self.requests) if self.requests else 100.0

    @property
    def flagged_rate(self) -> float:
        return 100.0 * self.flagged / len(self.benign) if self.benign else 0.0

    @property
    def times(self) -> list[float]:
        return [o.milliseconds for o in self.requests + self.benign]

    def add(self, other: Tally) -> None:
        self.requests.extend(other.requests)
        self.benign.extend(other.benign)


def run_text(text: str, note: str = "") -> Outcome:
    start = time.perf_counter_ns()
    analysis = analyse_content("", text)
    elapsed = (time.perf_counter_ns() - start) / 1e6
    fired = [(f.code, f.language, f.phrase) for f in analysis.findings if f.code in CODES]
    return Outcome(text, fired, elapsed, note)


def corpus_files(
    roots: Iterable[Path], splits: Iterable[str], languages: Iterable[str]
) -> list[tuple[str, str, Path]]:
    """(split, language, path) of every corpus file present, in a stable order."""
    found = []
    for split in splits:
        for language in languages:
            for root in roots:
                path = root / split / f"{language}.json"
                if path.is_file():
                    found.append((split, language, path))
    return found


def evaluate(path: Path) -> Tally:
    data = json.loads(path.read_text(encoding="utf-8"))
    tally = Tally()
    for item in data.get("requests", []):
        note = f"{item.get('kind', '')}/{item.get('style', '')}"
        tally.requests.append(run_text(item["text"], note))
    for item in data.get("benign", []):
        tally.benign.append(run_text(item["text"], item.get("style", "")))
    return tally


def _row(name: str, tally: Tally) -> str:
    recall_ok = "ok" if tally.recall >= RECALL_GOAL else "BELOW"
    flagged_ok = "ok" if tally.flagged_rate <= FLAGGED_GOAL else "ABOVE"
    median = statistics.median(tally.times) if tally.times else 0.0
    return (
        f"  {name:14s} requests {tally.caught:4d}/{len(tally.requests):<4d} "
        f"{tally.recall:6.1f} % (>= {RECALL_GOAL:.0f} % {recall_ok:5s})   "
        f"benign flagged {tally.flagged:3d}/{len(tally.benign):<4d} "
        f"{tally.flagged_rate:5.1f} % (<= {FLAGGED_GOAL:.0f} % {flagged_ok:5s})   "
        f"median {median:6.3f} ms"
    )


def _short(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", type=Path, help="corpus root (repeatable)")
    parser.add_argument(
        "--split", action="append", help="dev, holdout, unseen, train, fresh, blind (default: all)"
    )
    parser.add_argument("--language", action="append", help="only these languages")
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    parser.add_argument("--rules-only", action="store_true", help="without the learned model")
    args = parser.parse_args(argv)
    if args.rules_only:
        content.CONFIRM, content.ALONE = 0.0, 2.0
        content_model.score = lambda text, model=None: content_model.Scores(0.0, 0.0, False)  # type: ignore[assignment]

    roots = args.corpus or [DEFAULT_CORPUS]
    splits = args.split or ["dev", "holdout", "unseen", "train", "fresh", "blind"]
    languages = args.language or list(LANGUAGES)
    files = corpus_files(roots, splits, languages)
    if not files:
        print(f"no corpus files under {', '.join(str(r) for r in roots)}", file=sys.stderr)
        return 1
    analyse_content("", "warm-up: our new bank account")
    by_split: dict[str, Tally] = {}
    for split in splits:
        split_files = [(language, path) for s, language, path in files if s == split]
        if not split_files:
            continue
        print(f"\n{split}:")
        total = by_split.setdefault(split, Tally())
        for language, path in split_files:
            tally = evaluate(path)
            total.add(tally)
            print(_row(language, tally))
            if args.misses:
                for outcome in tally.requests:
                    if not outcome.hit:
                        print(f"      MISSED  [{outcome.note}] {_short(outcome.text)}")
                for outcome in tally.benign:
                    if outcome.hit:
                        fired = "; ".join(f"{c} {lang} '{p}'" for c, lang, p in outcome.fired)
                        print(f"      FLAGGED [{outcome.note}] {fired} :: {_short(outcome.text)}")
        print(_row("all", total))
    if len(by_split) > 1:
        overall = Tally()
        for tally in by_split.values():
            overall.add(tally)
        print()
        print(_row("overall", overall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
