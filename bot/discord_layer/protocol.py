"""What the features and the controls need from the bot: a small Protocol, so that neither
depends on the client module (``FrameworkBot`` provides it)."""

from __future__ import annotations

from typing import Any, Protocol

import discord
from discord import app_commands

from bot.config import Settings
from bot.discord_layer.cooldowns import Cooldowns
from bot.discord_layer.server_settings import Effective
from bot.engine.matcher import Matcher
from bot.engine.question_detector import QuestionDetector
from bot.storage import GuildSettings
from bot.storage.store import Storage


class BotLike(Protocol):
    """The bot as its cogs and views see it."""

    settings: Settings
    matcher: Matcher
    cooldowns: Cooldowns
    storage: Storage
    guild_settings: dict[int, GuildSettings]
    detector: QuestionDetector  # which channel messages ask for information
    unprompted_off: set[int]  # members who turned unprompted answers off, kept in memory

    @property
    def user(self) -> discord.ClientUser | None: ...

    @property
    def intents(self) -> discord.Intents: ...

    @property
    def tree(self) -> app_commands.CommandTree[Any]: ...

    def effective(self, guild_id: int | None) -> Effective:
        """The settings answering uses in a server (or in DMs, for None)."""
        ...

    async def reload_knowledge(self) -> str | None:
        """Load the knowledge again; the error text if it failed (the old one stays)."""
        ...

    async def is_owner(self, user: discord.abc.User, /) -> bool: ...


def bot_of(interaction: discord.Interaction[Any]) -> BotLike:
    """The bot an interaction came to."""
    client: BotLike = interaction.client  # always a FrameworkBot
    return client
