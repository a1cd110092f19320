"""The ``framework-bot`` command as a terminal user runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

KNOWLEDGE = """
id = "tiny"
title = "Tiny vs Small"
question = "How do Tiny and Small differ?"
frameworks = ["tiny", "small"]

[[sections]]
id = "tiny-speed"
title = "How fast Tiny is"
questions = ["is tiny fast", "how quick is tiny at runtime", "tiny performance"]
answer = "Tiny is fast."

[[sections]]
id = "small-docs"
title = "Small's documentation"
questions = ["are the small docs good", "where is the small documentation"]
answer = "Small has good docs."
"""


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(KNOWLEDGE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_answers_with_the_contract_fields(
    capsys: pytest.CaptureFixture[str], knowledge: Path
) -> None:
    code, out, _ = run(
        capsys, "ask", "--json", "--knowledge", str(knowledge), "is", "tiny", "fast?"
    )
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"question", "document", "section", "title", "score", "suggestions"}
    assert (result["document"], result["section"], result["title"]) == (
        "tiny",
        "tiny-speed",
        "How fast Tiny is",
    )
    assert result["question"] == "is tiny fast?"
    assert 0 <= result["score"] <= 100


def test_ask_json_abstains_with_nulls(capsys: pytest.CaptureFixture[str], knowledge: Path) -> None:
    code, out, _ = run(
        capsys, "ask", "--json", "--knowledge", str(knowledge), "what is the weather in Paris"
    )
    assert code == 0
    result = json.loads(out)
    assert result["document"] is None and result["section"] is None and result["title"] is None


def test_ask_reads_one_question_per_line(
    capsys: pytest.CaptureFixture[str], knowledge: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.StringIO("is tiny fast\n\nwhere are the small docs\nhello\n")
    )
    code, out, _ = run(capsys, "ask", "--json", "--knowledge", str(knowledge))
    assert code == 0
    sections = [json.loads(line)["section"] for line in out.splitlines()]
    assert sections == ["tiny-speed", "small-docs", None]


def test_ask_renders_the_answer_for_a_terminal(
    capsys: pytest.CaptureFixture[str], knowledge: Path
) -> None:
    code, out, _ = run(capsys, "ask", "--knowledge", str(knowledge), "how fast is tiny")
    assert code == 0
    assert out.startswith("How fast Tiny is\n================\nTiny is fast.")
    assert "-- Tiny vs Small" in out


def test_check_reports_counts(capsys: pytest.CaptureFixture[str], knowledge: Path) -> None:
    code, out, _ = run(capsys, "check", "--knowledge", str(knowledge))
    assert code == 0
    assert "tiny: 2 sections, 5 example questions" in out
    assert "tiny-speed: 3 questions" in out
    assert out.rstrip().endswith("ok: 1 documents, 2 sections, 0 warnings")


def test_check_notes_thin_sections_and_the_kind_of_each(
    capsys: pytest.CaptureFixture[str], knowledge: Path
) -> None:
    code, out, _ = run(capsys, "check", "--knowledge", str(knowledge))
    assert code == 0
    # "tiny-speed" is a performance section: it borrows the everyday ways of asking.
    assert "tiny-speed: 3 questions, 0 keywords; kind performance, +16 everyday phrasings" in out
    assert "small-docs: 2 questions, 0 keywords\n" in out  # no usual kind
    assert "note: small-docs has 2 example questions" in out
    assert out.rstrip().endswith("0 warnings")  # notes are not warnings


def test_check_warns_about_an_example_closer_to_another_section(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "k.toml"
    path.write_text(KNOWLEDGE.replace('"tiny performance"', '"Where is the Small documentation?"'))
    code, out, _ = run(capsys, "check", "--knowledge", str(path))
    assert code == 0
    assert (
        "warning: sections[0].questions[2] 'Where is the Small documentation?' and "
        "sections[1].questions[1] 'where is the small documentation' are nearly the same question"
    ) in out
    assert out.rstrip().endswith("1 warnings")


def test_check_fails_on_a_broken_file_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "k.toml"
    path.write_text(KNOWLEDGE.replace('questions = ["are', 'quesitons = ["are'))
    code, out, err = run(capsys, "check", "--knowledge", str(path))
    assert code == 1
    assert f"{path}: sections[1].quesitons: unknown key; did you mean 'questions'?" in err
    assert "Traceback" not in err + out


def test_show_prints_a_section_and_a_document(
    capsys: pytest.CaptureFixture[str], knowledge: Path
) -> None:
    code, out, _ = run(capsys, "show", "--knowledge", str(knowledge), "tiny", "small-docs")
    assert (code, out) == (
        0,
        "Small's documentation\n=====================\nSmall has good docs.\n",
    )
    code, out, _ = run(capsys, "show", "--knowledge", str(knowledge), "tiny")
    assert code == 0 and "How fast Tiny is" in out and "Small has good docs." in out
    code, _, err = run(capsys, "show", "--knowledge", str(knowledge), "tiny", "nope")
    assert code == 1 and "known: tiny-speed, small-docs" in err


def test_bad_setting_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANSWER_THRESHOLD", "lots")
    code, _, err = run(capsys, "ask", "anything")
    assert code == 1
    assert "ANSWER_THRESHOLD='lots' must be a number from 0 to 100" in err


def test_ask_and_check_do_not_import_discord(knowledge: Path) -> None:
    code = (
        "import sys; from bot.cli import main; "
        f"main(['ask', '--json', '--knowledge', {str(knowledge)!r}, 'is tiny fast']); "
        f"main(['check', '--knowledge', {str(knowledge)!r}]); "
        "sys.exit(3 if 'discord' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
