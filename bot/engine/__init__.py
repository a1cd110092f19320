"""The engine: knowledge, text, matching, rendering and evaluation. No discord, no database.

``build_matcher(paths)`` loads and checks the knowledge and indexes it; ask the matcher
``match(question)``, or ``explain(question)`` for why. Importing this package costs nothing:
the matcher loads on first use.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.engine.matcher import Matcher


def build_matcher(
    paths: Iterable[str | Path],
    answer_threshold: float | None = None,
    suggest_threshold: float | None = None,
    semantic: bool = False,
    cache_dir: Path | None = None,
) -> Matcher:
    """Load the knowledge at ``paths`` (files or directories; KnowledgeError if any is
    broken) and index it, with the given thresholds (the engine's defaults when None).

    ``semantic``: decide with the learned decider over the lexical and the embedding
    model's candidates (``bot.engine.semantic``), the knowledge's vectors cached in
    ``cache_dir``; where the model cannot load, say so once in the log and match lexically.
    """
    from bot.engine.knowledge import load
    from bot.engine.matcher import Matcher
    from bot.engine.matcher.tuning import DEFAULT_ANSWER_THRESHOLD, DEFAULT_SUGGEST_THRESHOLD

    knowledge = load(paths)
    answer = DEFAULT_ANSWER_THRESHOLD if answer_threshold is None else answer_threshold
    suggest = DEFAULT_SUGGEST_THRESHOLD if suggest_threshold is None else suggest_threshold
    if semantic:
        from bot.engine.data_files import DataFileError
        from bot.engine.semantic import SemanticMatcher, SemanticUnavailable

        try:
            return SemanticMatcher(knowledge, answer, suggest, cache_dir=cache_dir)
        except (SemanticUnavailable, DataFileError) as error:
            logging.getLogger(__name__).warning(
                "semantic matching is off (%s); answering with the lexical matcher alone. "
                "SEMANTIC_MATCHING=false stops this warning.",
                error,
            )
    return Matcher(knowledge, answer, suggest)
