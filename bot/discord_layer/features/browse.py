"""Browsing the knowledge: ``/compare``, ``/topics`` and ``/help``."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_layer.protocol import BotLike
from bot.discord_layer.ui.embeds import COLOUR, NONE, SLOW_DOWN, clip, topic_pages
from bot.discord_layer.ui.pager import CompareView, EmbedPager
from bot.engine.knowledge import Document

MAX_CHOICES = 25  # Discord's limit for autocomplete choices

HELP = """\
**Ask me** about the frameworks I know, any of these ways:
• Mention me with your question: {mention} is Django hard to learn?
• Mention me in a reply to someone's message to answer their question.
• Send me a direct message.
• `/ask` — autocomplete suggests topics as you type; `private:true` shows the answer only to you.
• Right-click a message → *Apps* → **Answer this question**.

**Browse**: `/compare` shows a whole comparison page by page (to you; **Show everyone** posts it),
`/topics` lists everything I know.
Under an answer, **Full comparison** opens the rest; **Not what I asked?** offers other topics;
👍 / 👎 tell the maintainers whether it helped. When I'm not sure, I ask instead of guessing.

**Privacy**: `/privacy forget` deletes everything I stored from you; `/privacy unprompted \
enabled:false` stops me answering messages you did not ask me."""


class Browse(commands.Cog):
    """Commands that show what the bot knows."""

    def __init__(self, bot: BotLike) -> None:
        self.bot = bot

    @app_commands.command(name="compare", description="Show a whole comparison, page by page")
    @app_commands.describe(
        document="Which comparison (default: the only one, or pick from the list)"
    )
    async def compare(
        self, interaction: discord.Interaction[Any], document: str | None = None
    ) -> None:
        chosen = self.find_document(document)
        if chosen is None:
            known = ", ".join(f"`{d.id}`" for d in self.bot.matcher.knowledge.documents)
            await interaction.response.send_message(
                f"Which comparison? I know: {known}. `/topics` lists them.", ephemeral=True
            )
            return
        # Counted like an answer: pages cost Discord calls, shown to the member or not.
        cooldowns = self.bot.cooldowns
        if not cooldowns.member_allowed(interaction.user.id):
            await interaction.response.send_message(SLOW_DOWN, ephemeral=True)
            return
        with cooldowns.refund_on_error(interaction.user.id):
            await CompareView.open(interaction, chosen)

    @compare.autocomplete("document")
    async def compare_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        typed = current.strip().casefold()
        return [
            app_commands.Choice(name=clip(d.title), value=d.id)
            for d in self.bot.matcher.knowledge.documents
            if typed in d.id or typed in d.title.casefold()
        ][:MAX_CHOICES]

    def find_document(self, wanted: str | None) -> Document | None:
        documents = self.bot.matcher.knowledge.documents
        if not wanted:
            return documents[0] if len(documents) == 1 else None
        folded = wanted.strip().casefold()
        return next((d for d in documents if folded in (d.id, d.title.casefold())), None)

    @app_commands.command(name="topics", description="List everything I can answer")
    async def topics(self, interaction: discord.Interaction[Any]) -> None:
        pages = topic_pages(self.bot.matcher.knowledge.documents)
        if len(pages) == 1:
            await interaction.response.send_message(
                embed=pages[0], ephemeral=True, allowed_mentions=NONE
            )
            return
        await EmbedPager(interaction.user.id, pages).send(interaction, ephemeral=True)

    @app_commands.command(name="help", description="How to ask me questions")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        me = self.bot.user
        embed = discord.Embed(
            title="framework-bot",
            description=HELP.format(mention=me.mention if me else "@me"),
            colour=COLOUR,
        )
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)
