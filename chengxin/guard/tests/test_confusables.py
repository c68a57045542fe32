"""The UTS #39 table and the visual key."""

from __future__ import annotations

import pytest

from chengxin.guard.confusables import ConfusablesTable
from chengxin.guard.tests.conftest import data_path


def test_unicode_17_file_loads_with_its_known_prototypes(confusables: ConfusablesTable) -> None:
    assert len(confusables) > 6500
    assert confusables.prototype("\u0430") == "a"  # Cyrillic а
    assert confusables.prototype("1") == "l"
    assert confusables.prototype("I") == "l"
    assert confusables.prototype("0") == "O"
    assert confusables.prototype("m") == "rn"
    assert confusables.prototype("x") == "x"


def test_skeleton_is_the_uts39_definition(confusables: ConfusablesTable) -> None:
    assert confusables.skeleton("pаypal") == confusables.skeleton("paypal")
    assert confusables.skeleton("paypal") != confusables.skeleton("paypa1".upper())


@pytest.mark.parametrize(
    ("fake", "real"),
    [
        ("cornpany", "company"),  # rn looks like m
        ("c0mpany", "company"),  # digit zero
        ("aquiIlaindustries", "aquillaindustries"),  # capital I for l
        ("paypa1", "paypal"),  # digit one
        ("vvalmart", "walmart"),  # vv for w
        ("clhl", "dhl"),  # cl for d
        ("gmaīl", "gmail"),  # accent removed
        ("wałletconnect", "walletconnect"),  # stroke removed
        ("bankofаmerꭵca", "bankofamerica"),  # Cyrillic а and Cherokee ꭵ
        ("ＣＯＭＰＡＮＹ", "company"),  # fullwidth, case
        ("ΑΡΡLE", "apple"),  # Greek capitals
    ],
)
def test_visual_key_equates_lookalikes(confusables: ConfusablesTable, fake: str, real: str) -> None:
    assert confusables.visual_key(fake) == confusables.visual_key(real)


@pytest.mark.parametrize(("first", "second"), [("company", "compary"), ("acme", "acne")])
def test_visual_key_keeps_different_names_apart(
    confusables: ConfusablesTable, first: str, second: str
) -> None:
    assert confusables.visual_key(first) != confusables.visual_key(second)


def test_offsets_map_each_character_to_its_part_of_the_key(confusables: ConfusablesTable) -> None:
    key, offsets = confusables.visual_key_with_offsets("m1")
    assert key == "rnl"
    assert offsets == [0, 2, 3]


def test_builtin_fallback_agrees_with_unicode_17(confusables: ConfusablesTable) -> None:
    builtin = ConfusablesTable.builtin()
    checked = 0
    for char in builtin._prototypes:
        assert builtin.visual_key(char) == confusables.visual_key(char), char
        checked += 1
    assert checked > 50


def test_confusable_homoglyphs_json_is_rebuilt_into_the_same_equivalences(
    confusables: ConfusablesTable,
) -> None:
    # The confusable_homoglyphs package generates its confusables.json from the Unicode
    # file by listing each pair in both directions; do the same from the shared file.
    pairs = []
    for line in (
        data_path("lookalike_domains", "unicode17_confusables.txt")
        .read_text(encoding="utf-8-sig")
        .splitlines()
    ):
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 3:
            continue
        source = "".join(chr(int(code, 16)) for code in fields[0].split())
        target = "".join(chr(int(code, 16)) for code in fields[1].split())
        pairs.append((source, target))
    matrix: dict[str, list[dict[str, str]]] = {}
    for source, target in pairs:
        matrix.setdefault(source, []).append({"c": target, "n": ""})
        matrix.setdefault(target, []).append({"c": source, "n": ""})
    rebuilt = ConfusablesTable.from_confusable_homoglyphs(matrix, source="test")
    assert len(pairs) > 6500
    # The symmetric file loses which side is the prototype; the rebuilt table must still
    # put each pair in the same class exactly when the original table does (the visual
    # key strips accents, so a few pairs such as ö / ة differ under both tables alike).
    disagreements = [
        (source, target)
        for source, target in pairs
        if (rebuilt.visual_key(source) == rebuilt.visual_key(target))
        != (confusables.visual_key(source) == confusables.visual_key(target))
    ]
    assert len(disagreements) <= 3, disagreements
    latin = [(s, t) for s, t in pairs if t.isascii() and t.isalnum()]
    assert len(latin) > 1000
    for source, _ in latin:
        assert rebuilt.visual_key(source) == confusables.visual_key(source), source
    assert rebuilt.visual_key("cornpany") == rebuilt.visual_key("company")
    assert rebuilt.visual_key("aquiIlaindustries") == rebuilt.visual_key("aquillaindustries")


def test_default_table_works_without_any_data_file() -> None:
    table = ConfusablesTable.default()
    assert table.visual_key("c0rnpany") == table.visual_key("company")
    assert table.visual_key("pаypal") == table.visual_key("paypal")
