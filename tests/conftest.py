"""Shared fixtures: the real bot from ``create_bot()``, driven through simcord."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from discord.ext import commands

from bot.config import Settings
from bot.discord_layer.client import create_bot
from bot.engine.knowledge import default_knowledge_dir

PASSIVE_CHANNEL = 900_000_000_000_000_001


@pytest.fixture(autouse=True, scope="session")
def lexical_by_default(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The suite tests the bot's behaviour with the lexical matcher, which answers in a
    fraction of a millisecond and needs no vectors; the semantic path has its own tests
    (tests/engine/test_semantic.py and a behaviour test) that turn it on. Nothing is written
    into the checkout's data/."""
    saved = {k: os.environ.get(k) for k in ("SEMANTIC_MATCHING", "DATA_DIR")}
    os.environ["SEMANTIC_MATCHING"] = "false"
    os.environ.setdefault("DATA_DIR", str(tmp_path_factory.mktemp("data")))
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def bot_settings(tmp_path: Path) -> Settings:
    """Settings a test can adjust (``dataclasses.replace``) before the bot is built."""
    return Settings(
        knowledge_paths=(default_knowledge_dir(),),
        data_dir=tmp_path / "data",
        answer_cooldown_seconds=300,
        member_answers_per_minute=4,
        semantic_matching=False,
    )


@pytest.fixture
def simcord_bot(bot_settings: Settings, request: Any) -> commands.Bot:
    marker = request.node.get_closest_marker("settings")
    if marker is not None:
        from dataclasses import replace

        return create_bot(replace(bot_settings, **marker.kwargs))
    return create_bot(bot_settings)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "settings(**fields): Settings fields for the bot under test")


@pytest.fixture(autouse=True)
async def close_databases() -> Any:
    """simcord never calls ``bot.close()``: close what the bots opened (a thread each)."""
    yield
    from bot.storage import close_all

    await close_all()
