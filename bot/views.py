"""Buttons and menus: the answer's controls, "Did you mean", and the paginated comparison."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.embeds import APOLOGY, answer_embed, clip, page_embed, quote
from bot.knowledge import Document
from bot.matching import Candidate, Matcher
from bot.render import document_pages

if TYPE_CHECKING:
    from bot.client import FrameworkBot

log = logging.getLogger(__name__)

VIEW_TIMEOUT_SECONDS = 600.0
MAX_OPTIONS = 25  # Discord's limit for a select menu
NONE = discord.AllowedMentions.none()


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

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        document = matcher_of(interaction).knowledge.document(self.document_id)
        if document is None:
            await interaction.response.send_message(
                "That comparison is no longer available. `/topics` lists what is.", ephemeral=True
            )
            return
        await CompareView.send(interaction, document, ephemeral=True)


class SectionSelect(discord.ui.Select["AnswerView"]):
    """Offers other sections; choosing one shows it to the one who chose."""

    def __init__(self, choices: tuple[Candidate, ...], placeholder: str) -> None:
        options = [
            discord.SelectOption(
                label=clip(c.section.title),
                value=section_key(c),
                description=clip(c.document.title),
            )
            for c in choices[:MAX_OPTIONS]
        ]
        super().__init__(placeholder=placeholder, options=options, min_values=1, max_values=1)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        chosen = resolve_key(matcher_of(interaction), self.values[0])
        if chosen is None:
            await interaction.response.send_message("That section is gone.", ephemeral=True)
            return
        await interaction.response.send_message(
            embed=answer_embed(chosen, picked=True),
            view=AnswerView(chosen, ()),
            ephemeral=True,
            allowed_mentions=NONE,
        )


class TimingOutView(discord.ui.View):
    """A view that disables its controls when it times out, on the message it was sent with."""

    message: discord.Message | discord.InteractionMessage | None = None

    def __init__(self) -> None:
        super().__init__(timeout=VIEW_TIMEOUT_SECONDS)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select) and not isinstance(
                item, FullComparisonButton
            ):
                item.disabled = True
        if self.message is None:
            return
        try:
            await self.message.edit(view=self, allowed_mentions=NONE)
        except discord.HTTPException as error:
            log.info("could not disable expired controls on message %s: %s", self.message.id, error)

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await apologise(interaction, error, f"component {item!r}")


class AnswerView(TimingOutView):
    """Under an answer: the persistent "Full comparison" button and "Not what I asked?"."""

    def __init__(self, answer: Candidate, others: tuple[Candidate, ...]) -> None:
        super().__init__()
        self.add_item(FullComparisonButton(answer.document.id))
        if others:
            self.add_item(SectionSelect(others, "Not what I asked?"))


class DidYouMeanView(TimingOutView):
    """Shown instead of a guess: the closest sections to choose from."""

    def __init__(self, choices: tuple[Candidate, ...]) -> None:
        super().__init__()
        self.add_item(SectionSelect(choices, "Did you mean…"))


class CompareView(TimingOutView):
    """A whole document, one page at a time, with previous/next and a jump menu."""

    def __init__(self, document: Document, owner_id: int) -> None:
        super().__init__()
        self.document = document
        self.owner_id = owner_id
        self.pages = document_pages(document)
        self.index = 0
        options = [
            discord.SelectOption(label=clip(page.title), value=str(i), description=f"page {i + 1}")
            for i, page in enumerate(self.pages)
        ][:MAX_OPTIONS]
        cast("discord.ui.Select[CompareView]", self.jump).options = options
        self._update_buttons()

    @classmethod
    async def send(
        cls, interaction: discord.Interaction[Any], document: Document, ephemeral: bool
    ) -> None:
        view = cls(document, interaction.user.id)
        await interaction.response.send_message(
            embed=view.embed(), view=view, ephemeral=ephemeral, allowed_mentions=NONE
        )
        view.message = await interaction.original_response()

    def embed(self) -> discord.Embed:
        return page_embed(self.document, self.pages, self.index)

    def _update_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            f"These pages belong to someone else's `/compare`: run it yourself to browse "
            f"{quote(self.document.title)}.",
            ephemeral=True,
        )
        return False

    async def _show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._update_buttons()
        await interaction.response.edit_message(embed=self.embed(), view=self)

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary, row=0)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary, row=0)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        await self._show(interaction, self.index + 1)

    @discord.ui.select(placeholder="Jump to a section", row=1)
    async def jump(
        self, interaction: discord.Interaction[Any], select: discord.ui.Select[Any]
    ) -> None:
        await self._show(interaction, int(select.values[0]))


async def apologise(interaction: discord.Interaction[Any], error: BaseException, what: str) -> None:
    """Log a failed interaction and tell the member, instead of Discord's "interaction failed"."""
    log.error(
        "interaction failed (%s, user %s): %r", what, interaction.user.id, error, exc_info=error
    )
    text = APOLOGY
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)
    except discord.HTTPException as second:
        log.warning("could not send the apology either: %s", second)
