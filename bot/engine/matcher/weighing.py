"""Weighing a question's words: how much each says for, or against, every section.

A term none of the named documents uses counts against every section: heavily when it names
a programming subject or no dictionary knows it, lightly when it is chat around a framework
name, in between when it is everyday English in a question that names none.
"""

from __future__ import annotations

from bot.engine.lexicon import is_english, is_technical, misspelt_english

from .index import Index, Vocabulary
from .reading import YEAR
from .tuning import RELATED_WEIGHT, UNNAMED_EVERYDAY_SHARE


def weigh(
    index: Index,
    written: dict[str, str],
    how_to: bool = False,
    pair: bool = False,
    subject: frozenset[str] = frozenset(),
) -> tuple[set[int] | None, dict[str, float]]:
    """The documents the question names (None: all), and the weight of each of its terms."""
    named = index.names.named(written)
    documents = index.names.documents_named(named)
    vocabulary = index.vocabulary_of(documents)
    # "is one of them objectively better": a question about "the two" names them too.
    about_pair = bool(named) or pair
    weights: dict[str, float] = {}
    for t, word in written.items():
        if t in vocabulary.examples:
            # "depends_on isn't working": no chat, whatever the rest of the message
            chat_around = about_pair and word not in subject
            weights[t] = _known_weight_of(index, t, word, chat_around)
        elif word in subject:
            weights[t] = _unknown_weight_of(index, word, False, t in vocabulary.answers, True)
        elif (stand_in := _stand_in(index, t, word, written, vocabulary, how_to)) is not None:
            weights[stand_in] = max(
                weights.get(stand_in, 0.0), index.weight(stand_in) * RELATED_WEIGHT
            )
        else:
            weights[t] = _unknown_weight_of(
                index, word, about_pair, t in vocabulary.answers, how_to
            )
    return documents, weights


def _stand_in(
    index: Index,
    t: str,
    word: str,
    written: dict[str, str],
    vocabulary: Vocabulary,
    how_to: bool,
) -> str | None:
    """The term the knowledge uses for an everyday word it does not ("crowd" for
    "community"), its rarest if several; None for a programming term ("port" is not
    "porting"), in a how-to question (its words are the subject), or when the question
    already says it."""
    related = index.related.get(t)
    if related is None or how_to or is_technical(word):
        return None
    known = [r for r in related if r in vocabulary.examples and r not in written]
    return max(known, key=index.weight) if known else None


def _known_weight_of(index: Index, t: str, word: str, named: bool) -> float:
    """A word the knowledge uses in a phrasing or two is no better evidence than one it
    never uses: around a named framework, everyday English of that kind is chat too."""
    if t in index.rare and named and is_english(word) and not is_technical(word):
        return min(index.chat_weight, index.weight(t))
    return index.weight(t)


def _unknown_weight_of(
    index: Index, word: str, named: bool, answered: bool, subject: bool = False
) -> float:
    """How much a word no example phrasing uses counts against every section (less when
    an answer uses it).

    Everyday words are taken for chat around a question that names a framework. Without
    one they count, a little less than jargon: "should i use tabs or spaces" is no
    question for us, but "first year cs student here, which one is less painful to
    learn?" still is. The words of a ``subject`` (a how-to question, two things compared)
    count in full.
    """
    weight = index.answer_word_weight if answered else index.unknown_weight
    if subject:
        return weight
    everyday = not is_technical(word)
    if named and everyday and (is_english(word) or YEAR.fullmatch(word)):
        return index.chat_weight
    if named:
        # "why is my decorate not visibel everywhere": a slip of an everyday word is chat.
        slip = misspelt_english(word)
        if slip is not None and not is_technical(slip) and everyday:
            return index.chat_weight
    elif everyday and is_english(word):
        return weight * UNNAMED_EVERYDAY_SHARE
    return weight
