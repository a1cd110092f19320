"""Settings, read once from the environment and ``.env``; all have defaults but the token.

Each setting is documented in ``.env.example`` and the README. This module never imports
discord, so the terminal mode starts fast.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.engine.knowledge import default_knowledge_dir
from bot.engine.matcher.tuning import (
    DEFAULT_ANSWER_THRESHOLD,
    DEFAULT_PASSIVE_THRESHOLD,
    DEFAULT_SUGGEST_THRESHOLD,
)

if TYPE_CHECKING:
    from bot.engine.matcher import Matcher

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
INTENT_CHOICES = ("auto", "true", "false")
DATABASE_FILE = "framework-bot.sqlite3"
MAX_SHARDS = 1000  # far beyond any bot this is for; a typo'd 100000 is refused
# Error messages quote a bad value only when it is at most this long: every valid value is
# shorter (an id has at most 20 digits), while a token and its secret part are longer.
SHOWN_LIMIT = 20
HIDDEN_VALUE = "(value not shown: it could be the token)"
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{15,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}")
NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?|\.[0-9]+")
SNOWFLAKE = re.compile(r"[1-9][0-9]{16,19}")
_Default = TypeVar("_Default", int, None)


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
    semantic_matching: bool = True  # the learned decider with the embedding model

    @property
    def vectors_dir(self) -> Path:
        """Where the knowledge's vectors are cached between starts."""
        return self.data_dir / "vectors"

    @property
    def database(self) -> Path:
        """The SQLite file: ``DATABASE_PATH``, or ``framework-bot.sqlite3`` in ``DATA_DIR``."""
        return self.database_path or self.data_dir / DATABASE_FILE

    @property
    def has_token(self) -> bool:
        return bool(self.token.strip())


def load_settings(environ: Mapping[str, str] | None = None, dotenv: bool = True) -> Settings:
    """Settings from ``environ`` (default: the process environment, after reading ``.env``).

    ``.env`` is read from the current directory, and relative paths in the settings are
    relative to it too, like any relative path a program is given.
    """
    if environ is None:
        if dotenv and Path(".env").is_file():  # importing dotenv costs a CLI start-up ~5 ms
            from dotenv import load_dotenv

            load_dotenv(".env", override=False)
        environ = os.environ
    env = _Reader(environ)
    settings = Settings(
        token=env.text("DISCORD_TOKEN"),
        knowledge_paths=tuple(Path(p) for p in _split(env.path("KNOWLEDGE_PATH"), os.pathsep))
        or (default_knowledge_dir(),),
        answer_threshold=env.number("ANSWER_THRESHOLD", DEFAULT_ANSWER_THRESHOLD, 0, 100),
        suggest_threshold=env.number("SUGGEST_THRESHOLD", DEFAULT_SUGGEST_THRESHOLD, 0, 100),
        passive_threshold=env.number("PASSIVE_THRESHOLD", DEFAULT_PASSIVE_THRESHOLD, 0, 100),
        passive_channels=frozenset(env.ids("PASSIVE_CHANNELS")),
        answer_cooldown_seconds=env.number("ANSWER_COOLDOWN_SECONDS", 300.0, 0, 86400),
        member_answers_per_minute=env.whole("MEMBER_ANSWERS_PER_MINUTE", 4, 1, 60),
        message_content_intent=env.choice("MESSAGE_CONTENT_INTENT", "auto", INTENT_CHOICES),
        dev_guild_id=env.optional_id("DEV_GUILD_ID"),
        application_id=env.optional_id("DISCORD_APPLICATION_ID"),
        shard_count=env.whole("SHARD_COUNT", None, 1, MAX_SHARDS),
        data_dir=Path(env.path("DATA_DIR") or "data"),
        log_level=env.choice("LOG_LEVEL", "INFO", LOG_LEVELS),
        database_path=Path(env.path("DATABASE_PATH")) if env.path("DATABASE_PATH") else None,
        unanswered_retention_days=env.number("UNANSWERED_RETENTION_DAYS", 90.0, 1, 3650),
        semantic_matching=env.choice("SEMANTIC_MATCHING", "true", ("true", "false")) == "true",
    )
    if settings.suggest_threshold > settings.answer_threshold:
        raise SettingsError(
            f"SUGGEST_THRESHOLD ({settings.suggest_threshold:g}) must not be above "
            f"ANSWER_THRESHOLD ({settings.answer_threshold:g}): below the answer threshold the "
            "bot suggests, so the suggest threshold is the lower one"
        )
    return settings


def matcher_for(settings: Settings) -> Matcher:
    """The matcher for the knowledge, thresholds and SEMANTIC_MATCHING that ``settings`` name,
    its vectors cached in ``settings.vectors_dir``: what the bot and the terminal answer with."""
    from bot.engine import build_matcher

    return build_matcher(
        settings.knowledge_paths,
        settings.answer_threshold,
        settings.suggest_threshold,
        semantic=settings.semantic_matching,
        cache_dir=settings.vectors_dir,
    )


def _split(value: str, separator: str) -> list[str]:
    return [part.strip() for part in value.split(separator) if part.strip()]


def looks_like_token(text: str) -> bool:
    """Whether ``text`` has a Discord token's shape: three dot-separated base64url parts."""
    return TOKEN_SHAPE.search(text) is not None


def shown(raw: str, token: str = "") -> str:
    """``raw`` quoted for an error message, or a placeholder when it could be the token.

    A token pasted into the wrong variable must not end up in a log or a terminal: values
    longer than any valid one, token-shaped ones and pieces of the configured token are
    never echoed.
    """
    secret = len(raw) > SHOWN_LIMIT or looks_like_token(raw)
    if token and len(raw) >= 6 and (raw in token or token in raw):
        secret = True
    return HIDDEN_VALUE if secret else repr(raw)


class _Reader:
    def __init__(self, environ: Mapping[str, str]) -> None:
        self.environ = environ
        self.token = self.text("DISCORD_TOKEN")

    def text(self, name: str) -> str:
        return self.environ.get(name, "").strip()

    def _refuse(self, name: str, raw: str, valid: str) -> SettingsError:
        return SettingsError(f"{name}={shown(raw, self.token)} {valid}")

    def number(self, name: str, default: float, low: float, high: float) -> float:
        raw = self.text(name)
        if not raw:
            return default
        valid = f"must be a number from {low:g} to {high:g}"
        if not NUMBER.fullmatch(raw):  # float() also takes 'nan', 'inf' and '1_0'
            raise self._refuse(name, raw, valid)
        value = float(raw)
        if not low <= value <= high:
            raise self._refuse(name, raw, valid)
        return value

    def whole(self, name: str, default: _Default, low: int, high: int) -> int | _Default:
        raw = self.text(name)
        if not raw:
            return default
        if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
            raise self._refuse(name, raw, f"must be a whole number from {low} to {high}")
        return int(raw)

    def ids(self, name: str) -> list[int]:
        raw = self.text(name)
        ids = []
        several = ", separated by commas" if name.endswith("S") else ""
        for part in _split(raw, ","):
            if not SNOWFLAKE.fullmatch(part):
                raise self._refuse(
                    name,
                    part,
                    "is not a Discord id: ids are numbers of 17 to 20 digits (Developer Mode "
                    f"on, right-click, Copy ID){several}",
                )
            ids.append(int(part))
        return ids

    def optional_id(self, name: str) -> int | None:
        values = self.ids(name)
        if len(values) > 1:
            raise SettingsError(f"{name} takes one id, not {len(values)}")
        return values[0] if values else None

    def choice(self, name: str, default: str, choices: tuple[str, ...]) -> str:
        raw = self.text(name) or default
        value = raw.upper() if choices[0].isupper() else raw.lower()
        if value not in choices:
            raise self._refuse(name, raw, f"must be one of: {', '.join(choices)}")
        return value

    def path(self, name: str) -> str:
        raw = self.text(name)
        if raw and (looks_like_token(raw) or (self.token and self.token in raw)):
            raise SettingsError(f"{name} holds what looks like a Discord token, not a path")
        return raw


def token_application_id(token: str) -> int | None:
    """The application id a bot token starts with (base64 of the id); None if it does not."""
    head = token.split(".", 1)[0]
    try:
        decoded = base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(decoded) if decoded.isascii() and decoded.isdigit() else None
