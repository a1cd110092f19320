"""Signals: SIGTERM and SIGINT stop the bot cleanly (exit 0, one log line), SIGHUP reloads the
knowledge at any time after start, even while it still waits for the network."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import pytest

from bot.discord_layer.service import Service
from bot.engine.knowledge import default_knowledge_dir
from tests.discord_layer.local_discord import api_base, free_port
from tests.discord_layer.test_start_faults import TOKEN
from tests.paths import DATA

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")

EXTRA = DATA / "knowledge-extra" / "react-vs-vue.toml"
# The real `framework-bot run`, with discord.com pointed at a local port nobody listens on.
LAUNCH = (
    "import sys; from discord.http import Route; Route.BASE = sys.argv[1]; "
    "from bot.cli import main; sys.exit(main(['run']))"
)


def read_until(stream: IO[str], text: str, timeout: float = 20.0) -> list[str]:
    """Lines of ``stream`` up to the one containing ``text``."""
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            break
        lines.append(line)
        if text in line:
            return lines
    raise AssertionError(f"no {text!r} in the output:\n{''.join(lines)}")


@pytest.fixture
def waiting_bot(tmp_path: Path) -> Any:
    """`framework-bot run` started while the network is down: it waits and retries."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), knowledge)
    env = {
        **os.environ,
        "DISCORD_TOKEN": TOKEN,
        "KNOWLEDGE_PATH": str(knowledge),
        "DATA_DIR": str(tmp_path / "data"),
        "LOG_LEVEL": "INFO",
    }
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, api_base(free_port())],
        cwd=tmp_path,  # no .env there
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    try:
        read_until(process.stderr, "cannot reach Discord")
        yield process, knowledge
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_exits_0_with_one_log_line(waiting_bot: Any, stop: int) -> None:
    process, _ = waiting_bot
    process.send_signal(stop)
    rest = process.stderr.read()
    assert process.wait(timeout=20) == 0
    name = signal.Signals(stop).name
    assert rest.splitlines()[0].endswith(f"{name}: closing the gateway and the database")
    assert len(rest.splitlines()) == 1, rest  # no traceback, no second word
    assert "GhIjKl" not in rest


def test_sighup_reloads_the_knowledge_before_the_bot_is_even_connected(waiting_bot: Any) -> None:
    process, knowledge = waiting_bot
    shutil.copy(EXTRA, knowledge)
    process.send_signal(signal.SIGHUP)
    lines = read_until(process.stderr, "knowledge reloaded")
    assert "knowledge reloaded: 2 documents," in lines[-1]
    (knowledge / "broken.toml").write_text('id = "broken"\n')
    process.send_signal(signal.SIGHUP)
    assert "the old knowledge stays in service" in read_until(process.stderr, "reload failed")[-1]
    assert "broken.toml" in read_until(process.stderr, "broken.toml")[-1]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0


async def test_sigterm_closes_a_connected_bot_and_its_database(simcord_env: Any) -> None:
    bot = simcord_env.bot
    assert bot.storage.available
    service = Service(bot, TOKEN)
    try:
        assert service.install_signals() == ["SIGTERM", "SIGINT", "SIGHUP"]
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(200):
            await asyncio.sleep(0)
            if service._closing is not None and service._closing.done():
                break
        assert service.stopping.is_set()
        assert bot.is_closed()
        assert not bot.storage.available
    finally:
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            loop.remove_signal_handler(number)
