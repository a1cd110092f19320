"""Limits on how often the bot answers: per section in a channel, and per member."""

from __future__ import annotations

import time
from collections import deque

MEMBER_WINDOW_SECONDS = 60.0
MAX_SECTION_SECONDS = 86_400.0  # the longest cooldown a server can choose


class Cooldowns:
    """Remembers recent answers; reads ``time.monotonic`` at each call so tests can move time."""

    def __init__(self, section_seconds: float, member_answers_per_minute: int) -> None:
        self.section_seconds = section_seconds
        self.per_minute = member_answers_per_minute
        self._sections: dict[tuple[int, str], float] = {}
        self._members: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}

    def section_recent(self, channel_id: int, key: str, seconds: float | None = None) -> bool:
        """Whether ``key`` was answered in the channel within the cooldown (or ``seconds``)."""
        at = self._sections.get((channel_id, key))
        window = self.section_seconds if seconds is None else seconds
        return at is not None and time.monotonic() - at < window

    def note_section(self, channel_id: int, key: str) -> None:
        now = time.monotonic()
        self._sections[(channel_id, key)] = now
        if len(self._sections) > 10_000:  # forget the expired ones now and then
            keep = max(self.section_seconds, MAX_SECTION_SECONDS)
            self._sections = {k: t for k, t in self._sections.items() if now - t < keep}

    def member_allowed(self, member_id: int) -> bool:
        """Count one answer for the member if they are under the limit; False when over it."""
        now = time.monotonic()
        recent = self._members.setdefault(member_id, deque())
        while recent and now - recent[0] >= MEMBER_WINDOW_SECONDS:
            recent.popleft()
        if len(recent) >= self.per_minute:
            return False
        recent.append(now)
        return True

    def warn_once(self, member_id: int) -> bool:
        """True at a member's first refusal in a window: tell them once, not each time."""
        now = time.monotonic()
        if now - self._warned.get(member_id, -MEMBER_WINDOW_SECONDS) < MEMBER_WINDOW_SECONDS:
            return False
        self._warned[member_id] = now
        return True
