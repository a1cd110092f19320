"""The database: migrations, settings, votes, unanswered questions, retention and faults."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from bot.storage import (
    DAY_SECONDS,
    MIGRATIONS,
    SCHEMA_VERSION,
    GuildSettings,
    Storage,
)

NOW = 1_800_000_000.0


@pytest.fixture
async def storage(tmp_path: Path) -> Storage:
    store = Storage(tmp_path / "data" / "bot.sqlite3", retention_days=90)
    assert await store.open()
    yield store  # type: ignore[misc]
    await store.close()


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


async def test_a_new_database_is_created_at_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "bot.sqlite3"
    store = Storage(path)
    assert await store.open()
    await store.close()
    assert user_version(path) == SCHEMA_VERSION
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_migration_from_the_first_schema_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:  # a file written by the first release
        for statement in MIGRATIONS[0]:
            connection.execute(statement)
        connection.execute("PRAGMA user_version = 1")
        connection.execute(
            "INSERT INTO guild_settings (guild_id, answer_threshold, passive_channels, "
            "logging_enabled) VALUES (1, 60, '5,7', 0)"
        )
        connection.execute(
            "INSERT INTO answers VALUES (10, 1, 2, 3, 'is django hard', 'doc', 'sec', 80, ?)",
            (NOW,),
        )
    connection.close()
    store = Storage(path)
    assert await store.open()
    assert await store.guild_settings(1) == GuildSettings(
        answer_threshold=60, passive_channels=frozenset({5, 7}), logging_enabled=False
    )
    answer = await store.answer(10)
    assert answer is not None and answer.question == "is django hard"
    assert await store.record_unanswered(1, 3, "how do i deploy flask", now=NOW)
    assert [q.question for q in await store.questions_since(0)] == ["how do i deploy flask"]
    # what later versions added works on the upgraded file: the thread channels, the opt-out
    assert (await store.guild_settings(1)).thread_channels == frozenset()
    assert await store.set_unprompted(3, enabled=False, now=NOW)
    assert await store.unprompted_off() == {3}
    await store.close()
    assert user_version(path) == SCHEMA_VERSION
    again = Storage(path)  # opening an up-to-date file changes nothing
    assert await again.open()
    assert (await again.guild_settings(1)).answer_threshold == 60
    await again.close()


async def test_a_database_from_a_newer_bot_is_refused_but_does_not_raise(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    store = Storage(path)
    assert not await store.open()
    assert "newer than this bot" in caplog.text
    assert await store.guild_settings(1) == GuildSettings()
    assert not await store.record_unanswered(1, 2, "anything")


async def test_guild_settings_round_trip(storage: Storage) -> None:
    assert await storage.guild_settings(42) == GuildSettings()
    wanted = GuildSettings(
        answer_threshold=50,
        passive_threshold=80,
        cooldown_seconds=60,
        passive_channels=frozenset({1, 2}),
        logging_enabled=False,
    )
    assert await storage.set_guild_settings(42, wanted)
    assert await storage.guild_settings(42) == wanted
    assert await storage.set_guild_settings(42, wanted.changed(passive_channels=frozenset()))
    assert (await storage.guild_settings(42)).passive_channels == frozenset()
    assert await storage.all_guild_settings() == {42: wanted.changed(passive_channels=frozenset())}


async def test_one_vote_per_member_per_answer_changeable(storage: Storage) -> None:
    await storage.record_answer(100, 1, 2, 3, "is flask fast", "doc", "speed", 70.0, now=NOW)
    await storage.record_vote(100, 5, 1, "doc", "speed", -1, "is flask fast", now=NOW)
    downs = await storage.questions_since(0)
    assert [(q.question, q.kind, q.section) for q in downs] == [
        ("is flask fast", "downvoted", "speed")
    ]
    await storage.record_vote(100, 5, 1, "doc", "speed", 1, now=NOW + 1)  # changed their mind
    await storage.record_vote(100, 6, 1, "doc", "speed", 1, now=NOW + 1)
    assert await storage.previous_vote(100, 5) == 1
    assert await storage.questions_since(0) == []
    (votes,) = await storage.section_votes_since(0)
    assert (votes.document, votes.section, votes.up, votes.down) == ("doc", "speed", 2, 0)


async def test_retention_purges_old_rows_only(storage: Storage) -> None:
    old = NOW - 91 * DAY_SECONDS
    await storage.record_unanswered(1, 2, "an old question", now=old)
    await storage.record_answer(7, 1, 2, 2, "old", "doc", "sec", 60, now=old)
    await storage.record_vote(7, 3, 1, "doc", "sec", 1, now=old)
    await storage.record_unanswered(1, 2, "a recent question", now=NOW - DAY_SECONDS)
    assert await storage.purge(now=NOW) == 3
    assert [q.question for q in await storage.questions_since(0)] == ["a recent question"]
    assert await storage.answer(7) is None


async def test_recording_purges_at_most_once_a_day(storage: Storage) -> None:
    await storage.record_unanswered(1, 2, "very old", now=NOW - 200 * DAY_SECONDS)
    await storage.record_unanswered(1, 2, "new", now=NOW)  # first record of the day purges
    assert [q.question for q in await storage.questions_since(0)] == ["new"]


async def test_forget_member_deletes_everything_from_that_member_only(storage: Storage) -> None:
    await storage.record_answer(1, 9, 8, 100, "alice asks", "doc", "sec", 60, now=NOW)
    await storage.record_answer(2, 9, 8, 200, "bob asks", "doc", "sec", 60, now=NOW)
    await storage.record_vote(2, 100, 9, "doc", "sec", -1, "bob asks", now=NOW)
    await storage.record_unanswered(9, 100, "alice again", now=NOW)
    await storage.record_unanswered(9, 200, "bob again", now=NOW)
    forgotten = await storage.forget_member(100)
    assert forgotten is not None
    assert (forgotten.answers, forgotten.votes, forgotten.questions) == (1, 1, 2)
    assert await storage.answer(1) is None and await storage.answer(2) is not None
    assert [q.question for q in await storage.questions_since(0)] == ["bob again"]
    assert await storage.forget_member(100) == type(forgotten)()


async def read_only(store: Storage) -> None:
    """Make the open database refuse writes, as a read-only file does (SQLITE_READONLY).

    ``chmod`` would do, but not for root, who writes to read-only files anyway.
    """
    assert store._db is not None
    await store._db.execute("PRAGMA query_only = ON")


async def test_a_read_only_database_logs_once_and_returns_defaults(
    storage: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    await storage.set_guild_settings(1, GuildSettings(answer_threshold=40))
    await read_only(storage)
    with caplog.at_level(logging.DEBUG, logger="bot.storage"):
        assert not await storage.record_unanswered(1, 2, "one", now=NOW)
        assert not await storage.record_unanswered(1, 2, "two", now=NOW)
        assert not await storage.record_vote(5, 2, 1, "doc", "sec", 1, now=NOW)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1  # once per kind of fault, then quietly
    assert "readonly" in warnings[0].message
    assert await storage.forget_member(2) is None
    assert (await storage.guild_settings(1)).answer_threshold == 40  # reads still work


async def test_a_corrupt_file_is_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = Storage(path)
    assert not await store.open()
    assert "answers go on without it" in caplog.text
    assert await store.all_guild_settings() == {}
    assert await store.answer(1) is None


async def test_a_locked_database_gives_up_after_the_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.storage.database.BUSY_TIMEOUT_SECONDS", 0.05)
    path = tmp_path / "locked.sqlite3"
    store = Storage(path)
    assert await store.open()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert not await store.record_unanswered(1, 2, "while locked", now=NOW)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert await store.record_unanswered(1, 2, "after the lock", now=NOW)
    await store.close()


def test_database_settings_default_under_data_dir_and_can_be_moved(tmp_path: Path) -> None:
    from bot.config import SettingsError, load_settings

    default = load_settings({"DATA_DIR": str(tmp_path)})
    assert default.database == tmp_path / "framework-bot.sqlite3"
    assert default.unanswered_retention_days == 90
    moved = load_settings(
        {"DATABASE_PATH": str(tmp_path / "x.db"), "UNANSWERED_RETENTION_DAYS": "30"}
    )
    assert moved.database == tmp_path / "x.db"
    assert moved.unanswered_retention_days == 30
    refused = "UNANSWERED_RETENTION_DAYS='0' must be a number from 1 to 3650"
    with pytest.raises(SettingsError, match=refused):
        load_settings({"UNANSWERED_RETENTION_DAYS": "0"})
