"""``/settings``: a server's moderators configure the bot from Discord (needs Manage Server)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_layer.protocol import BotLike
from bot.discord_layer.server_settings import COOLDOWN_RANGE, THRESHOLD_RANGE, out_of_range
from bot.discord_layer.ui.embeds import COLOUR, NONE
from bot.storage import GuildSettings

NOT_SAVED = (
    " I could not save it to the database, so it only lasts until the bot restarts; "
    "the bot's log says why."
)
NEEDS_MANAGE_SERVER = "Only members with the **Manage Server** permission can change my settings."
NO_CONTENT_INTENT = (
    "\nNote: I run without the Message Content intent, so I cannot read messages that do not "
    "mention me: passive answers stay off until the bot's owner enables it."
)


def passive_done(
    channel: discord.TextChannel | discord.ForumChannel, enabled: bool, in_thread: bool
) -> str:
    """What ``/settings passive`` tells the moderator it changed."""
    if not enabled:
        return f"Passive answers are now **off** in {channel.mention}."
    if isinstance(channel, discord.ForumChannel):
        return (
            f"Passive answers are now **on** in the forum {channel.mention}: I answer each new "
            "post inside it when I'm quite sure, with a **Solved** button."
        )
    where = (
        "in a thread I start on the question (nothing in the channel itself)"
        if in_thread
        else "in the channel"
    )
    return (
        f"Passive answers are now **on** in {channel.mention}: I answer questions there "
        f"when I'm quite sure, without being mentioned, {where}."
    )


def _default(is_default: bool) -> str:
    return " *(default)*" if is_default else ""


class ServerSettings(commands.Cog):
    """The ``/settings`` group; only for servers, hidden from members without Manage Server."""

    group = app_commands.Group(
        name="settings",
        description="Configure the bot for this server",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: BotLike) -> None:
        self.bot = bot

    async def permitted(self, interaction: discord.Interaction[Any]) -> bool:
        """Default permissions hide the commands; this also refuses them if shown by override."""
        if interaction.guild is not None and interaction.permissions.manage_guild:
            return True
        await interaction.response.send_message(NEEDS_MANAGE_SERVER, ephemeral=True)
        return False

    async def save(
        self, interaction: discord.Interaction[Any], changed: GuildSettings, done: str
    ) -> None:
        assert interaction.guild_id is not None
        self.bot.guild_settings[interaction.guild_id] = changed
        saved = await self.bot.storage.set_guild_settings(interaction.guild_id, changed)
        await interaction.response.send_message(
            done + ("" if saved else NOT_SAVED),
            ephemeral=True,
            allowed_mentions=NONE,
        )

    def stored(self, interaction: discord.Interaction[Any]) -> GuildSettings:
        assert interaction.guild_id is not None
        return self.bot.guild_settings.get(interaction.guild_id, GuildSettings())

    @group.command(name="show", description="Show this server's settings")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        if not await self.permitted(interaction):
            return
        stored = self.stored(interaction)
        here = self.bot.effective(interaction.guild_id)
        guild = interaction.guild
        channels = sorted(here.passive_channels)
        if guild is not None:
            channels = [c for c in channels if guild.get_channel_or_thread(c) is not None]
        listed = (
            ", ".join(
                f"<#{c}>" + (" (in threads)" if c in here.thread_channels else "") for c in channels
            )
            or "none"
        )
        days = self.bot.settings.unanswered_retention_days
        lines = [
            f"**Answer threshold**: {here.answer_threshold:g}/100"
            + _default(stored.answer_threshold is None),
            f"**Passive answer threshold**: {here.passive_threshold:g}/100"
            + _default(stored.passive_threshold is None),
            f"**Cooldown** (same topic, same channel): {here.cooldown_seconds:g} s"
            + _default(stored.cooldown_seconds is None),
            f"**Passive channels**: {listed}" + _default(not here.own_passive_channels),
            "**Unanswered questions kept for the report**: "
            + (f"on, for {days:g} days" if here.logging_enabled else "off")
            + _default(stored.logging_enabled is None),
        ]
        embed = discord.Embed(
            title="My settings for this server", description="\n".join(lines), colour=COLOUR
        )
        embed.set_footer(text="Change them with /settings; (default) = the bot's configuration")
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)

    @group.command(name="passive", description="Turn passive answers on or off in a channel")
    @app_commands.describe(
        channel="The channel, or a forum (every new post is a question)",
        enabled="Answer questions there that nobody asked me",
        thread="Answer in a thread started on the question, not in the channel (default: no)",
    )
    async def passive(
        self,
        interaction: discord.Interaction[Any],
        channel: discord.TextChannel | discord.ForumChannel,
        enabled: bool,
        thread: bool = False,
    ) -> None:
        if not await self.permitted(interaction):
            return
        stored = self.stored(interaction)
        current = stored.passive_channels
        if current is None:  # start from the configured channels that are in this server
            guild = interaction.guild
            current = frozenset(
                c
                for c in self.bot.settings.passive_channels
                if guild is not None and guild.get_channel_or_thread(c) is not None
            )
        updated = current | {channel.id} if enabled else current - {channel.id}
        in_thread = enabled and thread and isinstance(channel, discord.TextChannel)
        threads = stored.thread_channels - {channel.id} | ({channel.id} if in_thread else set())
        done = passive_done(channel, enabled, in_thread)
        if enabled and not self.bot.intents.message_content:
            done += NO_CONTENT_INTENT
        changed = stored.changed(
            passive_channels=frozenset(updated), thread_channels=frozenset(threads)
        )
        await self.save(interaction, changed, done)

    async def set_number(
        self,
        interaction: discord.Interaction[Any],
        field: str,
        name: str,
        value: float,
        bounds: tuple[float, float],
        unit: str = "",
    ) -> None:
        if not await self.permitted(interaction):
            return
        problem = out_of_range(name, value, bounds)
        if problem is not None:
            await interaction.response.send_message(problem, ephemeral=True)
            return
        changed = self.stored(interaction).changed(**{field: value})
        await self.save(interaction, changed, f"The {name} is now **{value:g}{unit}**.")

    @group.command(name="answer-threshold", description="Score (0-100) an answer needs")
    @app_commands.describe(value="0-100: higher answers less often but more surely")
    async def answer_threshold(self, interaction: discord.Interaction[Any], value: float) -> None:
        await self.set_number(
            interaction, "answer_threshold", "answer threshold", value, THRESHOLD_RANGE
        )

    @group.command(name="passive-threshold", description="Score (0-100) a passive answer needs")
    @app_commands.describe(value="0-100: higher answers less often but more surely")
    async def passive_threshold(self, interaction: discord.Interaction[Any], value: float) -> None:
        await self.set_number(
            interaction, "passive_threshold", "passive answer threshold", value, THRESHOLD_RANGE
        )

    @group.command(
        name="cooldown", description="Seconds before a topic is answered again in a channel"
    )
    @app_commands.describe(seconds="0-86400 seconds")
    async def cooldown(self, interaction: discord.Interaction[Any], seconds: float) -> None:
        await self.set_number(
            interaction, "cooldown_seconds", "cooldown", seconds, COOLDOWN_RANGE, " seconds"
        )

    @group.command(
        name="logging", description="Keep questions I could not answer, for the maintainers"
    )
    @app_commands.describe(enabled="Keep unanswered questions (text only, no names)")
    async def logging(self, interaction: discord.Interaction[Any], enabled: bool) -> None:
        if not await self.permitted(interaction):
            return
        days = self.bot.settings.unanswered_retention_days
        done = (
            f"I now keep questions I could not answer in this server for {days:g} days, "
            "so the maintainers know what to write next."
            if enabled
            else "I no longer keep questions from this server (nothing new is stored; members "
            "can delete what was with `/privacy forget`)."
        )
        await self.save(
            interaction, self.stored(interaction).changed(logging_enabled=enabled), done
        )

    @group.command(name="reset", description="Go back to the bot's configured defaults")
    async def reset(self, interaction: discord.Interaction[Any]) -> None:
        if not await self.permitted(interaction):
            return
        await self.save(
            interaction,
            GuildSettings(),
            "All my settings for this server are back to the defaults.",
        )
