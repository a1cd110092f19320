"""The learned decision: how likely each candidate section is the answer, from its features.

The model is data (``bot/engine/data/decider.json``, written by ``python -m benchmarks.train``):
gradient-boosted trees, evaluated here in plain Python (a few hundred comparisons a question),
and the cut-offs chosen on the training sets. No scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.engine.data_files import DATA_DIR, DataFileError
from bot.engine.semantic.features import FEATURES

MODEL_FILE = DATA_DIR / "decider.json"
FORMAT = 1

# One tree node: a split (feature, threshold, left, right) or a leaf (-1, value, 0, 0).
Node = tuple[int, float, int, int]


@dataclass(frozen=True, slots=True)
class Decider:
    """Trees over the candidate features; ``probability`` is the chance a candidate is right."""

    features: tuple[str, ...]
    baseline: float
    trees: tuple[tuple[Node, ...], ...]
    cutoff: float  # answer when the best candidate's probability reaches this
    passive_cutoff: float  # the stricter one for messages nobody asked the bot
    suggest_cutoff: float  # offer a candidate in "Did you mean" from this probability on
    model_id: str  # the embedding model the features were computed with
    trained_on: dict[str, Any]

    def probability(self, values: Sequence[float]) -> float:
        raw = self.baseline
        for tree in self.trees:
            node = tree[0]
            while node[0] >= 0:
                node = tree[node[2] if values[node[0]] <= node[1] else node[3]]
            raw += node[1]
        return 1.0 / (1.0 + math.exp(-raw))


def load_decider(path: Path = MODEL_FILE) -> Decider:
    """The model file, checked (DataFileError naming the file and what is wrong)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataFileError(f"{path}: {error}") from None
    if data.get("format") != FORMAT:
        raise DataFileError(f"{path}: format {data.get('format')!r}, this bot reads {FORMAT}")
    if tuple(data.get("features", ())) != FEATURES:
        raise DataFileError(
            f"{path}: trained on other features than this bot computes; retrain it "
            "(python -m benchmarks.train)"
        )
    trees = []
    for t, tree in enumerate(data["trees"]):
        nodes = tuple((int(f), float(v), int(a), int(b)) for f, v, a, b in tree)
        for i, (feature, _, left, right) in enumerate(nodes):
            if feature >= len(FEATURES) or (
                feature >= 0 and not (0 < left < len(nodes) and 0 < right < len(nodes))
            ):
                raise DataFileError(f"{path}: trees[{t}][{i}] points outside its tree")
        trees.append(nodes)
    return Decider(
        features=FEATURES,
        baseline=float(data["baseline"]),
        trees=tuple(trees),
        cutoff=float(data["cutoff"]),
        passive_cutoff=float(data["passive_cutoff"]),
        suggest_cutoff=float(data["suggest_cutoff"]),
        model_id=str(data["model_id"]),
        trained_on=dict(data.get("trained_on", {})),
    )
