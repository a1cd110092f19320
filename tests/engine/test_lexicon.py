"""Which unknown words are chat and which are subjects (``bot.engine.lexicon``)."""

from __future__ import annotations

from bot.engine.lexicon import (
    RELATED_WORDS,
    is_english,
    is_technical,
    misspelt_english,
    related_terms,
)
from bot.engine.text import STOPWORDS, term


def test_british_spellings_are_english_and_jargon_is_not() -> None:
    # British spellings meet their American entries.
    for word in ("favour", "organised", "colour", "analyse", "behaviour"):
        assert is_english(word), word
    # Not every word is English: jargon, misspellings and names of tools are not.
    for word in ("werkzeug", "djnago", "gunicorn", "favoor"):
        assert not is_english(word), word


def test_programming_subjects_are_technical_however_everyday() -> None:
    for word in (
        "address",
        "port",
        "pattern",
        "factory",
        "latest",
        "preview",
        "static",
        "deploy",
        "inheritance",
        "snapshot",
        "draft",
        "menu",
        "tenant",
    ):
        assert is_technical(word), word
    for word in ("weekend", "coworker", "favour"):
        assert not is_technical(word), word


def test_an_everyday_word_slipped_by_a_dropped_or_swapped_letter_is_found() -> None:
    assert misspelt_english("visibel") == "visible"
    assert misspelt_english("comercial") == "commercial"
    assert misspelt_english("recieve") == "receive"
    # The g dropped in casual writing, short words too.
    assert misspelt_english("doin") == "doing"
    assert misspelt_english("somethin") == "something"
    # Words of the dictionary are no slips; jargon a letter away from English stays jargon.
    for word in ("visible", "redux", "axios", "prisma", "gunicorn", "werkzeug", "kotlin", "admin"):
        assert misspelt_english(word) is None, word


def test_related_words_are_grouped_both_ways_and_hold_no_function_words() -> None:
    related = related_terms()
    assert term("community") in related[term("crowd")]
    assert term("crowd") in related[term("community")]
    assert term("crowd") not in related[term("crowd")]
    # A function word never reaches the matcher: it would be a group member for nothing.
    assert not [w for w in RELATED_WORDS.split() if w in STOPWORDS]
