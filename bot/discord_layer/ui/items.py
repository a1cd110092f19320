"""The controls under answers and "Did you mean": persistent, they work across restarts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.discord_layer.ui.apology import ApologisingView, apologising
from bot.discord_layer.ui.embeds import MAX_OPTIONS, NONE, answer_embed, clip
from bot.discord_layer.ui.pager import CompareView
from bot.engine.matcher import Candidate, Matcher

if TYPE_CHECKING:
    from bot.discord_layer.client import FrameworkBot

MAX_CUSTOM_ID = 100  # Discord's limit for a component's custom_id
OTHER_CHOICES = 5  # sections offered after a 👎
VOTE_SAVED = {
    (1, None): "Thanks for the 👍!",
    (1, -1): "Changed your vote to 👍. Thanks!",
    (1, 1): "You already gave this answer a 👍.",
    (-1, None): "Thanks, noted 👎.",
    (-1, 1): "Changed your vote to 👎. Thanks for telling me.",
    (-1, -1): "You already gave this answer a 👎.",
}
VOTE_FAILED = "Sorry, I couldn't save your vote just now. Please try again later."


def matcher_of(interaction: discord.Interaction[Any]) -> Matcher:
    return cast("FrameworkBot", interaction.client).matcher


def section_key(candidate: Candidate) -> str:
    return f"{candidate.document.id}/{candidate.section.id}"


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
    template=r"framework-bot:compare:(?P<document>[a-z0-9-]+)",
):
    """Opens the whole comparison for the one who clicks; works across restarts."""

    def __init__(self, document_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Full comparison",
                style=discord.ButtonStyle.secondary,
                custom_id=f"framework-bot:compare:{document_id}",
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
    template=r"framework-bot:vote:(?P<value>up|down)(?::(?P<key>[a-z0-9-]+/[a-z0-9-]+))?",
):
    """👍 or 👎 under an answer: one vote per member per answer, changeable; survives restarts.

    The answer is looked up by its message id in the database; the custom_id also carries
    the ``document/section`` key, so a vote is still counted when that lookup fails.
    """

    def __init__(self, value: str, key: str | None) -> None:
        custom_id = f"framework-bot:vote:{value}"
        if key and len(custom_id) + 1 + len(key) <= MAX_CUSTOM_ID:
            custom_id += f":{key}"
        super().__init__(
            discord.ui.Button(
                emoji="👍" if value == "up" else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=custom_id,
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
        bot = cast("FrameworkBot", interaction.client)
        message = interaction.message
        record = await bot.storage.answer(message.id) if message is not None else None
        key = f"{record.document}/{record.section}" if record is not None else self.key
        if message is None or key is None:
            await interaction.response.send_message(
                "I can't tell which answer this vote is for, sorry.", ephemeral=True
            )
            return
        document_id, _, section_id = key.partition("/")
        user = interaction.user.id
        previous = await bot.storage.previous_vote(message.id, user)
        keep_question = bot.effective(interaction.guild_id).logging_enabled
        question = record.question if record is not None and keep_question else None
        saved = await bot.storage.record_vote(
            message.id,
            user,
            interaction.guild_id,
            document_id,
            section_id,
            self.value,
            downvoted_question=question,
        )
        text = VOTE_SAVED[(self.value, previous)] if saved else VOTE_FAILED
        if self.value > 0:
            await interaction.response.send_message(text, ephemeral=True)
            return
        others = other_sections(bot.matcher, question or "", document_id, section_id)
        if not others:
            await interaction.response.send_message(
                f"{text} `/topics` lists what I can answer.", ephemeral=True
            )
            return
        await interaction.response.send_message(
            f"{text} Not what you asked? Pick another topic below.",
            view=NotWhatIAskedView(others),
            ephemeral=True,
            allowed_mentions=NONE,
        )


def other_sections(
    matcher: Matcher, question: str, document_id: str, section_id: str
) -> tuple[Candidate, ...]:
    """What to offer after a 👎: the question's next-best sections, then the same document's."""
    answered = f"{document_id}/{section_id}"
    ranked = matcher.rank(question, limit=OTHER_CHOICES + 1) if question.strip() else []
    others = [c for c in ranked if section_key(c) != answered]
    document = matcher.knowledge.document(document_id)
    if document is not None:
        seen = {section_key(c) for c in others} | {answered}
        others += [
            Candidate(document, s, 0.0)
            for s in document.sections
            if f"{document.id}/{s.id}" not in seen
        ]
    return tuple(others[:OTHER_CHOICES])


class SectionMenu(
    discord.ui.DynamicItem[discord.ui.Select[discord.ui.View]],
    template=r"framework-bot:sections:(?P<purpose>other|guess)",
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
                value=section_key(c),
                description=clip(c.document.title),
            )
            for c in choices[:MAX_OPTIONS]
        ]
        return cls(
            discord.ui.Select(
                custom_id=f"framework-bot:sections:{purpose}",
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
        self.add_item(FeedbackButton("up", section_key(answer)))
        self.add_item(FeedbackButton("down", section_key(answer)))
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
