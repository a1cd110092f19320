"""/settings: a moderator configures the bot per server; members cannot; restarts keep it."""

from __future__ import annotations

from typing import Any

import discord
import pytest

from bot.discord_layer.client import create_bot
from tests.discord_layer.helpers import bot_replies


def moderated_server(env: Any) -> tuple[Any, Any, Any, Any]:
    """A guild with #general and #help, a moderator (Manage Server) and a plain member."""
    guild = env.create_guild()
    general = guild.create_text_channel("general")
    help_ = guild.create_text_channel("help")
    mods = guild.create_role("mods", permissions=discord.Permissions(manage_guild=True))
    mod = guild.add_member(env.create_user("mod"), roles=[mods])
    alice = guild.add_member(env.create_user("alice"))
    return general, help_, mod, alice


async def test_settings_are_hidden_from_and_refused_to_members(simcord_env: Any) -> None:
    general, _, mod, alice = moderated_server(simcord_env)
    assert "settings show" in mod.available_commands(general)
    assert not any(c.startswith("settings") for c in alice.available_commands(general))
    assert "privacy forget" in alice.available_commands(general)
    with pytest.raises(Exception, match=r"(?i)permission"):
        await alice.slash(general, "settings show")


async def test_a_member_let_in_by_a_command_override_is_still_refused(simcord_env: Any) -> None:
    general, _, _, alice = moderated_server(simcord_env)
    (settings,) = [c for c in await simcord_env.bot.tree.fetch_commands() if c.name == "settings"]
    simcord_env.guild.set_command_permissions(settings, {alice: True})
    result = await alice.slash(general, "settings logging", enabled=False)
    assert result.ephemeral
    assert "Manage Server" in result.response.content
    assert simcord_env.bot.guild_settings == {}


async def test_show_lists_the_defaults_then_the_servers_choices(simcord_env: Any) -> None:
    general, help_, mod, _ = moderated_server(simcord_env)
    shown = await mod.slash(general, "settings show")
    assert shown.ephemeral
    text = shown.response.embeds[0].description
    assert "**Answer threshold**: 55/100 *(default)*" in text
    assert "**Passive channels**: none *(default)*" in text
    assert "on, for 90 days *(default)*" in text

    await mod.slash(general, "settings answer-threshold", value=60)
    await mod.slash(general, "settings passive", channel=help_, enabled=True)
    await mod.slash(general, "settings logging", enabled=False)
    text = (await mod.slash(general, "settings show")).response.embeds[0].description
    assert "**Answer threshold**: 60/100\n" in text
    assert f"**Passive channels**: <#{help_.id}>\n" in text
    assert "**Unanswered questions kept for the report**: off" in text


@pytest.mark.parametrize(
    ("command", "option", "value", "message"),
    [
        ("settings answer-threshold", "value", 101, "between 0 and 100; 101 is out of range"),
        ("settings passive-threshold", "value", -5, "between 0 and 100; -5 is out of range"),
        ("settings cooldown", "seconds", 90000, "between 0 and 86400; 90000 is out of range"),
    ],
)
async def test_out_of_range_values_are_refused_clearly(
    simcord_env: Any, command: str, option: str, value: float, message: str
) -> None:
    general, _, mod, _ = moderated_server(simcord_env)
    result = await mod.slash(general, command, **{option: value})
    assert result.ephemeral
    assert message in result.response.content
    assert simcord_env.bot.guild_settings == {}


async def test_enabling_a_passive_channel_makes_the_bot_answer_there(simcord_env: Any) -> None:
    general, help_, mod, alice = moderated_server(simcord_env)
    await alice.send(help_, "is django hard to learn for a beginner?")
    assert bot_replies(simcord_env, help_) == []
    done = await mod.slash(general, "settings passive", channel=help_, enabled=True)
    assert "now **on**" in done.response.content
    await alice.send(help_, "is django hard to learn for a beginner?")
    assert bot_replies(simcord_env, help_)[-1].embeds[0].title == "Learning curve"
    await mod.slash(general, "settings passive", channel=help_, enabled=False)
    await alice.send(help_, "what is flask?")
    assert len(bot_replies(simcord_env, help_)) == 1


async def test_a_servers_list_replaces_the_environment_list_for_that_server_only(
    simcord_env: Any,
) -> None:
    from dataclasses import replace

    general, help_, mod, alice = moderated_server(simcord_env)
    other_guild = simcord_env.create_guild()
    elsewhere = other_guild.create_text_channel("questions")
    bob = other_guild.add_member(simcord_env.create_user("bob"))
    bot = simcord_env.bot
    bot.settings = replace(bot.settings, passive_channels=frozenset({general.id, elsewhere.id}))
    await mod.slash(general, "settings passive", channel=help_, enabled=True)
    assert bot.effective(simcord_env.guild.id).passive_channels == {general.id, help_.id}
    await mod.slash(general, "settings passive", channel=general, enabled=False)
    await alice.send(general, "is django hard to learn for a beginner?")
    await alice.send(help_, "what is flask's philosophy?")
    await bob.send(elsewhere, "is django hard to learn for a beginner?")
    assert bot_replies(simcord_env, general) == []
    assert len(bot_replies(simcord_env, help_)) == 1
    assert len(bot_replies(simcord_env, elsewhere)) == 1  # the other server keeps the default


async def test_cooldown_and_passive_threshold_apply_to_the_server(simcord_env: Any) -> None:
    general, help_, mod, alice = moderated_server(simcord_env)
    await mod.slash(general, "settings passive", channel=help_, enabled=True)
    await mod.slash(general, "settings cooldown", seconds=10)
    await alice.send(help_, "is django hard to learn for a beginner?")
    await simcord_env.advance_time(11)
    await alice.send(help_, "is django hard to learn for a beginner?")
    assert len(bot_replies(simcord_env, help_)) == 2  # 10 s, not the default 300 s
    await mod.slash(general, "settings passive-threshold", value=99.9)
    await simcord_env.advance_time(61)
    await alice.send(help_, "is django hard to learn for a beginner?")
    assert len(bot_replies(simcord_env, help_)) == 2  # it scores 96: not sure enough now


async def test_answer_threshold_applies_to_questions_put_to_the_bot(simcord_env: Any) -> None:
    general, _, mod, alice = moderated_server(simcord_env)
    await mod.slash(general, "settings answer-threshold", value=95)
    await alice.send(general, f"{simcord_env.bot.user.mention} is django overkill")  # scores 89
    reply = general.last_message
    assert not reply.embeds  # not sure enough for this server: suggestions instead
    await mod.slash(general, "settings reset")
    await alice.send(general, f"{simcord_env.bot.user.mention} is django overkill")
    assert general.last_message.embeds[0].title == "Flexibility vs built-in features"


async def test_settings_survive_a_restart(simcord_env: Any) -> None:
    general, help_, mod, alice = moderated_server(simcord_env)
    await mod.slash(general, "settings passive", channel=help_, enabled=True)
    await mod.slash(general, "settings answer-threshold", value=70)
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))
    text = (await mod.slash(general, "settings show")).response.embeds[0].description
    assert "**Answer threshold**: 70/100\n" in text
    await alice.send(help_, "is django hard to learn for a beginner?")
    assert bot_replies(simcord_env, help_)[-1].embeds[0].title == "Learning curve"


@pytest.mark.settings(message_content_intent="false")
@pytest.mark.simcord(approved_intents=discord.Intents.default())
async def test_enabling_passive_without_the_intent_says_it_cannot_work(simcord_env: Any) -> None:
    general, help_, mod, _ = moderated_server(simcord_env)
    done = await mod.slash(general, "settings passive", channel=help_, enabled=True)
    assert "Message Content intent" in done.response.content
