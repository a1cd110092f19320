"""The bot as shipped (SEMANTIC_MATCHING on): a member's question is decided by the learned
decider over both sources, and the answer looks the same as ever."""

from __future__ import annotations

from typing import Any

import pytest

from tests.discord_layer.helpers import bot_replies, server


@pytest.mark.settings(semantic_matching=True)
async def test_the_semantic_bot_answers_a_mention_and_stays_quiet_on_pizza(
    simcord_env: Any,
) -> None:
    assert type(simcord_env.bot.matcher).__name__ == "SemanticMatcher"
    channel, alice = server(simcord_env)
    await alice.send(channel, f"{simcord_env.bot.user.mention} is django hard to learn?")
    (embed,) = channel.last_message.embeds
    assert embed.title == "Learning curve"
    assert embed.footer.text.startswith("Flask vs Django · ")
    await alice.send(channel, f"{simcord_env.bot.user.mention} what's the best pizza topping?")
    reply = bot_replies(simcord_env, channel)[-1]
    assert not reply.embeds and "/topics" in reply.content
