"""Train the guard's learned reading of change requests (chengxin.guard.content_model).

Run: ``uv run python bench/guard_content_train.py [--cv] [--write]``

Trains a multinomial logistic regression (benign, bank, contact) on the tuned splits of
the content corpus (``dev``, ``holdout``, ``unseen``, ``train``; never ``fresh`` or
``blind``, which only measure) and on the class examples of the guard's content tests,
with AdaGrad in plain Python: a fixed seed and example order, a minute or two on one
core (a weight may differ in its last rounded digit between runs: a text's features are
summed in set order, which Python's string hashing varies). ``--write`` stores the weights in
``chengxin/guard/content_model.tsv.gz``; features seen in fewer than ``MIN_DOCS`` texts
are left out, and weights are rounded to three decimals.

``--cv`` first trains once per split with that split left out and scores it, printing
the model's recall and benign-flagged rate at several thresholds per left-out split,
together with what the rules give on the same texts and the combinations tried by
chengxin.guard.content (the rules confirmed by the model, the model alone above a
higher threshold). Only ``train`` was never tuned on by the rules, so the combination
is chosen on that split's figures.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

from chengxin.guard.content_model import MODEL_PATH, Model, features

CORPUS = Path(__file__).resolve().parent / "guard_content"
TRAIN_SPLITS = ("dev", "holdout", "unseen", "train")
#: The guard's test modules whose per-class example lists are trained on too (short,
#: one class each; the rules were written against them like against dev).
TEST_LISTS = {
    "chengxin.guard.tests.test_content": (("BEC_SENTENCES", "bank"), ("BENIGN_SENTENCES", None)),
    "chengxin.guard.tests.test_content_classes": (
        ("REQUESTS", "bank"),
        ("CONTACTS", "contact"),
        ("BENIGN", None),
        ("CONTACT_BENIGN", None),
    ),
    "chengxin.guard.tests.test_content_redirections": (
        ("REDIRECTIONS", "code"),
        ("LOOK_ALIKES", None),
    ),
    "chengxin.guard.tests.test_content_requests": (
        ("REQUESTS", "code"),
        ("BENIGN", None),
        ("MORE_WORDINGS", "asks"),
    ),
}
LANGUAGES = ("en", "zh", "es", "fr", "de", "pt", "ru", "ar", "tr", "ja")
CLASSES = {"bank": 1, "email": 2, "phone": 2}
MIN_DOCS = 2
EPOCHS = 12
LEARNING_RATE = 0.5
L2 = 1e-5
SEED = 1

Example = tuple[str, int, str]


def load(split: str) -> list[Example]:
    examples: list[Example] = []
    for language in LANGUAGES:
        path = CORPUS / split / f"{language}.json"
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        examples += [(r["text"], CLASSES[r["kind"]], language) for r in data["requests"]]
        examples += [(b["text"], 0, language) for b in data["benign"]]
    return examples


def test_examples() -> list[Example]:
    """The per-class example lists of the guard's content tests, as training examples."""
    import importlib

    from chengxin.guard.change_requests import find_change_requests

    labels = {"bank_change_request": 1, "contact_change_request": 2, "bank": 1, "contact": 2}
    examples: list[Example] = []
    for module_name, lists in TEST_LISTS.items():
        module = importlib.import_module(module_name)
        for name, kind in lists:
            for row in getattr(module, name):
                language = row[0]
                text = row[1] if name in ("BEC_SENTENCES", "BENIGN_SENTENCES") else row[2]
                if kind is None:
                    label = 0
                elif kind == "code":
                    label = labels[row[3]]
                elif kind == "asks":
                    if not row[1]:
                        label = 0
                    else:
                        found = find_change_requests(text)
                        label = labels[found[0].code] if found else 1
                else:
                    label = labels[kind]
                examples.append((text, label, language))
    return examples


def train(examples: list[Example], vectors: dict[str, dict[str, float]]) -> Model:
    documents: dict[str, int] = {}
    for text, _, _ in examples:
        for feature in vectors[text]:
            documents[feature] = documents.get(feature, 0) + 1
    rows = [
        ([(f, v) for f, v in vectors[text].items() if documents[f] >= MIN_DOCS], label)
        for text, label, _ in examples
    ]
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    bias = [0.0, 0.0]
    bias_squares = [1e-8, 1e-8]
    order = list(range(len(rows)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            row, label = rows[index]
            z = [bias[0], bias[1]]
            for feature, value in row:
                w = weights.get(feature)
                if w is not None:
                    z[0] += w[0] * value
                    z[1] += w[1] * value
            top = max(0.0, z[0], z[1])
            e = [math.exp(-top), math.exp(z[0] - top), math.exp(z[1] - top)]
            total = sum(e)
            gradient = [e[1] / total - (label == 1), e[2] / total - (label == 2)]
            for k in (0, 1):
                bias_squares[k] += gradient[k] ** 2
                bias[k] -= LEARNING_RATE * gradient[k] / math.sqrt(bias_squares[k])
            for feature, value in row:
                w = weights.get(feature)
                if w is None:
                    w = weights[feature] = [0.0, 0.0]
                    squares[feature] = [1e-8, 1e-8]
                g2 = squares[feature]
                for k in (0, 1):
                    g = gradient[k] * value + L2 * w[k]
                    g2[k] += g * g
                    w[k] -= LEARNING_RATE * g / math.sqrt(g2[k])
    rounded = {
        f: (round(w[0], 3), round(w[1], 3))
        for f, w in weights.items()
        if round(w[0], 3) or round(w[1], 3)
    }
    return Model(rounded, (round(bias[0], 4), round(bias[1], 4)))


def probability(model: Model, vector: dict[str, float]) -> float:
    bank, contact = model.logits(vector)
    top = max(0.0, bank, contact)
    e = [math.exp(-top), math.exp(bank - top), math.exp(contact - top)]
    return 1.0 - e[0] / sum(e)


def cross_validate(data: dict[str, list[Example]], vectors: dict[str, dict[str, float]]) -> None:
    from chengxin.guard.change_requests import find_change_requests

    for held in TRAIN_SPLITS:
        rest = [e for split in data if split != held for e in data[split]]
        model = train(rest, vectors)
        scored = [
            (probability(model, vectors[text]), label, bool(find_change_requests(text)))
            for text, label, _ in data[held]
        ]
        requests = [s for s in scored if s[1]]
        benign = [s for s in scored if not s[1]]

        def rate(rows: list[tuple[float, int, bool]], hit) -> float:  # type: ignore[no-untyped-def]
            return 100.0 * sum(1 for r in rows if hit(r)) / max(1, len(rows))

        print(f"\nleft out: {held} ({len(requests)} requests, {len(benign)} benign)")
        print(
            f"  rules alone            recall {rate(requests, lambda r: r[2]):5.1f} %"
            f"  flagged {rate(benign, lambda r: r[2]):5.1f} %"
        )
        for threshold in (0.4, 0.5, 0.6, 0.7, 0.8):
            print(
                f"  model >= {threshold:.1f}          recall "
                f"{rate(requests, lambda r, t=threshold: r[0] >= t):5.1f} %"
                f"  flagged {rate(benign, lambda r, t=threshold: r[0] >= t):5.1f} %"
            )
        for confirm in (0.1, 0.2, 0.3, 0.4):
            for alone in (0.4, 0.5, 0.6):

                def fused(r, c=confirm, a=alone) -> bool:  # type: ignore[no-untyped-def]
                    return (r[2] and r[0] >= c) or r[0] >= a

                print(
                    f"  rules & model >= {confirm:.1f} or model >= {alone:.1f}  recall "
                    f"{rate(requests, fused):5.1f} %  flagged {rate(benign, fused):5.1f} %"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="leave one split out and measure")
    parser.add_argument("--write", action="store_true", help=f"store the model in {MODEL_PATH}")
    args = parser.parse_args(argv)
    data = {split: load(split) for split in TRAIN_SPLITS}
    data["tests"] = test_examples()
    print(f"{len(data['tests'])} examples from the tests")
    start = time.perf_counter()
    vectors = {text: features(text) for examples in data.values() for text, _, _ in examples}
    print(f"{len(vectors)} texts, features in {time.perf_counter() - start:.1f} s")
    if args.cv:
        cross_validate(data, vectors)
    if args.write:
        start = time.perf_counter()
        model = train([e for examples in data.values() for e in examples], vectors)
        model.dump(MODEL_PATH)
        print(
            f"trained in {time.perf_counter() - start:.1f} s: {len(model.weights)} features, "
            f"{MODEL_PATH.stat().st_size // 1024} KiB -> {MODEL_PATH}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
