"""/reload and SIGHUP: new knowledge goes into service only when it loads cleanly."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.config import Settings
from bot.engine.knowledge import default_knowledge_dir
from tests.paths import DATA

EXTRA = DATA / "knowledge-extra" / "react-vs-vue.toml"


@pytest.fixture
def bot_settings(bot_settings: Settings, tmp_path: Path) -> Settings:
    """The shipped knowledge, copied where a test can change it."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), knowledge)
    return replace(bot_settings, knowledge_paths=(knowledge,))


def owner_in_server(env: Any) -> tuple[Any, Any, Any]:
    """A guild where the bot's owner is an administrator, and a second administrator."""
    guild = env.create_guild()
    channel = guild.create_text_channel("general")
    admins = guild.create_role("admins", permissions=discord.Permissions(administrator=True))
    owner = guild.add_member(env.create_user("owner"), roles=[admins])
    other = guild.add_member(env.create_user("admin"), roles=[admins])
    env.bot.owner_id = owner.id  # discord.py's own setting for who owns the bot
    return channel, owner, other


async def test_owner_reloads_new_knowledge(simcord_env: Any) -> None:
    channel, owner, _ = owner_in_server(simcord_env)
    knowledge = simcord_env.bot.settings.knowledge_paths[0]
    shutil.copy(EXTRA, knowledge)
    before = await owner.slash(channel, "ask", question="is vue easier to learn than react?")
    assert not before.response.embeds or "Vue" not in before.response.embeds[0].footer.text
    result = await owner.slash(channel, "reload")
    assert result.ephemeral
    assert result.response.content.startswith("Reloaded: 2 documents")
    after = await owner.slash(channel, "ask", question="is vue easier to learn than react?")
    assert "React vs Vue" in after.response.embeds[0].footer.text


async def test_a_broken_file_keeps_the_old_knowledge_and_shows_the_error(
    simcord_env: Any,
) -> None:
    channel, owner, _ = owner_in_server(simcord_env)
    knowledge = simcord_env.bot.settings.knowledge_paths[0]
    (knowledge / "broken.toml").write_text('id = "broken"\ntitle = "Broken"\nquesitons = 1\n')
    result = await owner.slash(channel, "reload")
    error = result.response.content
    assert error.startswith("The new knowledge has an error, so I kept the old one in service")
    assert "broken.toml" in error
    answer = await owner.slash(channel, "ask", question="is django hard to learn?")
    assert answer.response.embeds[0].title == "Learning curve"


async def test_a_title_discord_would_refuse_keeps_the_old_knowledge(simcord_env: Any) -> None:
    channel, owner, _ = owner_in_server(simcord_env)
    knowledge = simcord_env.bot.settings.knowledge_paths[0]
    shipped = knowledge / "flask-vs-django.toml"
    long_title = "Learning curve " + "and more " * 40
    shipped.write_text(shipped.read_text().replace('"Learning curve"', f'"{long_title}"'))
    result = await owner.slash(channel, "reload")
    error = result.response.content
    assert error.startswith("The new knowledge has an error, so I kept the old one in service")
    assert "flask-vs-django.toml: sections[" in error
    assert f"].title: is {len(long_title.strip())} characters; at most 256" in error
    answer = await owner.slash(channel, "ask", question="is django hard to learn?")
    assert answer.response.embeds[0].title == "Learning curve"


async def test_only_the_owner_may_reload(simcord_env: Any) -> None:
    channel, _, admin = owner_in_server(simcord_env)
    member = simcord_env.guild.add_member(simcord_env.create_user("member"))
    assert "reload" not in member.available_commands(channel)  # hidden from non-admins
    result = await admin.slash(channel, "reload")
    assert result.response.content == "Only the bot's owner can reload its knowledge."


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this platform")
async def test_sighup_reloads_the_knowledge(simcord_env: Any) -> None:
    bot = simcord_env.bot
    knowledge = bot.settings.knowledge_paths[0]
    shutil.copy(EXTRA, knowledge)
    assert bot.install_sighup()
    try:
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(100):
            await asyncio.sleep(0)
            if bot._sighup_task is not None:
                break
        assert bot._sighup_task is not None
        assert await bot._sighup_task is None
    finally:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
    assert len(bot.matcher.knowledge.documents) == 2
