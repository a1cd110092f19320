"""Passive answers in opted-in channels, cooldowns, and life without the content intent."""

from __future__ import annotations

from typing import Any

import discord
import pytest
import simcord

from bot.config import Settings
from bot.discord_layer.client import create_bot
from tests.discord_layer.helpers import bot_replies, passive_server

NO_CONTENT = discord.Intents.default()


async def test_passive_channel_answers_confident_questions_only(simcord_env: Any) -> None:
    passive, plain, alice = passive_server(simcord_env)
    # Naming no framework, these continue a conversation the bot cannot see.
    await alice.send(passive, "ok but which one has the admin panel?")
    await alice.send(passive, "does it have an orm?")
    await alice.send(passive, "is django hard to learn for a beginner?")
    await alice.send(plain, "is django hard to learn for a beginner?")
    await alice.send(passive, "how do I serve static files with flask?")
    await alice.send(passive, "django is hard to learn")  # a statement, not a question
    (answer,) = bot_replies(simcord_env, passive)
    assert answer.embeds[0].title == "Learning curve"
    assert bot_replies(simcord_env, plain) == []


async def test_same_section_waits_for_the_channel_cooldown(simcord_env: Any) -> None:
    passive, _, alice = passive_server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    await alice.send(passive, "is django hard to learn for a beginner?")
    await bob.send(passive, "which is easier for a beginner to learn, flask or django?")
    assert len(bot_replies(simcord_env, passive)) == 1
    await simcord_env.advance_time(301)
    await bob.send(passive, "which is easier for a beginner to learn, flask or django?")
    assert len(bot_replies(simcord_env, passive)) == 2


async def test_one_member_cannot_make_it_answer_too_often(simcord_env: Any) -> None:
    channel = simcord_env.create_guild().create_text_channel("general")
    alice = simcord_env.guild.add_member(simcord_env.create_user("alice"))
    mention = simcord_env.bot.user.mention
    for _ in range(6):
        await alice.send(channel, f"{mention} what is flask?")
    replies = bot_replies(simcord_env, channel)
    assert [bool(r.embeds) for r in replies] == [True, True, True, True, False]
    assert "give it a minute" in replies[-1].content
    await simcord_env.advance_time(61)
    await alice.send(channel, f"{mention} what is flask?")
    assert bot_replies(simcord_env, channel)[-1].embeds[0].title == "What Flask is"


@pytest.mark.settings(message_content_intent="false")
@pytest.mark.simcord(approved_intents=NO_CONTENT)
async def test_without_the_intent_mentions_dms_and_slash_still_work(simcord_env: Any) -> None:
    passive, _, alice = passive_server(simcord_env)
    assert not simcord_env.bot.intents.message_content
    await alice.send(passive, "is django hard to learn for a beginner?")
    assert bot_replies(simcord_env, passive) == []  # passive needs the content it cannot see
    await alice.send(passive, f"{simcord_env.bot.user.mention} is django hard to learn?")
    assert bot_replies(simcord_env, passive)[-1].embeds[0].title == "Learning curve"
    dm_user = simcord_env.create_user("dan")
    await dm_user.send_dm("what is flask?")
    assert bot_replies(simcord_env, dm_user.dm_channel)[-1].embeds[0].title == "What Flask is"
    result = await alice.slash(passive, "ask", question="what is django")
    assert result.response.embeds[0].title == "What Django is"


async def test_auto_asks_for_the_intent_and_discord_can_refuse_it(bot_settings: Settings) -> None:
    # What `framework-bot run` catches under MESSAGE_CONTENT_INTENT=auto before starting again
    # without the intent (bot.discord_layer.launcher.run).
    with pytest.raises(discord.PrivilegedIntentsRequired):
        async with simcord.run(create_bot(bot_settings), approved_intents=NO_CONTENT):
            pass
