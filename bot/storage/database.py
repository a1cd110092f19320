"""The connection and its fault policy: open and migrate, run statements, survive faults.

One file at ``DATABASE_PATH``, in WAL mode, used through aiosqlite so that no query blocks the
event loop. A database fault (locked, read-only, corrupt, disk full, ...) must never stop an
answer: every call catches it, logs it once per kind of fault, and returns a safe default.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import aiosqlite

from .schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger("bot.storage")

# How long a write waits for a lock held by another connection before giving up (seconds);
# short, so a vote is still acknowledged within Discord's 3 seconds.
BUSY_TIMEOUT_SECONDS = 1.0
_FAULTS = (OSError, sqlite3.Error, ValueError)
Statements = Sequence[tuple[str, Sequence[Any]]]


class Database:
    """One SQLite connection. ``await open()`` first; every call is safe after a fault."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db: aiosqlite.Connection | None = None
        self._logged: set[str] = set()
        # One connection: a write's statements and its COMMIT must not interleave with another's.
        self._write_lock = asyncio.Lock()

    @property
    def available(self) -> bool:
        return self._db is not None

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
        except _FAULTS as error:
            self._fault("open", error)
            return False
        try:
            await _run(db, "PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL stays consistent after a crash and skips an fsync per commit;
            # a power cut can lose the last few votes, which is an acceptable trade.
            await _run(db, "PRAGMA synchronous = NORMAL")
            before = await migrate(db)
        except _FAULTS as error:
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

    async def _write(self, operation: str, statements: Statements) -> bool:
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
            except _FAULTS as error:
                self._fault(operation, error)
                await _rollback(db)
                return False

    async def _read(self, operation: str, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        db = self._db
        if db is None:
            return []
        try:
            return list(await db.execute_fetchall(sql, parameters))
        except _FAULTS as error:
            self._fault(operation, error)
            return []

    async def _counts(self, operation: str, statements: Statements) -> list[int] | None:
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
            except _FAULTS as error:
                self._fault(operation, error)
                await _rollback(db)
                return None


_OPEN: weakref.WeakSet[Database] = weakref.WeakSet()


async def close_all() -> None:
    """Close every database still open in this process (each holds a worker thread)."""
    for database in list(_OPEN):
        await database.close()


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
    with contextlib.suppress(*_FAULTS):
        if db.in_transaction:
            await _run(db, "ROLLBACK")


async def _close_quietly(db: aiosqlite.Connection) -> None:
    try:
        await db.close()
    except _FAULTS as error:
        log.debug("closing the database: %s", error)
