"""The doctor's Discord checks, against simcord's offline Discord (the real bot, logged in),
and against a local stand-in that refuses the token or is down."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

import discord
import pytest
from discord.http import Route

from bot.cli.doctor_discord import check_intents, discord_checks
from bot.config import Settings
from tests.discord_layer.local_discord import api_base, free_port, refusing_discord
from tests.discord_layer.test_start_faults import TOKEN


def through(env: Any) -> Any:
    """Connect to simcord's Discord: the bot it already logged in and brought to READY."""

    @asynccontextmanager
    async def connect(settings: Settings) -> AsyncIterator[discord.Client]:
        yield env.bot

    return connect


async def doctor_lines(env: Any, **changes: Any) -> list[str]:
    settings = replace(env.bot.settings, **changes)
    checks = await discord_checks(settings, connect=through(env), local=env.bot)
    return [check.line() for check in checks]


async def test_a_good_setup_passes_every_discord_check(simcord_env: Any) -> None:
    channel = simcord_env.create_guild("Home").create_text_channel("help")
    lines = await doctor_lines(simcord_env, passive_channels=frozenset())
    assert (
        lines[0] == f"ok   Discord: reachable, token accepted (logged in as {simcord_env.bot.user})"
    )
    assert lines[1].startswith("ok   intents: Message Content intent off; only passive answers")
    assert lines[2].startswith("ok   commands: ") and lines[2].endswith("up to date")
    assert len(lines) == 3 and channel  # no passive channels: none checked


async def test_each_passive_channel_is_checked_for_what_answering_needs(simcord_env: Any) -> None:
    guild = simcord_env.create_guild("Home")
    fine = guild.create_text_channel("help")
    no_embeds = guild.create_text_channel(
        "quiet",
        overwrites={
            simcord_env.bot.user: discord.PermissionOverwrite(
                embed_links=False, send_messages=False
            )
        },
    )
    unknown = 123456789012345678
    lines = await doctor_lines(
        simcord_env, passive_channels=frozenset({fine.id, no_embeds.id, unknown})
    )
    channels = [line for line in lines if " channel " in line]
    assert channels == [
        f"FAIL channel {unknown}: not visible to the bot: check the id in PASSIVE_CHANNELS, that "
        "the bot is in its server, and that its role may View Channel there",
        "ok   channel #help (Home): the bot may read and answer there",
        "FAIL channel #quiet (Home): the bot lacks Send Messages, Embed Links: allow them for its "
        "role in the channel's permissions (Edit Channel > Permissions)",
    ]


async def test_passive_channels_without_the_message_content_intent_fail(simcord_env: Any) -> None:
    channel = simcord_env.create_guild("Home").create_text_channel("help")
    # simcord's application has no flags: the portal's Message Content switch is off.
    lines = await doctor_lines(simcord_env, passive_channels=frozenset({channel.id}))
    assert lines[1].startswith("FAIL intents: passive answers need the Message Content intent")
    assert "MESSAGE_CONTENT_INTENT=false" in lines[1]
    off = await doctor_lines(
        simcord_env, passive_channels=frozenset({channel.id}), message_content_intent="false"
    )
    assert off[1] == "ok   intents: Message Content not asked for (MESSAGE_CONTENT_INTENT=false)"


def test_the_intent_granted_on_the_portal_passes() -> None:
    settings = Settings(semantic_matching=False, passive_channels=frozenset({123456789012345678}))
    for flag in ("gateway_message_content", "gateway_message_content_limited"):
        check = check_intents(discord.ApplicationFlags(**{flag: True}), settings)
        assert check.ok and check.detail == "Message Content intent enabled"


async def test_commands_registered_on_discord_are_compared_with_this_version(
    simcord_env: Any,
) -> None:
    bot = simcord_env.bot
    bot.tree.remove_command("topics")  # this version dropped /topics; Discord still has it
    lines = await doctor_lines(simcord_env)
    assert lines[-1] == (
        "FAIL commands: Discord's global commands differ from this version's (missing: none; "
        "left over: topics): run `framework-bot sync`"
    )
    await bot.tree.sync()  # as `framework-bot sync` does, without recording it in DATA_DIR
    lines = await doctor_lines(simcord_env)
    assert lines[-1].startswith("ok   commands: ")
    assert lines[-1].endswith(
        "changed since the last sync recorded in DATA_DIR, so the next start syncs them"
    )
    guild_lines = await doctor_lines(simcord_env, dev_guild_id=223456789012345678)
    assert guild_lines[-1].startswith("FAIL commands: Discord's guild:223456789012345678 commands")


async def test_a_refused_token_is_one_failed_check(
    monkeypatch: pytest.MonkeyPatch, bot_settings: Settings
) -> None:
    with refusing_discord() as base:
        monkeypatch.setattr(Route, "BASE", base)
        checks = await discord_checks(replace(bot_settings, token=TOKEN))
    assert [c.line() for c in checks] == [
        "FAIL Discord: Discord refused DISCORD_TOKEN: copy a new one (Reset Token)"
    ]


async def test_no_network_is_one_failed_check(
    monkeypatch: pytest.MonkeyPatch, bot_settings: Settings
) -> None:
    monkeypatch.setattr(Route, "BASE", api_base(free_port()))
    (check,) = await discord_checks(replace(bot_settings, token=TOKEN))
    assert not check.ok
    assert check.line().startswith("FAIL Discord: cannot reach Discord (Cannot connect to host")
    assert "GhIjKl" not in check.line()


async def test_channels_answered_in_threads_need_create_public_threads(simcord_env: Any) -> None:
    guild = simcord_env.create_guild("Home")
    no_threads = discord.PermissionOverwrite(create_public_threads=False)
    help_ = guild.create_text_channel("help", overwrites={simcord_env.bot.user: no_threads})
    mods = guild.create_role("mods", permissions=discord.Permissions(manage_guild=True))
    mod = guild.add_member(simcord_env.create_user("mod"), roles=[mods])
    await mod.slash(help_, "settings passive", channel=help_, enabled=True, thread=True)
    lines = await doctor_lines(simcord_env, passive_channels=frozenset())
    assert [line for line in lines if " channel " in line] == [
        "FAIL channel #help (Home): the bot lacks Create Public Threads: allow them for its "
        "role in the channel's permissions (Edit Channel > Permissions)"
    ]
