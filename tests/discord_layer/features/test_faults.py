"""Discord refusing or failing: logged once, the member hears about it, the bot goes on."""

from __future__ import annotations

import logging
from typing import Any

import discord
import pytest
import simcord

from tests.discord_layer.helpers import bot_replies, server


@pytest.mark.parametrize(
    ("status", "code"),
    [(403, 50013), (404, 10003), (429, 0), (500, 0), (503, 0)],
)
async def test_failed_send_is_logged_and_the_next_answer_goes_out(
    simcord_env: Any, caplog: pytest.LogCaptureFixture, status: int, code: int
) -> None:
    channel, alice = server(simcord_env)
    other = simcord_env.guild.create_text_channel("other")
    simcord_env.inject_error(
        "POST", f"/channels/{channel.id}/messages", status=status, code=code, times=None
    )
    mention = simcord_env.bot.user.mention
    with caplog.at_level(logging.DEBUG, logger="bot"):
        await alice.send(channel, f"{mention} what is flask?")
        await alice.send(channel, f"{mention} what is django?")
    assert bot_replies(simcord_env, channel) == []
    warnings = [
        r
        for r in caplog.records
        if r.levelno == logging.WARNING and "could not answer" in r.message
    ]
    assert len(warnings) == 1  # once per channel and status, not once per message
    assert (
        f"channel {channel.id}" in warnings[0].message and f"HTTP {status}" in warnings[0].message
    )
    await alice.send(other, f"{mention} is django hard to learn?")
    assert bot_replies(simcord_env, other)[-1].embeds[0].title == "Learning curve"


async def test_failed_interaction_gets_an_apology_not_interaction_failed(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    simcord_env.inject_error("POST", "/interactions/*/*/callback", status=500, times=1)
    result = await alice.slash(channel, "topics")
    assert result.acknowledged
    assert "something went wrong" in result.response.content
    assert result.ephemeral
    simcord.assert_error(simcord_env, discord.HTTPException, contains="injected by test")


async def test_answers_discord_refused_do_not_count_against_the_member(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    other = simcord_env.guild.create_text_channel("other")
    simcord_env.inject_error(
        "POST", f"/channels/{channel.id}/messages", status=403, code=50013, times=None
    )
    mention = simcord_env.bot.user.mention
    for question in ("what is flask?", "what is django?", "is flask fast?", "is django slow?"):
        await alice.send(channel, f"{mention} {question}")
    assert bot_replies(simcord_env, channel) == []
    await alice.send(other, f"{mention} is django hard to learn?")
    assert bot_replies(simcord_env, other)[-1].embeds[0].title == "Learning curve"
