"""The README's two commands, run as a newcomer runs them: ``make run`` and ``make test``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _checkout_copy(tmp_path: Path) -> Path:
    """The files ``make`` reads, in a folder with no ``.env`` and no ``data/`` of anyone's."""
    copy = tmp_path / "checkout"
    copy.mkdir()
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(REPO / name, copy / name)
    return copy


def _newcomer_env(**extra: str) -> dict[str, str]:
    settings = {
        "DISCORD_TOKEN",
        "KNOWLEDGE_PATH",
        "DATA_DIR",
        "DATABASE_PATH",
        "LOG_LEVEL",
        "SEMANTIC_MATCHING",
    }
    env = {k: v for k, v in os.environ.items() if k not in settings and not k.startswith("MAKE")}
    env.update(extra)
    return env


@needs_make
@pytest.mark.skipif(
    Path(sys.prefix).resolve() != VENV.resolve(),
    reason="runs in the checkout's own .venv, as `make test` (and CI) run the suite",
)
def test_make_run_without_a_token_answers_a_question_from_stdin(tmp_path: Path) -> None:
    copy = _checkout_copy(tmp_path)
    (copy / ".venv").symlink_to(VENV)
    # -o: the install step is `make test`'s own first step here, already done; this runs the rest.
    result = subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed-run", "run"],
        cwd=copy,
        input="is django hard to learn?\n",
        capture_output=True,
        text=True,
        env=_newcomer_env(DISCORD_TOKEN=""),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "No DISCORD_TOKEN set: starting the terminal Q&A" in result.stderr
    assert result.stdout.startswith("Learning curve\n")
    assert "-- Flask vs Django" in result.stdout


@needs_make
def test_make_run_installs_only_what_running_needs_and_test_the_dev_extra(
    tmp_path: Path,
) -> None:
    copy = _checkout_copy(tmp_path)

    def dry_run(target: str) -> str:
        return subprocess.run(
            ["make", "--no-print-directory", "-n", target],
            cwd=copy,
            capture_output=True,
            text=True,
            env=_newcomer_env(),
            check=True,
        ).stdout

    run = dry_run("run")
    installs = [line for line in run.splitlines() if "pip install" in line]
    assert installs and all("[dev]" not in line for line in installs)
    assert run.rstrip().endswith(".venv/bin/framework-bot")
    test = dry_run("test")
    assert any("pip install" in line and "'.[dev]'" in line for line in test.splitlines())
    assert ".venv/bin/pytest" in test
    assert "#" not in run + test  # no Makefile comments echoed to a newcomer
