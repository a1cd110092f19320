"""Reading a question: its terms (misspellings corrected), and how it asks."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.engine.lexicon import is_english
from bot.engine.text import (
    STOPWORDS,
    asks_how_to,
    compared_pairs,
    identifier_words,
    normalize,
    refers_to_pair,
    strip_formatting,
    term,
)

from .index import Index
from .spelling import correct

# Words after a number that say it counts time, not a version: "laravel 2 yrs".
TIME_UNITS = frozenset(
    "yr yrs year years month months mo week weeks wk day days hour hours hr hrs min mins".split()
)
YEAR = re.compile(r"(?:19|20)\d\d")  # "pandas or polars in 2025?": when, not what


class Reading(NamedTuple):
    """What the matcher reads from a question before scoring it."""

    text: str  # as asked, each package name also written as one word
    written: dict[str, str]  # each term, mapped to the word it was written as (or corrected to)
    how_to: bool
    pair: bool  # it speaks of "the two" (``refers_to_pair``)
    # Words that are the subject of the question, whatever they are: those of an "X vs Y"
    # no section knows, and the parts of a name written with underscores ("depends_on").
    subject: frozenset[str]


def read(index: Index, question: str) -> Reading:
    """The question's terms, and how it asks, read once for weighing and matching."""
    text = index.names.with_package_words(strip_formatting(question))
    normalized = normalize(text)
    return Reading(
        text,
        query(index, normalized),
        asks_how_to(normalized),
        refers_to_pair(normalized),
        _compared(index, normalized) | frozenset(identifier_words(text)),
    )


def query(index: Index, normalized: str) -> dict[str, str]:
    """Each term of the (normalized) question, mapped to the word it was written as (or
    corrected to)."""
    result: dict[str, str] = {}
    previous = ""
    words = normalized.split()
    aliases, frameworks, idf = index.aliases, index.frameworks, index.idf
    for i, word in enumerate(words):
        alias = aliases.get(word)
        if (alias is None and word in STOPWORDS) or (word == "js" and previous in frameworks):
            continue  # "express js" is Express
        if _counts(index, words, i):
            continue  # "team of 3", "like 10 blog posts": how many, not what
        if word in TIME_UNITS and i and _counts(index, words, i - 1):
            continue  # "the build takes 10 min": how long, not what
        t = alias or term(word)
        if t not in idf and t not in frameworks and len(word) >= 3:
            corrected = correct(index, word)
            if corrected == "":
                continue  # a misspelt filler word ("explaind")
            if corrected is not None:
                word = corrected
                t = index.surface_terms.get(word) or word
        result.setdefault(t, word)
        previous = t
    return result


def _counts(index: Index, words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a small number counting something ("3 endpoints", "for 2
    days") rather than a version ("react 19", "python 3 13", "vue 2 x"), which can be the
    subject of a question the knowledge does not answer."""
    word = words[i]
    if not word.isdigit() or len(word) > 3:
        return False
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if after.isdigit() or after == "x" or before.isdigit():
        return False  # "3 13", "2 x": the parts of a version
    if after in TIME_UNITS:
        return True  # "laravel 2 yrs"
    named = index.aliases.get(before) or term(before)
    return named not in index.frameworks and (
        not before or before in STOPWORDS or is_english(before)
    )


def _compared(index: Index, normalized: str) -> frozenset[str]:
    """The words of each "X vs Y" (or "difference between X and Y") in which neither X nor
    Y is a word the knowledge uses: "rabbitmq shovel vs federation" compares two things no
    section knows, and they are its subject, not chat around a framework name."""
    compared: set[str] = set()
    for a, b in compared_pairs(normalized):
        both = query(index, f"{a} {b}")  # misspellings corrected: "kafak" is kafka
        if len(both) == 2 and not any(t in index.idf or t in index.frameworks for t in both):
            compared.update(both.values())
    return frozenset(compared)


def is_chat(index: Index, written: dict[str, str]) -> bool:
    """A one-word reply in a conversation ("nice", "same", "that fixed it!"): one everyday
    English word and no framework name is no question, whatever a section says; a
    programming word alone ("werkzeug") still is."""
    if len(written) != 1:
        return False
    ((t, word),) = written.items()
    return t not in index.frameworks and is_english(word)
