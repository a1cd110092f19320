"""Turn matches and documents into text: for a terminal, for ``--json``, and pages for Discord.

Nothing here knows about Discord objects; the Discord layer builds embeds from ``Page``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.engine.knowledge import Document, Section
from bot.engine.matcher import Candidate, Match

# Discord's limit for an embed description; a section answer is at most 4,000 characters.
PAGE_CHARS = 4096


@dataclass(frozen=True, slots=True)
class Page:
    """One screen of a full comparison: a title and Markdown body within Discord's limits."""

    title: str
    body: str
    section_id: str | None


def confidence(score: float) -> str:
    """A word for how sure a match is, for footers."""
    if score >= 85:
        return "confident match"
    if score >= 65:
        return "good match"
    return "possible match"


def candidate_json(candidate: Candidate) -> dict[str, Any]:
    return {
        "document": candidate.document.id,
        "section": candidate.section.id,
        "title": candidate.section.title,
        "score": candidate.score,
    }


def match_json(match: Match) -> dict[str, Any]:
    """The ``framework-bot ask --json`` object (a public contract)."""
    answer = match.answer
    return {
        "question": match.question,
        "document": answer.document.id if answer else None,
        "section": answer.section.id if answer else None,
        "title": answer.section.title if answer else None,
        "score": match.score,
        "suggestions": [candidate_json(c) for c in match.suggestions],
    }


def terminal_answer(match: Match) -> str:
    """A match as a terminal reader sees it: the answer, or a short "no answer"."""
    if match.answer is None:
        lines = ["No answer for that in the knowledge."]
        if match.suggestions:
            lines.append("Did you mean:")
            lines += [
                f"  - {c.section.title} ({c.document.id} {c.section.id})" for c in match.suggestions
            ]
        return "\n".join(lines)
    answer = match.answer
    footer = f"-- {answer.document.title} · {confidence(answer.score)} ({answer.score:.0f}/100)"
    return f"{terminal_section(answer.section)}\n\n{footer}"


def terminal_section(section: Section) -> str:
    return f"{section.title}\n{'=' * len(section.title)}\n{section.answer}"


def terminal_document(document: Document) -> str:
    head = f"{document.title}\n{'#' * len(document.title)}\n{document.question}"
    if document.summary:
        head += f"\n\n{document.summary}"
    return "\n\n\n".join([head, *(terminal_section(s) for s in document.sections)])


def document_pages(document: Document) -> list[Page]:
    """The full comparison as pages: a contents page, then one page per section."""
    contents = "\n".join(f"{i}. {s.title}" for i, s in enumerate(document.sections, start=1))
    intro = f"**{document.question}**\n\n"
    if document.summary:
        intro += f"{document.summary}\n\n"
    pages = [Page(document.title, f"{intro}**Contents**\n{contents}"[:PAGE_CHARS], None)]
    pages += [Page(s.title, s.answer, s.id) for s in document.sections]
    return pages
