"""The report's reads, with the standard library's sqlite3: read-only, so ``framework-bot
report`` can run beside the bot, and without aiosqlite, so it starts quickly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import queries
from .rows import QuestionRow, SectionVotes, guild_settings_of


def read_report_rows(database: Path, since: float) -> tuple[list[QuestionRow], list[SectionVotes]]:
    """The questions kept and the votes per section since ``since``; sqlite3.Error if the
    file cannot be read."""
    uri = f"{database.resolve().as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True)
    try:
        questions = connection.execute(queries.QUESTIONS_SINCE, (since,)).fetchall()
        votes = connection.execute(queries.SECTION_VOTES_SINCE, (since,)).fetchall()
    finally:
        connection.close()
    return (
        [QuestionRow(*row) for row in questions],
        [SectionVotes(row[0], row[1], int(row[2]), int(row[3])) for row in votes],
    )


def read_thread_channels(database: Path) -> frozenset[int]:
    """The passive channels servers chose to answer in threads (``framework-bot doctor``);
    none when there is no database yet, or it cannot be read."""
    if not database.is_file():
        return frozenset()
    uri = f"{database.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            rows = connection.execute(queries.ALL_GUILD_SETTINGS).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:  # an older schema, or not a database: the other checks say so
        return frozenset()
    return frozenset(c for row in rows for c in guild_settings_of(row[1:]).thread_channels)
