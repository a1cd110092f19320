"""What the database holds, as the rest of the bot sees it: one type a kind of row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

__all__ = [
    "ABSTAINED",
    "DOWNVOTED",
    "AnswerRecord",
    "Forgotten",
    "GuildSettings",
    "QuestionRow",
    "SectionVotes",
]

ABSTAINED = "abstained"  # a question the bot did not answer
DOWNVOTED = "downvoted"  # the question of an answer voted down


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """A server's own settings; ``None`` means "the environment's default"."""

    answer_threshold: float | None = None
    passive_threshold: float | None = None
    cooldown_seconds: float | None = None
    passive_channels: frozenset[int] | None = None
    logging_enabled: bool | None = None
    # Passive channels whose answers start a thread on the question (never a default).
    thread_channels: frozenset[int] = frozenset()

    def changed(self, **fields: Any) -> GuildSettings:
        return replace(self, **fields)


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """An answer the bot sent, as stored when it was sent."""

    message_id: int
    guild_id: int | None
    question: str | None
    document: str
    section: str
    score: float


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """One stored unanswered (or voted-down) question, for the report."""

    question: str
    kind: str
    guild_id: int | None
    asked_at: float
    document: str | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class SectionVotes:
    document: str
    section: str
    up: int
    down: int


@dataclass(frozen=True, slots=True)
class Forgotten:
    """How many rows ``forget_member`` deleted, per kind."""

    answers: int = 0
    votes: int = 0
    questions: int = 0
    unprompted_choice: int = 0  # 1 when the member had turned unprompted answers off

    @property
    def total(self) -> int:
        return self.answers + self.votes + self.questions


def channels_text(channels: frozenset[int] | None) -> str | None:
    return None if channels is None else ",".join(str(c) for c in sorted(channels))


def channels_of(text: str | None) -> frozenset[int] | None:
    if text is None:
        return None
    return frozenset(int(part) for part in text.split(",") if part.strip())


def guild_settings_of(row: Sequence[Any]) -> GuildSettings:
    """A ``guild_settings`` row's columns after ``guild_id``, in table order."""
    answer_threshold, passive_threshold, cooldown_seconds, channels, logging_enabled = row[:5]
    threads = row[5] if len(row) > 5 else None
    return GuildSettings(
        answer_threshold=answer_threshold,
        passive_threshold=passive_threshold,
        cooldown_seconds=cooldown_seconds,
        passive_channels=channels_of(channels),
        logging_enabled=None if logging_enabled is None else bool(logging_enabled),
        thread_channels=channels_of(threads) or frozenset(),
    )
