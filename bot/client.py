"""The bot's old import path (``bot.client.create_bot()``): it lives in
``bot.discord_layer.client`` now."""

from bot.discord_layer.client import (
    FrameworkBot,
    ShardedFrameworkBot,
    create_bot,
    intents_for,
    silence_voice_warnings,
)

__all__ = [
    "FrameworkBot",
    "ShardedFrameworkBot",
    "create_bot",
    "intents_for",
    "silence_voice_warnings",
]
