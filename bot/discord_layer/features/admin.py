"""``/reload``: the application owner reloads the knowledge without restarting the bot."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_layer.protocol import BotLike
from bot.discord_layer.ui.embeds import NONE

ERROR_CHARS = 1500


class Admin(commands.Cog):
    """Commands for the bot's owner only."""

    def __init__(self, bot: BotLike) -> None:
        self.bot = bot

    @app_commands.command(name="reload", description="Reload the knowledge files (bot owner only)")
    @app_commands.default_permissions(administrator=True)
    async def reload(self, interaction: discord.Interaction[Any]) -> None:
        if not await self.bot.is_owner(interaction.user):
            await interaction.response.send_message(
                "Only the bot's owner can reload its knowledge.", ephemeral=True
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        error = await self.bot.reload_knowledge()
        if error is None:
            knowledge = self.bot.matcher.knowledge
            text = (
                f"Reloaded: {len(knowledge.documents)} documents, "
                f"{knowledge.section_count} sections."
            )
        else:
            text = (
                "The new knowledge has an error, so I kept the old one in service:\n"
                f"```\n{error[:ERROR_CHARS].replace('```', '` ` `')}\n```"
            )
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
