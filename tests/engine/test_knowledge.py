"""Loading and validating knowledge files: every fault names the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.knowledge import KnowledgeError, default_knowledge_dir, load

VALID = """
id = "alpha-vs-beta"
title = "Alpha vs Beta"
question = "How do Alpha and Beta differ?"
frameworks = ["Alpha", "beta"]

[[sections]]
id = "alpha-overview"
title = "What Alpha is"
questions = ["what is alpha", "tell me about alpha"]
keywords = ["alpha"]
answer = "Alpha is a framework."

[[sections]]
id = "beta-overview"
title = "What Beta is"
questions = ["what is beta"]
answer = "Beta is another framework."
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(*paths: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load(paths)
    return caught.value.problems


def test_valid_file_loads_with_every_field(tmp_path: Path) -> None:
    knowledge = load([write(tmp_path, "a.toml", VALID)])
    document = knowledge.document("alpha-vs-beta")
    assert document is not None
    assert document.frameworks == ("alpha", "beta")
    assert [s.id for s in document.sections] == ["alpha-overview", "beta-overview"]
    assert document.sections[0].questions == ("what is alpha", "tell me about alpha")
    assert document.sections[1].keywords == ()
    assert knowledge.section_count == 2


def test_directory_loads_every_toml_file(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", VALID)
    write(tmp_path, "b.toml", VALID.replace('id = "alpha-vs-beta"', 'id = "second"'))
    write(tmp_path, "notes.md", "not knowledge")
    knowledge = load([tmp_path])
    assert [d.id for d in knowledge.documents] == ["alpha-vs-beta", "second"]


def test_misspelled_key_suggests_the_right_one(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.toml",
        VALID.replace('questions = ["what is beta"]', 'quesitons = ["what is beta"]'),
    )
    problems = problems_of(path)
    assert any(
        p.startswith(f"{path}: sections[1].quesitons: unknown key; did you mean 'questions'?")
        for p in problems
    )
    assert f"{path}: sections[1].questions: missing required key" in problems


def test_empty_questions_names_the_key_path(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.toml", VALID.replace('questions = ["what is beta"]', "questions = []")
    )
    assert problems_of(path) == [f"{path}: sections[1].questions: must hold at least one entry"]


def test_bad_slug_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", VALID.replace('id = "beta-overview"', 'id = "Beta Overview"'))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: sections[1].id: 'Beta Overview' is not a slug")


def test_overlong_id_is_refused(tmp_path: Path) -> None:
    long_id = "beta-" + "x" * 40
    path = write(tmp_path, "a.toml", VALID.replace('id = "beta-overview"', f'id = "{long_id}"'))
    assert problems_of(path) == [
        f"{path}: sections[1].id: {long_id!r} is 45 characters long; ids hold at most 36 "
        "(they go into Discord buttons)"
    ]


def test_duplicate_section_id_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", VALID.replace('id = "beta-overview"', 'id = "alpha-overview"'))
    assert problems_of(path) == [f"{path}: sections[1].id: duplicate section id 'alpha-overview'"]


def test_duplicate_document_id_across_files_is_refused(tmp_path: Path) -> None:
    first = write(tmp_path, "a.toml", VALID)
    second = write(tmp_path, "b.toml", VALID)
    (problem,) = problems_of(first, second)
    assert problem == f"{second}: id: duplicate document id 'alpha-vs-beta' (also in {first})"


def test_missing_top_level_field_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", VALID.replace('title = "Alpha vs Beta"\n', ""))
    assert problems_of(path) == [f"{path}: title: missing required key"]


def test_wrong_type_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", VALID.replace('keywords = ["alpha"]', 'keywords = "alpha"'))
    assert problems_of(path) == [
        f"{path}: sections[0].keywords: must be a list of strings, not a string"
    ]


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    broken = VALID.replace('title = "What Beta is"', 'title = "What Beta is')
    path = write(tmp_path, "a.toml", broken)
    line = broken.splitlines().index('title = "What Beta is') + 1
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: line {line}, column")
    assert "invalid TOML" in problem


def test_overlong_answer_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", VALID.replace("Beta is another framework.", "x" * 4001))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: sections[1].answer: is 4001 characters")


def test_overlong_titles_are_refused(tmp_path: Path) -> None:
    text = VALID.replace('"Alpha vs Beta"', f'"{"A" * 257}"')
    text = text.replace('"What Beta is"', f'"{"B" * 2100}"')
    path = write(tmp_path, "a.toml", text)
    assert problems_of(path) == [
        f"{path}: title: is 257 characters; at most 256 fit a Discord embed title",
        f"{path}: sections[1].title: is 2100 characters; at most 256 fit a Discord embed title",
    ]
    assert load([write(tmp_path, "a.toml", VALID.replace("What Beta is", "B" * 256))])


def test_empty_directory_and_missing_path_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "nowhere.toml"
    assert problems_of(empty, missing) == [
        f"{empty}: no knowledge files (*.toml) in this directory",
        f"{missing}: no such file or directory",
    ]


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = VALID.replace('id = "alpha-overview"', 'id = "bad slug"').replace(
        'answer = "Beta', 'anwser = "Beta'
    )
    path = write(tmp_path, "a.toml", text)
    problems = problems_of(path)
    assert len(problems) == 3  # the slug, the unknown key, the missing answer
    assert str(KnowledgeError(problems)).startswith("knowledge has 3 problems:")


def test_shipped_knowledge_loads_with_the_required_sections() -> None:
    knowledge = load([default_knowledge_dir()])
    document = knowledge.document("flask-vs-django")
    assert document is not None
    assert document.question == "What is Flask and how is it different from Django?"
    assert [s.id for s in document.sections] == [
        "flask-overview",
        "flask-philosophy",
        "django-overview",
        "django-philosophy",
        "flexibility-vs-features",
        "learning-curve",
        "summary",
    ]
    assert all(len(s.answer) <= 4000 and len(s.questions) >= 10 for s in document.sections)
