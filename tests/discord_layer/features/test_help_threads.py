"""Answers in threads, help forums, the Solved button and a member's opt-out, as members see it.

simcord lets a member send messages, but not create a thread or a forum post. A member's
forum post is built here from what simcord's backend offers (``member_post``): the thread
(owned by the member, with its tags) and its starter message, which carries the thread's id
as on Discord; then the gateway events Discord sends for a new post, THREAD_CREATE followed
by MESSAGE_CREATE.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
import pytest

from bot.discord_layer.client import create_bot
from tests.discord_layer.helpers import bot_replies

QUESTION = "is django hard to learn for a beginner?"


def answers_in(env: Any, channel: Any) -> list[discord.Message]:
    """What the bot said in a channel, without Discord's "started a thread" notices."""
    return [
        m for m in bot_replies(env, channel) if m.type is not discord.MessageType.thread_created
    ]


def moderated(env: Any) -> tuple[Any, Any, Any]:
    """A guild with a moderator (Manage Server, Manage Threads) and a member."""
    guild = env.create_guild()
    mods = guild.create_role(
        "mods", permissions=discord.Permissions(manage_guild=True, manage_threads=True)
    )
    mod = guild.add_member(env.create_user("mod"), roles=[mods])
    alice = guild.add_member(env.create_user("alice"))
    return guild, mod, alice


def forum_with_tags(env: Any, guild: Any, *names: str) -> tuple[Any, dict[str, int]]:
    """A forum channel with tags of these names; the forum and the tags' ids by name."""
    forum = guild.create_forum_channel("help-forum")
    tags = [
        {"id": str(env.backend.snowflake()), "name": n, "moderated": False, "emoji_id": None}
        | {"emoji_name": None}
        for n in names
    ]
    env.backend.edit_channel(forum.id, {"available_tags": tags})
    return forum, {t["name"]: int(t["id"]) for t in tags}


async def member_post(
    env: Any, forum: Any, member: Any, title: str, text: str, tags: tuple[int, ...] = ()
) -> Any:
    """A forum post as a member creates it (see the module's docstring); its thread."""
    backend = env.backend
    post = backend.create_thread(forum.id, title, member.id, applied_tags=tags, broadcast=False)
    starter = backend.prepare_message(post.id, member.id, text)
    starter.id = post.id  # Discord: a post's starter message has the post's id
    backend.commit_message(starter, broadcast=False)
    backend.announce_thread_create(post)
    backend.announce_message_create(starter)
    await env.settle()
    (thread,) = [t for t in forum.threads if t.id == post.id]
    return thread


async def test_a_thread_channel_answers_in_a_thread_and_nothing_inline(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    help_ = guild.create_text_channel("help")
    await mod.slash(help_, "settings passive", channel=help_, enabled=True, thread=True)
    question = await alice.send(help_, QUESTION)
    assert answers_in(simcord_env, help_) == []
    (thread,) = help_.threads
    assert thread.id == question.id  # started on the question
    assert thread.name == QUESTION
    (answer,) = bot_replies(simcord_env, thread)
    assert answer.embeds[0].title == "Learning curve"
    shown = (await mod.slash(help_, "settings show")).response.embeds[0].description
    assert f"**Passive channels**: <#{help_.id}> (in threads)\n" in shown


async def test_a_long_question_names_its_thread_within_discords_limit(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    help_ = guild.create_text_channel("help")
    await mod.slash(help_, "settings passive", channel=help_, enabled=True, thread=True)
    long_question = "is **django** hard to learn for a beginner " + "who knows python " * 10 + "?"
    await alice.send(help_, long_question)
    (thread,) = help_.threads
    assert len(thread.name) <= 100
    assert thread.name.startswith("is django hard to learn")


async def test_the_askers_follow_up_in_the_thread_is_a_question(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    bob = guild.add_member(simcord_env.create_user("bob"))
    help_ = guild.create_text_channel("help")
    await mod.slash(help_, "settings passive", channel=help_, enabled=True, thread=True)
    await alice.send(help_, QUESTION)
    (thread,) = help_.threads
    await bob.send(thread, "does it come with an admin panel?")  # not the asker
    assert len(bot_replies(simcord_env, thread)) == 1
    await alice.send(thread, "does it come with an admin panel?")  # no mention needed
    replies = bot_replies(simcord_env, thread)
    assert [r.embeds[0].title for r in replies] == ["Learning curve", "What Django is"]
    await alice.send(thread, "ok thanks, that helps a lot")  # not a question: quiet
    assert len(bot_replies(simcord_env, thread)) == 2


async def test_follow_ups_are_still_recognised_after_a_restart(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    help_ = guild.create_text_channel("help")
    await mod.slash(help_, "settings passive", channel=help_, enabled=True, thread=True)
    await alice.send(help_, QUESTION)
    (thread,) = help_.threads
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))
    await alice.send(thread, "does it come with an admin panel?")
    assert bot_replies(simcord_env, thread)[-1].embeds[0].title == "What Django is"


async def test_without_create_public_threads_it_answers_inline(
    simcord_env: Any, caplog: pytest.LogCaptureFixture
) -> None:
    guild, mod, alice = moderated(simcord_env)
    no_threads = discord.PermissionOverwrite(create_public_threads=False)
    help_ = guild.create_text_channel("help", overwrites={guild.me: no_threads})
    await mod.slash(help_, "settings passive", channel=help_, enabled=True, thread=True)
    with caplog.at_level(logging.WARNING, logger="bot.discord_layer.features.help_threads"):
        await alice.send(help_, QUESTION)
        await alice.send(help_, "what is flask?")
    assert help_.threads == []
    replies = answers_in(simcord_env, help_)
    assert [r.embeds[0].title for r in replies] == ["Learning curve", "What Flask is"]
    (logged,) = [r for r in caplog.records if "Create Public Threads" in r.getMessage()]
    assert str(help_.id) in logged.getMessage()


async def test_the_thread_choice_is_kept_across_restarts(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    help_ = guild.create_text_channel("help")
    await mod.slash(help_, "settings passive", channel=help_, enabled=True, thread=True)
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))
    await alice.send(help_, QUESTION)
    assert answers_in(simcord_env, help_) == []
    assert len(help_.threads) == 1
    await mod.slash(help_, "settings passive", channel=help_, enabled=True)  # thread:false
    await alice.send(help_, "what is flask?")
    assert answers_in(simcord_env, help_)[-1].embeds[0].title == "What Flask is"


async def test_a_forum_post_is_answered_in_place_when_sure(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    forum, _ = forum_with_tags(simcord_env, guild)
    await mod.slash(forum, "settings passive", channel=forum, enabled=True)
    post = await member_post(
        simcord_env, forum, alice, "Django for a beginner?", "is it hard to learn?"
    )
    (answer,) = bot_replies(simcord_env, post)
    assert answer.embeds[0].title == "Learning curve"
    labels = [getattr(c, "label", None) for row in answer.components for c in row.children]
    assert labels == ["Full comparison", None, None, "Solved", None]  # 👍 👎, the menu
    unsure = await member_post(simcord_env, forum, alice, "Help", "my code does not work?")
    assert bot_replies(simcord_env, unsure) == []  # not sure: silently skipped


async def test_a_posts_framework_tag_says_what_it_is_about(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    forum, tags = forum_with_tags(simcord_env, guild, "flask", "question")
    await mod.slash(forum, "settings passive", channel=forum, enabled=True)
    untagged = await member_post(simcord_env, forum, alice, "Learning", "is it hard to learn?")
    assert bot_replies(simcord_env, untagged) == []  # which framework? it cannot tell
    tagged = await member_post(
        simcord_env, forum, alice, "Learning", "is it hard to learn?", (tags["flask"],)
    )
    (answer,) = bot_replies(simcord_env, tagged)
    assert "Flask vs Django" in answer.embeds[0].footer.text


async def test_solved_by_the_asker_or_a_moderator_tags_the_post(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    bob = guild.add_member(simcord_env.create_user("bob"))
    forum, tags = forum_with_tags(simcord_env, guild, "Solved")
    await mod.slash(forum, "settings passive", channel=forum, enabled=True)
    post = await member_post(simcord_env, forum, alice, "Django for a beginner?", QUESTION)
    (answer,) = bot_replies(simcord_env, post)
    refused = await bob.click(answer, label="Solved")
    assert refused.ephemeral
    assert "Only the member who asked" in refused.response.content
    assert simcord_env.backend.get_channel(post.id).applied_tags == []
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))  # a persistent button
    done = await alice.click(answer, label="Solved")
    assert not done.ephemeral
    assert done.response.content == "✅ alice marked this post as solved and tagged **Solved**."
    assert simcord_env.backend.get_channel(post.id).applied_tags == [tags["Solved"]]
    again = await mod.click(answer, label="Solved")
    assert again.ephemeral
    assert "already" in again.response.content


async def test_a_moderator_may_mark_solved_in_a_forum_without_the_tag(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    forum, _ = forum_with_tags(simcord_env, guild)
    await mod.slash(forum, "settings passive", channel=forum, enabled=True)
    post = await member_post(simcord_env, forum, alice, "Django for a beginner?", QUESTION)
    (answer,) = bot_replies(simcord_env, post)
    done = await mod.click(answer, label="Solved")
    assert done.response.content == "✅ mod marked this post as solved."


async def test_opting_out_silences_unprompted_answers_across_restarts(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    plain = guild.create_text_channel("plain")
    threads = guild.create_text_channel("threads")
    forum, _ = forum_with_tags(simcord_env, guild)
    await mod.slash(plain, "settings passive", channel=plain, enabled=True)
    await mod.slash(threads, "settings passive", channel=threads, enabled=True, thread=True)
    await mod.slash(forum, "settings passive", channel=forum, enabled=True)
    await alice.send(threads, QUESTION)  # before opting out: a thread to follow up in
    (thread,) = threads.threads

    result = await alice.slash(plain, "privacy unprompted", enabled=False)
    assert result.ephemeral
    assert "no longer answer your messages unless you ask me" in result.response.content
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))

    await alice.send(plain, QUESTION)
    await alice.send(threads, "what is flask?")
    assert answers_in(simcord_env, threads) == []
    await alice.send(thread, "does it come with an admin panel?")
    post = await member_post(simcord_env, forum, alice, "Django for a beginner?", QUESTION)
    assert bot_replies(simcord_env, plain) == []
    assert len(threads.threads) == 1
    assert len(bot_replies(simcord_env, thread)) == 1  # only the answer from before
    assert bot_replies(simcord_env, post) == []

    await alice.slash(plain, "privacy unprompted", enabled=True)
    await alice.send(plain, QUESTION)
    assert bot_replies(simcord_env, plain)[-1].embeds[0].title == "Learning curve"


async def test_an_opted_out_member_still_gets_answers_when_asking(simcord_env: Any) -> None:
    guild, _, alice = moderated(simcord_env)
    channel = guild.create_text_channel("general")
    await alice.slash(channel, "privacy unprompted", enabled=False)
    await alice.send(channel, f"{simcord_env.bot.user.mention} {QUESTION}")
    assert bot_replies(simcord_env, channel)[-1].embeds[0].title == "Learning curve"
    asked = await alice.slash(channel, "ask", question="what is django")
    assert asked.response.embeds[0].title == "What Django is"
    dm_user = simcord_env.create_user("dan")
    await dm_user.slash("privacy unprompted", enabled=False)
    await dm_user.send_dm("what is flask?")
    assert bot_replies(simcord_env, dm_user.dm_channel)[-1].embeds[0].title == "What Flask is"


async def test_forget_also_clears_the_opt_out(simcord_env: Any) -> None:
    guild, mod, alice = moderated(simcord_env)
    help_ = guild.create_text_channel("help")
    await mod.slash(help_, "settings passive", channel=help_, enabled=True)
    await alice.slash(help_, "privacy unprompted", enabled=False)
    forgot = await alice.slash(help_, "privacy forget")
    assert "unprompted answers off: they are on again" in forgot.response.content
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))
    await alice.send(help_, QUESTION)
    assert bot_replies(simcord_env, help_)[-1].embeds[0].title == "Learning curve"
