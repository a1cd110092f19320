"""Settings, read once from the environment and ``.env``; all have defaults but the token.

Each setting is documented in ``.env.example`` and the README. This module never imports
discord, so the terminal mode starts fast.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge import default_knowledge_dir
from bot.matching import DEFAULT_ANSWER_THRESHOLD, DEFAULT_SUGGEST_THRESHOLD

DEFAULT_PASSIVE_THRESHOLD = 75.0
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
INTENT_CHOICES = ("auto", "true", "false")
DATABASE_FILE = "framework-bot.sqlite3"


class SettingsError(ValueError):
    """A setting has a value that cannot be used; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot and the terminal mode can be configured with."""

    token: str = field(default="", repr=False)
    knowledge_paths: tuple[Path, ...] = (default_knowledge_dir(),)
    answer_threshold: float = DEFAULT_ANSWER_THRESHOLD
    suggest_threshold: float = DEFAULT_SUGGEST_THRESHOLD
    passive_threshold: float = DEFAULT_PASSIVE_THRESHOLD
    passive_channels: frozenset[int] = frozenset()
    answer_cooldown_seconds: float = 300.0
    member_answers_per_minute: int = 4
    message_content_intent: str = "auto"
    dev_guild_id: int | None = None
    application_id: int | None = None
    shard_count: int | None = None
    data_dir: Path = Path("data")
    log_level: str = "INFO"
    database_path: Path | None = None  # None: DATA_DIR/framework-bot.sqlite3
    unanswered_retention_days: float = 90.0

    @property
    def database(self) -> Path:
        """The SQLite file: ``DATABASE_PATH``, or ``framework-bot.sqlite3`` in ``DATA_DIR``."""
        return self.database_path or self.data_dir / DATABASE_FILE

    @property
    def has_token(self) -> bool:
        return bool(self.token.strip())


def load_settings(environ: Mapping[str, str] | None = None, dotenv: bool = True) -> Settings:
    """Settings from ``environ`` (default: the process environment, after reading ``.env``)."""
    if environ is None:
        if dotenv and Path(".env").is_file():  # importing dotenv costs a CLI start-up ~5 ms
            from dotenv import load_dotenv

            load_dotenv(".env", override=False)
        environ = os.environ
    env = _Reader(environ)
    knowledge = env.text("KNOWLEDGE_PATH")
    return Settings(
        token=env.text("DISCORD_TOKEN"),
        knowledge_paths=tuple(Path(p) for p in _split(knowledge, os.pathsep))
        or (default_knowledge_dir(),),
        answer_threshold=env.number("ANSWER_THRESHOLD", DEFAULT_ANSWER_THRESHOLD, 0, 100),
        suggest_threshold=env.number("SUGGEST_THRESHOLD", DEFAULT_SUGGEST_THRESHOLD, 0, 100),
        passive_threshold=env.number("PASSIVE_THRESHOLD", DEFAULT_PASSIVE_THRESHOLD, 0, 100),
        passive_channels=frozenset(env.ids("PASSIVE_CHANNELS")),
        answer_cooldown_seconds=env.number("ANSWER_COOLDOWN_SECONDS", 300.0, 0, 86400),
        member_answers_per_minute=int(env.number("MEMBER_ANSWERS_PER_MINUTE", 4, 1, 60)),
        message_content_intent=env.choice("MESSAGE_CONTENT_INTENT", "auto", INTENT_CHOICES),
        dev_guild_id=env.optional_id("DEV_GUILD_ID"),
        application_id=env.optional_id("DISCORD_APPLICATION_ID"),
        shard_count=env.optional_count("SHARD_COUNT"),
        data_dir=Path(env.text("DATA_DIR") or "data"),
        log_level=env.choice("LOG_LEVEL", "INFO", LOG_LEVELS),
        database_path=Path(env.text("DATABASE_PATH")) if env.text("DATABASE_PATH") else None,
        unanswered_retention_days=env.number("UNANSWERED_RETENTION_DAYS", 90.0, 1, 3650),
    )


def _split(value: str, separator: str) -> list[str]:
    return [part.strip() for part in value.split(separator) if part.strip()]


class _Reader:
    def __init__(self, environ: Mapping[str, str]) -> None:
        self.environ = environ

    def text(self, name: str) -> str:
        return self.environ.get(name, "").strip()

    def number(self, name: str, default: float, low: float, high: float) -> float:
        raw = self.text(name)
        if not raw:
            return default
        try:
            value = float(raw)
        except ValueError:
            raise SettingsError(f"{name}={raw!r} is not a number") from None
        if not low <= value <= high:
            raise SettingsError(f"{name}={raw} is out of range ({low:g} to {high:g})")
        return value

    def ids(self, name: str) -> list[int]:
        raw = self.text(name)
        try:
            return [int(part) for part in _split(raw, ",")]
        except ValueError:
            raise SettingsError(f"{name}={raw!r} must be comma-separated numeric ids") from None

    def optional_id(self, name: str) -> int | None:
        values = self.ids(name)
        if len(values) > 1:
            raise SettingsError(f"{name} takes one id, not {len(values)}")
        return values[0] if values else None

    def optional_count(self, name: str) -> int | None:
        raw = self.text(name)
        if not raw:
            return None
        if not raw.isdigit() or int(raw) < 1:
            raise SettingsError(f"{name}={raw!r} must be a whole number of at least 1")
        return int(raw)

    def choice(self, name: str, default: str, choices: tuple[str, ...]) -> str:
        raw = self.text(name) or default
        value = raw.upper() if choices[0].isupper() else raw.lower()
        if value not in choices:
            raise SettingsError(f"{name}={raw!r} must be one of: {', '.join(choices)}")
        return value
