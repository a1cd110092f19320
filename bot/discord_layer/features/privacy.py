"""``/privacy``: a member deletes everything the bot stored from them, or turns unprompted
answers to their own messages off."""

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
UNPROMPTED_OFF = (
    "Done: I no longer answer your messages unless you ask me (mention me, DM me, `/ask` or "
    "*Answer this question*): not in passive channels, forum posts or thread follow-ups. "
    "`/privacy unprompted enabled:true` turns them back on."
)
UNPROMPTED_ON = (
    "Done: I may answer your questions in passive channels, forum posts and my threads again, "
    "when I'm quite sure."
)
NOT_KEPT = (
    " I could not save it to my database, so it lasts only until I restart; please try again later."
)
FORGOT_CHOICE = (
    " I also forgot that you had turned unprompted answers off: they are on again "
    "(`/privacy unprompted enabled:false` turns them off)."
)
FORGET_FAILED = (
    "Sorry, I could not reach my database just now, so nothing was deleted. Please try again later."
)


class Privacy(commands.Cog):
    """What the bot keeps about members, and the way to delete it."""

    group = app_commands.Group(name="privacy", description="What I store about you")

    def __init__(self, bot: BotLike) -> None:
        self.bot = bot

    @group.command(name="unprompted", description="Let me answer messages you did not ask me")
    @app_commands.describe(
        enabled="No: I answer you only when you ask me (mention, DM, /ask, the context menu)"
    )
    async def unprompted(self, interaction: discord.Interaction[Any], enabled: bool) -> None:
        member = interaction.user.id
        if enabled:
            self.bot.unprompted_off.discard(member)
        else:
            self.bot.unprompted_off.add(member)
        saved = await self.bot.storage.set_unprompted(member, enabled)
        text = (UNPROMPTED_ON if enabled else UNPROMPTED_OFF) + ("" if saved else NOT_KEPT)
        await interaction.response.send_message(
            text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )

    @group.command(name="forget", description="Delete everything I stored from you")
    async def forget(self, interaction: discord.Interaction[Any]) -> None:
        forgotten = await self.bot.storage.forget_member(interaction.user.id)
        if forgotten is not None:
            self.bot.unprompted_off.discard(interaction.user.id)
        if forgotten is None:
            text = FORGET_FAILED
        else:
            text = FORGOT.format(
                answers=forgotten.answers, votes=forgotten.votes, questions=forgotten.questions
            ) + (FORGOT_CHOICE if forgotten.unprompted_choice else "")
        await interaction.response.send_message(
            text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )
