"""Register slash commands with Discord only when they changed since the last registration.

Syncing on every start spends a rate-limited API call and, for global commands, can make
them flicker in clients; so the tree is hashed and the hash kept in ``DATA_DIR``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import discord
from discord.ext import commands

log = logging.getLogger(__name__)

STATE_FILE = "command-tree.sha256"


def tree_fingerprint(bot: commands.Bot, target: str) -> str:
    """A hash of every command's definition and of where it is registered."""
    payload = sorted(
        (command.to_dict(bot.tree) for command in bot.tree.get_commands()),
        key=lambda c: (c.get("type", 1), c["name"]),
    )
    text = json.dumps({"target": target, "commands": payload}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


async def sync_if_changed(bot: commands.Bot, force: bool = False) -> bool:
    """Sync when forced or when the tree differs from the last sync; True if it synced."""
    settings = getattr(bot, "settings")  # noqa: B009 - FrameworkBot and its sharded twin
    guild_id: int | None = settings.dev_guild_id
    target = f"guild:{guild_id}" if guild_id else "global"
    fingerprint = tree_fingerprint(bot, target)
    state = Path(settings.data_dir) / STATE_FILE
    previous = state.read_text().strip() if state.is_file() else None
    if previous == fingerprint and not force:
        log.debug("slash commands unchanged since the last sync; not syncing")
        return False
    try:
        if guild_id:
            guild = discord.Object(id=guild_id)
            bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
        else:
            synced = await bot.tree.sync()
    except discord.HTTPException as error:
        log.error("could not sync slash commands (%s): %s; they may be out of date", target, error)
        return False
    try:
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(fingerprint + "\n")
    except OSError as error:
        log.warning("synced, but could not remember it in %s: %s", state, error)
    log.info("synced %d slash commands (%s)", len(synced), target)
    return True
