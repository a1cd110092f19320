"""`framework-bot run/invite`: the token stays hidden, invites ask for exactly what is needed."""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import discord
import pytest

from bot.config import Settings
from bot.discord_layer.client import create_bot
from bot.discord_layer.launcher import (
    HIDDEN,
    INTENT_REFUSED,
    TokenFilter,
    application_id,
    configure_logging,
    main,
    run,
)
from bot.engine.knowledge import KnowledgeError

APP_ID = 1234567890123456789
TOKEN = (
    base64.b64encode(str(APP_ID).encode()).decode().rstrip("=") + ".GhIjKl.s3cr3t-part_of-the-token"
)


def test_token_filter_hides_the_token_in_message_args_and_traceback() -> None:
    records = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    handler = Keep()
    handler.addFilter(TokenFilter(TOKEN))
    logger = logging.getLogger("test-token")
    logger.addHandler(handler)
    try:
        logger.warning("token is %s", TOKEN)
        logger.warning(f"inline {TOKEN}")
        try:
            raise RuntimeError(f"bad token {TOKEN}")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    text = "\n".join(records)
    assert TOKEN not in text
    assert text.count(HIDDEN) == 3
    assert "RuntimeError: bad token [token hidden]" in text


def test_settings_never_show_the_token() -> None:
    settings = Settings(semantic_matching=False, token=TOKEN)
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)


def test_invite_asks_for_exactly_the_needed_permissions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main("invite", Settings(semantic_matching=False, token=TOKEN)) == 0
    url = urlparse(capsys.readouterr().out.strip())
    query = parse_qs(url.query)
    assert query["client_id"] == [str(APP_ID)]
    assert set(query["scope"][0].split()) == {"bot", "applications.commands"}
    granted = discord.Permissions(int(query["permissions"][0]))
    assert {name for name, value in granted if value} == {
        "read_messages",  # discord.py's name for View Channel
        "send_messages",
        "send_messages_in_threads",
        "embed_links",
        "read_message_history",
        "create_public_threads",
        "manage_threads",
    }


def test_application_id_from_setting_or_token() -> None:
    assert application_id(Settings(semantic_matching=False, token=TOKEN)) == APP_ID
    assert application_id(Settings(semantic_matching=False, token=TOKEN, application_id=42)) == 42
    assert application_id(Settings(semantic_matching=False, token="not-a-token")) is None


def test_run_without_a_token_is_a_clear_error(caplog: pytest.LogCaptureFixture) -> None:
    assert main("run", Settings(semantic_matching=False)) == 1
    assert "DISCORD_TOKEN is not set" in caplog.text


def test_broken_knowledge_stops_the_bot_with_the_check_message(tmp_path: Path) -> None:
    broken = tmp_path / "k.toml"
    broken.write_text('id = "x"\ntitle = "X"\nquestion = "?"\n[[sections]]\nid = "a"\n')
    with pytest.raises(KnowledgeError) as caught:
        create_bot(
            Settings(
                semantic_matching=False, token=TOKEN, knowledge_paths=(broken,), data_dir=tmp_path
            )
        )
    assert f"{broken}: sections[0].title: missing required key" in str(caught.value)


def test_log_level_setting_applies() -> None:
    configure_logging(Settings(semantic_matching=False, log_level="WARNING"))
    assert logging.getLogger().level == logging.WARNING
    configure_logging(Settings(semantic_matching=False, log_level="DEBUG"))
    assert logging.getLogger().level == logging.DEBUG


class RefusingDiscord:
    """Stands in for the connection to Discord, which refuses the Message Content intent."""

    def __init__(self) -> None:
        self.started: list[str] = []

    def __call__(self, settings: Settings, force_sync: bool, stop_after_sync: bool) -> None:
        self.started.append(settings.message_content_intent)
        if create_bot(settings).intents.message_content:
            raise discord.PrivilegedIntentsRequired(shard_id=None)


def test_auto_starts_again_without_the_intent_after_one_clear_line(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    discord_ = RefusingDiscord()
    settings = Settings(
        semantic_matching=False, token=TOKEN, data_dir=tmp_path, message_content_intent="auto"
    )
    with caplog.at_level(logging.WARNING, logger="framework-bot"):
        assert run(settings, start=discord_) == 0
    assert discord_.started == ["auto", "false"]
    assert [r.getMessage() for r in caplog.records] == [INTENT_REFUSED]
    assert "passive answers" in INTENT_REFUSED and "Developer Portal" in INTENT_REFUSED


def test_intent_true_refused_is_an_error_not_a_silent_downgrade(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    discord_ = RefusingDiscord()
    settings = Settings(
        semantic_matching=False, token=TOKEN, data_dir=tmp_path, message_content_intent="true"
    )
    with caplog.at_level(logging.ERROR, logger="framework-bot"):
        assert run(settings, start=discord_) == 1
    assert discord_.started == ["true"]
    assert "MESSAGE_CONTENT_INTENT=true" in caplog.text


def test_intent_false_never_asks(tmp_path: Path) -> None:
    discord_ = RefusingDiscord()
    settings = Settings(
        semantic_matching=False, token=TOKEN, data_dir=tmp_path, message_content_intent="false"
    )
    assert run(settings, start=discord_) == 0
    assert discord_.started == ["false"]
