"""The "Solved" button under an answer in a forum post: persistent, it works across restarts.

Nothing about the post is in the custom id: the post is the channel the click comes from, its
asker is the post's owner, and the tag is found by name in the forum.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.discord_layer.ui import custom_ids
from bot.discord_layer.ui.apology import apologising
from bot.discord_layer.ui.embeds import NONE, quote
from bot.discord_layer.ui.items import AnswerView
from bot.engine.matcher import Candidate

SOLVED_TAG = "solved"  # a forum tag with this name (any case) marks solved posts
NOT_A_POST = "This button only works in a forum post."
NOT_YOURS = "Only the member who asked, or a moderator (Manage Threads), can mark this solved."
ALREADY = "This post is already marked solved."
NO_TAG_PERMISSION = (
    "I could not add the forum's **Solved** tag: I need the **Manage Threads** permission "
    "in this forum to tag posts I did not create. Ask a moderator to allow it."
)


def solved_tag(forum: discord.ForumChannel) -> discord.ForumTag | None:
    """The forum's "Solved" tag, if it has one."""
    return next((t for t in forum.available_tags if t.name.casefold() == SOLVED_TAG), None)


class SolvedButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=custom_ids.SOLVED,
):
    """Marks the forum post solved (the asker or a moderator), with the "Solved" tag if any."""

    def __init__(self) -> None:
        super().__init__(
            discord.ui.Button(
                label="Solved",
                emoji="✅",
                style=discord.ButtonStyle.success,
                custom_id=custom_ids.solved(),
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> SolvedButton:
        return cls()

    @apologising
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        post = interaction.channel
        if not isinstance(post, discord.Thread) or not isinstance(
            post.parent, discord.ForumChannel
        ):
            await interaction.response.send_message(NOT_A_POST, ephemeral=True)
            return
        if interaction.user.id != post.owner_id and not interaction.permissions.manage_threads:
            await interaction.response.send_message(NOT_YOURS, ephemeral=True)
            return
        tag = solved_tag(post.parent)
        if tag is not None and any(t.id == tag.id for t in post.applied_tags):
            await interaction.response.send_message(ALREADY, ephemeral=True)
            return
        tagged = ""
        if tag is not None:
            if not post.permissions_for(post.guild.me).manage_threads:
                await interaction.response.send_message(NO_TAG_PERMISSION, ephemeral=True)
                return
            try:
                await post.add_tags(tag, reason="marked solved with the bot's Solved button")
            except discord.Forbidden:
                await interaction.response.send_message(NO_TAG_PERMISSION, ephemeral=True)
                return
            tagged = " and tagged **Solved**"
        who = quote(interaction.user.display_name, 80)
        await interaction.response.send_message(
            f"✅ {who} marked this post as solved{tagged}.", allowed_mentions=NONE
        )


class ForumAnswerView(AnswerView):
    """Under an answer in a forum post: "Solved", then the usual answer controls."""

    def __init__(self, answer: Candidate, others: tuple[Candidate, ...]) -> None:
        super().__init__(answer, others)
        self.add_item(SolvedButton())
