"""Every data file the engine ships loads, and a broken one is refused with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import data_files, lexicon, section_kinds, text
from bot.engine.data_files import DATA_DIR, DataFileError
from bot.engine.text import term

SHIPPED = sorted(p.name for p in DATA_DIR.iterdir() if p.suffix in {".txt", ".toml"})


def test_the_data_folder_holds_what_the_engine_reads() -> None:
    assert SHIPPED == [
        "english-words.txt",
        "idioms.toml",
        "related-words.txt",
        "section-kinds.toml",
        "stopwords.txt",
        "synonyms.txt",
        "technical-words.txt",
    ]


@pytest.mark.parametrize("name", [n for n in SHIPPED if n.endswith(".txt")])
def test_every_word_list_loads_with_normalized_words(name: str) -> None:
    lines = data_files.word_lines(name)
    assert lines and all(lines)
    assert all(word == word.casefold() for line in lines for word in line)


def test_the_lists_reach_the_lexicon() -> None:
    assert {"static", "deploy", "gunicorn"} <= lexicon.TECHNICAL_WORDS
    assert lexicon.is_english("weekend") and not lexicon.is_english("gunicorn")
    assert "crowd" in lexicon.related_terms()[term("community")]  # terms of one group


def test_section_kinds_load_with_every_kind_defined() -> None:
    assert "what is {x}" in section_kinds._PER_FRAMEWORK["overview"]
    assert "which is easier to learn" in section_kinds._WHOLE_DOCUMENT["learning-curve"]
    assert set(section_kinds._IF_THE_SECTION_SAYS) <= {
        *section_kinds._PER_FRAMEWORK,
        *section_kinds._WHOLE_DOCUMENT,
    }
    assert section_kinds._KINDS["verdict"] == "summary"


def test_a_broken_word_list_names_the_file_and_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "words.txt").write_text("# a comment\nfine words\nnot-normalized here\n")
    monkeypatch.setattr(data_files, "DATA_DIR", tmp_path)
    with pytest.raises(DataFileError, match=r"words\.txt:3: 'not-normalized' is not a normalized"):
        data_files.words("words.txt")


def test_a_phrasing_with_an_unknown_placeholder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (DATA_DIR / "section-kinds.toml").read_text(encoding="utf-8")
    broken = text.replace('"what is {x}",', '"what is {framework}",', 1)
    (tmp_path / "section-kinds.toml").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(data_files, "DATA_DIR", tmp_path)
    monkeypatch.setattr(section_kinds, "DATA_DIR", tmp_path)
    with pytest.raises(DataFileError, match=r"per-framework\.overview\[0\] .* only \{x\}"):
        section_kinds._load()


def test_stopwords_synonyms_and_idioms_reach_normalization() -> None:
    assert {"the", "tbh", "pls"} <= text.STOPWORDS
    assert text.SYNONYMS["difficult"] == "hard" and text.SYNONYMS["k8s"] == "kubernetes"
    assert len(text._IDIOMS) == 14
    assert text.normalize("does webpack work w/o a config") == "does webpack work without a config"
    assert text.normalize("django explained quickly") == "django explained plainly"


def test_an_idiom_that_does_not_compile_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "idioms.toml").write_text(
        '[[idiom]]\nguards = ["x"]\npattern = "(unclosed"\nreplacement = "y"\n'
    )
    monkeypatch.setattr(data_files, "DATA_DIR", tmp_path)
    monkeypatch.setattr(text, "DATA_DIR", tmp_path)
    with pytest.raises(DataFileError, match=r"idioms\.toml: idiom\[0\]\.pattern: missing \)"):
        text._load_idioms()
