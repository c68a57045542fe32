"""A learned reading of bank and contact change requests, beside the composed rules.

The rules of :mod:`chengxin.guard.change_requests` compose concepts per clause; they are
exact on the wording they were written for and miss paraphrases they were not
(measured on texts written after them: bench/guard_content, README). This model reads
a message as a whole and says how likely it asks to pay or write elsewhere, from two
kinds of features:

* **frames** shared by all ten languages: which concepts of the rules' lexicon occur in
  the message (a destination noun, NEW, CHANGE, STOP, a directive, a time shift, an
  assurance such as "unchanged", a warning, RECEIVED...) and which pairs occur in
  the same sentence ("PAY+NEW", "PAY+ASSURE", "PAYDIR+SHIFT"), plus whether an e-mail
  address or a phone number is written; a paraphrase in one language teaches the
  others;
* **character n-grams** (2 to 4 characters of the case-folded text, digits folded to
  0, addresses to one token), which carry what the lexicon has no word for, typos and
  inflections included.

It is a multinomial logistic regression (benign, bank, contact) trained by
``bench/guard_content_train.py`` on the tuned splits of the content corpus; the weights
live in ``content_model.tsv.gz`` beside this module (feature, bank weight, contact weight;
a header line with the biases). Scoring is a set of dictionary look-ups: no numpy, no
network, about the cost of the rules.

:func:`score` gives the probabilities; :func:`strongest_sentence` names the sentence
that weighs most, so a finding can show people the words it stands on.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chengxin.guard.change_requests import concept_sentences

__all__ = [
    "MODEL_PATH",
    "Model",
    "Scores",
    "features",
    "load_model",
    "score",
    "strongest_sentence",
]

MODEL_PATH = Path(__file__).with_name("content_model.tsv.gz")
#: Character n-grams from NGRAM_MIN to NGRAM_MAX characters.
NGRAM_MIN = 2
NGRAM_MAX = 4
#: The n-grams together weigh this much against the frames (each group is scaled to
#: unit length, then the n-grams by this factor).
NGRAM_SCALE = 0.5
#: Only the beginning of a long text is read (requests are short mails).
MAX_CHARS = 6000

_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Where a sentence ends: ". " and the like, CJK full stops, line breaks.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\n+")


def normalise(text: str) -> str:
    """Case-folded, accents dropped, digits as 0, addresses as one token, spaces single."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _EMAIL.sub(" @mail ", folded)
    folded = _DIGIT.sub("0", folded)
    decomposed = unicodedata.normalize("NFD", folded)
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " " + _SPACE.sub(" ", folded).strip() + " "


#: Concepts one of which a message must have for the model alone to call it a request:
#: something money or mail goes to (a destination or contact noun, a payment or contact
#: directive, another payee, a written address or phone number). A greeting, a football
#: result or a bare long number (a time stamp) has none, however its letters weigh.
ANCHORS = frozenset(
    {
        "PAY", "PAYDIR", "CONTACT", "CONTDIR", "ADDRESS", "REPLY", "THIRD", "ASSIGN",
        "PAYMETHOD", "COLLECT", "OWNED", "NOTUS", "BANK", "EMAIL", "FREEMAIL", "PHONE",
    }
)  # fmt: skip


def features(text: str) -> dict[str, float]:
    """The message's features and their values (frames and n-grams, each group unit length)."""
    return _features(text)[0]


def _features(text: str) -> tuple[dict[str, float], bool]:
    text = text[:MAX_CHARS]
    found: dict[str, float] = {}
    normal = normalise(text)
    grams = {
        normal[i : i + n]
        for n in range(NGRAM_MIN, NGRAM_MAX + 1)
        for i in range(len(normal) - n + 1)
    }
    if grams:
        value = NGRAM_SCALE / math.sqrt(len(grams))
        for gram in grams:
            found[gram] = value
    frames, anchored = _frames(text)
    if frames:
        value = 1.0 / math.sqrt(len(frames))
        for frame in frames:
            found[frame] = value
    return found, anchored


def _frames(text: str) -> tuple[set[str], bool]:
    frames: set[str] = set()
    anchored = False
    for sentence in concept_sentences(text):
        anchored = anchored or not ANCHORS.isdisjoint(sentence)
        frames.update(f"C:{name}" for name in sentence)
        names = sorted(sentence)
        for i, first in enumerate(names):
            frames.update(f"P:{first}+{second}" for second in names[i + 1 :])
    return frames, anchored


@dataclass(frozen=True, slots=True)
class Model:
    """Weights per feature (bank, contact; benign is the reference class) and biases."""

    weights: dict[str, tuple[float, float]]
    bias: tuple[float, float]

    def logits(self, found: dict[str, float]) -> tuple[float, float]:
        bank, contact = self.bias
        weights = self.weights
        for feature, value in found.items():
            weight = weights.get(feature)
            if weight is not None:
                bank += weight[0] * value
                contact += weight[1] * value
        return bank, contact

    def dump(self, path: Path) -> None:
        lines = [f"#bias\t{self.bias[0]:.4f}\t{self.bias[1]:.4f}"]
        for feature in sorted(self.weights):
            bank, contact = self.weights[feature]
            escaped = feature.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            lines.append(f"{escaped}\t{bank:.3f}\t{contact:.3f}")
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
            handle.write("\n".join(lines) + "\n")


def _unescape(feature: str) -> str:
    if "\\" not in feature:
        return feature
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m.group(1), m.group(1)), feature)


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    """The stored model (read once per process)."""
    weights: dict[str, tuple[float, float]] = {}
    bias = (0.0, 0.0)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            feature, bank, contact = line.rstrip("\n").rsplit("\t", 2)
            if feature == "#bias":
                bias = (float(bank), float(contact))
            else:
                weights[_unescape(feature)] = (float(bank), float(contact))
    return Model(weights, bias)


@dataclass(frozen=True, slots=True)
class Scores:
    """Probabilities that the text asks to pay elsewhere (bank) or write elsewhere (contact);
    ``anchored``: the text names something money or mail goes to (``ANCHORS``)."""

    bank: float
    contact: float
    anchored: bool = True

    @property
    def request(self) -> float:
        return self.bank + self.contact


def score(text: str, model: Model | None = None) -> Scores:
    """How likely ``text`` asks for a bank or a contact change."""
    model = model or load_model()
    found, anchored = _features(text)
    bank, contact = model.logits(found)
    top = max(0.0, bank, contact)
    e_benign, e_bank, e_contact = (math.exp(-top), math.exp(bank - top), math.exp(contact - top))
    total = e_benign + e_bank + e_contact
    return Scores(e_bank / total, e_contact / total, anchored)


def strongest_sentence(text: str, code: int, model: Model | None = None) -> str:
    """The sentence of ``text`` that alone weighs most for class ``code`` (0 bank, 1 contact)."""
    model = model or load_model()
    best, best_logit = "", -math.inf
    for part in _SENTENCE_END.split(text[:MAX_CHARS]):
        sentence = " ".join(part.split())
        if len(sentence) < 3:
            continue
        logit = model.logits(features(sentence))[code]
        if logit > best_logit:
            best, best_logit = sentence, logit
    return best[:200]
