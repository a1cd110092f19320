"""``Storage``: everything the bot keeps, behind one interface the Discord layer uses.

Server settings, the answers it sent and the votes on them, the questions kept for the
report, the retention purge and a member's "forget me". Every method is safe to call after
a database fault: it logs once and returns a safe default (``Database``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import queries
from .database import Database
from .rows import (
    ABSTAINED,
    DOWNVOTED,
    AnswerRecord,
    Forgotten,
    GuildSettings,
    QuestionRow,
    SectionVotes,
    channels_text,
    guild_settings_of,
)

log = logging.getLogger("bot.storage")

DAY_SECONDS = 86_400.0
PURGE_EVERY_SECONDS = DAY_SECONDS


class Storage(Database):
    """The bot's database. ``await open()`` first; every method is safe to call after a fault."""

    def __init__(self, path: Path, retention_days: float = 90.0) -> None:
        super().__init__(path)
        self.retention_days = retention_days
        self._last_purge = 0.0

    # -- server settings ---------------------------------------------------------------------

    async def all_guild_settings(self) -> dict[int, GuildSettings]:
        rows = await self._read("read server settings", queries.ALL_GUILD_SETTINGS)
        return {row[0]: guild_settings_of(row[1:]) for row in rows}

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        rows = await self._read("read server settings", queries.GUILD_SETTINGS, (guild_id,))
        return guild_settings_of(rows[0]) if rows else GuildSettings()

    async def set_guild_settings(self, guild_id: int, settings: GuildSettings) -> bool:
        logging_enabled = (
            None if settings.logging_enabled is None else int(settings.logging_enabled)
        )
        values = (
            guild_id,
            settings.answer_threshold,
            settings.passive_threshold,
            settings.cooldown_seconds,
            channels_text(settings.passive_channels),
            logging_enabled,
            channels_text(settings.thread_channels) if settings.thread_channels else None,
        )
        return await self._write("save server settings", [(queries.SAVE_GUILD_SETTINGS, values)])

    # -- members' own choices ----------------------------------------------------------------

    async def unprompted_off(self) -> set[int]:
        """The members who turned unprompted answers to their messages off."""
        rows = await self._read("read members' choices", queries.UNPROMPTED_OFF)
        return {int(row[0]) for row in rows}

    async def set_unprompted(self, member_id: int, enabled: bool, now: float | None = None) -> bool:
        """Keep a member's choice: unprompted answers to their messages on (the default) or off."""
        if enabled:
            return await self._write(
                "save a member's choice", [(queries.SET_UNPROMPTED_ON, (member_id,))]
            )
        at = time.time() if now is None else now
        return await self._write(
            "save a member's choice", [(queries.SET_UNPROMPTED_OFF, (member_id, at))]
        )

    # -- answers and votes -------------------------------------------------------------------

    async def record_answer(
        self,
        message_id: int,
        guild_id: int | None,
        channel_id: int | None,
        asker_id: int,
        question: str | None,
        document: str,
        section: str,
        score: float,
        now: float | None = None,
    ) -> bool:
        """Remember an answer that was sent, so a vote on it (even after a restart) finds it."""
        at = time.time() if now is None else now
        await self._purge_daily(at)
        values = (message_id, guild_id, channel_id, asker_id, question, document, section)
        return await self._write(
            "record an answer", [(queries.RECORD_ANSWER, (*values, score, at))]
        )

    async def answer(self, message_id: int) -> AnswerRecord | None:
        rows = await self._read("read an answer", queries.ANSWER, (message_id,))
        return AnswerRecord(*rows[0]) if rows else None

    async def record_vote(
        self,
        message_id: int,
        member_id: int,
        guild_id: int | None,
        document: str,
        section: str,
        value: int,
        downvoted_question: str | None = None,
        now: float | None = None,
    ) -> bool:
        """One vote per member per answer: a second vote replaces the first.

        A down vote with ``downvoted_question`` also keeps the question for the report; an up
        vote takes back the member's earlier down-vote entry for that answer.
        """
        at = time.time() if now is None else now
        statements: list[tuple[str, Sequence[Any]]] = [
            (
                queries.RECORD_VOTE,
                (message_id, member_id, guild_id, document, section, value, at),
            ),
            (queries.TAKE_BACK_DOWNVOTE, (message_id, member_id, DOWNVOTED)),
        ]
        if value < 0 and downvoted_question:
            kept = (guild_id, member_id, message_id, at, downvoted_question, DOWNVOTED)
            statements.append((queries.RECORD_QUESTION, (*kept, document, section)))
        await self._purge_daily(at)
        return await self._write("record a vote", statements)

    async def previous_vote(self, message_id: int, member_id: int) -> int | None:
        rows = await self._read("read a vote", queries.PREVIOUS_VOTE, (message_id, member_id))
        return int(rows[0][0]) if rows else None

    # -- unanswered questions ----------------------------------------------------------------

    async def record_unanswered(
        self, guild_id: int | None, member_id: int, question: str, now: float | None = None
    ) -> bool:
        """Keep a question the bot abstained on (normalized text), for the report."""
        at = time.time() if now is None else now
        if not question.strip():
            return False
        values = (guild_id, member_id, None, at, question, ABSTAINED, None, None)
        saved = await self._write(
            "record an unanswered question", [(queries.RECORD_QUESTION, values)]
        )
        await self._purge_daily(at)
        return saved

    # -- retention and forgetting ------------------------------------------------------------

    async def _purge_daily(self, now: float) -> None:
        """Purge when something new is stored and the last purge is a day old."""
        if now - self._last_purge >= PURGE_EVERY_SECONDS:
            await self.purge(now=now)

    async def purge(self, now: float | None = None) -> int:
        """Delete what is older than the retention period; how many rows went."""
        at = time.time() if now is None else now
        self._last_purge = at
        cutoff = at - self.retention_days * DAY_SECONDS
        counts = await self._counts("purge old rows", [(sql, (cutoff,)) for sql in queries.PURGE])
        deleted = sum(counts or ())
        if deleted:
            log.info("purged %d rows older than %g days", deleted, self.retention_days)
        return deleted

    async def forget_member(self, member_id: int) -> Forgotten | None:
        """Delete everything stored from one member; None if the database failed."""
        statements = [(sql, (member_id,)) for sql in queries.FORGET_MEMBER]
        counts = await self._counts("forget a member", statements)
        return None if counts is None else Forgotten(*counts)

    # -- the report --------------------------------------------------------------------------

    async def questions_since(self, since: float) -> list[QuestionRow]:
        rows = await self._read("read questions", queries.QUESTIONS_SINCE, (since,))
        return [QuestionRow(*row) for row in rows]

    async def section_votes_since(self, since: float) -> list[SectionVotes]:
        rows = await self._read("read votes", queries.SECTION_VOTES_SINCE, (since,))
        return [SectionVotes(*row) for row in rows]
