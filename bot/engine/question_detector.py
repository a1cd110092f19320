"""Question detection for passive answers: is a channel message someone asking for
information, or chatter that happens to name a framework?

A logistic regression over the message's embedding (the bundled model) and a few numeric
shape features, its weights data (``bot/engine/data/question-detector.json``, written by
``python -m benchmarks.train_question_detector``); at run time one dot product. Where the
embedding model cannot load, the question-shape filter decides (``looks_like_question``).
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.engine.data_files import DATA_DIR, DataFileError
from bot.engine.semantic import embedder as embedding
from bot.engine.text import strip_formatting

log = logging.getLogger(__name__)

MODEL_FILE = DATA_DIR / "question-detector.json"
FORMAT = 1
MAX_CHARS = 500  # longer messages are pastes, not questions to answer unprompted

QUESTION_WORDS = frozenset(
    "how what why which when where who is are does do did should can could would will "
    "anyone any has have was were".split()
)
_ASKS_PEOPLE = re.compile(
    r"\b(any ?(one|body)|some ?(one|body)|every ?(one|body)|y'?all|you (all|guys|folks)|"
    r"who else|any of you|here)\b"
)
_FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|my|me|mine|we|our|us)\b")
_COMPARES = re.compile(r"\b(vs\.?|versus|or|than|compared?|difference)\b")
_CODE = re.compile(r"`|\w\(|https?://|\b[45]\d\d\b|[a-z][A-Z]|[A-Z][a-z]+(Error|Exception)\b")
_WORD = re.compile(r"[\w']+")

# The shape features, in the order the model file's weights read them.
SHAPE_FEATURES = (
    "ends_with_question_mark",
    "has_question_mark",
    "starts_with_question_word",
    "asks_people",
    "first_person_share",
    "compares",
    "code_or_error",
    "log_words",
    "exclaims",
)


def looks_like_question(text: str) -> bool:
    """The question-shape filter: ends with "?" or starts with a question word."""
    stripped = strip_formatting(text).strip()  # "||is it hard?||" still ends with "?"
    if not stripped or len(stripped) > MAX_CHARS:
        return False
    first = re.split(r"[\s,]+", stripped.lower(), maxsplit=1)[0]
    return stripped.endswith("?") or first in QUESTION_WORDS


def shape_features(text: str) -> list[float]:
    """The numeric shape features of a message, in ``SHAPE_FEATURES`` order."""
    stripped = strip_formatting(text).strip()
    lower = stripped.lower()
    words = _WORD.findall(lower)
    first = words[0] if words else ""
    return [
        float(stripped.endswith("?")),
        float("?" in stripped),
        float(first in QUESTION_WORDS),
        float(bool(_ASKS_PEOPLE.search(lower))),
        len(_FIRST_PERSON.findall(lower)) / max(len(words), 1),
        float(bool(_COMPARES.search(lower))),
        float(bool(_CODE.search(text))),
        math.log1p(len(words)),
        float("!" in stripped or any(ord(c) > 0x2000 for c in stripped)),
    ]


@dataclass(frozen=True, slots=True)
class QuestionModel:
    """Logistic regression weights: the embedding's, then the standardised shape features'."""

    embedding_weights: np.ndarray
    shape_weights: np.ndarray
    shape_mean: np.ndarray
    shape_scale: np.ndarray
    bias: float
    cutoff: float  # a message is a question from this probability on
    model_id: str  # the embedding model it was trained with
    trained_on: dict[str, Any]

    def probability(self, vector: np.ndarray, shape: list[float]) -> float:
        scaled = (np.asarray(shape, np.float64) - self.shape_mean) / self.shape_scale
        raw = (
            self.bias + float(vector @ self.embedding_weights) + float(scaled @ self.shape_weights)
        )
        return 1.0 / (1.0 + math.exp(-raw))


def load_model(path: Path = MODEL_FILE) -> QuestionModel:
    """The model file, checked (DataFileError naming the file and what is wrong)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, this bot reads {FORMAT}")
        if tuple(data["shape_features"]) != SHAPE_FEATURES:
            raise ValueError(
                "trained on other shape features than this bot computes; retrain it "
                "(python -m benchmarks.train_question_detector)"
            )
        shape = [np.asarray(data[k], np.float64) for k in ("shape_weights", "mean", "scale")]
        if any(a.shape != (len(SHAPE_FEATURES),) for a in shape) or not np.all(shape[2] > 0):
            raise ValueError("shape weights, mean and scale need one positive-scale value each")
        return QuestionModel(
            embedding_weights=np.asarray(data["embedding_weights"], np.float32),
            shape_weights=shape[0],
            shape_mean=shape[1],
            shape_scale=shape[2],
            bias=float(data["bias"]),
            cutoff=float(data["cutoff"]),
            model_id=str(data["model_id"]),
            trained_on=dict(data.get("trained_on", {})),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DataFileError(f"{path}: {error}") from None


class QuestionDetector:
    """The learned detector, or the shape filter when no embedder is given."""

    def __init__(self, model: QuestionModel, embedder: embedding.Embedder | None) -> None:
        if embedder is not None and embedder.model_id != model.model_id:
            raise DataFileError(
                f"the question detector was trained with {model.model_id}, not "
                f"{embedder.model_id}: retrain it (python -m benchmarks.train_question_detector)"
            )
        self.model = model
        self.embedder = embedder

    def probability(self, text: str) -> float:
        """How likely ``text`` asks for information (0 or 1 from the shape filter)."""
        stripped = strip_formatting(text).strip()
        if self.embedder is None:
            return float(looks_like_question(text))
        if not stripped or len(stripped) > MAX_CHARS:
            return 0.0
        vector = self.embedder.encode([stripped])[0]
        return self.model.probability(vector, shape_features(text))

    def is_question(self, text: str) -> bool:
        """Whether ``text`` asks for information, at the model's cut-off."""
        if self.embedder is None:
            return looks_like_question(text)
        return self.probability(text) >= self.model.cutoff


@functools.cache
def default_detector() -> QuestionDetector:
    """The shipped model with the bundled embedder, loaded once; the shape filter if the
    embedder cannot load here."""
    model = load_model()
    try:
        found: embedding.Embedder | None = embedding.load_embedder()
    except embedding.SemanticUnavailable as error:
        log.warning("question detection falls back to the question-shape filter: %s", error)
        found = None
    return QuestionDetector(model, found)


def question_probability(text: str) -> float:
    """How likely a channel message asks for information the knowledge could answer."""
    return default_detector().probability(text)


def is_question(text: str) -> bool:
    """Whether a channel message asks for information (passive answers consider only these)."""
    return default_detector().is_question(text)
