"""Discord formatting around a question changes nothing about the answer."""

from __future__ import annotations

from typing import Any

import pytest

from tests.discord_layer.helpers import passive_server, server

QUESTIONS = [
    "is django hard to learn?",
    "y is django so opinionated",
    "tl;dr flask vs django?",
    "y does flask make u choose everything urself",
]
WRAPPERS = ["||{}||", "**{}**", "__{}__", "*{}*", "`{}`", "~~{}~~", "> {}", "-# {}"]


async def answer_title(env: Any, channel: Any, member: Any, text: str) -> str | None:
    await member.send(channel, f"{env.bot.user.mention} {text}")
    reply = channel.last_message
    return reply.embeds[0].title if reply.embeds else None


@pytest.mark.settings(member_answers_per_minute=1000)
@pytest.mark.parametrize("question", QUESTIONS)
async def test_marked_up_questions_get_the_plain_questions_answer(
    simcord_env: Any, question: str
) -> None:
    channel, alice = server(simcord_env)
    plain = await answer_title(simcord_env, channel, alice, question)
    assert plain is not None
    for wrapper in WRAPPERS:
        marked = wrapper.format(question)
        assert await answer_title(simcord_env, channel, alice, marked) == plain, marked


async def test_a_spoilered_question_is_answered_passively_too(simcord_env: Any) -> None:
    passive, _, alice = passive_server(simcord_env)
    await alice.send(passive, "||is django hard to learn for a beginner?||")
    assert passive.last_message.embeds[0].title == "Learning curve"
