"""Unicode UTS #39 confusable data and the "visual key" used to compare domain names.

UTS #39 (https://www.unicode.org/reports/tr39/) maps every character that can be
mistaken for another to a *prototype*: Cyrillic "а" and Latin "a" share the prototype
"a", the digit "1" and capital "I" share "l", and "m" maps to "rn". Two strings whose
*skeletons* (every character replaced by its prototype) are equal look alike.

Where the data comes from, in this order (see :meth:`ConfusablesTable.default`):

1. the ``confusable_homoglyphs`` package (MIT, https://pypi.org/project/confusable-homoglyphs/)
   when it is installed: its bundled ``confusables.json`` is generated from the
   Unicode ``confusables.txt`` and is converted back into a prototype table here;
2. a small built-in table of the substitutions that real lookalike domains use
   (Cyrillic and Greek letters that look Latin, 0/O, 1/I/l, rn/m ...).

:meth:`ConfusablesTable.from_file` reads an official ``confusables.txt`` directly,
which is what the tests do with the Unicode 17 file.

On top of UTS #39, :meth:`ConfusablesTable.visual_key` adds what matters for domain
names: NFKC, case folding (after the prototype mapping, so "I" is still read as "l"),
removal of accents and other combining marks, and letter pairs that UTS #39 leaves out
but that fool readers of e-mail addresses ("vv" for "w", "cl" for "d").

*Folding to Latin.* UTS #39 maps some letters to a prototype that is not a plain Latin
letter: Cyrillic "к" to "ĸ" (kra), "т" to "ᴛ" (small capital T), "ь" to "ƅ" (tone six),
"м" to "ʍ"; and decorated Latin letters with a hook, stroke, descender or curl ("ƈ",
"ⱨ", "ɾ", "ʉ") or small capitals ("ʀ", "ɢ") have no prototype at all. A domain written
entirely in Cyrillic or Greek letters that look Latin would then keep such characters
in its key and never equal the Latin name. Where the key of a character is still not
ASCII, it is folded in a general way:

1. a Latin letter whose Unicode name is a base letter with decorations ("LATIN SMALL
   LETTER C WITH HOOK", "LATIN LETTER SMALL CAPITAL T", "LATIN SMALL LETTER U BAR")
   becomes that base letter; turned, reversed and inverted letters do not (they are
   other shapes);
2. a small letter of another script that is drawn as a small capital (Cyrillic "к",
   "т", "м", "в", Greek "κ", "τ") takes the key of its capital when that is ASCII;
3. otherwise the other characters with the same prototype are tried with rules 1-2
   (the kra "ĸ" folds like its confusable "к").

:func:`label_scripts`, :func:`is_whole_script_confusable` and
:func:`is_mixed_script_confusable` implement the whole-script and mixed-script
confusable tests of UTS #39 section 4 against Latin: a label in one script other than
Latin whose key equals a Latin name is a whole-script confusable of it; a label that
mixes Latin with another script is a mixed-script confusable.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = [
    "EXTRA_PROTOTYPES",
    "ConfusablesTable",
    "char_script",
    "decorated_base",
    "is_mixed_script_confusable",
    "is_whole_script_confusable",
    "label_scripts",
]

#: Multi-letter lookalikes that UTS #39 does not list but which lookalike domains use.
#: The key is mapped to the value (the same direction as UTS #39 maps "m" to "rn").
EXTRA_PROTOTYPES: Mapping[str, str] = {"w": "vv", "d": "cl", "m": "rn"}

# Built-in fallback: prototypes exactly as in UTS #39 confusables.txt (Unicode 17),
# restricted to characters seen in real homograph attacks on Latin-script domains.
_BUILTIN: Mapping[str, str] = {
    # digits and ASCII lookalikes
    "0": "O",
    "1": "l",
    "I": "l",
    "|": "l",
    # Cyrillic lower case
    "\u0430": "a",  # а
    "\u0435": "e",  # е
    "\u043e": "o",  # о
    "\u0440": "p",  # р
    "\u0441": "c",  # с
    "\u0443": "y",  # у
    "\u0445": "x",  # х
    "\u0455": "s",  # ѕ
    "\u0456": "i",  # і
    "\u0458": "j",  # ј
    "\u0501": "d",  # ԁ
    "\u04bb": "h",  # һ
    "\u04cf": "l",  # ӏ
    "\u051b": "q",  # ԛ
    "\u051d": "w",  # ԝ
    "\u0475": "v",  # ѵ
    # Cyrillic upper case
    "\u0410": "A",
    "\u0412": "B",
    "\u0415": "E",
    "\u041a": "K",
    "\u041c": "M",
    "\u041d": "H",
    "\u041e": "O",
    "\u0420": "P",
    "\u0421": "C",
    "\u0422": "T",
    "\u0425": "X",
    # Greek
    "\u03bf": "o",  # ο
    "\u03b1": "a",  # α
    "\u03bd": "v",  # ν
    "\u03c1": "p",  # ρ
    "\u03b9": "i",  # ι
    "\u039f": "O",
    "\u0391": "A",
    "\u0392": "B",
    "\u0395": "E",
    "\u0397": "H",
    "\u0399": "l",
    "\u039a": "K",
    "\u039c": "M",
    "\u039d": "N",
    "\u03a1": "P",
    "\u03a4": "T",
    "\u03a7": "X",
    "\u0396": "Z",
    # Latin letters that look like other Latin letters
    "\u0131": "i",  # ı dotless i
    "\u0261": "g",  # ɡ script g
    "\u0251": "a",  # ɑ alpha
    "\u01c0": "l",  # ǀ dental click
    "\u0142": "l\u0338",  # ł
    "\u0269": "i",  # ɩ iota
    # Cherokee
    "\u13a5": "i",
    "\uab75": "i",
    # UTS #39 maps m to rn
    "m": "rn",
}

_MARK_CATEGORIES = frozenset({"Mn", "Me"})
#: A Latin letter named after one base letter, with decorations after it (or a small
#: capital): "LATIN SMALL LETTER G WITH STROKE", "LATIN LETTER SMALL CAPITAL R".
_DECORATED_LATIN = re.compile(
    r"LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL )?([A-Z])((?: [A-Z-]+)*)"
)
#: Words that make a letter another shape, not a decorated form of the base letter.
_OTHER_SHAPE = frozenset({"TURNED", "REVERSED", "INVERTED", "SIDEWAYS", "CLOSED", "OPEN"})
#: Scripts that every script may use (digits, hyphen) or that take the script of the
#: letter they attach to (combining marks).
_ANY_SCRIPT = frozenset({"Common", "Inherited"})


class ConfusablesTable:
    """A prototype table (character -> prototype string) with skeleton functions."""

    def __init__(self, prototypes: Mapping[str, str], *, source: str = "") -> None:
        self._prototypes: dict[str, str] = dict(prototypes)
        for char, target in EXTRA_PROTOTYPES.items():
            self._prototypes.setdefault(char, target)
        self.source = source
        self._char_keys: _CharKeys = _CharKeys(self._compute_char_key)
        self._sources: dict[str, list[str]] | None = None

    def __len__(self) -> int:
        return len(self._prototypes)

    def __repr__(self) -> str:
        return f"<ConfusablesTable {len(self)} entries from {self.source}>"

    def __reduce__(self) -> tuple[type[ConfusablesTable], tuple[dict[str, str]], dict[str, str]]:
        # the memoised keys are rebuilt on demand
        return (ConfusablesTable, (self._prototypes,), {"source": self.source})

    def __setstate__(self, state: dict[str, str]) -> None:
        self.source = state["source"]

    # -- construction ---------------------------------------------------------------

    @classmethod
    def from_file(cls, path: str | Path) -> ConfusablesTable:
        """Load an official UTS #39 ``confusables.txt``."""
        text = Path(path).read_text(encoding="utf-8-sig")
        return cls(_parse_confusables_txt(text.splitlines()), source=str(path))

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, source: str) -> ConfusablesTable:
        """Load ``confusables.txt`` content already split into lines."""
        return cls(_parse_confusables_txt(lines), source=source)

    @classmethod
    def from_confusable_homoglyphs(
        cls, data: Mapping[str, list[Mapping[str, str]]], *, source: str
    ) -> ConfusablesTable:
        """Rebuild a prototype table from ``confusable_homoglyphs``' ``confusables.json``.

        That file is symmetric: for each ``source -> prototype`` line of confusables.txt
        it lists the prototype under the source *and* the source under the prototype.
        Prototypes are never sources in UTS #39, so the data forms stars around each
        prototype; the centre of each star is the prototype. A star with only two
        members has no visible centre; any consistent choice gives the same equality
        of skeletons, and the multi-character member, else the ASCII one, else the
        smaller code point is chosen.
        """
        neighbours: dict[str, set[str]] = {}
        for char, entries in data.items():
            for entry in entries:
                other = entry.get("c", "")
                if not other or other == char:
                    continue
                neighbours.setdefault(char, set()).add(other)
                neighbours.setdefault(other, set()).add(char)
        prototypes: dict[str, str] = {}
        seen: set[str] = set()
        for start in neighbours:
            if start in seen:
                continue
            component = _component(start, neighbours)
            seen.update(component)
            centre = _star_centre(component, neighbours)
            for member in component:
                if member != centre and len(member) == 1:
                    prototypes[member] = centre
        return cls(prototypes, source=source)

    @classmethod
    def builtin(cls) -> ConfusablesTable:
        """The small built-in table (no data file needed)."""
        return cls(_BUILTIN, source="built-in")

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> ConfusablesTable:
        """The best table available at run time (see the module docstring)."""
        try:
            data_file = resources.files("confusable_homoglyphs").joinpath("confusables.json")
            data = json.loads(data_file.read_text(encoding="utf-8"))
        except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
            return ConfusablesTable.builtin()
        return ConfusablesTable.from_confusable_homoglyphs(data, source="confusable_homoglyphs")

    # -- mapping --------------------------------------------------------------------

    def prototype(self, char: str) -> str:
        """The UTS #39 prototype of one character (the character itself if none)."""
        return self._prototypes.get(char, char)

    def skeleton(self, text: str) -> str:
        """The UTS #39 skeleton: NFD, every character replaced by its prototype, NFD."""
        mapped = "".join(self._prototypes.get(c, c) for c in unicodedata.normalize("NFD", text))
        return unicodedata.normalize("NFD", mapped)

    def char_key(self, char: str) -> str:
        """The visual key of one character (memoised; see :meth:`visual_key`)."""
        return self._char_keys[ord(char)]

    def visual_key(self, text: str) -> str:
        """A key that is equal for strings a reader would take for the same name.

        Prototype mapping, NFKC, removal of combining marks and case folding, repeated
        until nothing changes (so "I" becomes "l" before folding could turn it into "i",
        and "W" folds to "w", which then becomes "vv").
        """
        return text.translate(self._char_keys)

    def visual_key_with_offsets(self, text: str) -> tuple[str, list[int]]:
        """The visual key and, for each input character, where its part of the key starts.

        The list has ``len(text) + 1`` entries; the last one is the key length.
        """
        parts: list[str] = []
        offsets: list[int] = []
        position = 0
        for char in text:
            offsets.append(position)
            part = self.char_key(char)
            parts.append(part)
            position += len(part)
        offsets.append(position)
        return "".join(parts), offsets

    def sources_of(self, prototype: str) -> list[str]:
        """All characters whose prototype is exactly ``prototype`` (for tests and tools)."""
        if self._sources is None:
            sources: dict[str, list[str]] = {}
            for char, target in self._prototypes.items():
                sources.setdefault(target, []).append(char)
            self._sources = sources
        return list(self._sources.get(prototype, ()))

    def _compute_char_key(self, char: str) -> str:
        key = self._base_key(char)
        if key.isascii():
            return key
        parts = [part if part.isascii() else self._fold_to_latin(part) or part for part in key]
        whole = self._fold_to_latin(char) if len(key) == 1 else ""
        return whole or "".join(parts)

    def _fold_to_latin(self, char: str) -> str:
        """The plain Latin letters ``char`` is read as, or "" (rules 1-3 of the module
        docstring); only ASCII results count."""
        found = self._fold_one(char)
        if found:
            return found
        for other in sorted(self.sources_of(char)):
            found = self._fold_one(other)
            if found:
                return found
        return ""

    def _fold_one(self, char: str) -> str:
        name = unicodedata.name(char, "")
        base = decorated_base(char)
        if base:
            return self._base_key(base)
        if unicodedata.category(char) == "Ll" and not name.startswith("LATIN"):
            capital = char.upper()
            if len(capital) == 1 and capital != char:
                key = self._base_key(capital)
                if key.isascii() and key.isalnum():
                    return key
        return ""

    def _base_key(self, char: str) -> str:
        text = char
        for _ in range(8):
            mapped = "".join(self._prototypes.get(c, c) for c in unicodedata.normalize("NFD", text))
            compatible = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", mapped))
            stripped = "".join(
                c for c in compatible if unicodedata.category(c) not in _MARK_CATEGORIES
            )
            folded = stripped.casefold()
            if folded == text:
                break
            text = folded
        return text


def decorated_base(char: str) -> str:
    """The base letter of a decorated Latin letter, read from its Unicode name ("g" for
    "LATIN SMALL LETTER G WITH STROKE", "r" for "LATIN LETTER SMALL CAPITAL R"); "" for
    other characters and for turned or reversed letters."""
    decorated = _DECORATED_LATIN.fullmatch(unicodedata.name(char, ""))
    if decorated and not _OTHER_SHAPE.intersection(decorated.group(2).split()):
        return decorated.group(1).lower()
    return ""


def char_script(char: str) -> str:
    """The script of one character as UTS #24 names it, read from its Unicode name
    ("Latin", "Cyrillic", "Greek" ...); "Common" for digits, punctuation and symbols,
    "Inherited" for combining marks."""
    category = unicodedata.category(char)
    if category.startswith("M"):
        return "Inherited"
    if not category.startswith("L"):
        return "Common"
    name = unicodedata.name(char, "")
    if name.startswith(("CJK ", "KANGXI")):
        return "Han"
    word = name.split(" ", 1)[0]
    return word.capitalize() if word else "Unknown"


def label_scripts(label: str) -> frozenset[str]:
    """The scripts a label uses, without Common and Inherited (UTS #39's resolved
    script set, read as the set of scripts present)."""
    return frozenset(char_script(c) for c in label) - _ANY_SCRIPT


def is_whole_script_confusable(label: str, latin_key: str, table: ConfusablesTable) -> bool:
    """UTS #39 whole-script confusable with a Latin name: the label is written in one
    script other than Latin and has the same key as the Latin name."""
    scripts = label_scripts(label)
    return len(scripts) == 1 and "Latin" not in scripts and table.visual_key(label) == latin_key


def is_mixed_script_confusable(label: str, latin_key: str, table: ConfusablesTable) -> bool:
    """UTS #39 mixed-script confusable with a Latin name: the label mixes scripts and
    has the same key as the Latin name."""
    return len(label_scripts(label)) > 1 and table.visual_key(label) == latin_key


class _CharKeys(dict[int, str]):
    """Code point -> visual key, computed on first use; usable with ``str.translate``."""

    def __init__(self, compute: Callable[[str], str]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, ordinal: int) -> str:
        key = self._compute(chr(ordinal))
        self[ordinal] = key
        return key


def _parse_confusables_txt(lines: Iterable[str]) -> dict[str, str]:
    prototypes: dict[str, str] = {}
    for line in lines:
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        fields = [field.strip() for field in data.split(";")]
        if len(fields) < 2 or not fields[0] or not fields[1]:
            continue
        try:
            source = "".join(chr(int(code, 16)) for code in fields[0].split())
            target = "".join(chr(int(code, 16)) for code in fields[1].split())
        except ValueError:
            continue
        if len(source) == 1:
            prototypes[source] = target
    return prototypes


def _component(start: str, neighbours: Mapping[str, set[str]]) -> set[str]:
    component = {start}
    stack = [start]
    while stack:
        for other in neighbours[stack.pop()]:
            if other not in component:
                component.add(other)
                stack.append(other)
    return component


def _star_centre(component: set[str], neighbours: Mapping[str, set[str]]) -> str:
    multi = [member for member in component if len(member) > 1]
    if len(component) > 2:
        return max(component, key=lambda member: (len(neighbours[member]), member))
    if multi:
        return multi[0]
    ascii_members = [member for member in component if member.isascii()]
    if len(ascii_members) == 1:
        return ascii_members[0]
    return min(component)
