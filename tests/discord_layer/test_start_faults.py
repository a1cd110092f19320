"""Discord unreachable or the token refused at start: one clear line, retry while the network
is down, exit 1 at once on a refused token. Against a local stand-in, never the internet."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import discord
import pytest
from discord.http import Route

from bot.config import Settings
from bot.discord_layer.launcher import TOKEN_REFUSED, main
from bot.discord_layer.service import RETRY_MAX, probe, wait_for_discord
from tests.discord_layer.local_discord import api_base, free_port, refusing_discord

TOKEN = (
    base64.b64encode(b"1234567890123456789").decode().rstrip("=")
    + ".GhIjKl.s3cr3t-part_of-the-token-abcdef"
)


class Sleeps:
    """Records the backoff instead of waiting it out; ``then`` runs before the n-th wake."""

    def __init__(self, stop_after: int = 1000, then: dict[int, object] | None = None) -> None:
        self.delays: list[float] = []
        self.stop_after = stop_after
        self.then = then or {}

    async def __call__(self, seconds: float) -> bool:
        self.delays.append(seconds)
        action = self.then.get(len(self.delays))
        if callable(action):
            action()
        return len(self.delays) >= self.stop_after


async def test_network_down_retries_with_backoff_and_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(Route, "BASE", api_base(free_port()))  # connection refused
    sleeps = Sleeps(stop_after=9)
    with caplog.at_level(logging.INFO):
        assert await wait_for_discord(TOKEN, sleeps) is False  # stopped while waiting
    assert sleeps.delays == [1, 2, 4, 8, 16, 32, RETRY_MAX, RETRY_MAX, RETRY_MAX]
    (line,) = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert line.levelno == logging.WARNING and line.exc_info is None
    assert line.getMessage().startswith("cannot reach Discord (Cannot connect to host 127.0.0.1")
    assert "check the network" in line.getMessage()


async def test_the_bot_goes_on_once_the_network_is_back(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    port = free_port()
    monkeypatch.setattr(Route, "BASE", api_base(port))
    with refusing_discord() as base:
        # The network comes back after the third failure: Discord answers (here: a 401).
        sleeps = Sleeps(then={3: lambda: monkeypatch.setattr(Route, "BASE", base)})
        with caplog.at_level(logging.INFO), pytest.raises(discord.LoginFailure):
            await wait_for_discord(TOKEN, sleeps)
    assert sleeps.delays == [1, 2, 4]
    assert [r.levelname for r in caplog.records] == ["WARNING"]  # retries stay at DEBUG


async def test_probe_raises_login_failure_on_a_refused_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with refusing_discord() as base:
        monkeypatch.setattr(Route, "BASE", base)
        with pytest.raises(discord.LoginFailure):
            await probe(TOKEN)


def test_a_refused_token_exits_1_at_once_with_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    settings = Settings(semantic_matching=False, token=TOKEN, data_dir=tmp_path)
    with refusing_discord() as base:
        monkeypatch.setattr(Route, "BASE", base)
        with caplog.at_level(logging.INFO):
            assert main("run", settings) == 1
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in errors] == [TOKEN_REFUSED]
    assert errors[0].exc_info is None
    assert "Reset Token" in TOKEN_REFUSED
    assert "GhIjKl" not in caplog.text and "s3cr3t" not in caplog.text


def test_no_voice_warnings_at_start(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)  # as without PyNaCl installed
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    with refusing_discord() as base:
        monkeypatch.setattr(Route, "BASE", base)
        with caplog.at_level(logging.DEBUG):
            main("run", Settings(semantic_matching=False, token=TOKEN, data_dir=tmp_path))
    assert "voice" not in caplog.text


def test_a_lost_gateway_connection_is_one_warning_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bot.discord_layer.launcher import configure_logging

    configure_logging(Settings(semantic_matching=False, token=TOKEN, log_level="INFO"))
    discord_log = logging.getLogger("discord.client")
    try:
        raise ConnectionResetError(104, "Connection reset by peer")
    except OSError:
        # What discord.py's Client.connect logs before it reconnects by itself.
        discord_log.exception("Attempting a reconnect in %.2fs", 4.2)
    try:
        raise ValueError("a bug")
    except ValueError:
        discord_log.exception("Ignoring exception in on_message")
    lines = capsys.readouterr().err.splitlines()
    assert (
        "WARNING  discord.client: Discord connection lost ([Errno 104] Connection reset by "
        in (lines[0])
    )
    assert lines[0].endswith("Attempting a reconnect in 4.20s")
    assert lines[1].endswith("ERROR    discord.client: Ignoring exception in on_message")
    assert lines[2] == "Traceback (most recent call last):"  # a bug keeps its traceback
