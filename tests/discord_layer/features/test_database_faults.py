"""A database that is locked, read-only or corrupt never stops an answer."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from bot.config import Settings
from tests.discord_layer.helpers import bot_replies, server, vote_button


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait 50 ms for a lock instead of 1 s (requested before simcord_env builds the bot)."""
    monkeypatch.setattr("bot.storage.database.BUSY_TIMEOUT_SECONDS", 0.05)


@pytest.fixture
def corrupt_database(bot_settings: Settings) -> None:
    bot_settings.database.parent.mkdir(parents=True, exist_ok=True)
    bot_settings.database.write_bytes(b"not a database at all " * 200)


@pytest.fixture
def lock(simcord_env: Any) -> Iterator[sqlite3.Connection]:
    """A second connection holding the write lock, as another process might."""
    holder = sqlite3.connect(simcord_env.bot.settings.database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


async def test_a_locked_database_does_not_stop_answers_or_votes(
    short_busy_timeout: None,
    simcord_env: Any,
    lock: sqlite3.Connection,
    caplog: pytest.LogCaptureFixture,
) -> None:
    channel, alice = server(simcord_env)
    mention = simcord_env.bot.user.mention
    with caplog.at_level(logging.DEBUG, logger="bot.storage"):
        await alice.send(channel, f"{mention} is django hard to learn?")
        await alice.send(channel, f"{mention} what's the best pizza topping?")
        await alice.send(channel, f"{mention} what is flask?")
    replies = bot_replies(simcord_env, channel)
    assert [r.embeds[0].title if r.embeds else "none" for r in replies] == [
        "Learning curve",
        "none",
        "What Flask is",
    ]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "SQLITE_BUSY" in warnings[0].message  # logged once
    vote = await alice.click(replies[0], custom_id=vote_button(replies[0], "👍"))
    assert "couldn't save your vote" in vote.response.content
    forget = await alice.slash(channel, "privacy forget")
    assert "nothing was deleted" in forget.response.content


async def test_settings_that_cannot_be_saved_still_apply_until_restart(
    short_busy_timeout: None, simcord_env: Any, lock: sqlite3.Connection
) -> None:
    import discord

    channel, alice = server(simcord_env)
    mods = simcord_env.guild.create_role("mods", permissions=discord.Permissions(manage_guild=True))
    mod = simcord_env.guild.add_member(simcord_env.create_user("mod"), roles=[mods])
    done = await mod.slash(channel, "settings passive", channel=channel, enabled=True)
    assert "could not save it" in done.response.content
    await alice.send(channel, "is django hard to learn for a beginner?")
    assert bot_replies(simcord_env, channel)[-1].embeds[0].title == "Learning curve"


async def test_a_corrupt_database_file_is_logged_and_the_bot_answers(
    corrupt_database: None, simcord_env: Any
) -> None:
    assert not simcord_env.bot.storage.available
    channel, alice = server(simcord_env)
    await alice.send(channel, f"{simcord_env.bot.user.mention} what is flask?")
    answer = channel.last_message
    assert answer.embeds[0].title == "What Flask is"
    vote = await alice.click(answer, custom_id=vote_button(answer, "👍"))
    assert "couldn't save your vote" in vote.response.content
    result = await alice.slash(channel, "ask", question="what is django")
    assert result.response.embeds[0].title == "What Django is"


async def test_a_read_only_database_does_not_stop_answers(
    simcord_env: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # SQLITE_READONLY, as from a read-only file (chmod alone would not stop root, who runs CI).
    storage = simcord_env.bot.storage
    assert storage._db is not None
    await storage._db.execute("PRAGMA query_only = ON")
    channel, alice = server(simcord_env)
    mention = simcord_env.bot.user.mention
    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        await alice.send(channel, f"{mention} what is flask?")
        await alice.send(channel, f"{mention} what's the best pizza topping?")
        result = await alice.slash(channel, "ask", question="what is django")
    assert bot_replies(simcord_env, channel)[0].embeds[0].title == "What Flask is"
    assert "/topics" in bot_replies(simcord_env, channel)[1].content
    assert result.response.embeds[0].title == "What Django is"
    assert len([r for r in caplog.records if "SQLITE_READONLY" in r.message]) == 1
