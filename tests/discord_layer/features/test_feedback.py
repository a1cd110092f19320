"""👍 / 👎 under answers, what is stored about questions, and /privacy forget."""

from __future__ import annotations

import json
from typing import Any

import discord
import pytest

from bot.cli import main
from bot.discord_layer.client import create_bot
from tests.discord_layer.helpers import server, vote_button


async def ask(env: Any, member: Any, channel: Any, question: str) -> Any:
    await member.send(channel, f"{env.bot.user.mention} {question}")
    return channel.last_message


async def section_votes(env: Any) -> list[tuple[str, int, int]]:
    return [(v.section, v.up, v.down) for v in await env.bot.storage.section_votes_since(0)]


async def stored_questions(env: Any) -> list[tuple[str, str]]:
    return [(q.question, q.kind) for q in await env.bot.storage.questions_since(0)]


async def test_one_vote_per_member_per_answer_and_it_can_change(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    answer = await ask(simcord_env, alice, channel, "is django hard to learn for a beginner?")

    up = await bob.click(answer, custom_id=vote_button(answer, "👍"))
    assert up.ephemeral and up.response.content == "Thanks for the 👍!"
    again = await bob.click(answer, custom_id=vote_button(answer, "👍"))
    assert again.response.content == "You already gave this answer a 👍."
    await alice.click(answer, custom_id=vote_button(answer, "👍"))
    assert await section_votes(simcord_env) == [("learning-curve", 2, 0)]

    down = await bob.click(answer, custom_id=vote_button(answer, "👎"))
    assert down.ephemeral
    assert down.response.content.startswith("Changed your vote to 👎")
    assert await section_votes(simcord_env) == [("learning-curve", 1, 1)]
    assert await stored_questions(simcord_env) == [
        ("is django hard to learn for a beginner", "downvoted")
    ]


async def test_a_down_vote_offers_the_not_what_i_asked_choices(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    answer = await ask(simcord_env, alice, channel, "is django hard to learn for a beginner?")
    down = await alice.click(answer, custom_id=vote_button(answer, "👎"))
    assert "Not what you asked?" in down.response.content
    offered = down.response.message
    menu = next(
        c for row in offered.components for c in row.children if isinstance(c, discord.SelectMenu)
    )
    assert menu.placeholder == "Not what I asked?"
    assert "flask-vs-django/learning-curve" not in [o.value for o in menu.options]
    chosen = await alice.select(offered, [menu.options[0].value])
    assert chosen.ephemeral
    assert chosen.response.embeds[0].title == menu.options[0].label


async def test_vote_buttons_work_after_a_restart(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    answer = await ask(simcord_env, alice, channel, "what is flask?")
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))
    result = await alice.click(answer, custom_id=vote_button(answer, "👍"))
    assert result.response.content == "Thanks for the 👍!"
    assert await section_votes(simcord_env) == [("flask-overview", 1, 0)]
    result = await alice.click(answer, custom_id=vote_button(answer, "👎"))
    assert await stored_questions(simcord_env) == [("what is flask", "downvoted")]


async def test_slash_and_private_answers_carry_votes_too(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    result = await alice.slash(channel, "ask", question="what is django", private=True)
    message = result.response.message
    vote = await alice.click(message, custom_id=vote_button(message, "👍"))
    assert vote.response.content == "Thanks for the 👍!"
    assert await section_votes(simcord_env) == [("django-overview", 1, 0)]


async def test_questions_the_bot_abstained_on_are_kept_normalized(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    await ask(simcord_env, alice, channel, "What's the BEST pizza topping??")
    await alice.slash(channel, "ask", question="how do I serve static files with flask?")
    dm = simcord_env.create_user("dora")
    await dm.send_dm("how do I deploy django on a raspberry pi")
    questions = await simcord_env.bot.storage.questions_since(0)
    assert [(q.question, q.kind) for q in questions] == [
        ("whats the best pizza topping", "abstained"),
        ("how do i serve static files with flask", "abstained"),
        ("how do i deploy django on a raspberry pi", "abstained"),
    ]
    assert [q.guild_id for q in questions] == [simcord_env.guild.id] * 2 + [None]


async def test_a_server_can_turn_question_logging_off(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    mods = simcord_env.guild.create_role("mods", permissions=discord.Permissions(manage_guild=True))
    mod = simcord_env.guild.add_member(simcord_env.create_user("mod"), roles=[mods])
    await mod.slash(channel, "settings logging", enabled=False)
    await ask(simcord_env, alice, channel, "what's the best pizza topping?")
    answer = await ask(simcord_env, alice, channel, "what is flask?")
    await alice.click(answer, custom_id=vote_button(answer, "👎"))
    assert await stored_questions(simcord_env) == []  # neither the question nor the 👎 text
    assert await section_votes(simcord_env) == [("flask-overview", 0, 1)]  # the vote counts
    record = await simcord_env.bot.storage.answer(answer.id)
    assert record is not None and record.question is None


async def test_privacy_forget_deletes_everything_from_that_member_only(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    answer = await ask(simcord_env, alice, channel, "what is flask?")
    await alice.click(answer, custom_id=vote_button(answer, "👎"))
    await ask(simcord_env, alice, channel, "what's the best pizza topping?")
    await ask(simcord_env, bob, channel, "how do I deploy flask?")
    await bob.click(answer, custom_id=vote_button(answer, "👍"))

    result = await alice.slash(channel, "privacy forget")
    assert result.ephemeral
    assert result.response.content.startswith(
        "Done: I deleted everything I had stored from you (1 questions I answered, 1 votes, "
        "2 questions I could not answer)"
    )
    assert await stored_questions(simcord_env) == [("how do i deploy flask", "abstained")]
    assert await section_votes(simcord_env) == [("flask-overview", 1, 0)]
    assert await simcord_env.bot.storage.answer(answer.id) is None


async def test_the_report_shows_what_members_asked_grouped(
    simcord_env: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    await ask(simcord_env, alice, channel, "how do I serve static files with flask?")
    await ask(simcord_env, bob, channel, "serving static files in Flask??")
    await ask(simcord_env, bob, channel, "what's the best pizza topping?")
    answer = await ask(simcord_env, alice, channel, "what is flask?")
    await bob.click(answer, custom_id=vote_button(answer, "👍"))
    monkeypatch.setenv("DATABASE_PATH", str(simcord_env.bot.settings.database))
    assert main(["report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [g["count"] for g in report["groups"]] == [2, 1]
    assert set(report["groups"][0]["examples"]) == {
        "how do i serve static files with flask",
        "serving static files in flask",
    }
    assert report["sections"] == [
        {
            "document": "flask-vs-django",
            "section": "flask-overview",
            "up": 1,
            "down": 0,
            "up_share": 1.0,
        }
    ]
