"""Train the passive path's question detector on tests/data/channel-messages/train.tsv and
write ``bot/engine/data/question-detector.json``. The held-out part is never read here
(``python -m benchmarks.question_detector`` measures it).

    pip install -e '.[train]'                      # scikit-learn, for training only
    python -m benchmarks.train_question_detector   # cross-validated report, then the model

A logistic regression over each message's embedding and its shape features
(``bot.engine.question_detector.SHAPE_FEATURES``). The regularisation and the cut-off are
chosen on out-of-fold probabilities: the cut-off is the lowest at which at most
``CHATTER_BUDGET`` of the chatter naming a framework would be answered, and the
regularisation the one detecting the most questions at its cut-off. Retraining on the same
data writes the same file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.question_detector import MESSAGES, framework_names, names_framework, read_messages
from bot.engine.question_detector import FORMAT, MODEL_FILE, SHAPE_FEATURES, shape_features
from bot.engine.semantic.embedder import load_embedder
from bot.engine.text import strip_formatting

# Half the 1-in-25 target, so the held-out figure has room to be worse than training's.
CHATTER_BUDGET = 0.02
C_GRID = (1.0, 10.0, 100.0, 300.0, 1000.0, 3000.0)
FOLDS = 5
REPEATS = 3
DIGITS = 6  # weights rounded so the file reads the same on every platform


def design(
    vectors: np.ndarray, shapes: np.ndarray, mean: np.ndarray, scale: np.ndarray
) -> np.ndarray:
    """The regression's inputs: the embedding, then the standardised shape features."""
    return np.hstack([vectors, (shapes - mean) / scale])


def standardiser(shapes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = shapes.mean(axis=0)
    scale = shapes.std(axis=0)
    return mean, np.where(scale > 1e-9, scale, 1.0)


def fit(x: np.ndarray, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=10_000, class_weight="balanced").fit(x, y)


def out_of_fold(vectors: np.ndarray, shapes: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """Each message's probability from models not trained on it, averaged over repeats."""
    from sklearn.model_selection import StratifiedKFold

    total = np.zeros(len(y))
    for repeat in range(REPEATS):
        folds = StratifiedKFold(FOLDS, shuffle=True, random_state=repeat)
        for train, test in folds.split(vectors, y):
            mean, scale = standardiser(shapes[train])
            model = fit(design(vectors[train], shapes[train], mean, scale), y[train], c)
            x_test = design(vectors[test], shapes[test], mean, scale)
            total[test] += model.predict_proba(x_test)[:, 1]
    return total / REPEATS


def lowest_cutoff(probability: np.ndarray, chatter: np.ndarray) -> float:
    """The lowest cut-off answering at most CHATTER_BUDGET of ``chatter`` (a mask)."""
    allowed = int(CHATTER_BUDGET * chatter.sum())
    worst = np.sort(probability[chatter])[::-1]
    return float(round(worst[allowed] + 1e-4, 4)) if allowed < len(worst) else 0.5


def main() -> None:
    rows = read_messages(MESSAGES / "train.tsv")
    frameworks = framework_names()
    texts = [text for _, text in rows]
    y = np.array([label == "ask" for label, _ in rows], dtype=int)
    chatter = np.array([label == "chatter" and names_framework(t, frameworks) for label, t in rows])
    embedder = load_embedder()
    vectors = embedder.encode([strip_formatting(t).strip() for t in texts]).astype(np.float64)
    shapes = np.array([shape_features(t) for t in texts])
    print(
        f"train.tsv: {y.sum()} ask, {len(y) - y.sum()} chatter ({chatter.sum()} name a framework)"
    )
    best: tuple[float, float, float] | None = None
    for c in C_GRID:
        probability = out_of_fold(vectors, shapes, y, c)
        cutoff = lowest_cutoff(probability, chatter)
        recall = float((probability[y == 1] >= cutoff).mean())
        answered = float((probability[chatter] >= cutoff).mean())
        print(
            f"  C={c:<6} cut-off {cutoff:.4f}: asks detected {recall:.1%}, chatter {answered:.1%}"
        )
        if best is None or recall > best[1]:
            best = (c, recall, cutoff)
    assert best is not None
    c, recall, cutoff = best
    mean, scale = standardiser(shapes)
    model = fit(design(vectors, shapes, mean, scale), y, c)
    weights = model.coef_[0]
    data = {
        "format": FORMAT,
        "model_id": embedder.model_id,
        "shape_features": list(SHAPE_FEATURES),
        "bias": round(float(model.intercept_[0]), DIGITS),
        "cutoff": cutoff,
        "mean": [round(float(v), DIGITS) for v in mean],
        "scale": [round(float(v), DIGITS) for v in scale],
        "shape_weights": [round(float(v), DIGITS) for v in weights[len(weights) - len(mean) :]],
        "embedding_weights": [round(float(v), DIGITS) for v in weights[: -len(mean)]],
        "trained_on": {
            "file": "tests/data/channel-messages/train.tsv",
            "ask": int(y.sum()),
            "chatter": int(len(y) - y.sum()),
            "C": c,
            "out_of_fold_ask_detected": round(recall, 4),
            "chatter_budget": CHATTER_BUDGET,
        },
    }
    Path(MODEL_FILE).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"chose C={c}, cut-off {cutoff}; wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
