"""The bot as shipped (SEMANTIC_MATCHING on): a member's question is decided by the learned
decider over both sources, and the answer looks the same as ever."""

from __future__ import annotations

from typing import Any

import pytest

from tests.discord_layer.helpers import bot_replies, passive_server, server


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


@pytest.mark.settings(semantic_matching=True)
async def test_passive_answers_go_to_questions_not_to_chatter(simcord_env: Any) -> None:
    """The issue's own examples: social questions and opinions that name a framework, which
    the old question-shape filter let through to be answered (this test fails with it: two
    of them get answers); the learned detector stays quiet and still answers a question."""
    assert simcord_env.bot.detector.embedder is not None  # the learned detector, not the filter
    passive, _, alice = passive_server(simcord_env)
    chatter = [
        "is anybody around who knows flask well?",
        "does anyone here teach django to beginners?",
        "what's everyone hacking on with flask this weekend?",
        "i really like how simple flask is",
    ]
    for text in chatter:
        await alice.send(passive, text)
    assert bot_replies(simcord_env, passive) == []
    await alice.send(passive, "is django hard to learn for someone who only knows basic python?")
    (answer,) = bot_replies(simcord_env, passive)
    assert answer.embeds[0].title == "Learning curve"
