"""What survives a restart: the answer's controls, and no needless command sync."""

from __future__ import annotations

from typing import Any

from bot.discord_layer.client import create_bot
from bot.discord_layer.command_sync import STATE_FILE
from tests.discord_layer.helpers import server


def sync_calls(env: Any) -> int:
    return sum(1 for r in env.http_requests if r.method == "PUT" and r.path.endswith("/commands"))


async def test_full_comparison_button_works_after_a_restart(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    await alice.send(channel, f"{simcord_env.bot.user.mention} what is django?")
    answer = channel.last_message
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))
    result = await alice.click(answer, label="Full comparison")
    assert result.ephemeral
    assert result.response.embeds[0].title == "Flask vs Django"


async def test_menus_under_answers_work_after_a_restart_and_never_expire(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    mention = simcord_env.bot.user.mention
    await alice.send(channel, f"{mention} is django hard to learn?")
    answer = channel.last_message
    await alice.send(channel, f"{mention} does it have an orm?")  # a tie: "Did you mean"
    guess = channel.last_message
    await simcord_env.advance_time(3 * 3600)
    await simcord_env.restart_bot(create_bot(simcord_env.bot.settings))
    for message, placeholder in ((answer, "Not what I asked?"), (guess, "Did you mean…")):
        (menu,) = [c for row in message.components for c in row.children if hasattr(c, "options")]
        assert menu.placeholder == placeholder
        assert not menu.disabled
        chosen = await alice.select(message, [menu.options[-1].value])
        assert chosen.ephemeral
        assert chosen.response.embeds[0].title == menu.options[-1].label


async def test_commands_sync_on_a_fresh_data_dir_and_not_again_when_unchanged(
    simcord_env: Any,
) -> None:
    settings = simcord_env.bot.settings
    assert (settings.data_dir / STATE_FILE).is_file()
    assert sync_calls(simcord_env) == 1
    await simcord_env.restart_bot(create_bot(settings))
    assert sync_calls(simcord_env) == 1
    (settings.data_dir / STATE_FILE).write_text("an older command tree\n")
    await simcord_env.restart_bot(create_bot(settings))
    assert sync_calls(simcord_env) == 2
    await simcord_env.restart_bot(create_bot(settings, force_sync=True))
    assert sync_calls(simcord_env) == 3
    channel, alice = server(simcord_env)
    assert {"ask", "compare", "topics", "help"} <= set(alice.available_commands(channel))
