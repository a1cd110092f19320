"""The matcher's old import path: it lives in ``bot.engine.matcher`` now."""

from bot.engine.matcher import (
    DEFAULT_ANSWER_THRESHOLD,
    DEFAULT_SUGGEST_THRESHOLD,
    Candidate,
    Explanation,
    Match,
    Matcher,
)

__all__ = [
    "DEFAULT_ANSWER_THRESHOLD",
    "DEFAULT_SUGGEST_THRESHOLD",
    "Candidate",
    "Explanation",
    "Match",
    "Matcher",
]
