"""The matcher against the team's labelled questions: a floor that a change must not break.

Every set, the knowledge it is asked against and its floors are in
``tests/data/accuracy-floors.toml``; the floors sit a little under the figures measured when
they were set (``make accuracy`` and ``python -m benchmarks.accuracy`` print them), so a change
that makes the bot answer worse fails here instead of in a member's channel.
"""

from __future__ import annotations

import pytest

from bot.engine.evaluation import FloorSet, evaluate, read_floors, read_labelled
from bot.engine.knowledge import default_knowledge_dir, load
from bot.engine.matcher import Matcher
from tests.paths import DATA

FLOORS = read_floors(DATA / "accuracy-floors.toml")


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


def test_every_labelled_set_has_a_floor() -> None:
    covered = {floor.questions for floor in FLOORS}
    # channel-messages/ labels chat for the question detector, not sections
    on_disk = {
        str(p.relative_to(DATA)) for p in DATA.rglob("*.tsv") if p.parent.name != "channel-messages"
    }
    assert on_disk == covered


@pytest.mark.parametrize("floor", FLOORS, ids=[f.id for f in FLOORS])
def test_labelled_set_stays_above_its_floor(floor: FloorSet) -> None:
    paths = [default_knowledge_dir()] if floor.shipped else []
    paths += [DATA / k for k in floor.knowledge]
    report = evaluate(Matcher(load(paths)), read_labelled(DATA / floor.questions))
    assert report.overall.accuracy >= floor.right
    assert report.abstain_wrong_rate() <= floor.wrong
