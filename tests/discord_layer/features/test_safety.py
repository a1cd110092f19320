"""Hostile input: nothing pings anyone, user text comes back escaped and short."""

from __future__ import annotations

from typing import Any

from tests.discord_layer.helpers import bot_replies, server


def posted_payloads(env: Any) -> list[dict[str, Any]]:
    """JSON bodies of every message the bot posted or edited, and interaction responses."""
    return [
        r.json
        for r in env.http_requests
        if isinstance(r.json, dict)
        and r.method in ("POST", "PATCH")
        and ("/messages" in r.path or r.path.endswith("/callback"))
    ]


async def test_every_message_disables_all_mentions(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    role = simcord_env.guild.create_role("mods")
    mention = simcord_env.bot.user.mention
    await alice.send(
        channel, f"{mention} @everyone @here <@&{role.id}> <@{alice.id}> what is flask?"
    )
    await alice.send(channel, f"{mention} @everyone what's the best pizza?")
    await alice.slash(channel, "ask", question="@everyone is django hard to learn?")
    sent = [b.get("data", b) for b in posted_payloads(simcord_env)]
    sent = [data for data in sent if "content" in data or "embeds" in data]
    assert len(sent) == 3  # two replies and the /ask response
    for data in sent:
        assert data["allowed_mentions"]["parse"] == [], data  # no @everyone, roles or users
        assert data["allowed_mentions"].get("replied_user", False) is False
    assert all(
        m.mention_everyone is False and not m.role_mentions
        for m in bot_replies(simcord_env, channel)
    )


async def test_quoted_question_is_escaped_and_truncated(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    nasty = (
        "@everyone **bold** [click](https://evil.example) ```py\nimport os``` \u200b\u200d"
        + " and more text" * 125
    )
    message = await bob.send(channel, nasty)
    result = await alice.context_menu(channel, "Answer this question", message)
    content = result.response.content
    assert len(content) < 600
    assert "@\u200beveryone" in content  # discord.py's escape: shown, never a ping
    assert "\\*\\*bold\\*\\*" in content
    assert "https://" not in content and "```" not in content.replace("\\`", "")


async def test_long_zero_width_and_code_fence_questions_still_match(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    mention = simcord_env.bot.user.mention
    await alice.send(channel, f"{mention} is dj\u200bango hard\u200d to learn?" + " please" * 250)
    assert channel.last_message.embeds[0].title == "Learning curve"
    await alice.send(channel, f"{mention} ```what is flask```")
    assert channel.last_message.embeds[0].title == "What Flask is"


BIDI = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\x00"


def has_bidi(text: str) -> bool:
    return any(ch in text for ch in BIDI)


async def test_direction_controls_are_not_echoed_in_did_you_mean(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    mention = simcord_env.bot.user.mention
    await alice.send(channel, f"{mention} does it\u202e have an orm?\u2067\x00")
    guess = channel.last_message
    assert guess.content.startswith("I'm not sure what “does it have an orm?” asks. Did you mean")
    assert not has_bidi(guess.content)


async def test_direction_controls_are_not_echoed_by_the_context_menu(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    mallory = simcord_env.guild.add_member(simcord_env.create_user("\u202emallory\u2066"))
    message = await mallory.send(channel, "\u2067is django \u202ahard\u202c to learn?\u200f")
    result = await alice.context_menu(channel, "Answer this question", message)
    content = result.response.content
    assert content.startswith("Answering mallory's question: “is django hard to learn?”")
    assert not has_bidi(content)
