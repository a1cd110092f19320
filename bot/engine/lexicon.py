"""What kind of word a question uses that the knowledge does not: chat, or a subject.

An unknown word in "hi! what exactly is django? my uni mentions it" is chat, and
should not stop an answer; an unknown word in "how do I serve static files with flask" is the
subject of a question the knowledge does not answer, and must. Three kinds, from lightest:

- everyday English (``data/english-words.txt``, from SCOWL: see the NOTICE beside it) that
  is not a programming term;
- words of no dictionary (slang, names, jargon such as "mongodb" or "heroku");
- programming terms (``data/technical-words.txt``), many of them everyday words too
  ("static", "deploy").

Related words (``data/related-words.txt``) let an everyday word stand for one the knowledge
uses.
"""

from __future__ import annotations

import string
from functools import cache, lru_cache

from bot.engine.data_files import DATA_DIR, word_lines, words
from bot.engine.text import stem, term

ENGLISH_WORDS_FILE = DATA_DIR / "english-words.txt"

TECHNICAL_WORDS = words("technical-words.txt")


# One group a line ("is tensorflow dead?" asks what a section on its future says).
RELATED_GROUPS = word_lines("related-words.txt")
RELATED_WORDS = "\n".join(" ".join(group) for group in RELATED_GROUPS)


@cache
def related_terms() -> dict[str, tuple[str, ...]]:
    """For each index term of ``RELATED_WORDS``, the other terms of its groups."""
    related: dict[str, dict[str, None]] = {}
    for line in RELATED_GROUPS:
        group = list(dict.fromkeys(term(word) for word in line))
        for t in group:
            related.setdefault(t, {}).update(dict.fromkeys(o for o in group if o != t))
    return {t: tuple(others) for t, others in related.items()}


@cache
def english_words() -> frozenset[str]:
    """The everyday English words, read once on first use."""
    return frozenset(ENGLISH_WORDS_FILE.read_text(encoding="utf-8").split())


def is_technical(word: str) -> bool:
    """Whether ``word`` (normalized) names a programming subject."""
    if word in TECHNICAL_WORDS or stem(word) in _TECHNICAL_STEMS:
        return True
    return word.endswith("s") and word[:-1] in TECHNICAL_WORDS


def is_english(word: str) -> bool:
    """Whether ``word`` (normalized) is an everyday English word, inflected or not."""
    words = english_words()
    if word in words:
        return True
    # British spellings: "favour", "organised", "analyse".
    for british, american in (("our", "or"), ("is", "iz"), ("ys", "yz")):
        at = word.rfind(british, 1)
        if at > 0 and word[:at] + american + word[at + len(british) :] in words:
            return True
    return any(
        word.endswith(suffix) and word[: -len(suffix)] in words for suffix in ("s", "es", "ly")
    )


@lru_cache(maxsize=20_000)
def misspelt_english(word: str) -> str | None:
    """The everyday English word that ``word`` is, slipped by a letter left out or two
    letters swapped ("visibel", "comercial"), when no dictionary knows ``word`` itself.

    Other slips are left alone: a changed or added letter makes jargon of English
    ("redux" is not "redox", "axios" is not "axis").
    """
    if is_english(word):
        return None
    words = english_words()
    if word.endswith("in") and word + "g" in words:
        return word + "g"  # "doin", "somethin": the g dropped in casual writing
    if len(word) < 5:
        return None
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped in words:
            return swapped
    if len(word) < 6:
        return None  # "axios" is not "axioms"
    for i in range(len(word) + 1):
        for letter in string.ascii_lowercase:
            filled = word[:i] + letter + word[i:]
            if filled in words:
                return filled
    return None


_TECHNICAL_STEMS = frozenset(stem(word) for word in TECHNICAL_WORDS)
