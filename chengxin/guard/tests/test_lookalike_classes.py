"""The classes of lookalike domains that fraudsters register (dnstwist's fuzzers):
short names, names split by a dot, typos next to letters the visual key rewrites,
whole-script and mixed-script lookalikes, decorated letters, and names that must stay
quiet."""

from __future__ import annotations

import pickle

import pytest
from rapidfuzz.distance import OSA

from chengxin.guard.confusables import (
    ConfusablesTable,
    is_mixed_script_confusable,
    is_whole_script_confusable,
    label_scripts,
)
from chengxin.guard.lookalike import (
    SHORT_GUESS_CONFIDENCE,
    KnownDomain,
    LookalikeIndex,
    LookalikeMatch,
)
from chengxin.guard.scoring import DEFAULT_THRESHOLDS, assess_message
from chengxin.guard.signals import Signal, describe

#: A match at this confidence alone raises a message to the medium level.
ALARM = 42

KNOWN = [
    KnownDomain("dhl.com", "DHL", 2019),
    KnownDomain("ikea.com", "IKEA", 2020),
    KnownDomain("bosch.com", "Bosch"),
    KnownDomain("tesco.co.uk", "Tesco"),
    KnownDomain("company.com", "Acme GmbH", 2021),
    KnownDomain("walmart.com", "Walmart"),
    KnownDomain("schneider-electric.com", "Schneider Electric"),
    KnownDomain("target.com", "Target"),
    KnownDomain("game.co.za", "Game"),
    KnownDomain("next.co.uk", "Next"),
    KnownDomain("dell.com", "Dell"),
    KnownDomain("canon.com", "Canon"),
    KnownDomain("bayer.com", "Bayer"),
    KnownDomain("chint.com", "Chint"),
    KnownDomain("arcor.com", "Arcor"),
    KnownDomain("sap.com", "SAP"),
]


@pytest.fixture(scope="module")
def index(confusables: ConfusablesTable) -> LookalikeIndex:
    return LookalikeIndex(KNOWN, confusables=confusables)


def _match_for(index: LookalikeIndex, domain: str, known: str) -> LookalikeMatch | None:
    check = index.check_domain(domain)
    assert not check.is_known, domain
    return next((m for m in check.matches if m.known.domain == known), None)


def _alarms(index: LookalikeIndex, domain: str) -> list[tuple[str, str, int]]:
    return [
        (m.kind, m.known.domain, m.confidence)
        for m in index.check_domain(domain).matches
        if m.confidence >= ALARM
    ]


# -- short names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fake", "known", "slip"),
    [
        ("ikes.com", "ikea.com", "neighbouring key"),
        ("dgl.com", "dhl.com", "neighbouring key"),
        ("ikeo.com", "ikea.com", "vowel for a vowel"),
        ("dhm.com", "dhl.com", "one flipped bit"),
        ("lkea.com", "ikea.com", "a letter read for another"),
        ("ikkea.com", "ikea.com", "doubled letter"),
        ("ika.com", "ikea.com", "deleted letter"),
        ("dh.com", "dhl.com", "deleted letter, two left"),
        ("ieka.com", "ikea.com", "swapped neighbours"),
        ("ik-ea.com", "ikea.com", "hyphen"),
        ("ikeax.com", "ikea.com", "letter added at the end"),
        ("dhjl.com", "dhl.com", "neighbouring key slipped in"),
        ("bocsh.com", "bosch.com", "swapped neighbours, five letters"),
    ],
)
def test_short_name_one_slip_is_a_medium_guess(
    index: LookalikeIndex, fake: str, known: str, slip: str
) -> None:
    match = _match_for(index, fake, known)
    assert match is not None, slip
    assert match.kind == "short_typo"
    assert match.confidence == SHORT_GUESS_CONFIDENCE
    assert ALARM <= match.confidence < 60


def test_short_guess_says_why_it_is_a_guess(index: LookalikeIndex) -> None:
    match = _match_for(index, "ikes.com", "ikea.com")
    assert match is not None
    text = describe(
        Signal(
            f"lookalike_{match.kind}",
            60,
            {
                "field": "from",
                "domain": "ikes.com",
                "known_domain": "ikea.com",
                "relation": "customer",
                "company": "IKEA",
                "differences": [["s", "a", "typo"]],
            },
        )
    )
    assert "differs by one letter from ikea.com (s instead of a)" in text
    assert "a one-letter difference may also be another, real company" in text


@pytest.mark.parametrize(
    "fake",
    [
        "ikea.net",  # same name: another suffix (reported as such, not as a typo)
        "ikes.net",  # one slip, but dnstwist's typos keep the suffix
        "dgl.de",
    ],
)
def test_short_typo_needs_the_same_public_suffix(index: LookalikeIndex, fake: str) -> None:
    kinds = {m.kind for m in index.check_domain(fake).matches}
    assert "short_typo" not in kinds


@pytest.mark.parametrize("fake", ["ikqa.com", "phl.com", "dhlqz.com", "ixyz.com"])
def test_short_name_implausible_edit_stays_quiet(index: LookalikeIndex, fake: str) -> None:
    assert _alarms(index, fake) == []


def test_short_name_plural_and_added_word(index: LookalikeIndex) -> None:
    plural = _match_for(index, "bosesch.com", "bosch.com")
    assert plural is not None and plural.confidence >= ALARM
    for fake in ("sapshop.com", "secure-sap.com", "sapaccounts.com", "sapcom.com"):
        match = _match_for(index, fake, "sap.com")
        assert match is not None and match.kind == "added_words", fake
        assert match.confidence >= ALARM, fake


# -- split names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fake", "known", "joined"),
    [
        ("b.osch.com", "bosch.com", "bosch"),
        ("comp.any.com", "company.com", "company"),
        ("t.esco.co.uk", "tesco.co.uk", "tesco"),
        ("tes.co.com", "tesco.co.uk", "tesco"),  # co.com is a (private) public suffix
    ],
)
def test_name_split_by_a_dot(index: LookalikeIndex, fake: str, known: str, joined: str) -> None:
    match = _match_for(index, fake, known)
    assert match is not None
    assert match.kind == "split"
    assert match.matched_name == joined
    assert match.confidence >= ALARM


def test_split_name_with_a_typo_and_its_sentence(index: LookalikeIndex) -> None:
    match = _match_for(index, "comp.nay.com", "company.com")
    assert match is not None and match.kind == "split" and match.distance == 1
    text = describe(
        Signal(
            "lookalike_split",
            60,
            {
                "field": "from",
                "domain": "b.osch.com",
                "known_domain": "bosch.com",
                "matched_name": "bosch",
                "relation": "customer",
                "company": "Bosch",
            },
        )
    )
    assert text.startswith("The sender's domain b.osch.com spells bosch across a dot")


# -- raw label and visual key -----------------------------------------------------------


@pytest.mark.parametrize(
    ("fake", "known"),
    [("wamlart.com", "walmart.com"), ("cmopany.com", "company.com")],
)
def test_typo_next_to_a_rewritten_letter_is_one_edit(
    index: LookalikeIndex, confusables: ConfusablesTable, fake: str, known: str
) -> None:
    fake_name, known_name = fake.split(".")[0], known.split(".")[0]
    assert OSA.distance(fake_name, known_name) == 1
    # in the visual key (m = rn, w = vv) the same slip is two edits
    key = confusables.visual_key
    assert OSA.distance(key(fake_name), key(known_name)) == 2
    match = _match_for(index, fake, known)
    assert match is not None and match.kind == "typo"
    assert match.distance == 1
    assert match.confidence >= 80


# -- whole-script, mixed-script, decorated letters --------------------------------------


@pytest.mark.parametrize(
    ("fake", "known", "script"),
    [
        ("\u0456\u043a\u0435\u0430.com", "ikea.com", "Cyrillic"),  # ікеа
        ("\u0501\u04bb\u04cf.com", "dhl.com", "Cyrillic"),  # ԁһӏ
        ("\u0455\u0430\u0440.com", "sap.com", "Cyrillic"),  # ѕар
        ("\u03b9\u03ba\u03b5\u03b1.com", "ikea.com", "Greek"),  # ικεα
    ],
)
def test_whole_script_lookalike_is_a_full_homoglyph(
    index: LookalikeIndex, confusables: ConfusablesTable, fake: str, known: str, script: str
) -> None:
    name = fake.split(".")[0]
    assert label_scripts(name) == {script}
    assert is_whole_script_confusable(
        name, confusables.visual_key(known.split(".")[0]), confusables
    )
    match = _match_for(index, fake, known)
    assert match is not None
    assert match.kind == "homoglyph"
    assert match.confidence == 100


def test_cyrillic_letters_drawn_as_small_capitals_fold_to_latin(
    confusables: ConfusablesTable,
) -> None:
    key = confusables.visual_key
    # UTS #39 maps к to ĸ (kra), т to ᴛ, м to ʍ, ь to ƅ, в to ʙ, н to ʜ
    assert key("\u043a\u0442\u043c\u044c\u0432\u043d") == key("ktmbbh")
    assert key("\u03ba\u03c4") == key("kt")  # Greek κτ
    # letters that do not look Latin keep their own key
    assert key("\u0434") != key("d")  # д
    assert key("\u0438") != key("n")  # и


def test_small_capitals_and_decorated_latin_letters_fold_to_the_base_letter(
    confusables: ConfusablesTable,
) -> None:
    key = confusables.visual_key
    pairs = {
        "\u1d0b": "k",  # ᴋ small capital K
        "\u1d0d": "m",  # ᴍ small capital M
        "\u0280": "r",  # ʀ small capital R
        "\u0262": "g",  # ɢ small capital G
        "\u0188": "c",  # ƈ c with hook
        "\u2c68": "h",  # ⱨ h with descender
        "\u027e": "r",  # ɾ r with fishhook
        "\u0289": "u",  # ʉ u bar
        "\u2c74": "v",  # ⱴ v with curl
        "\u01e5": "g",  # ǥ g with stroke
    }
    for decorated, letter in pairs.items():
        assert key(decorated) == key(letter), decorated
    # turned and reversed letters are other shapes
    assert key("\u01dd") != key("e")  # ǝ turned e
    assert key("\u1d0e") != key("n")  # ᴎ small capital reversed N


def test_decorated_letters_catch_a_lookalike(index: LookalikeIndex) -> None:
    match = _match_for(index, "\u0188o\u1d0dpany.com", "company.com")  # ƈoᴍpany
    assert match is not None and match.kind == "homoglyph" and match.confidence == 100


def test_mixed_script_lookalike(index: LookalikeIndex, confusables: ConfusablesTable) -> None:
    fake = "c\u043empany"  # Cyrillic о
    assert label_scripts(fake) == {"Latin", "Cyrillic"}
    assert is_mixed_script_confusable(fake, confusables.visual_key("company"), confusables)
    assert not is_whole_script_confusable(fake, confusables.visual_key("company"), confusables)
    match = _match_for(index, f"{fake}.com", "company.com")
    assert match is not None and match.kind == "homoglyph" and match.confidence == 100


def test_several_plain_letter_lookalikes_at_once(index: LookalikeIndex) -> None:
    # readers take 1 for l, cl for d, c for e, rn for m, nn for m, lb for b
    for fake, known in [
        ("clc1l.com", "dell.com"),
        ("c0rnparny.com", "company.com"),
        ("cornpanny.com", "company.com"),
        ("lbosclh.com", "bosch.com"),
    ]:
        match = _match_for(index, fake, known)
        assert match is not None and match.confidence >= ALARM, fake


def test_unusual_letter_standing_for_a_latin_one(index: LookalikeIndex) -> None:
    # ƿ (wynn) has no Latin prototype, yet in "ƿosch" it stands for a letter
    match = _match_for(index, "\u01bfosch.com", "bosch.com")
    assert match is not None and match.confidence >= ALARM


# -- what must stay quiet --------------------------------------------------------------


@pytest.mark.parametrize(
    "unrelated",
    [
        "gamespot.com",  # game inside a word that is not an impostor's word
        "nextdoor.com",
        "techtarget.com",
        "canonical.com",
        "sapling.com",
        "bayern.de",  # one letter from bayer, but another suffix
        "china.com",  # one letter from chint, but not a plausible slip of five letters
        "accor.com",
        "bilibili.com",
        "deli.de",
        "schneider-dict.com",
    ],
)
def test_unrelated_real_names_stay_quiet(index: LookalikeIndex, unrelated: str) -> None:
    assert _alarms(index, unrelated) == []


def test_a_part_of_a_hyphenated_name_with_impostor_words(index: LookalikeIndex) -> None:
    match = _match_for(index, "account-electric.com", "schneider-electric.com")
    assert match is not None and match.confidence >= ALARM
    assert _alarms(index, "electric-guitars.com") == []


def test_pickled_index_keeps_the_short_name_rule(index: LookalikeIndex) -> None:
    clone = pickle.loads(pickle.dumps(index))  # noqa: S301 - our own object
    assert clone.short_min_length == index.short_min_length
    match = _match_for(clone, "ieka.com", "ikea.com")
    assert match is not None and match.kind == "short_typo"


# -- in a whole assessment --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "code"),
    [("sales@ikes.com", "lookalike_short_typo"), ("sales@b.osch.com", "lookalike_split")],
)
def test_new_kinds_alone_reach_the_medium_level(
    index: LookalikeIndex, sender: str, code: str
) -> None:
    message = (
        f"From: Sales <{sender}>\r\nTo: buyer@chengxin-export.cn\r\nSubject: Order 4711\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nPlease find the order attached.\r\n"
    ).encode()
    assessment = assess_message(message, index=index, txt_lookup=lambda name: None)
    signal = assessment.signal(code)
    assert signal is not None, sorted(assessment.codes)
    assert signal.weight >= DEFAULT_THRESHOLDS.medium
    assert assessment.level in ("medium", "high", "critical")
