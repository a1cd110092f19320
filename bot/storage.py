"""What the bot remembers in SQLite: server settings, answers, votes and unanswered questions.

One file at ``DATABASE_PATH``, in WAL mode, used through aiosqlite so that no query blocks the
event loop. The schema is versioned with ``PRAGMA user_version`` and migrated on start.

A database fault (locked, read-only, corrupt, disk full, ...) must never stop an answer: every
method catches it, logs it once per kind of fault, and returns a safe default. This module
never imports discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import aiosqlite

from bot.report import QUESTIONS_SQL, SECTION_VOTES_SQL

log = logging.getLogger(__name__)

DAY_SECONDS = 86_400.0
# How long a write waits for a lock held by another connection before giving up (seconds);
# short, so a vote is still acknowledged within Discord's 3 seconds.
BUSY_TIMEOUT_SECONDS = 1.0
PURGE_EVERY_SECONDS = DAY_SECONDS

# MIGRATIONS[i] upgrades a database at user_version i to user_version i + 1. Append only:
# a released migration never changes, so every older file can be brought up to date.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: per-server settings, the answers the bot sent, and the votes on them.
    (
        """CREATE TABLE guild_settings (
            guild_id INTEGER PRIMARY KEY,
            answer_threshold REAL,
            passive_threshold REAL,
            cooldown_seconds REAL,
            passive_channels TEXT,
            logging_enabled INTEGER
        )""",
        """CREATE TABLE answers (
            message_id INTEGER PRIMARY KEY,
            guild_id INTEGER,
            channel_id INTEGER,
            asker_id INTEGER,
            question TEXT,
            document TEXT NOT NULL,
            section TEXT NOT NULL,
            score REAL NOT NULL,
            created_at REAL NOT NULL
        )""",
        """CREATE TABLE votes (
            message_id INTEGER NOT NULL,
            member_id INTEGER NOT NULL,
            guild_id INTEGER,
            document TEXT NOT NULL,
            section TEXT NOT NULL,
            value INTEGER NOT NULL,
            voted_at REAL NOT NULL,
            PRIMARY KEY (message_id, member_id)
        )""",
    ),
    # 2: questions the bot could not answer (or whose answer was voted down), for the report.
    (
        """CREATE TABLE unanswered (
            id INTEGER PRIMARY KEY,
            guild_id INTEGER,
            member_id INTEGER NOT NULL,
            message_id INTEGER,
            asked_at REAL NOT NULL,
            question TEXT NOT NULL,
            kind TEXT NOT NULL,
            document TEXT,
            section TEXT
        )""",
        "CREATE INDEX unanswered_asked_at ON unanswered (asked_at)",
        "CREATE INDEX answers_created_at ON answers (created_at)",
        "CREATE INDEX votes_voted_at ON votes (voted_at)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

ABSTAINED = "abstained"
DOWNVOTED = "downvoted"


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """A server's own settings; ``None`` means "the environment's default"."""

    answer_threshold: float | None = None
    passive_threshold: float | None = None
    cooldown_seconds: float | None = None
    passive_channels: frozenset[int] | None = None
    logging_enabled: bool | None = None

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

    @property
    def total(self) -> int:
        return self.answers + self.votes + self.questions


async def migrate(db: aiosqlite.Connection) -> int:
    """Bring a database up to ``SCHEMA_VERSION``, one transaction per step; the old version."""
    rows = list(await db.execute_fetchall("PRAGMA user_version"))
    version = int(rows[0][0]) if rows else 0
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"the database is at schema version {version}, newer than this bot "
            f"({SCHEMA_VERSION}): update the bot"
        )
    for number in range(version, SCHEMA_VERSION):
        try:
            await _run(db, "BEGIN")
            for statement in MIGRATIONS[number]:
                await _run(db, statement)
            await _run(db, f"PRAGMA user_version = {number + 1}")
            await _run(db, "COMMIT")
        except BaseException:
            if db.in_transaction:
                await _run(db, "ROLLBACK")
            raise
    return version


def _channels_text(channels: frozenset[int] | None) -> str | None:
    return None if channels is None else ",".join(str(c) for c in sorted(channels))


def _channels(text: str | None) -> frozenset[int] | None:
    if text is None:
        return None
    return frozenset(int(part) for part in text.split(",") if part.strip())


def _guild_settings_of(row: Sequence[Any]) -> GuildSettings:
    """A ``guild_settings`` row's columns after ``guild_id``, in table order."""
    answer_threshold, passive_threshold, cooldown_seconds, channels, logging_enabled = row
    return GuildSettings(
        answer_threshold=answer_threshold,
        passive_threshold=passive_threshold,
        cooldown_seconds=cooldown_seconds,
        passive_channels=_channels(channels),
        logging_enabled=None if logging_enabled is None else bool(logging_enabled),
    )


class Storage:
    """The bot's database. ``await open()`` first; every method is safe to call after a fault."""

    def __init__(self, path: Path, retention_days: float = 90.0) -> None:
        self.path = Path(path)
        self.retention_days = retention_days
        self._db: aiosqlite.Connection | None = None
        self._logged: set[str] = set()
        self._last_purge = 0.0
        # One connection: a write's statements and its COMMIT must not interleave with another's.
        self._write_lock = asyncio.Lock()

    @property
    def available(self) -> bool:
        return self._db is not None

    # -- lifecycle ---------------------------------------------------------------------------

    async def open(self) -> bool:
        """Open (creating the file and its folder) and migrate; False if it is unusable."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: a one-statement write is one trip to the database thread; writes of
            # several statements open their own transaction.
            connecting = aiosqlite.connect(
                self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None
            )
            _daemonize(connecting)
            db = await connecting
        except (OSError, sqlite3.Error) as error:
            self._fault("open", error)
            return False
        try:
            await _run(db, "PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL stays consistent after a crash and skips an fsync per commit;
            # a power cut can lose the last few votes, which is an acceptable trade.
            await _run(db, "PRAGMA synchronous = NORMAL")
            before = await migrate(db)
        except (OSError, sqlite3.Error, ValueError) as error:
            self._fault("open", error)
            await _close_quietly(db)
            return False
        _OPEN.add(self)
        if before != SCHEMA_VERSION:
            log.info(
                "database %s migrated from version %s to %s", self.path, before, SCHEMA_VERSION
            )
        self._db = db
        return True

    async def close(self) -> None:
        _OPEN.discard(self)
        db, self._db = self._db, None
        if db is not None:
            await _close_quietly(db)

    # -- fault handling ----------------------------------------------------------------------

    def _fault(self, operation: str, error: BaseException) -> None:
        """Log a database fault: a warning the first time for each kind, debug after that."""
        name = getattr(error, "sqlite_errorname", "") or type(error).__name__
        kind = f"{type(error).__name__}/{name}"
        level = logging.DEBUG if kind in self._logged else logging.WARNING
        self._logged.add(kind)
        log.log(
            level,
            "database %s: %s failed (%s: %s); answers go on without it",
            self.path,
            operation,
            name,
            error,
        )

    async def _write(self, operation: str, statements: Sequence[tuple[str, Sequence[Any]]]) -> bool:
        """Run statements in one transaction; False (logged) on any fault."""
        if len(statements) > 1:
            return await self._counts(operation, statements) is not None
        db = self._db
        if db is None:
            return False
        async with self._write_lock:
            try:
                await _run(db, *statements[0])  # autocommit: one trip to the database thread
                return True
            except (OSError, sqlite3.Error, ValueError) as error:
                self._fault(operation, error)
                await _rollback(db)
                return False

    async def _read(self, operation: str, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        db = self._db
        if db is None:
            return []
        try:
            return list(await db.execute_fetchall(sql, parameters))
        except (OSError, sqlite3.Error, ValueError) as error:
            self._fault(operation, error)
            return []

    async def _counts(
        self, operation: str, statements: Sequence[tuple[str, Sequence[Any]]]
    ) -> list[int] | None:
        """Run statements in one transaction; the rows each changed, None (logged) on a fault."""
        db = self._db
        if db is None:
            return None
        async with self._write_lock:
            try:
                counts = []
                await _run(db, "BEGIN")
                for sql, parameters in statements:
                    async with db.execute(sql, parameters) as cursor:
                        counts.append(int(cursor.rowcount))
                await _run(db, "COMMIT")
                return counts
            except (OSError, sqlite3.Error, ValueError) as error:
                self._fault(operation, error)
                await _rollback(db)
                return None

    # -- server settings ---------------------------------------------------------------------

    async def all_guild_settings(self) -> dict[int, GuildSettings]:
        rows = await self._read(
            "read server settings",
            "SELECT guild_id, answer_threshold, passive_threshold, cooldown_seconds, "
            "passive_channels, logging_enabled FROM guild_settings",
        )
        return {row[0]: _guild_settings_of(row[1:]) for row in rows}

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        rows = await self._read(
            "read server settings",
            "SELECT answer_threshold, passive_threshold, cooldown_seconds, passive_channels, "
            "logging_enabled FROM guild_settings WHERE guild_id = ?",
            (guild_id,),
        )
        return _guild_settings_of(rows[0]) if rows else GuildSettings()

    async def set_guild_settings(self, guild_id: int, settings: GuildSettings) -> bool:
        logging_enabled = (
            None if settings.logging_enabled is None else int(settings.logging_enabled)
        )
        return await self._write(
            "save server settings",
            [
                (
                    "INSERT INTO guild_settings (guild_id, answer_threshold, passive_threshold, "
                    "cooldown_seconds, passive_channels, logging_enabled) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET "
                    "answer_threshold = excluded.answer_threshold, "
                    "passive_threshold = excluded.passive_threshold, "
                    "cooldown_seconds = excluded.cooldown_seconds, "
                    "passive_channels = excluded.passive_channels, "
                    "logging_enabled = excluded.logging_enabled",
                    (
                        guild_id,
                        settings.answer_threshold,
                        settings.passive_threshold,
                        settings.cooldown_seconds,
                        _channels_text(settings.passive_channels),
                        logging_enabled,
                    ),
                )
            ],
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
        return await self._write(
            "record an answer",
            [
                (
                    "INSERT OR REPLACE INTO answers (message_id, guild_id, channel_id, asker_id, "
                    "question, document, section, score, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        message_id,
                        guild_id,
                        channel_id,
                        asker_id,
                        question,
                        document,
                        section,
                        score,
                        at,
                    ),
                )
            ],
        )

    async def answer(self, message_id: int) -> AnswerRecord | None:
        rows = await self._read(
            "read an answer",
            "SELECT message_id, guild_id, question, document, section, score FROM answers "
            "WHERE message_id = ?",
            (message_id,),
        )
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
                "INSERT INTO votes (message_id, member_id, guild_id, document, section, value, "
                "voted_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (message_id, member_id) DO UPDATE SET value = excluded.value, "
                "voted_at = excluded.voted_at",
                (message_id, member_id, guild_id, document, section, value, at),
            ),
            (
                "DELETE FROM unanswered WHERE message_id = ? AND member_id = ? AND kind = ?",
                (message_id, member_id, DOWNVOTED),
            ),
        ]
        if value < 0 and downvoted_question:
            statements.append(
                (
                    "INSERT INTO unanswered (guild_id, member_id, message_id, asked_at, question, "
                    "kind, document, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        guild_id,
                        member_id,
                        message_id,
                        at,
                        downvoted_question,
                        DOWNVOTED,
                        document,
                        section,
                    ),
                )
            )
        await self._purge_daily(at)
        return await self._write("record a vote", statements)

    async def previous_vote(self, message_id: int, member_id: int) -> int | None:
        rows = await self._read(
            "read a vote",
            "SELECT value FROM votes WHERE message_id = ? AND member_id = ?",
            (message_id, member_id),
        )
        return int(rows[0][0]) if rows else None

    # -- unanswered questions ----------------------------------------------------------------

    async def record_unanswered(
        self, guild_id: int | None, member_id: int, question: str, now: float | None = None
    ) -> bool:
        """Keep a question the bot abstained on (normalized text), for the report."""
        at = time.time() if now is None else now
        if not question.strip():
            return False
        saved = await self._write(
            "record an unanswered question",
            [
                (
                    "INSERT INTO unanswered (guild_id, member_id, asked_at, question, kind) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (guild_id, member_id, at, question, ABSTAINED),
                )
            ],
        )
        await self._purge_daily(at)
        return saved

    async def _purge_daily(self, now: float) -> None:
        """Purge when something new is stored and the last purge is a day old."""
        if now - self._last_purge >= PURGE_EVERY_SECONDS:
            await self.purge(now=now)

    async def purge(self, now: float | None = None) -> int:
        """Delete what is older than the retention period; how many rows went."""
        at = time.time() if now is None else now
        self._last_purge = at
        cutoff = at - self.retention_days * DAY_SECONDS
        counts = await self._counts(
            "purge old rows",
            [
                ("DELETE FROM unanswered WHERE asked_at < ?", (cutoff,)),
                ("DELETE FROM votes WHERE voted_at < ?", (cutoff,)),
                ("DELETE FROM answers WHERE created_at < ?", (cutoff,)),
            ],
        )
        deleted = sum(counts or ())
        if deleted:
            log.info("purged %d rows older than %g days", deleted, self.retention_days)
        return deleted

    async def forget_member(self, member_id: int) -> Forgotten | None:
        """Delete everything stored from one member; None if the database failed."""
        counts = await self._counts(
            "forget a member",
            [
                ("DELETE FROM answers WHERE asker_id = ?", (member_id,)),
                ("DELETE FROM votes WHERE member_id = ?", (member_id,)),
                ("DELETE FROM unanswered WHERE member_id = ?", (member_id,)),
            ],
        )
        return None if counts is None else Forgotten(*counts)

    # -- the report --------------------------------------------------------------------------

    async def questions_since(self, since: float) -> list[QuestionRow]:
        rows = await self._read("read questions", QUESTIONS_SQL, (since,))
        return [QuestionRow(*row) for row in rows]

    async def section_votes_since(self, since: float) -> list[SectionVotes]:
        rows = await self._read("read votes", SECTION_VOTES_SQL, (since,))
        return [SectionVotes(*row) for row in rows]


_OPEN: weakref.WeakSet[Storage] = weakref.WeakSet()


async def close_all() -> None:
    """Close every database still open in this process (each holds a worker thread)."""
    for storage in list(_OPEN):
        await storage.close()


async def _run(db: aiosqlite.Connection, sql: str, parameters: Sequence[Any] = ()) -> None:
    """Execute one statement to its end in one trip (a statement left open blocks COMMIT)."""
    await db.execute_fetchall(sql, parameters)


def _daemonize(connection: aiosqlite.Connection) -> None:
    """Let the process exit even if nobody closed the database (aiosqlite's worker thread
    is not a daemon, and a script that never calls ``bot.close()`` would hang at exit).
    SQLite's journal keeps the file consistent if the process ends mid-write."""
    thread = getattr(connection, "_thread", None)
    if isinstance(thread, threading.Thread) and not thread.is_alive():
        thread.daemon = True


async def _rollback(db: aiosqlite.Connection) -> None:
    with contextlib.suppress(OSError, sqlite3.Error, ValueError):
        if db.in_transaction:
            await _run(db, "ROLLBACK")


async def _close_quietly(db: aiosqlite.Connection) -> None:
    try:
        await db.close()
    except (OSError, sqlite3.Error, ValueError) as error:
        log.debug("closing the database: %s", error)
