"""The maintainer's report: similar questions grouped, largest first, and votes per section."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.report import Asked, SectionShare, build_report, group_questions, report_text
from bot.storage import DAY_SECONDS, Storage

NOW = 1_800_000_000.0


def test_similar_questions_are_grouped_largest_first_with_examples() -> None:
    asked = [
        Asked("How do I serve static files with Flask?"),
        Asked("serving static files in flask"),
        Asked("Static files with Flask??"),
        Asked("static files with flask"),
        Asked("does django support async views"),
        Asked("Django async views?"),
        Asked("what's the best pizza topping"),
    ]
    groups = group_questions(asked)
    assert [g.count for g in groups] == [4, 2, 1]
    static, views, pizza = groups
    assert static.examples[0] == "static files with flask"  # the most common phrasing first
    assert len(static.examples) == 3
    assert set(views.examples) == {"does django support async views", "django async views"}
    assert pizza.examples == ["whats the best pizza topping"]


def test_different_questions_about_one_framework_stay_apart() -> None:
    groups = group_questions(
        [Asked("is flask fast"), Asked("are flask docs good"), Asked("how do I deploy flask")]
    )
    assert len(groups) == 3


def test_downvoted_answers_show_which_section_missed_and_votes_are_shared() -> None:
    report = build_report(
        [
            Asked("is flask fast", "downvoted", "flask-vs-django/what-flask-is"),
            Asked("is flask fast?"),
        ],
        [SectionShare("flask-vs-django", "learning-curve", 3, 1), SectionShare("d", "s", 0, 2)],
        since_days=30,
    )
    (group,) = report.groups
    assert (group.kinds["downvoted"], group.kinds["abstained"]) == (1, 1)
    assert report.sections[0].share == 0.0  # the worst-rated section first
    assert report.sections[1].share == 0.75
    text = report_text(report)
    assert "last 30 days" in text and "2 questions in 1 groups" in text
    assert "flask-vs-django/what-flask-is" in text
    assert "flask-vs-django/learning-curve: 👍 3  👎 1  (75% 👍)" in text


@pytest.fixture
async def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "bot.sqlite3"
    store = Storage(path)
    assert await store.open()
    for question in ("how do I deploy flask", "deploying flask?", "flask deploy"):
        await store.record_unanswered(1, 2, question, now=NOW)
    await store.record_unanswered(1, 2, "an old one about celery", now=NOW - 40 * DAY_SECONDS)
    await store.record_answer(9, 1, 3, 2, "is django hard", "doc", "learning", 70, now=NOW)
    await store.record_vote(9, 2, 1, "doc", "learning", 1, now=NOW)
    await store.record_vote(9, 4, 1, "doc", "learning", -1, "is django hard", now=NOW)
    await store.close()
    monkeypatch.setenv("DATABASE_PATH", str(path))
    monkeypatch.setattr("bot.cli.report.time.time", lambda: NOW)
    return path


async def test_report_command_json(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["questions"] == 5
    first = result["groups"][0]
    assert first["count"] == 3 and first["abstained"] == 3
    assert "how do i deploy flask" in first["examples"]
    assert result["sections"] == [
        {"document": "doc", "section": "learning", "up": 1, "down": 1, "up_share": 0.5}
    ]
    assert main(["report", "--json", "--since", "30"]) == 0
    recent = json.loads(capsys.readouterr().out)
    assert recent["questions"] == 4 and recent["since_days"] == 30


async def test_report_command_text(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--since", "7"]) == 0
    out = capsys.readouterr().out
    assert "last 7 days" in out
    assert "    3  how do i deploy flask" in out or "    3  " in out
    assert "doc/learning" in out


def test_report_without_a_database_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "missing.sqlite3"))
    assert main(["report"]) == 1
    assert "no database at" in capsys.readouterr().err


def test_report_does_not_import_discord_or_aiosqlite(database: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from bot.cli import main; main(['report']); "
        "assert 'discord' not in sys.modules and 'aiosqlite' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
