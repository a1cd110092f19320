"""The lexicon's old import path: it lives in ``bot.engine.lexicon`` now."""

from bot.engine.lexicon import (
    ENGLISH_WORDS_FILE,
    RELATED_WORDS,
    TECHNICAL_WORDS,
    english_words,
    is_english,
    is_technical,
    misspelt_english,
    related_terms,
)

__all__ = [
    "ENGLISH_WORDS_FILE",
    "RELATED_WORDS",
    "TECHNICAL_WORDS",
    "english_words",
    "is_english",
    "is_technical",
    "misspelt_english",
    "related_terms",
]
