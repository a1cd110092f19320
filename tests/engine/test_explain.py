"""``Matcher.explain``: the same decision as ``match``, and the reason for it in words."""

from __future__ import annotations

import pytest

from bot.engine.evaluation import read_labelled
from bot.engine.explaining import explanation_json, explanation_text
from bot.engine.knowledge import default_knowledge_dir, load
from bot.engine.matcher import Matcher
from tests.paths import DATA


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load([default_knowledge_dir()]))


def test_explain_decides_as_match_does_on_every_labelled_question(matcher: Matcher) -> None:
    for row in read_labelled(DATA / "questions.tsv"):
        assert matcher.explain(row.question).match == matcher.match(row.question), row.question


def test_an_answer_says_its_score_beat_the_threshold(matcher: Matcher) -> None:
    explanation = matcher.explain("is djnago hard to lern?")
    assert explanation.match.answer is not None
    assert explanation.match.answer.section.id == "learning-curve"
    assert explanation.corrections == {"djnago": "django", "lern": "learn"}
    assert explanation.frameworks == ("django",)
    assert explanation.rule.startswith("answer: 100.0 >= 55.0")
    kinds = {w.term: w.kind for w in explanation.words}
    assert kinds["django"] == "framework" and kinds["hard"] == "known"


def test_an_unknown_subject_counts_against_every_section(matcher: Matcher) -> None:
    explanation = matcher.explain("how do I serve static files with flask")
    assert explanation.match.answer is None
    static = next(w for w in explanation.words if w.term == "static")
    assert static.kind == "unknown"
    assert static.weight == max(w.weight for w in explanation.words)
    assert explanation.rule.startswith("abstain: best score ")
    assert explanation.ranked[0].score < explanation.threshold


def test_each_abstaining_rule_is_named(matcher: Matcher) -> None:
    assert "names no framework" in matcher.explain("which is faster?", require_framework=True).rule
    assert matcher.explain("nice").rule.startswith("abstain:")
    two = Matcher(load([default_knowledge_dir(), DATA / "knowledge-extra"]))
    rule = two.explain("which one is easier to learn?").rule
    assert rule.startswith("abstain: which comparison") or rule.startswith("abstain: tie")


def test_text_and_json_show_the_same_decision(matcher: Matcher) -> None:
    explanation = matcher.explain("what is flask?")
    text = explanation_text(explanation)
    data = explanation_json(explanation)
    assert "outcome:    answer: flask-vs-django/flask-overview" in text
    assert data["answer"] == {
        "document": "flask-vs-django",
        "section": "flask-overview",
        "score": explanation.match.score,
    }
    assert data["rule"] == explanation.rule and data["rule"] in text
