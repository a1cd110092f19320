"""The heartbeat: fresh while the gateway is connected, stale once it is not; ``health`` says
which (a Docker HEALTHCHECK runs it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.discord_layer import heartbeat
from bot.discord_layer.client import FrameworkBot, create_bot
from bot.discord_layer.service import Heartbeat


@pytest.fixture
def beats(bot_settings: Settings) -> Heartbeat:
    return Heartbeat(create_bot(bot_settings), bot_settings.data_dir / heartbeat.FILE).attach()


@pytest.fixture
def simcord_bot(beats: Heartbeat) -> FrameworkBot:
    return beats.bot


def made_old(path: Path) -> None:
    os.utime(path, (1, 1))  # as if written in 1970


async def test_the_bot_beats_while_connected_and_stops_when_disconnected(
    simcord_env: Any, beats: Heartbeat
) -> None:
    path = beats.path
    try:
        assert heartbeat.age(path) is not None and heartbeat.age(path) < 5  # beat when ready
        made_old(path)
        await simcord_env.advance_time(heartbeat.INTERVAL + 1)
        assert heartbeat.health(path)[0]
        simcord_env.bot.dispatch("disconnect")  # what discord.py does when the gateway drops
        made_old(path)
        await simcord_env.advance_time(3 * heartbeat.INTERVAL)
        assert not heartbeat.health(path)[0]
        simcord_env.bot.dispatch("resumed")
        await simcord_env.advance_time(heartbeat.INTERVAL + 1)
        assert heartbeat.health(path)[0]
    finally:
        beats.stop()
    assert not path.exists()  # a clean stop says "not running" at once


def test_health_reads_the_age(tmp_path: Path) -> None:
    path = tmp_path / heartbeat.FILE
    assert heartbeat.health(path) == (
        False,
        f"no heartbeat at {path}: the bot is not running, or not yet connected",
    )
    heartbeat.beat(path)
    written = path.stat().st_mtime
    assert heartbeat.health(path, now=written + 10) == (
        True,
        "ok: connected to Discord (heartbeat 10 s ago)",
    )
    ok, line = heartbeat.health(path, now=written + heartbeat.STALE_AFTER + 1)
    assert not ok and line.startswith("last heartbeat 91 s ago")
