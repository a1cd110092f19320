"""The terminal commands: ask, explain, check, show, report and health. None imports discord,
so they start fast."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TextIO

from bot.config import Settings, matcher_for
from bot.engine.knowledge import load
from bot.engine.matcher import Matcher
from bot.engine.overlap import overlaps
from bot.engine.render import match_json, terminal_answer, terminal_document, terminal_section
from bot.engine.section_kinds import generic_phrasings, kind_of

# Below this many example questions, `check` notes that a section will miss many phrasings.
FEW_EXAMPLES = 15


def build_matcher(settings: Settings) -> Matcher:
    """Load the knowledge named by ``settings`` and index it."""
    if settings.semantic_matching and not any(settings.vectors_dir.glob("vectors-*.npy")):
        print(
            f"Embedding the knowledge for semantic matching (once; cached in "
            f"{settings.vectors_dir}) ...",
            file=sys.stderr,
            flush=True,
        )
    return matcher_for(settings)


def ask(settings: Settings, words: Sequence[str], as_json: bool, stdin: TextIO) -> int:
    matcher = build_matcher(settings)
    if words:
        _answer(matcher, " ".join(words), as_json)
        return 0
    interactive = stdin.isatty() and not as_json
    if interactive:
        titles = ", ".join(d.title for d in matcher.knowledge.documents)
        print(f"Ask about {titles}. An empty line or Ctrl-D quits.")
    while True:
        if interactive:
            try:
                line = input("> ")
            except EOFError:
                print()
                return 0
            if not line.strip():
                return 0
        else:
            line = stdin.readline()
            if not line:
                return 0
            if not line.strip():
                continue
        _answer(matcher, line.strip(), as_json)
        if interactive:
            print()


def _answer(matcher: Matcher, question: str, as_json: bool) -> None:
    match = matcher.match(question)
    if as_json:
        print(json.dumps(match_json(match), ensure_ascii=False), flush=True)
    else:
        print(terminal_answer(match), flush=True)


def check(settings: Settings) -> int:
    knowledge = load(settings.knowledge_paths)
    warnings = 0
    for document in knowledge.documents:
        examples = sum(len(s.questions) for s in document.sections)
        sections = len(document.sections)
        print(f"{document.id}: {sections} sections, {examples} example questions ({document.path})")
        for section in document.sections:
            counts = f"{len(section.questions)} questions, {len(section.keywords)} keywords"
            kinds, _ = kind_of(document, section)
            borrowed = len(list(generic_phrasings(document, section)))
            if kinds and borrowed:
                counts += f"; kind {' + '.join(kinds)}, +{borrowed} everyday phrasings"
            print(f"  {section.id}: {counts}")
            if len(section.questions) < FEW_EXAMPLES:
                print(
                    f"  note: {section.id} has {len(section.questions)} example questions; "
                    f"members ask in many ways, {FEW_EXAMPLES} or more answer far more of them"
                )
        for overlap in overlaps(document):
            warnings += 1
            print(f"  warning: {overlap.describe(document)}")
    totals = f"{len(knowledge.documents)} documents, {knowledge.section_count} sections"
    print(f"ok: {totals}, {warnings} warnings")
    return 0


def report_command(settings: Settings, since_days: float | None, as_json: bool) -> int:
    """What people asked that the bot could not answer, grouped, and votes per section."""
    import sqlite3

    from bot.cli.report import load_report, report_json, report_text

    if since_days is not None and since_days <= 0:
        print("framework-bot: --since takes a positive number of days", file=sys.stderr)
        return 2
    database = settings.database
    if not database.is_file():
        print(
            f"framework-bot: no database at {database} yet (the bot creates it on its first "
            "start; DATABASE_PATH sets where)",
            file=sys.stderr,
        )
        return 1
    try:
        result = load_report(database, since_days)
    except sqlite3.Error as error:
        print(f"framework-bot: cannot read {database}: {error}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(report_json(result), ensure_ascii=False))
    else:
        print(report_text(result))
    return 0


def show(settings: Settings, document_id: str, section_id: str | None) -> int:
    knowledge = load(settings.knowledge_paths)
    document = knowledge.document(document_id)
    if document is None:
        known = ", ".join(d.id for d in knowledge.documents)
        print(f"framework-bot: no document {document_id!r} (known: {known})", file=sys.stderr)
        return 1
    if section_id is None:
        print(terminal_document(document))
        return 0
    section = document.section(section_id)
    if section is None:
        known = ", ".join(s.id for s in document.sections)
        print(
            f"framework-bot: {document_id} has no section {section_id!r} (known: {known})",
            file=sys.stderr,
        )
        return 1
    print(terminal_section(section))
    return 0


def explain(settings: Settings, words: Sequence[str], as_json: bool, passive: bool) -> int:
    """Why the question gets its answer: how it was read, weighed, ranked and decided."""
    from bot.engine.explaining import explanation_json, explanation_text

    matcher = build_matcher(settings)
    question = " ".join(words)
    if passive:
        explanation = matcher.explain(
            question, threshold=settings.passive_threshold, require_framework=True
        )
    else:
        explanation = matcher.explain(question)
    if as_json:
        print(json.dumps(explanation_json(explanation), ensure_ascii=False))
    else:
        print(explanation_text(explanation))
    return 0


def health(settings: Settings) -> int:
    """Whether the running bot is connected, from its heartbeat file's age."""
    from bot.discord_layer import heartbeat

    ok, line = heartbeat.health(settings.data_dir / heartbeat.FILE)
    print(line, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1
