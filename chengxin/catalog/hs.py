"""HS codes as a person types them, and whether a product's words fit its HS description.
Pure: no database; the caller looks the code up (``selectors.hs_path``) and passes the
descriptions in.

**The code.** Spaces, dots and dashes are ignored ("8539.52 00" is 85395200). Six digits
(an HS 2022 subheading), or eight to ten digits: a national tariff line, whose first six
digits are the HS subheading that must exist (the national digits themselves are not
checked: each country has its own tariff). Chapters (2 digits) and headings (4) are not
enough to declare goods.

**The warning.** A product is compared with the description of its subheading, heading and
chapter ("the path"). The rule, word by word:

- words are runs of Latin letters, lowercased, accents removed; numbers and one- or
  two-letter words are ignored;
- English stop words and the HS's own filler words ("other", "whether", "thereof",
  "articles", "parts", "similar", ...: ``IGNORED``) are ignored;
- each word is reduced to a stem by taking off a common English ending (-ies → -y,
  -es, -s, -ing, -ed, -al, -ic, -ly ...), so "lamps"/"lamp", "lighting"/"lights",
  "electrical"/"electric" match;
- two stems match when they are equal, or when the shorter (at least five letters)
  begins the longer ("luminair" / "luminaires").

No word in common: a warning (the code may be wrong), never a refusal: the nomenclature's
wording often differs from a trade name. A product text without any Latin word (Chinese
only, or empty) is not compared, and the check says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

SUBHEADING_DIGITS = 6
NATIONAL_DIGITS_MAX = 10
_SEPARATORS = re.compile(r"[\s.\-_/]+")
_WORD = re.compile(r"[a-z]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# English stop words, and words the nomenclature uses everywhere (they say nothing
# about the goods).
IGNORED = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how if in into is
    it its itself just me more most my no nor not now of off on once only or other others
    our out over own same she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where
    which while who whom why will with within without would you your
    whether thereof therefor therefrom herein hereof elsewhere specified included
    including excluding excluded nes nec kind kinds type types similar like certain
    used use using made form forms put up article articles part parts accessory
    accessories product products goods item items etc incl excl whole new old
    weight weighing exceeding exceed less more than containing contain mixed
    n e c
    """.split()
)

# Endings taken off, longest first; a stem keeps at least three letters.
_ENDINGS = (
    ("ational", "ate"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ically", "ic"),
    ("ities", ""),
    ("ness", ""),
    ("ment", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ers", ""),
    ("er", ""),
    ("ches", "ch"),
    ("shes", "sh"),
    ("sses", "ss"),
    ("xes", "x"),
    ("ed", ""),
    ("al", ""),
    ("ic", ""),
    ("ly", ""),
    ("es", "e"),
    ("s", ""),
)
_MIN_STEM = 3
_PREFIX_MATCH_MIN = 5


def normalize_code(raw: str) -> str:
    """The digits of a code as typed (separators taken out); any other character kept, so
    that ``code_problem`` names it."""
    return _SEPARATORS.sub("", (raw or "").strip())


def code_problem(code: str) -> str | None:
    """Why ``code`` (normalized) cannot be an HS code on a product; None when its form is
    right (whether it exists is for the nomenclature to say)."""
    if not code.isascii() or not code.isdigit():
        return _("An HS code has digits only (e.g. 853952 or 8539.52.00).")
    if len(code) < SUBHEADING_DIGITS:
        return _("Enter the HS subheading: six digits (a chapter or heading alone is not enough).")
    if len(code) == 7 or len(code) > NATIONAL_DIGITS_MAX:
        return _("An HS code has six digits, or eight to ten with the national tariff digits.")
    return None


def subheading_of(code: str) -> str:
    """The HS subheading (first six digits) of a valid code."""
    return code[:SUBHEADING_DIGITS]


def display_code(code: str) -> str:
    """ "853952" → "8539.52"; "85395200" → "8539.52.00"."""
    if len(code) < SUBHEADING_DIGITS:
        return code
    shown = f"{code[:4]}.{code[4:6]}"
    return f"{shown}.{code[6:]}" if len(code) > SUBHEADING_DIGITS else shown


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) + len(replacement) >= _MIN_STEM:
            if ending == "s" and word.endswith(("ss", "us", "is")):
                continue
            return word[: len(word) - len(ending)] + replacement
    return word


def meaningful_words(text: str) -> set[str]:
    """The stems of the words of ``text`` that say something (see the module's rule)."""
    words = _WORD.findall(_fold(text or ""))
    return {stem(w) for w in words if len(w) > 2 and w not in IGNORED}


def _match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= _PREFIX_MATCH_MIN and long.startswith(short)


def shared_words(product_words: Iterable[str], hs_words: Iterable[str]) -> list[str]:
    hs = list(hs_words)
    return sorted({p for p in product_words if any(_match(p, h) for h in hs)})


@dataclass(frozen=True)
class HsLine:
    """One level of the path: a chapter, heading or subheading and its description."""

    code: str
    description: str
    level: int


@dataclass(frozen=True)
class HsFit:
    """How a product's words compare with its HS description path."""

    compared: bool
    shared: list[str] = field(default_factory=list)
    message: str = ""

    @property
    def warning(self) -> bool:
        return self.compared and not self.shared


def fit(product_texts: Sequence[str], path: Sequence[HsLine]) -> HsFit:
    """Compare the product's texts (name, names in other languages, description) with the
    descriptions of ``path``; the message says what a person should know."""
    product_words: set[str] = set()
    has_han = False
    for text in product_texts:
        product_words |= meaningful_words(text)
        has_han = has_han or bool(_HAN.search(text or ""))
    if not product_words:
        if has_han:
            message = _(
                "The product is described in Chinese only: it could not be compared with "
                "the HS description (in English). Add an English name or description."
            )
        else:
            message = _(
                "The product has no name or description in words: it could not be "
                "compared with the HS description."
            )
        return HsFit(compared=False, message=message)
    hs_words: set[str] = set()
    for line in path:
        hs_words |= meaningful_words(line.description)
    common = shared_words(product_words, hs_words)
    if common:
        return HsFit(compared=True, shared=common)
    return HsFit(
        compared=True,
        message=_(
            "The product's name and description share no word with the HS description: "
            "check that the code is right."
        ),
    )
