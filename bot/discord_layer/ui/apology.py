"""A failed interaction gets an apology the member can see, never "This interaction failed".

Slash commands reach ``apologise`` through the command tree's ``on_error``, view items
through ``ApologisingView.on_error``. Persistent ``DynamicItem`` controls need
``@apologising`` on their callback: discord.py's dispatcher logs their errors itself and
calls no ``on_error``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import discord

from bot.discord_layer.ui.embeds import APOLOGY

log = logging.getLogger(__name__)

ItemT = TypeVar("ItemT", bound="discord.ui.Item[Any]")
Callback = Callable[[ItemT, discord.Interaction[Any]], Coroutine[Any, Any, None]]


async def apologise(interaction: discord.Interaction[Any], error: BaseException, what: str) -> None:
    """Log a failed interaction once and tell the member, by whichever route still works.

    The interaction's own response comes first. When that fails too (Discord answered 5xx,
    perhaps after accepting an earlier response), a followup on the interaction's webhook
    can still reach the member, ephemerally like the rest.
    """
    log.error(
        "interaction failed (%s, user %s): %r", what, interaction.user.id, error, exc_info=error
    )
    if not interaction.response.is_done():
        try:
            await interaction.response.send_message(APOLOGY, ephemeral=True)
            return
        except discord.HTTPException as second:
            log.debug("apology as the response failed, trying a followup: %s", second)
    try:
        await interaction.followup.send(APOLOGY, ephemeral=True)
    except discord.HTTPException as last:
        log.warning("could not send the apology either: %s", last)


def apologising(callback: Callback[ItemT]) -> Callback[ItemT]:
    """A ``DynamicItem`` callback whose failure is logged and apologised for, never raised."""

    @functools.wraps(callback)
    async def run(item: ItemT, interaction: discord.Interaction[Any]) -> None:
        try:
            await callback(item, interaction)
        except Exception as error:
            await apologise(interaction, error, f"component {item!r}")

    return run


class ApologisingView(discord.ui.View):
    """A view whose failing control is logged and answered with an apology, never a crash."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await apologise(interaction, error, f"component {item!r}")
