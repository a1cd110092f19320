"""Limits on how often the bot answers: per section in a channel, and per member."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MEMBER_WINDOW_SECONDS = 60.0
MAX_SECTION_SECONDS = 86_400.0  # the longest cooldown a server can choose


def _monotonic() -> float:
    # Looked up at each call, not bound once: simcord replaces ``time.monotonic`` to move time.
    return time.monotonic()


class Cooldowns:
    """Remembers recent answers, by ``clock`` (``time.monotonic`` unless a test passes one)."""

    def __init__(
        self,
        section_seconds: float,
        member_answers_per_minute: int,
        clock: Callable[[], float] = _monotonic,
    ) -> None:
        self.section_seconds = section_seconds
        self.per_minute = member_answers_per_minute
        self._clock = clock
        self._sections: dict[tuple[int, str], float] = {}
        self._members: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}
        self._members_pruned_at = float("-inf")

    def section_recent(self, channel_id: int, key: str, seconds: float | None = None) -> bool:
        """Whether ``key`` was answered in the channel within the cooldown (or ``seconds``)."""
        at = self._sections.get((channel_id, key))
        window = self.section_seconds if seconds is None else seconds
        return at is not None and self._clock() - at < window

    def note_section(self, channel_id: int, key: str) -> None:
        now = self._clock()
        self._sections[(channel_id, key)] = now
        if len(self._sections) > 10_000:  # forget the expired ones now and then
            keep = max(self.section_seconds, MAX_SECTION_SECONDS)
            self._sections = {k: t for k, t in self._sections.items() if now - t < keep}

    def member_allowed(self, member_id: int) -> bool:
        """Count one answer for the member if they are under the limit; False when over it.

        Counted before the answer is sent, so that a burst of questions cannot all pass the
        check while the first answers are on their way; ``refund`` takes back one that
        Discord refused.
        """
        now = self._clock()
        self._forget_idle_members(now)
        recent = self._members.setdefault(member_id, deque())
        while recent and now - recent[0] >= MEMBER_WINDOW_SECONDS:
            recent.popleft()
        if len(recent) >= self.per_minute:
            return False
        recent.append(now)
        return True

    def refund(self, member_id: int) -> None:
        """Take back the member's latest counted answer: it never reached them."""
        recent = self._members.get(member_id)
        if recent:
            recent.pop()

    @contextmanager
    def refund_on_error(self, member_id: int) -> Iterator[None]:
        """Refund the member's answer if sending it (the block) fails."""
        try:
            yield
        except Exception:
            self.refund(member_id)
            raise

    def warn_once(self, member_id: int) -> bool:
        """True at a member's first refusal in a window: tell them once, not each time."""
        now = self._clock()
        self._forget_idle_members(now)
        if now - self._warned.get(member_id, -MEMBER_WINDOW_SECONDS) < MEMBER_WINDOW_SECONDS:
            return False
        self._warned[member_id] = now
        return True

    def tracked_members(self) -> int:
        """How many members are remembered: those who asked or were warned lately."""
        return len(self._members.keys() | self._warned.keys())

    def _forget_idle_members(self, now: float) -> None:
        """Drop members with nothing in the window; once a window, so it costs O(1) a call.

        Without this every member who ever asked would stay in memory until a restart.
        """
        if now - self._members_pruned_at < MEMBER_WINDOW_SECONDS:
            return
        self._members_pruned_at = now
        self._members = {
            m: r for m, r in self._members.items() if r and now - r[-1] < MEMBER_WINDOW_SECONDS
        }
        self._warned = {m: t for m, t in self._warned.items() if now - t < MEMBER_WINDOW_SECONDS}
