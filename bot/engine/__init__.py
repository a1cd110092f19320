"""The engine: knowledge, text, matching, rendering and evaluation. No discord, no database.

``build_matcher(paths)`` loads and checks the knowledge and indexes it; ask the matcher
``match(question)``, or ``explain(question)`` for why. Importing this package costs nothing:
the matcher loads on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.engine.matcher import Matcher


def build_matcher(
    paths: Iterable[str | Path],
    answer_threshold: float | None = None,
    suggest_threshold: float | None = None,
) -> Matcher:
    """Load the knowledge at ``paths`` (files or directories; KnowledgeError if any is
    broken) and index it, with the given thresholds (the engine's defaults when None)."""
    from bot.engine.knowledge import load
    from bot.engine.matcher import Matcher
    from bot.engine.matcher.tuning import DEFAULT_ANSWER_THRESHOLD, DEFAULT_SUGGEST_THRESHOLD

    return Matcher(
        load(paths),
        DEFAULT_ANSWER_THRESHOLD if answer_threshold is None else answer_threshold,
        DEFAULT_SUGGEST_THRESHOLD if suggest_threshold is None else suggest_threshold,
    )
