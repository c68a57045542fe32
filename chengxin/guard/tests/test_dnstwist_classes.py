"""The lookalikes that dnstwist makes of a real company domain are caught, class by class.

dnstwist (a dev dependency) is the permutation engine that phishing-domain monitors
run over their brands: letters added, left out, swapped, repeated, replaced by a
keyboard neighbour or a homoglyph, the whole name in Cyrillic, the name split by a dot,
words added, the suffix changed. Each of its fuzzers is run here over one real domain
of each class that matters for exporters: 3-letter names, 5-letter names, long names
and names under a second-level suffix (co.uk), three real domains each. Among other real known domains, at
least 99 % of each fuzzer's permutations (homoglyph and whole-script Cyrillic: all of
them) must get a match for the imitated company with confidence 42 or more, which on
its own raises a message to the medium level. Real unrelated domains stay quiet.

bench/guard_lookalike_eval.py measures the same over 320 companies and the Tranco top
10,000 sites.
"""

from __future__ import annotations

import random

import dnstwist
import pytest

from chengxin.guard.domains import parse_domain
from chengxin.guard.lookalike import KnownDomain, LookalikeIndex
from chengxin.guard.scoring import DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS

#: The lookalike signal alone reaches medium (25) at weight 60 x confidence 42 %; the
#: match's kind must have that weight in scoring.py.
CAUGHT_CONFIDENCE = 42

CLASSES = {
    "3-letter name": ("dsv.com", "ccb.com", "kfw.de"),
    "5-letter name": ("sabic.com", "midea.com", "ambev.com.br"),
    "long name": ("tokopedia.com", "carrefour.fr", "hapag-lloyd.com"),
    "name under co.uk": ("sainsburys.co.uk", "argos.co.uk", "dyson.co.uk"),
}
KNOWN = tuple(domain for domains in CLASSES.values() for domain in domains)
#: Other buyers, banks and carriers in the same index, as in a real address book.
BACKGROUND = (
    "basf.com",
    "bosch.de",
    "auchan.fr",
    "hsbc.co.uk",
    "icbc.com.cn",
    "itau.com.br",
    "jumia.com",
    "lotte.co.kr",
    "maersk.com",
    "noon.com",
    "walmart.com",
    "emaar.com",
)
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
ALL_CAUGHT = ("homoglyph", "cyrillic")
#: Permutations checked per domain and fuzzer at most.
SAMPLE = 800
WORDS = (
    "pay",
    "secure",
    "invoice",
    "mail",
    "support",
    "group",
    "global",
    "trade",
    "online",
    "shop",
    "login",
    "account",
)
SUFFIXES = ("com", "net", "org", "co", "io", "biz", "info", "cn", "com.cn", "de", "uk", "co.uk")
#: Real sites unrelated to the known companies, some of them near in length or letters.
UNRELATED = (
    "cnn.com",
    "npr.org",
    "hbo.com",
    "dhl.com",
    "ups.com",
    "msc.com",
    "sap.com",
    "ikea.com",
    "sony.com",
    "otto.de",
    "ebay.de",
    "apple.com",
    "yahoo.com",
    "adobe.com",
    "slack.com",
    "sabre.com",
    "fedex.com",
    "tesco.com",
    "baidu.com",
    "zoom.us",
    "stripe.com",
    "paypal.com",
    "alibaba.com",
    "taobao.com",
    "shopify.com",
    "spotify.com",
    "github.com",
    "booking.com",
    "linkedin.com",
    "microsoft.com",
    "wikipedia.org",
    "zalando.de",
    "rakuten.co.jp",
    "amazon.co.uk",
    "argos.co.uk",
    "rightmove.co.uk",
    "autotrader.co.uk",
    "bbc.co.uk",
    "gumtree.com",
    "mercadolibre.com",
)


@pytest.fixture(scope="module")
def index() -> LookalikeIndex:
    return LookalikeIndex(KnownDomain(domain) for domain in (*KNOWN, *BACKGROUND))


def permutations(domain: str, fuzzer: str) -> list[str]:
    parsed = parse_domain(domain)
    assert parsed is not None
    engine = dnstwist.Fuzzer(domain, dictionary=WORDS, tld_dictionary=SUFFIXES)
    engine.subdomain, engine.domain, engine.tld = "", parsed.registrable_label, parsed.suffix
    engine.generate(fuzzers=[fuzzer])
    return sorted({permutation["domain"] for permutation in engine.domains} - {domain})


def sample(candidates: list[str], domain: str, fuzzer: str) -> list[str]:
    """At most SAMPLE of them, the same ones on every run (homoglyph makes thousands)."""
    if len(candidates) <= SAMPLE:
        return candidates
    return sorted(random.Random(f"{domain} {fuzzer}").sample(candidates, SAMPLE))


def shown(domain: str) -> str:
    """The domain as a person reads it (punycode decoded)."""
    parsed = parse_domain(domain)
    return parsed.unicode if parsed is not None and parsed.is_idn else domain


def is_caught(index: LookalikeIndex, candidate: str, domain: str) -> bool:
    """A match for the imitated domain that raises the message to medium on its own."""
    return any(
        match.known.domain == domain
        and match.confidence >= CAUGHT_CONFIDENCE
        and round(DEFAULT_WEIGHTS.get(f"lookalike_{match.kind}", 0) * match.confidence / 100)
        >= DEFAULT_THRESHOLDS.medium
        for match in index.check_domain(candidate).matches
    )


@pytest.mark.parametrize("fuzzer", FUZZERS)
def test_every_class_of_lookalike_is_caught(index: LookalikeIndex, fuzzer: str) -> None:
    checked = caught = 0
    figures: list[str] = []
    missed: list[str] = []
    for name, domains in CLASSES.items():
        class_checked = class_caught = 0
        for domain in domains:
            candidates = [
                candidate
                for candidate in sample(permutations(domain, fuzzer), domain, fuzzer)
                if parse_domain(candidate) is not None and index.known_domain(candidate) is None
            ]
            hits = [candidate for candidate in candidates if is_caught(index, candidate, domain)]
            class_checked += len(candidates)
            class_caught += len(hits)
            missed.extend(shown(candidate) for candidate in sorted(set(candidates) - set(hits))[:2])
        checked += class_checked
        caught += class_caught
        figures.append(f"{name} {class_caught}/{class_checked}")
    assert checked, f"dnstwist made no {fuzzer} permutations"
    goal = 100.0 if fuzzer in ALL_CAUGHT else 99.0
    recall = 100.0 * caught / checked
    assert recall >= goal, (
        f"{fuzzer}: {recall:.2f} % caught (goal {goal:.0f} %): {', '.join(figures)}; "
        f"missed for example {', '.join(missed)}"
    )


def test_unrelated_real_domains_are_quiet(index: LookalikeIndex) -> None:
    lookalikes = {
        candidate
        for domain in KNOWN
        for fuzzer in FUZZERS
        for candidate in permutations(domain, fuzzer)
    }
    # None of them is a permutation: full recall would forbid it to be quiet.
    assert not lookalikes & set(UNRELATED)
    alarms = {
        domain: [
            f"{match.kind} {match.known.domain} {match.confidence}"
            for match in index.check_domain(domain).matches
            if match.confidence >= CAUGHT_CONFIDENCE
        ]
        for domain in UNRELATED
    }
    assert {domain: found for domain, found in alarms.items() if found} == {}
