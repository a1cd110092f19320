"""The controls under answers and "Did you mean": persistent, they work across restarts."""

from __future__ import annotations

import re
from typing import Any, cast

import discord

from bot.discord_layer.features import feedback
from bot.discord_layer.protocol import bot_of
from bot.discord_layer.ui import custom_ids
from bot.discord_layer.ui.apology import ApologisingView, apologising
from bot.discord_layer.ui.embeds import MAX_OPTIONS, NONE, answer_embed, clip
from bot.discord_layer.ui.pager import CompareView
from bot.engine.matcher import Candidate, Matcher


def matcher_of(interaction: discord.Interaction[Any]) -> Matcher:
    return bot_of(interaction).matcher


def resolve_key(matcher: Matcher, key: str) -> Candidate | None:
    """The section named by a ``document/section`` key, if it exists."""
    document_id, _, section_id = key.partition("/")
    document = matcher.knowledge.document(document_id)
    section = document.section(section_id) if document else None
    if document is None or section is None:
        return None
    return Candidate(document, section, 100.0)


class FullComparisonButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=custom_ids.COMPARE,
):
    """Opens the whole comparison for the one who clicks; works across restarts."""

    def __init__(self, document_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Full comparison",
                style=discord.ButtonStyle.secondary,
                custom_id=custom_ids.compare(document_id),
            )
        )
        self.document_id = document_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> FullComparisonButton:
        return cls(match["document"])

    @apologising
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        document = matcher_of(interaction).knowledge.document(self.document_id)
        if document is None:
            await interaction.response.send_message(
                "That comparison is no longer available. `/topics` lists what is.", ephemeral=True
            )
            return
        await CompareView.open(interaction, document)


class FeedbackButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=custom_ids.VOTE,
):
    """👍 or 👎 under an answer: one vote per member per answer, changeable; survives restarts.

    The answer is looked up by its message id in the database; the custom_id also carries
    the ``document/section`` key, so a vote is still counted when that lookup fails.
    """

    def __init__(self, value: str, key: str | None) -> None:
        super().__init__(
            discord.ui.Button(
                emoji="👍" if value == "up" else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=custom_ids.vote(value, key),
            )
        )
        self.value = 1 if value == "up" else -1
        self.key = key

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> FeedbackButton:
        return cls(match["value"], match["key"])

    @apologising
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        outcome = await feedback.vote(
            bot_of(interaction),
            interaction.message,
            interaction.user.id,
            interaction.guild_id,
            self.value,
            self.key,
        )
        if not outcome.downvote:
            await interaction.response.send_message(outcome.text, ephemeral=True)
        elif not outcome.others:
            await interaction.response.send_message(
                f"{outcome.text} `/topics` lists what I can answer.", ephemeral=True
            )
        else:
            await interaction.response.send_message(
                f"{outcome.text} Not what you asked? Pick another topic below.",
                view=NotWhatIAskedView(outcome.others),
                ephemeral=True,
                allowed_mentions=NONE,
            )


class SectionMenu(
    discord.ui.DynamicItem[discord.ui.Select[discord.ui.View]],
    template=custom_ids.SECTIONS,
):
    """Offers other sections; choosing one shows it to the one who chose. Works across restarts:
    the choices live in the message itself, and nothing waits in memory for a click."""

    def __init__(self, select: discord.ui.Select[discord.ui.View]) -> None:
        super().__init__(select)

    @classmethod
    def offering(
        cls, choices: tuple[Candidate, ...], purpose: str, placeholder: str
    ) -> SectionMenu:
        options = [
            discord.SelectOption(
                label=clip(c.section.title),
                value=c.key,
                description=clip(c.document.title),
            )
            for c in choices[:MAX_OPTIONS]
        ]
        return cls(
            discord.ui.Select(
                custom_id=custom_ids.sections(purpose),
                placeholder=placeholder,
                options=options,
                min_values=1,
                max_values=1,
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> SectionMenu:
        return cls(cast("discord.ui.Select[discord.ui.View]", item))

    @apologising
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        values = self.item.values
        chosen = resolve_key(matcher_of(interaction), values[0]) if values else None
        if chosen is None:
            await interaction.response.send_message(
                "That section is gone. `/topics` lists what I can answer now.", ephemeral=True
            )
            return
        await interaction.response.send_message(
            embed=answer_embed(chosen, picked=True),
            view=AnswerView(chosen, ()),
            ephemeral=True,
            allowed_mentions=NONE,
        )


class PersistentView(ApologisingView):
    """Controls made only of persistent items: they never expire, and keep working after a
    restart. Nothing is kept in memory per message, so a busy server costs no memory here."""

    def __init__(self) -> None:
        super().__init__(timeout=None)


class AnswerView(PersistentView):
    """Under an answer: "Full comparison", 👍 / 👎, and "Not what I asked?"."""

    def __init__(self, answer: Candidate, others: tuple[Candidate, ...]) -> None:
        super().__init__()
        self.add_item(FullComparisonButton(answer.document.id))
        self.add_item(FeedbackButton("up", answer.key))
        self.add_item(FeedbackButton("down", answer.key))
        if others:
            self.add_item(SectionMenu.offering(others, "other", "Not what I asked?"))


class NotWhatIAskedView(PersistentView):
    """After a 👎: other sections to choose from."""

    def __init__(self, choices: tuple[Candidate, ...]) -> None:
        super().__init__()
        self.add_item(SectionMenu.offering(choices, "other", "Not what I asked?"))


class DidYouMeanView(PersistentView):
    """Shown instead of a guess: the closest sections to choose from."""

    def __init__(self, choices: tuple[Candidate, ...]) -> None:
        super().__init__()
        self.add_item(SectionMenu.offering(choices, "guess", "Did you mean…"))
