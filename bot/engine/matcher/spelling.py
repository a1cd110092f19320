"""Misspellings: the known word a word the knowledge never uses was probably meant as."""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.lexicon import is_english, is_technical
from bot.engine.text import STOPWORDS, term

from .index import Index
from .tuning import CORRECTIONS_KEPT

_LONG_STOPWORDS = sorted(w for w in STOPWORDS if len(w) >= 5)


def correct(index: Index, word: str) -> str | None:
    """The known word (or term) closest to a misspelled ``word``, if one is close; ""
    for a misspelt filler word. Remembered: the same misspellings come back."""
    corrections = index.corrections
    if word not in corrections:
        if len(corrections) >= CORRECTIONS_KEPT:
            corrections.clear()
        corrections[word] = _closest_known(index, word)
    return corrections[word]


def _closest_known(index: Index, word: str) -> str | None:
    """Another form of ``word`` that the knowledge uses, or a known word one slip away
    (or a known term, for a slip in the stem); "" for a misspelt filler word."""
    surface = index.surface_terms
    for variant in _inflections(word):  # "hire" meets "hiring", "performs" "performance"
        if variant in surface:
            return variant
    # Words sharing the first letter come first: on a tie, "wich" is "which", not "rich".
    choices = [
        known
        for key in ((0, word[0]), (-1, word[-1]))
        for size in range(len(word) - 2, len(word) + 3)
        for known in index.typo_buckets.get((*key, size), ())
    ]
    # One slip (a letter missing, extra, wrong or swapped) in short words, two in long ones;
    # three-letter words are only corrected to framework names ("veu" -> "vue").
    # A correctly spelt word is meant as written ("prospects" is not "projects", "cors" is
    # not "core"), unless it is one slip from a framework name ("flaks"). Nor does a slip
    # hit the first letter, except of a framework name: "ninja" (django-ninja) is no "jinja".
    as_written = len(word) == 3 or is_english(word) or is_technical(word)
    choices = [
        c for c in choices if surface[c] in index.frameworks or (not as_written and c[0] == word[0])
    ]
    edits = 1 if len(word) < 8 else 2
    found = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=edits)
    if found:
        return str(found[0])
    if len(word) >= 5 and not is_english(word):
        filler = process.extractOne(word, _LONG_STOPWORDS, scorer=OSA.distance, score_cutoff=1)
        if filler:
            return ""  # a misspelt filler word ("explaind"): nothing to look for
    # A slip in a long word's stem: "recomendation" meets "recommend".
    stemmed = term(word)
    if stemmed != word and len(stemmed) >= 5 and not is_english(word):
        found = process.extractOne(stemmed, index.known_terms, scorer=OSA.distance, score_cutoff=1)
        if found:
            return str(found[0])
    return None


def _inflections(word: str) -> tuple[str, ...]:
    """Other forms of an English word that the light stemmer does not bring together."""
    base = word[:-1] if word.endswith("e") else word
    return (
        f"{word}s",
        f"{word}d",
        f"{word}ed",
        f"{base}ing",
        f"{base}ance",
        f"{base}ation",
        f"{word}r",
        f"{word}er",
        word[:-1] if word.endswith("s") else word,
    )
