"""The matcher against the team's labelled questions: a floor that a change must not break.

The floors sit a little under today's figures (``make accuracy`` prints them), so a change
that makes the bot answer worse fails here instead of in a member's channel.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import evaluate, read_labelled
from bot.knowledge import default_knowledge_dir, load
from bot.matching import Matcher

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def both_documents() -> Matcher:
    return Matcher(load([default_knowledge_dir(), DATA / "knowledge-extra"]))


def test_labelled_set_is_big_and_a_third_off_topic() -> None:
    rows = read_labelled(DATA / "questions.tsv")
    assert len(rows) >= 150
    abstain = [r for r in rows if not r.expects_answer]
    assert len(abstain) * 3 >= len(rows)
    assert {r.kind for r in rows} >= {
        "paraphrase",
        "typo",
        "chatty",
        "single",
        "offtopic",
        "nearmiss",
    }


def test_shipped_knowledge_answers_its_labelled_questions() -> None:
    report = evaluate(
        Matcher(load([default_knowledge_dir()])), read_labelled(DATA / "questions.tsv")
    )
    assert report.overall.accuracy >= ACCURACY_FLOOR
    assert report.abstain_wrong_rate() <= WRONG_CEILING


def test_two_documents_at_once_route_and_answer(both_documents: Matcher) -> None:
    rows = read_labelled(DATA / "questions.tsv") + read_labelled(DATA / "questions-extra.tsv")
    report = evaluate(both_documents, rows)
    assert report.overall.accuracy >= TWO_DOCUMENT_FLOOR
    assert report.abstain_wrong_rate() <= WRONG_CEILING


# Measured 2026-11-25 on the blind-written set: 81.9% and 82.0% right, 7.2% and 6.1% wrong
# answers to off-topic. Below the targets (95%, 3%): a regression floor, not a goal.
ACCURACY_FLOOR = 0.80
TWO_DOCUMENT_FLOOR = 0.80
WRONG_CEILING = 0.08
