"""Members asking by mention, by reply-mention and in DMs."""

from __future__ import annotations

from typing import Any

import discord

from tests.discord_layer.helpers import bot_replies, server


async def test_mention_gets_a_reply_with_the_answer(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    question = await alice.send(
        channel, f"{simcord_env.bot.user.mention} is django hard to learn for a beginner?"
    )

    reply = channel.last_message
    assert reply.author.id == simcord_env.bot.user.id
    assert reply.reference is not None and reply.reference.message_id == question.id
    (embed,) = reply.embeds
    assert embed.title == "Learning curve"
    assert "steeper" in embed.description
    assert embed.footer.text.startswith("Flask vs Django · ")
    labels = [
        c.label or str(c.emoji)
        for row in reply.components
        for c in row.children
        if isinstance(c, discord.Button)
    ]
    assert labels == ["Full comparison", "👍", "👎"]


async def test_mention_in_a_reply_answers_the_replied_to_message(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    original = await alice.send(channel, "what is flask's philosophy?")
    await bob.send(channel, simcord_env.bot.user.mention, reply_to=original)

    reply = channel.last_message
    assert reply.reference.message_id == original.id
    assert reply.embeds[0].title == "Flask's philosophy: freedom to choose"


async def test_dm_questions_are_answered(simcord_env: Any) -> None:
    user = simcord_env.create_user("carol")
    await user.send_dm("what does batteries included mean in django")
    replies = bot_replies(simcord_env, user.dm_channel)
    assert replies[-1].embeds[0].title == "What Django is"


async def test_unsure_question_offers_did_you_mean(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    await alice.send(channel, f"{simcord_env.bot.user.mention} serving static files in Flask??")
    reply = channel.last_message
    assert reply.author.id == simcord_env.bot.user.id
    assert not reply.embeds  # no guess
    assert reply.content.startswith("I'm not sure what “serving static files in Flask??” asks")
    assert "Did you mean **What Flask is**?" in reply.content
    (menu,) = [c for row in reply.components for c in row.children]
    assert isinstance(menu, discord.SelectMenu)
    assert menu.custom_id == "framework-bot:sections:guess"
    assert [o.value for o in menu.options] == ["flask-vs-django/flask-overview"]


async def test_a_framework_name_alone_gets_its_overview(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    await alice.send(channel, f"{simcord_env.bot.user.mention} flask")
    (embed,) = channel.last_message.embeds
    assert embed.title == "What Flask is"


async def test_nothing_fits_points_at_topics(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    await alice.send(channel, f"{simcord_env.bot.user.mention} what's the best pizza topping?")
    reply = channel.last_message
    assert reply.author.id == simcord_env.bot.user.id
    assert not reply.embeds
    assert "/topics" in reply.content


async def test_empty_mention_gets_a_hint(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    await alice.send(channel, simcord_env.bot.user.mention)
    assert "Ask me a question" in channel.last_message.content


async def test_other_bots_are_never_answered(simcord_env: Any) -> None:
    channel, _ = server(simcord_env)
    robot = simcord_env.guild.add_member(simcord_env.create_user("robot", bot=True))
    await robot.send(channel, f"{simcord_env.bot.user.mention} is django hard to learn?")
    assert bot_replies(simcord_env, channel) == []
