"""What the bot remembers: server settings, answers, votes and unanswered questions.

- ``schema``: the migrations that build the database;
- ``database``: the connection and its fault policy (aiosqlite);
- ``rows``: the row and domain types;
- ``queries``: every SQL statement, the report's among them;
- ``store``: ``Storage``, the one interface the Discord layer uses;
- ``reader``: the report's read-only reads, with the standard library's sqlite3.

Importing this package is light: ``Storage`` and aiosqlite load on first use, so that
``framework-bot report`` never imports aiosqlite. Nothing here imports discord.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import rows
from .rows import *  # noqa: F403  # the row and domain types
from .schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from .database import BUSY_TIMEOUT_SECONDS, close_all, migrate
    from .store import DAY_SECONDS, PURGE_EVERY_SECONDS, Storage

__all__ = [
    *rows.__all__,
    "BUSY_TIMEOUT_SECONDS",
    "DAY_SECONDS",
    "MIGRATIONS",
    "PURGE_EVERY_SECONDS",
    "SCHEMA_VERSION",
    "Storage",
    "close_all",
    "migrate",
]
_LAZY = {
    "BUSY_TIMEOUT_SECONDS": "database",
    "close_all": "database",
    "migrate": "database",
    "DAY_SECONDS": "store",
    "PURGE_EVERY_SECONDS": "store",
    "Storage": "store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
