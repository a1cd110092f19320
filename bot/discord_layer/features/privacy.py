"""``/privacy forget``: a member deletes everything the bot stored from them."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_layer.protocol import BotLike

FORGOT = (
    "Done: I deleted everything I had stored from you ({answers} questions I answered, "
    "{votes} votes, {questions} questions I could not answer), in every server and in DMs."
)
FORGET_FAILED = (
    "Sorry, I could not reach my database just now, so nothing was deleted. Please try again later."
)


class Privacy(commands.Cog):
    """What the bot keeps about members, and the way to delete it."""

    group = app_commands.Group(name="privacy", description="What I store about you")

    def __init__(self, bot: BotLike) -> None:
        self.bot = bot

    @group.command(name="forget", description="Delete everything I stored from you")
    async def forget(self, interaction: discord.Interaction[Any]) -> None:
        forgotten = await self.bot.storage.forget_member(interaction.user.id)
        if forgotten is None:
            text = FORGET_FAILED
        else:
            text = FORGOT.format(
                answers=forgotten.answers, votes=forgotten.votes, questions=forgotten.questions
            )
        await interaction.response.send_message(
            text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )
