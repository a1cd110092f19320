"""Which unknown words are chat and which are subjects (``bot.lexicon``)."""

from __future__ import annotations

from bot.lexicon import is_english, is_technical


def test_everyday_words_the_dictionary_leaves_out_are_english() -> None:
    for word in ("monday", "reddit", "coworker", "internship", "bootcamp", "german", "heyy"):
        assert is_english(word), word
    # British spellings meet their American entries.
    for word in ("favour", "organised", "colour", "analyse", "behaviour"):
        assert is_english(word), word
    # Not every word is English: jargon, misspellings and names of tools are not.
    for word in ("werkzeug", "djnago", "gunicorn", "favoor"):
        assert not is_english(word), word


def test_programming_subjects_are_technical_however_everyday() -> None:
    for word in ("address", "port", "pattern", "factory", "latest", "preview", "static", "deploy"):
        assert is_technical(word), word
    for word in ("weekend", "coworker", "favour"):
        assert not is_technical(word), word
