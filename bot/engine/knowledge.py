"""Load and validate the Q&A knowledge files (one TOML document per file).

The file format is a public contract; see README.md, "Writing knowledge". Every problem found
is reported with the file, the key path (``sections[2].questions``) and, for syntax errors,
the line, so that a maintainer can fix a file without reading Python.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_ANSWER_CHARS = 4000
# Titles become Discord embed titles (a section's in its answer, a document's on the first
# page of /compare), which Discord refuses beyond 256 characters; a document's title also
# heads every answer's footer (2,048), which this limit keeps far below.
MAX_TITLE_CHARS = 256
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Ids travel inside Discord buttons and menus, whose ids and values hold at most 100
# characters: "framework-bot:vote:down:<document>/<section>" fits with ids of up to 36.
MAX_ID_LENGTH = 36

DOCUMENT_KEYS = {"id": True, "title": True, "question": True, "frameworks": False}
DOCUMENT_KEYS |= {"summary": False, "sections": True}
SECTION_KEYS = {"id": True, "title": True, "questions": True, "keywords": False, "answer": True}


@dataclass(frozen=True, slots=True)
class Section:
    """One answer: what it is called, what it answers, and the answer itself."""

    id: str
    title: str
    questions: tuple[str, ...]
    keywords: tuple[str, ...]
    answer: str


@dataclass(frozen=True, slots=True)
class Document:
    """One knowledge file: a headline question answered in several sections."""

    id: str
    title: str
    question: str
    sections: tuple[Section, ...]
    frameworks: tuple[str, ...] = ()
    summary: str = ""
    path: str = ""

    def section(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Every loaded document, in load order."""

    documents: tuple[Document, ...]
    sources: tuple[str, ...] = field(default=())

    def document(self, document_id: str) -> Document | None:
        """The document with this id, or None."""
        return next((d for d in self.documents if d.id == document_id), None)

    @property
    def section_count(self) -> int:
        return sum(len(d.sections) for d in self.documents)


class KnowledgeError(Exception):
    """The knowledge could not be loaded; ``problems`` lists every fault found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"knowledge has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


def default_knowledge_dir() -> Path:
    """The ``knowledge/`` directory shipped beside the package."""
    return Path(__file__).resolve().parents[2] / "knowledge"


def load(paths: Iterable[str | Path]) -> KnowledgeBase:
    """Load every document under ``paths`` (files or directories); raise KnowledgeError."""
    problems: list[str] = []
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.toml") if p.is_file())
            if not found:
                problems.append(f"{path}: no knowledge files (*.toml) in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or directory")
    if not files and not problems:
        problems.append("no knowledge paths given")

    documents: list[Document] = []
    seen: dict[str, Path] = {}
    for file in files:
        document = _load_file(file, problems)
        if document is None:
            continue
        if document.id in seen:
            problems.append(
                f"{file}: id: duplicate document id {document.id!r} (also in {seen[document.id]})"
            )
            continue
        seen[document.id] = file
        documents.append(document)
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(documents=tuple(documents), sources=tuple(str(f) for f in files))


def _load_file(path: Path, problems: list[str]) -> Document | None:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        problems.append(f"{path}: {_describe_syntax_error(error)}")
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{path}: cannot read file: {error}")
        return None
    before = len(problems)
    checker = _Checker(path, problems)
    document = checker.document(data)
    return document if len(problems) == before else None


def _describe_syntax_error(error: tomllib.TOMLDecodeError) -> str:
    message = str(error)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found:
        reason = message[: found.start()].strip()
        return f"line {found.group(1)}, column {found.group(2)}: invalid TOML: {reason}"
    return f"invalid TOML: {message}"


class _Checker:
    """Validates one parsed file, appending readable problems instead of raising."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{self.path}: {where}: {message}")

    def document(self, data: dict[str, Any]) -> Document | None:
        self.unknown_keys(data, DOCUMENT_KEYS, "")
        self.missing_keys(data, DOCUMENT_KEYS, "")
        doc_id = self.slug(data, "id", "id")
        title = self.title(data, "title")
        question = self.text(data, "question", "question")
        summary = self.text(data, "summary", "summary", required=False)
        frameworks = self.text_list(data, "frameworks", "frameworks", required=False)
        raw_sections = data.get("sections")
        sections: list[Section] = []
        if "sections" in data:
            if not isinstance(raw_sections, list) or not all(
                isinstance(s, dict) for s in raw_sections
            ):
                self.fail("sections", "must be a list of [[sections]] tables")
            elif not raw_sections:
                self.fail("sections", "must hold at least one [[sections]] table")
            else:
                seen: set[str] = set()
                for index, raw in enumerate(raw_sections):
                    section = self.section(raw, f"sections[{index}]")
                    if section is None:
                        continue
                    if section.id in seen:
                        self.fail(f"sections[{index}].id", f"duplicate section id {section.id!r}")
                    seen.add(section.id)
                    sections.append(section)
        if doc_id is None or title is None or question is None or not sections:
            return None
        return Document(
            id=doc_id,
            title=title,
            question=question,
            sections=tuple(sections),
            frameworks=tuple(f.casefold() for f in frameworks or ()),
            summary=summary or "",
            path=str(self.path),
        )

    def section(self, data: dict[str, Any], where: str) -> Section | None:
        self.unknown_keys(data, SECTION_KEYS, where)
        self.missing_keys(data, SECTION_KEYS, where)
        section_id = self.slug(data, "id", f"{where}.id")
        title = self.title(data, f"{where}.title")
        questions = self.text_list(data, "questions", f"{where}.questions")
        keywords = self.text_list(data, "keywords", f"{where}.keywords", required=False)
        answer = self.text(data, "answer", f"{where}.answer")
        if answer is not None and len(answer) > MAX_ANSWER_CHARS:
            self.fail(
                f"{where}.answer",
                f"is {len(answer)} characters; at most {MAX_ANSWER_CHARS} fit one Discord embed",
            )
            answer = None
        if section_id is None or title is None or not questions or answer is None:
            return None
        return Section(
            id=section_id,
            title=title,
            questions=tuple(questions),
            keywords=tuple(keywords or ()),
            answer=answer.strip(),
        )

    def unknown_keys(self, data: dict[str, Any], allowed: dict[str, bool], where: str) -> None:
        for key in data:
            if key in allowed:
                continue
            path = f"{where}.{key}" if where else key
            close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            self.fail(path, f"unknown key{hint} (allowed: {', '.join(allowed)})")

    def missing_keys(self, data: dict[str, Any], allowed: dict[str, bool], where: str) -> None:
        for key, required in allowed.items():
            if required and key not in data:
                self.fail(f"{where}.{key}" if where else key, "missing required key")

    def text(self, data: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, str):
            self.fail(where, f"must be a string, not {_toml_type(value)}")
            return None
        if required and not value.strip():
            self.fail(where, "must not be empty")
            return None
        return value.strip()

    def title(self, data: dict[str, Any], where: str) -> str | None:
        value = self.text(data, "title", where)
        if value is not None and len(value) > MAX_TITLE_CHARS:
            self.fail(
                where,
                f"is {len(value)} characters; at most {MAX_TITLE_CHARS} fit a Discord embed title",
            )
            return None
        return value

    def slug(self, data: dict[str, Any], key: str, where: str) -> str | None:
        value = self.text(data, key, where)
        if value is not None and not SLUG.fullmatch(value):
            self.fail(where, f"{value!r} is not a slug (lowercase letters, digits and dashes)")
            return None
        if value is not None and len(value) > MAX_ID_LENGTH:
            self.fail(
                where,
                f"{value!r} is {len(value)} characters long; ids hold at most {MAX_ID_LENGTH} "
                "(they go into Discord buttons)",
            )
            return None
        return value

    def text_list(
        self, data: dict[str, Any], key: str, where: str, required: bool = True
    ) -> list[str] | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, list):
            self.fail(where, f"must be a list of strings, not {_toml_type(value)}")
            return None
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{where}[{index}]", "must be a non-empty string")
                continue
            items.append(item.strip())
        if required and not value:
            self.fail(where, "must hold at least one entry")
            return None
        return items


def _toml_type(value: object) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)
