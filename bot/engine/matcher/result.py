"""What the matcher returns: candidate sections with scores, and the outcome for a question."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.knowledge import Document, Section


@dataclass(frozen=True, slots=True)
class Candidate:
    """A section that could answer the question, with a 0-100 score."""

    document: Document
    section: Section
    score: float

    @property
    def key(self) -> str:
        """``document/section``: how the section is named in custom ids, labels and logs."""
        return f"{self.document.id}/{self.section.id}"


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome for one question: the answer (or None) and the next-best sections."""

    question: str
    answer: Candidate | None
    score: float
    suggestions: tuple[Candidate, ...]

    @property
    def answered(self) -> bool:
        return self.answer is not None
