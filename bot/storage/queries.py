"""Every SQL statement the bot runs, by what it does; the report's reads among them.

Plain strings, so that the report (which reads with the standard library's sqlite3) uses the
same queries as the bot without importing aiosqlite.
"""

from __future__ import annotations

# -- server settings ---------------------------------------------------------------------------
ALL_GUILD_SETTINGS = (
    "SELECT guild_id, answer_threshold, passive_threshold, cooldown_seconds, "
    "passive_channels, logging_enabled, passive_thread_channels FROM guild_settings"
)
GUILD_SETTINGS = (
    "SELECT answer_threshold, passive_threshold, cooldown_seconds, passive_channels, "
    "logging_enabled, passive_thread_channels FROM guild_settings WHERE guild_id = ?"
)
SAVE_GUILD_SETTINGS = (
    "INSERT INTO guild_settings (guild_id, answer_threshold, passive_threshold, "
    "cooldown_seconds, passive_channels, logging_enabled, passive_thread_channels) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET "
    "answer_threshold = excluded.answer_threshold, "
    "passive_threshold = excluded.passive_threshold, "
    "cooldown_seconds = excluded.cooldown_seconds, "
    "passive_channels = excluded.passive_channels, "
    "logging_enabled = excluded.logging_enabled, "
    "passive_thread_channels = excluded.passive_thread_channels"
)

# -- members' own choices ----------------------------------------------------------------------
UNPROMPTED_OFF = "SELECT member_id FROM unprompted_off"
SET_UNPROMPTED_OFF = "INSERT OR REPLACE INTO unprompted_off (member_id, since) VALUES (?, ?)"
SET_UNPROMPTED_ON = "DELETE FROM unprompted_off WHERE member_id = ?"

# -- answers and votes -------------------------------------------------------------------------
RECORD_ANSWER = (
    "INSERT OR REPLACE INTO answers (message_id, guild_id, channel_id, asker_id, "
    "question, document, section, score, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
ANSWER = (
    "SELECT message_id, guild_id, question, document, section, score FROM answers "
    "WHERE message_id = ?"
)
RECORD_VOTE = (
    "INSERT INTO votes (message_id, member_id, guild_id, document, section, value, "
    "voted_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (message_id, member_id) DO UPDATE SET value = excluded.value, "
    "voted_at = excluded.voted_at"
)
PREVIOUS_VOTE = "SELECT value FROM votes WHERE message_id = ? AND member_id = ?"

# -- questions kept for the report -------------------------------------------------------------
RECORD_QUESTION = (
    "INSERT INTO unanswered (guild_id, member_id, message_id, asked_at, question, "
    "kind, document, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
TAKE_BACK_DOWNVOTE = "DELETE FROM unanswered WHERE message_id = ? AND member_id = ? AND kind = ?"

# -- retention and forgetting ------------------------------------------------------------------
PURGE = (
    "DELETE FROM unanswered WHERE asked_at < ?",
    "DELETE FROM votes WHERE voted_at < ?",
    "DELETE FROM answers WHERE created_at < ?",
)
FORGET_MEMBER = (
    "DELETE FROM answers WHERE asker_id = ?",
    "DELETE FROM votes WHERE member_id = ?",
    "DELETE FROM unanswered WHERE member_id = ?",
    SET_UNPROMPTED_ON,
)

# -- the report --------------------------------------------------------------------------------
QUESTIONS_SINCE = (
    "SELECT question, kind, guild_id, asked_at, document, section FROM unanswered "
    "WHERE asked_at >= ? ORDER BY asked_at"
)
SECTION_VOTES_SINCE = (
    "SELECT document, section, SUM(value > 0), SUM(value < 0) FROM votes "
    "WHERE voted_at >= ? GROUP BY document, section ORDER BY document, section"
)
