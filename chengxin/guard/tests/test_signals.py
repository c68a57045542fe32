"""Sentence templates: complete, translatable, and filled from real assessments."""

from __future__ import annotations

import re

from chengxin.guard.confusables import ConfusablesTable
from chengxin.guard.lookalike import KnownAddress, KnownDomain, LookalikeIndex
from chengxin.guard.scoring import DEFAULT_WEIGHTS, assess_message
from chengxin.guard.signals import TEMPLATES, Signal, describe
from chengxin.guard.tests.conftest import data_path

_DERIVED = {"field", "whose", "who", "details"}


def test_every_weighted_code_has_a_sentence() -> None:
    assert set(DEFAULT_WEIGHTS) == set(TEMPLATES)


def test_brief_example_sentence() -> None:
    signal = Signal(
        "lookalike_homoglyph",
        60,
        {
            "field": "from",
            "domain": "cornpany.com",
            "known_domain": "company.com",
            "company": "Acme GmbH",
            "since": 2021,
            "relation": "customer",
            "differences": [["rn", "m", "visual"]],
        },
    )
    assert describe(signal) == (
        "The sender's domain cornpany.com looks like company.com (rn looks like m), "
        "the domain of Acme GmbH, your customer since 2021."
    )


def test_describe_translates_every_part() -> None:
    catalogue = {
        "The %(field)s %(domain)s looks like %(known_domain)s (%(details)s), %(whose)s.": "%(field)s %(domain)s 看起来像 %(known_domain)s（%(details)s），%(whose)s。",
        "sender's domain": "发件人域名",
        "%(fake)s looks like %(real)s": "%(fake)s 像 %(real)s",
        "your own company's domain": "贵公司自己的域名",
    }
    signal = Signal(
        "lookalike_homoglyph",
        60,
        {
            "field": "from",
            "domain": "chengxin-exp0rt.cn",
            "known_domain": "chengxin-export.cn",
            "relation": "own",
            "differences": [["0", "o", "visual"]],
        },
    )
    assert describe(signal, lambda text: catalogue.get(text, text)) == (
        "发件人域名 chengxin-exp0rt.cn 看起来像 chengxin-export.cn（0 像 o），贵公司自己的域名。"
    )


def test_whose_clause_by_relation() -> None:
    base = {
        "field": "reply_to",
        "domain": "bbva-mx.com",
        "known_domain": "bbva.mx",
        "extra": "com",
        "matched_name": "bbva",
    }
    bank = Signal("lookalike_added_words", 40, {**base, "relation": "bank", "company": "BBVA"})
    assert describe(bank).endswith(", the domain of your bank, BBVA.")
    anonymous = Signal("lookalike_added_words", 40, {**base, "relation": "customer"})
    assert describe(anonymous).endswith(", a domain you deal with.")


def test_sentences_of_real_assessments_fill_every_placeholder(
    confusables: ConfusablesTable,
) -> None:
    index = LookalikeIndex(
        [
            KnownDomain("aquillaindustries.com", "Aquilla Industries", 2016),
            KnownDomain("bbva.mx", "BBVA México", relation="bank"),
            KnownDomain("fanox.com", "Fanox Electronic", 2014),
        ],
        [KnownAddress("notificacion-clientes@bbva.mx", "BBVA")],
        confusables=confusables,
    )
    produced: list[Signal] = []
    for path in sorted(data_path("phishing_bec").glob("*.eml")):
        assessment = assess_message(
            path.read_bytes(),
            index=index,
            txt_lookup=lambda name: None,
            trusted_authserv_ids={"mailb.triara.com"},
        )
        produced.extend(assessment.signals)
    assert len({s.code for s in produced}) >= 15
    for signal in produced:
        names = set(re.findall(r"%\((\w+)\)s", TEMPLATES[signal.code]))
        missing = names - set(signal.params) - _DERIVED
        assert not missing, (signal.code, missing)
        text = describe(signal)
        assert "%(" not in text and "()" not in text and "  " not in text, text
