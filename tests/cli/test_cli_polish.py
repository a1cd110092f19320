"""The command line: --version, help that says what each command reads and where from, a
closed pipe (`| head -1`) ends quietly, and `health`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import __version__
from bot.cli import COMMANDS, main
from bot.discord_layer import heartbeat


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"framework-bot {__version__}\n"
    assert __version__ != "0+unknown"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_help_says_what_it_does_and_reads(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    _, description, reads = COMMANDS[command]
    assert " ".join(description.split()) in text
    assert f"Reads: {reads}." in text
    assert ".env in the current directory" in text
    assert "Relative paths in them (DATA_DIR, DATABASE_PATH, KNOWLEDGE_PATH)" in text


def closed_pipe_run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command with stdout a pipe whose reader has already gone, as `| head -1`
    leaves it; deterministic, unlike a real head racing the writer."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"},
            timeout=60,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ("show", "flask-vs-django"),
        ("ask", "is django hard to learn?"),
        ("ask", "--json", "what is flask?"),
        ("check",),
        ("--help",),
    ],
)
def test_a_closed_pipe_ends_quietly(args: tuple[str, ...]) -> None:
    done = closed_pipe_run(*args)
    assert done.stderr == ""  # no traceback, no "Exception ignored ..."
    assert done.returncode == 0


def test_a_real_head_reads_the_first_line() -> None:
    shell = f"{sys.executable} -m bot show flask-vs-django | head -1"
    done = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() and done.stderr == ""


def test_health_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    assert main(["health"]) == 1
    assert "no heartbeat" in capsys.readouterr().err
    heartbeat.beat(tmp_path / heartbeat.FILE)
    assert main(["health"]) == 0
    assert capsys.readouterr().out.startswith("ok: connected to Discord")
    os.utime(tmp_path / heartbeat.FILE, (1, 1))
    assert main(["health"]) == 1
    assert "not connected to Discord" in capsys.readouterr().err
