"""A server's effective settings: what it chose with ``/settings``, else the environment's.

Never imports discord.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.discord_layer.cooldowns import MAX_SECTION_SECONDS
from bot.storage import GuildSettings

# (lowest, highest) a server may choose; the same ranges as the environment settings.
THRESHOLD_RANGE = (0.0, 100.0)
COOLDOWN_RANGE = (0.0, MAX_SECTION_SECONDS)


@dataclass(frozen=True, slots=True)
class Effective:
    """The values answering uses in one server (or in DMs, where ``guild`` is None)."""

    answer_threshold: float
    passive_threshold: float
    cooldown_seconds: float
    passive_channels: frozenset[int]
    logging_enabled: bool
    own_passive_channels: bool  # False: the environment's PASSIVE_CHANNELS apply
    thread_channels: frozenset[int] = frozenset()  # passive channels answered in a thread

    def answers_inline(self, channel_id: int) -> bool:
        """A passive channel whose answers are replies in the channel itself."""
        return channel_id in self.passive_channels and channel_id not in self.thread_channels


def effective(settings: Settings, stored: GuildSettings | None) -> Effective:
    stored = stored or GuildSettings()

    def pick(own: float | None, default: float) -> float:
        return default if own is None else own

    return Effective(
        answer_threshold=pick(stored.answer_threshold, settings.answer_threshold),
        passive_threshold=pick(stored.passive_threshold, settings.passive_threshold),
        cooldown_seconds=pick(stored.cooldown_seconds, settings.answer_cooldown_seconds),
        passive_channels=settings.passive_channels
        if stored.passive_channels is None
        else stored.passive_channels,
        logging_enabled=True if stored.logging_enabled is None else stored.logging_enabled,
        own_passive_channels=stored.passive_channels is not None,
        thread_channels=stored.thread_channels,
    )


def out_of_range(name: str, value: float, bounds: tuple[float, float]) -> str | None:
    """A message for the moderator when ``value`` is outside ``bounds``; None when it fits."""
    low, high = bounds
    if low <= value <= high:
        return None
    return f"The {name} must be between {low:g} and {high:g}; {value:g} is out of range."
