"""deploy/: the systemd unit verifies, and the Dockerfile and compose file point at things
that exist. No Docker daemon here: the image itself is not built by the tests."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from bot.cli import COMMANDS
from bot.config import Settings

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "framework-bot.service"


def unit_settings() -> dict[str, str]:
    pairs = (line.split("=", 1) for line in UNIT.read_text().splitlines() if "=" in line)
    return {key: value for key, value in pairs if not key.startswith("#")}


def test_the_unit_runs_the_checkout_with_its_env_and_data_dir() -> None:
    unit = unit_settings()
    home = unit["WorkingDirectory"]
    assert unit["ExecStart"] == f"{home}/.venv/bin/framework-bot run"
    assert unit["EnvironmentFile"] == f"{home}/.env"  # where the bot reads .env itself too
    assert unit["ReadWritePaths"] == f"{home}/{Settings().data_dir}"  # the default DATA_DIR
    assert unit["ExecReload"] == "/bin/kill -HUP $MAINPID"
    assert unit["Restart"] == "on-failure"
    assert unit["NoNewPrivileges"] == "yes" and unit["ProtectSystem"] == "strict"
    assert unit["User"] == "framework-bot"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "framework-bot").is_file():
        pytest.skip("no .venv/bin/framework-bot in the checkout to point ExecStart at")
    # The unit as it would be for this checkout: verify also checks that ExecStart exists.
    unit = tmp_path / "framework-bot.service"
    unit.write_text(UNIT.read_text().replace("/opt/framework-bot", str(ROOT)))
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr


def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text()


def test_the_dockerfile_copies_what_exists_and_runs_the_entry_point() -> None:
    text = dockerfile()
    for source in re.findall(r"^COPY (.+) \S+$", text, re.MULTILINE):
        for path in source.split():
            assert (ROOT / path).exists(), path
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert 'ENTRYPOINT ["framework-bot"]' in text and "framework-bot" in scripts
    assert 'CMD ["run"]' in text
    assert 'CMD ["framework-bot", "health"]' in text and "health" in COMMANDS
    assert re.search(r"^USER framework-bot$", text, re.MULTILINE)
    assert text.startswith("#") and "FROM python:3.11-slim" in text


def test_docker_paths_agree_data_is_the_volume_and_knowledge_is_mountable() -> None:
    text = dockerfile()
    assert "DATA_DIR=/data" in text and 'VOLUME ["/data"]' in text
    assert "KNOWLEDGE_PATH=/app/knowledge" in text and "COPY knowledge ./knowledge" in text
    assert "WORKDIR /app" in text
    compose = (DEPLOY / "compose.yaml").read_text()
    assert "context: ..\n" in compose and "dockerfile: deploy/Dockerfile" in compose
    assert "DATA_DIR: /data" in compose and "KNOWLEDGE_PATH: /app/knowledge" in compose
    assert "- data:/data" in compose
    mounted = re.search(r"- \.\./(\S+):/app/knowledge:ro", compose)
    assert mounted and (ROOT / mounted.group(1)).is_dir()
    env_file = re.search(r"env_file: \.\./(\S+)", compose)
    assert env_file and (ROOT / (env_file.group(1) + ".example")).is_file()  # .env beside it


def test_the_build_context_keeps_what_the_dockerfile_copies_and_never_the_env() -> None:
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    assert "*" in ignore  # everything out, then only what the image needs back in
    kept = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    copied = {
        p for s in re.findall(r"^COPY (.+) \S+$", dockerfile(), re.MULTILINE) for p in s.split()
    }
    assert copied == kept
    assert ".env" not in kept
