"""Text normalization's old import path: it lives in ``bot.engine.text`` now."""

from bot.engine.text import (
    MAX_QUESTION_CHARS,
    STOPWORDS,
    SYNONYMS,
    asked_sentences,
    asks_how_to,
    compared_pairs,
    identifier_words,
    normalize,
    refers_to_pair,
    stem,
    strip_formatting,
    term,
    terms,
)

__all__ = [
    "MAX_QUESTION_CHARS",
    "STOPWORDS",
    "SYNONYMS",
    "asked_sentences",
    "asks_how_to",
    "compared_pairs",
    "identifier_words",
    "normalize",
    "refers_to_pair",
    "stem",
    "strip_formatting",
    "term",
    "terms",
]
