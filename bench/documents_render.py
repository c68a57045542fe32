"""Benchmark: a 30-line proforma invoice to PDF, in English and in Chinese, and a batch.

Run: ``uv run --frozen python bench/documents_render.py [--runs N] [--batch N] [--processes N]``

Prints, for a warm process, the median wall time (and CPU time) of a whole document
(``render_pdf``: HTML from the template, WeasyPrint layout, PDF writing) and where the time
goes: the template, layout, drawing and writing, and inside the writing the fonts (the
copy of the font file out of HarfBuzz and its subsetting). Three set-ups are compared:

- ``weasyprint default``: a new font configuration per document, the full Noto Sans CJK
  (what calling ``HTML(...).write_pdf()`` does);
- ``shared fonts``: one font configuration and one URL fetcher per process (a new
  fetcher loads the system's certificates);
- ``+ compact CJK fonts``: and the compact CJK fonts of ``chengxin documents fonts``;
- ``+ lean UA styles``: and the short user-agent stylesheet instead of WeasyPrint's HTML
  one: everything ``render_pdf`` does.

Then a batch of documents of every kind in every language rendered by worker processes,
each warm after its first document.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengxin.settings")

import django  # noqa: E402

django.setup()

from weasyprint import HTML  # noqa: E402
from weasyprint.pdf import fonts as pdf_fonts  # noqa: E402
from weasyprint.urls import URLFetcher  # noqa: E402

from chengxin.documents import fonts, render  # noqa: E402
from chengxin.documents.spec import DocumentSpec  # noqa: E402
from chengxin.documents.tests.documents import KINDS, LANGUAGES, document  # noqa: E402

COMPACT = "+ compact CJK fonts"
LEAN = "+ lean UA styles"
CHINESE_LINES = [
    "不锈钢离心水泵，750瓦，230伏/50赫兹",
    "压力控制器，带压力表，1.5巴",
    "铜制球阀 DN25，PN16",
    "变频控制柜，三相380伏",
]
ENGLISH_LINES = [
    "Stainless steel centrifugal water pump, 750 W, 230 V / 50 Hz",
    "Pressure controller with gauge, 1.5 bar",
    "Brass ball valve DN25, PN16",
    "Frequency inverter cabinet, three-phase 380 V",
]


def thirty_lines(language: str, kind: str = "proforma") -> DocumentSpec:
    data = document(kind, language)
    texts = CHINESE_LINES if language == "zh-hans" else ENGLISH_LINES
    template = data["lines"][0]
    data["lines"] = [
        {
            **template,
            "position": index + 1,
            "sku": f"WP-{200 + index}X",
            "description": texts[index % len(texts)],
            "unit_price": f"{12 + index}.50",
            "amount": None,
        }
        for index in range(30)
    ]
    data.pop("schedule", None)
    return DocumentSpec.from_dict(data)


class Timer:
    """Cumulative wall time of the functions it wraps."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}

    @contextmanager
    def patch(self, owner, name: str, label: str):
        original = getattr(owner, name)
        spent = self.spent

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - start

        setattr(owner, name, timed)
        try:
            yield
        finally:
            setattr(owner, name, original)


def one_document(spec: DocumentSpec, setup: str, timer: Timer) -> None:
    """Render ``spec`` as ``render_pdf`` does, each stage timed."""
    start = time.perf_counter()
    html = render.render_html(spec)
    timer.spent["template"] = timer.spent.get("template", 0.0) + time.perf_counter() - start
    if setup == "weasyprint default":
        fetcher, config = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True), None
    else:
        fetcher, config = render._fetcher(), fonts.font_configuration()
    html_class = render._document_html_class() if setup == LEAN else HTML
    start = time.perf_counter()
    rendered = html_class(string=html, url_fetcher=fetcher).render(font_config=config)
    timer.spent["layout"] = timer.spent.get("layout", 0.0) + time.perf_counter() - start
    start = time.perf_counter()
    rendered.write_pdf()
    timer.spent["draw + write"] = timer.spent.get("draw + write", 0.0) + time.perf_counter() - start


@contextmanager
def compact_fonts(enabled: bool):
    original = fonts.compact_fonts_ready
    if not enabled:
        fonts.compact_fonts_ready = lambda region: False  # type: ignore[assignment]
        render.cjk_families.__globals__["compact_fonts_ready"] = fonts.compact_fonts_ready
    try:
        yield
    finally:
        fonts.compact_fonts_ready = original  # type: ignore[assignment]
        render.cjk_families.__globals__["compact_fonts_ready"] = original


def measure(spec: DocumentSpec, setup: str, runs: int) -> None:
    fonts._local.__dict__.clear()  # a fresh process's font configuration
    timer = Timer()
    with (
        compact_fonts(setup in (COMPACT, LEAN)),
        timer.patch(pdf_fonts.Font, "__init__", "fonts: copy out of HarfBuzz"),
        timer.patch(pdf_fonts.Font, "subset", "fonts: subsetting"),
    ):
        for _ in range(3):  # warm-up: imports, fonts opened, caches filled
            one_document(spec, setup, Timer())
        timer.spent.clear()
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            one_document(spec, setup, timer)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    stages = ", ".join(
        f"{name} {1000 * seconds / runs:.0f}" for name, seconds in sorted(timer.spent.items())
    )
    print(
        f"  {setup:<24} median {1000 * statistics.median(walls):5.0f} ms "
        f"(CPU {1000 * statistics.median(cpus):4.0f} ms)  per stage, ms: {stages}"
    )


def _batch_worker(jobs: list[tuple[str, str]]) -> tuple[int, float]:
    """Render the jobs; how many, and the CPU seconds this worker spent."""
    start = time.process_time()
    for kind, language in jobs:
        render.render_pdf(DocumentSpec.from_dict(document(kind, language)))
    return len(jobs), time.process_time() - start


def batch(count: int, processes: int) -> None:
    jobs = [
        (KINDS[index % len(KINDS)], LANGUAGES[(index // len(KINDS)) % len(LANGUAGES)])
        for index in range(count)
    ]
    chunks = [jobs[index::processes] for index in range(processes)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=processes) as pool:
        results = list(pool.map(_batch_worker, chunks))
    seconds = time.perf_counter() - start
    done = sum(done for done, _cpu in results)
    cpu = sum(cpu for _done, cpu in results)
    print(
        f"batch: {done} documents (every kind in every language) with {processes} processes "
        f"in {seconds:.1f} s ({1000 * seconds / done:.0f} ms per document); "
        f"CPU {cpu:.1f} s ({1000 * cpu / done:.0f} ms per document: {cpu / processes:.1f} s "
        f"on {processes} free cores)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-setups", action="store_true", help="only the batch")
    args = parser.parse_args(argv)
    ready = all(fonts.compact_fonts_ready(region) for region in fonts.COMPACT)
    if not ready:
        print("(compact CJK fonts not made: run 'chengxin documents fonts' first)")
    setups: list[str] = ["weasyprint default", "shared fonts"]
    if ready:
        setups.append(COMPACT)
    setups.append(LEAN)
    measure_: Callable[[DocumentSpec, str, int], None] = measure
    if not args.skip_setups:
        for language in ("en", "zh-hans"):
            print(f"30-line proforma invoice, {language}, warm process, {args.runs} runs:")
            spec = thirty_lines(language)
            for setup in setups:
                measure_(spec, setup, args.runs)
    if args.batch:
        batch(args.batch, args.processes)


if __name__ == "__main__":
    main()
