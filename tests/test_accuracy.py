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


def test_hold_out_questions_for_the_shipped_document() -> None:
    report = evaluate(
        Matcher(load([default_knowledge_dir()])),
        read_labelled(DATA / "holdout" / "flask-vs-django.tsv"),
    )
    assert report.overall.accuracy >= HOLD_OUT_FLOOR
    assert report.abstain_wrong_rate() <= HOLD_OUT_WRONG_CEILING


def test_hold_out_questions_for_a_sparse_document_nobody_tuned_for() -> None:
    # Five or six example phrasings a section, as a busy maintainer would write them.
    report = evaluate(
        Matcher(load([DATA / "knowledge-holdout"])),
        read_labelled(DATA / "holdout" / "rails-vs-laravel.tsv"),
    )
    assert report.overall.accuracy >= SPARSE_FLOOR
    assert report.abstain_wrong_rate() <= HOLD_OUT_WRONG_CEILING


def test_untouched_hold_out_sets() -> None:
    # Written blind by a second helper after all tuning; never looked at question by question.
    flask = evaluate(
        Matcher(load([default_knowledge_dir()])),
        read_labelled(DATA / "holdout2" / "flask-vs-django.tsv"),
    )
    express = evaluate(
        Matcher(load([DATA / "knowledge-holdout2"])),
        read_labelled(DATA / "holdout2" / "express-vs-nestjs.tsv"),
    )
    assert flask.overall.accuracy >= UNTOUCHED_FLASK_FLOOR
    assert flask.abstain_wrong_rate() <= UNTOUCHED_FLASK_WRONG_CEILING
    assert express.overall.accuracy >= UNTOUCHED_EXPRESS_FLOOR
    assert express.abstain_wrong_rate() <= UNTOUCHED_EXPRESS_WRONG_CEILING


# Measured 2026-11-25 (`make accuracy`, and benchmarks.accuracy --questions/--knowledge for
# the hold-out sets): questions.tsv 95.0% right and 4.8% wrong answers to off-topic; with the
# second document 95.6% and 4.3%; hold-out Flask vs Django 94.4% and 0.0%; the sparse
# Rails vs Laravel document 78.9% and 0.0%. The first two sets were looked at while tuning,
# the hold-out sets only as totals (and a look at their misses). Regression floors, a little
# under those figures; the target is 95% right and at most 3% wrong.
ACCURACY_FLOOR = 0.93
TWO_DOCUMENT_FLOOR = 0.93
WRONG_CEILING = 0.07
HOLD_OUT_FLOOR = 0.92
SPARSE_FLOOR = 0.75
HOLD_OUT_WRONG_CEILING = 0.03
# The untouched sets (tests/data/holdout2), measured once: Flask vs Django 88.0% right and
# 4.0% wrong answers to off-topic; Express vs NestJS (a new document, 8-10 examples a
# section) 68.9% and 10.0%. Far from the target: the honest picture of unseen questions.
UNTOUCHED_FLASK_FLOOR = 0.86
UNTOUCHED_FLASK_WRONG_CEILING = 0.06
UNTOUCHED_EXPRESS_FLOOR = 0.66
UNTOUCHED_EXPRESS_WRONG_CEILING = 0.12
