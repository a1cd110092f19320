"""A control whose response Discord fails still gets the member an apology, logged once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord
import pytest

from bot.discord_layer.ui.embeds import APOLOGY
from tests.discord_layer.helpers import server, vote_button

CALLBACK = "/interactions/*/*/callback"


def menu_values(message: Any) -> list[str]:
    menu = next(
        c for row in message.components for c in row.children if isinstance(c, discord.SelectMenu)
    )
    return [menu.options[0].value]


async def asked(env: Any, alice: Any, channel: Any, question: str) -> Any:
    await alice.send(channel, f"{env.bot.user.mention} {question}")
    return channel.last_message


async def up_vote(env: Any, alice: Any, channel: Any) -> Callable[[], Awaitable[Any]]:
    answer = await asked(env, alice, channel, "is django hard to learn?")
    return lambda: alice.click(answer, custom_id=vote_button(answer, "👍"))


async def down_vote(env: Any, alice: Any, channel: Any) -> Callable[[], Awaitable[Any]]:
    answer = await asked(env, alice, channel, "is django hard to learn?")
    return lambda: alice.click(answer, custom_id=vote_button(answer, "👎"))


async def full_comparison(env: Any, alice: Any, channel: Any) -> Callable[[], Awaitable[Any]]:
    answer = await asked(env, alice, channel, "is django hard to learn?")
    return lambda: alice.click(answer, label="Full comparison")


async def not_what_i_asked(env: Any, alice: Any, channel: Any) -> Callable[[], Awaitable[Any]]:
    answer = await asked(env, alice, channel, "is django hard to learn?")
    return lambda: alice.select(answer, menu_values(answer))


async def did_you_mean(env: Any, alice: Any, channel: Any) -> Callable[[], Awaitable[Any]]:
    guess = await asked(env, alice, channel, "does it have an orm?")
    return lambda: alice.select(guess, menu_values(guess))


async def compare_next(env: Any, alice: Any, channel: Any) -> Callable[[], Awaitable[Any]]:
    pages = (await alice.slash(channel, "compare")).response.message
    return lambda: alice.click(pages, label="Next")


async def compare_jump(env: Any, alice: Any, channel: Any) -> Callable[[], Awaitable[Any]]:
    pages = (await alice.slash(channel, "compare")).response.message
    return lambda: alice.select(pages, ["3"])


async def show_everyone(env: Any, alice: Any, channel: Any) -> Callable[[], Awaitable[Any]]:
    pages = (await alice.slash(channel, "compare")).response.message
    return lambda: alice.click(pages, label="Show everyone")


CONTROLS = [
    up_vote,
    down_vote,
    full_comparison,
    not_what_i_asked,
    did_you_mean,
    compare_next,
    compare_jump,
    show_everyone,
]


def apologies(result: Any) -> list[Any]:
    shown = [result.response] if result.response is not None else []
    return [m for m in [*shown, *result.followups] if m.content == APOLOGY]


def failures_logged(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: c.__name__)
@pytest.mark.parametrize(
    ("status", "times"),
    [(500, 1), (503, None)],
    ids=["one failure: the apology is the response", "route keeps failing: a followup"],
)
async def test_a_failed_control_is_apologised_for(
    simcord_env: Any,
    caplog: pytest.LogCaptureFixture,
    control: Any,
    status: int,
    times: int | None,
) -> None:
    channel, alice = server(simcord_env)
    act = await control(simcord_env, alice, channel)
    simcord_env.inject_error("POST", CALLBACK, status=status, times=times)
    with caplog.at_level(logging.INFO):
        result = await act()
    (apology,) = apologies(result)
    assert apology.ephemeral
    if times is None:  # the response route never answered: only a followup can
        assert apology.id in [m.id for m in result.followups]
    (logged,) = failures_logged(caplog)
    assert logged.message.startswith("interaction failed (component")
    simcord_env.errors  # noqa: B018 - seen: the view's error is this test's own
