"""The per-member limit and the cooldown tables, against a clock the test moves."""

from __future__ import annotations

from bot.discord_layer.cooldowns import MEMBER_WINDOW_SECONDS, Cooldowns


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_members_who_stopped_asking_are_forgotten() -> None:
    clock = Clock()
    cooldowns = Cooldowns(300, 2, clock=clock)
    for member in range(1000):
        assert cooldowns.member_allowed(member)
        assert cooldowns.member_allowed(member)
        assert not cooldowns.member_allowed(member)
        assert cooldowns.warn_once(member)
    assert cooldowns.tracked_members() == 1000
    clock.now += MEMBER_WINDOW_SECONDS + 1
    assert cooldowns.member_allowed(5000)
    assert cooldowns.tracked_members() == 1


def test_forgetting_keeps_members_still_in_their_window() -> None:
    clock = Clock()
    cooldowns = Cooldowns(300, 1, clock=clock)
    cooldowns.member_allowed(1)
    clock.now += MEMBER_WINDOW_SECONDS - 1
    cooldowns.member_allowed(2)
    clock.now += 2  # member 1's answer is now out of the window, member 2's is not
    assert cooldowns.member_allowed(3)
    assert cooldowns.tracked_members() == 2
    assert not cooldowns.member_allowed(2)


def test_a_refunded_answer_does_not_count() -> None:
    cooldowns = Cooldowns(300, 1, clock=Clock())
    assert cooldowns.member_allowed(1)
    cooldowns.refund(1)
    assert cooldowns.member_allowed(1)
    assert not cooldowns.member_allowed(1)
