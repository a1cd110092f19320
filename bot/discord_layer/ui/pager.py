"""Pages turned with Previous / Next by the member who asked: ``/compare`` and ``/topics``."""

from __future__ import annotations

import logging
from typing import Any, cast

import discord

from bot.discord_layer.protocol import bot_of
from bot.discord_layer.ui.apology import ApologisingView
from bot.discord_layer.ui.embeds import MAX_OPTIONS, NONE, SLOW_DOWN, clip, page_embed, quote
from bot.engine.knowledge import Document
from bot.engine.render import document_pages

log = logging.getLogger(__name__)

VIEW_TIMEOUT_SECONDS = 600.0


class TimingOutView(ApologisingView):
    """A view that disables its controls when it times out, on the message it was sent with."""

    message: discord.Message | discord.InteractionMessage | None = None

    def __init__(self) -> None:
        super().__init__(timeout=VIEW_TIMEOUT_SECONDS)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True
        if self.message is None:
            return
        try:
            await self.message.edit(view=self, allowed_mentions=NONE)
        except discord.HTTPException as error:
            log.info("could not disable expired controls on message %s: %s", self.message.id, error)

    async def remember_message(self, interaction: discord.Interaction[Any]) -> None:
        """Keep the message this view went out with, to disable it later; shown either way."""
        try:
            self.message = await interaction.original_response()
        except discord.HTTPException as error:
            log.info("could not read back the response message: %s", error)


class Pager(TimingOutView):
    """Pages of one embed each; only the member who opened them can turn them."""

    def __init__(self, owner_id: int, page_count: int) -> None:
        super().__init__()
        self.owner_id = owner_id
        self.page_count = page_count
        self.index = 0
        self._update_buttons()

    def embed(self) -> discord.Embed:
        """The page at ``self.index``."""
        raise NotImplementedError

    def not_yours(self) -> str:
        """What someone else who presses a button is told."""
        return "These pages belong to someone else: run the command yourself to browse them."

    async def send(self, interaction: discord.Interaction[Any], ephemeral: bool) -> None:
        await interaction.response.send_message(
            embed=self.embed(), view=self, ephemeral=ephemeral, allowed_mentions=NONE
        )
        await self.remember_message(interaction)

    def _update_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= self.page_count - 1

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(self.not_yours(), ephemeral=True)
        return False

    async def show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = max(0, min(index, self.page_count - 1))
        self._update_buttons()
        await interaction.response.edit_message(embed=self.embed(), view=self)

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary, row=0)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        await self.show(interaction, self.index - 1)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary, row=0)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        await self.show(interaction, self.index + 1)


class EmbedPager(Pager):
    """Pages built beforehand, such as ``/topics``."""

    def __init__(self, owner_id: int, pages: list[discord.Embed]) -> None:
        self.pages = pages
        super().__init__(owner_id, len(pages))

    def embed(self) -> discord.Embed:
        return self.pages[self.index]


class CompareView(Pager):
    """A whole document, one page at a time, with a jump menu. Shown only to the member who
    asked unless they press "Show everyone", which posts it in the channel and counts as one
    of their answers."""

    def __init__(self, document: Document, owner_id: int, public: bool = False) -> None:
        self.document = document
        self.pages = document_pages(document)
        super().__init__(owner_id, len(self.pages))
        options = [
            discord.SelectOption(label=clip(page.title), value=str(i), description=f"page {i + 1}")
            for i, page in enumerate(self.pages)
        ][:MAX_OPTIONS]
        cast("discord.ui.Select[CompareView]", self.jump).options = options
        if public:
            self.remove_item(self.show_everyone)

    @classmethod
    async def open(
        cls, interaction: discord.Interaction[Any], document: Document, public: bool = False
    ) -> None:
        await cls(document, interaction.user.id, public).send(interaction, ephemeral=not public)

    def embed(self) -> discord.Embed:
        return page_embed(self.document, self.pages, self.index)

    def not_yours(self) -> str:
        return (
            f"These pages belong to someone else's `/compare`: run it yourself to browse "
            f"{quote(self.document.title)}."
        )

    @discord.ui.select(placeholder="Jump to a section", row=1)
    async def jump(
        self, interaction: discord.Interaction[Any], select: discord.ui.Select[Any]
    ) -> None:
        await self.show(interaction, int(select.values[0]))

    @discord.ui.button(label="Show everyone", style=discord.ButtonStyle.secondary, row=0)
    async def show_everyone(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        cooldowns = bot_of(interaction).cooldowns
        if not cooldowns.member_allowed(interaction.user.id):
            await interaction.response.send_message(SLOW_DOWN, ephemeral=True)
            return
        shared = CompareView(self.document, self.owner_id, public=True)
        shared.start_at(self.index)
        with cooldowns.refund_on_error(interaction.user.id):
            await shared.send(interaction, ephemeral=False)

    def start_at(self, index: int) -> None:
        """Open at page ``index`` instead of the first (before the view is sent)."""
        self.index = index
        self._update_buttons()
