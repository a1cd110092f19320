"""The engine's word lists and phrasings, read from ``bot/engine/data/`` and checked on load.

Plain-text lists hold words separated by spaces, ``#`` starting a comment; TOML files hold
phrasings. A broken file stops the load with its name, the line and what is wrong, as a
broken knowledge file does.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("data")
_WORD = re.compile(r"[a-z0-9]+")


class DataFileError(ValueError):
    """A data file of the engine cannot be used; the message names the file and the line."""


def word_lines(name: str) -> list[list[str]]:
    """The words of each non-empty line of a word list, in order."""
    path = DATA_DIR / name
    lines: list[list[str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        words = line.split("#", 1)[0].split()
        for word in words:
            if not _WORD.fullmatch(word):
                raise DataFileError(
                    f"{path}:{number}: {word!r} is not a normalized word (a-z and 0-9 only)"
                )
        if words:
            lines.append(words)
    return lines


def words(name: str) -> frozenset[str]:
    """Every word of a word list."""
    return frozenset(word for line in word_lines(name) for word in line)


def table(name: str) -> dict[str, Any]:
    """A TOML data file."""
    path = DATA_DIR / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(f"{path}: {error}") from None


def expect(path: str, value: object, kind: type, name: str) -> None:
    """Raise unless ``value`` (at key ``path`` of data file ``name``) is of ``kind``."""
    if not isinstance(value, kind):
        raise DataFileError(
            f"{DATA_DIR / name}: {path} must be {kind.__name__}, not {type(value).__name__}"
        )
