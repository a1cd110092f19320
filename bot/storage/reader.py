"""The report's reads, with the standard library's sqlite3: read-only, so ``framework-bot
report`` can run beside the bot, and without aiosqlite, so it starts quickly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import queries
from .rows import QuestionRow, SectionVotes


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
