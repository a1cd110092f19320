"""The database schema, as the list of migrations that builds it.

``MIGRATIONS[i]`` upgrades a database at ``PRAGMA user_version`` i to i + 1. Plain data: the
code that applies it is in ``database``.
"""

from __future__ import annotations

# Append only: a released migration never changes, so every older file can be brought up to
# date.
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
    # 3: passive channels whose answers go in a thread, and members who turned unprompted
    # answers to their own messages off.
    (
        "ALTER TABLE guild_settings ADD COLUMN passive_thread_channels TEXT",
        """CREATE TABLE unprompted_off (
            member_id INTEGER PRIMARY KEY,
            since REAL NOT NULL
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
