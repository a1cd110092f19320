"""Arrange helpers for the simcord tests: a server with a channel and a member."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import discord


def server(env: Any, name: str = "alice") -> tuple[Any, Any]:
    """A guild with a #general channel and one member; the channel and the member."""
    guild = env.create_guild()
    channel = guild.create_text_channel("general")
    return channel, guild.add_member(env.create_user(name))


def passive_server(env: Any) -> tuple[Any, Any, Any]:
    """A guild with a passive channel (its id put in the bot's settings) and a plain one."""
    guild = env.create_guild()
    passive = guild.create_text_channel("help")
    plain = guild.create_text_channel("general")
    env.bot.settings = replace(env.bot.settings, passive_channels=frozenset({passive.id}))
    return passive, plain, guild.add_member(env.create_user("alice"))


def bot_replies(env: Any, channel: Any) -> list[discord.Message]:
    """Messages the bot posted in ``channel``, oldest first."""
    return [m for m in channel.history() if m.author.id == env.bot.user.id]


def vote_button(message: Any, emoji: str) -> str:
    """The custom_id of the 👍 or 👎 button under an answer."""
    return next(
        c.custom_id
        for row in message.components
        for c in row.children
        if isinstance(c, discord.Button) and str(c.emoji) == emoji
    )
