"""Match a member's question to the one section that answers it, or to none.

The stages, each a module of this package:

1. ``reading``: the question is normalized and cut into terms (``bot.engine.text``); a word the
   knowledge never uses is corrected to a known one when it is one slip away (``spelling``).
2. ``weighing``: each term gets a weight; a question naming frameworks is only compared with
   the documents about them (``names``); a word the knowledge never uses counts *against*
   every section, heavily when it is a programming subject, lightly when it is chat.
3. ``ranking``: an inverted index (``index``, built once at load) narrows the sections to those
   sharing a selective term; each is scored by how much of the question its vocabulary
   explains and by its closest example phrasing. In a message of several sentences, the one
   that asks is scored alone too, and each section keeps its better score.
4. ``decision``: below the threshold (a little lower for a section with few phrasings), or when
   two sections are nearly tied, nothing is answered; the closest are offered instead.

Every tuning constant is in ``tuning``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from bot.engine.knowledge import KnowledgeBase
from bot.engine.text import asked_sentences, normalize

from .decision import Decision, decide, describe
from .index import Index, sparseness
from .ranking import best_of, rank
from .reading import Reading, is_chat, query, read
from .result import Candidate, Match
from .tuning import (
    DEFAULT_ANSWER_THRESHOLD,
    DEFAULT_SUGGEST_THRESHOLD,
    MAX_SUGGESTIONS,
    SPARSE_THRESHOLD_ALLOWANCE,
)
from .weighing import weigh

__all__ = [
    "DEFAULT_ANSWER_THRESHOLD",
    "DEFAULT_SUGGEST_THRESHOLD",
    "Candidate",
    "DeciderView",
    "Explanation",
    "Match",
    "Matcher",
    "Trace",
    "WordWeight",
]


@dataclass(frozen=True, slots=True)
class WordWeight:
    """One term of a question: the word it was written as, its weight and what it is."""

    term: str
    word: str
    weight: float
    # "framework", "known" (an example phrasing uses it), "answer" (only an answer does) or
    # "unknown" (the knowledge never uses it: it counts against every section)
    kind: str


@dataclass(frozen=True, slots=True)
class DeciderView:
    """One candidate as the learned decider saw it."""

    key: str  # "document/section"
    sources: tuple[str, ...]  # "lexical" and/or "semantic"
    features: dict[str, float]
    probability: float


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a question got its answer: how it was read, weighed, ranked and decided."""

    match: Match
    normalized: str
    corrections: dict[str, str]  # word as written -> the known word it was read as
    words: tuple[WordWeight, ...]  # each term the question was weighed by
    frameworks: tuple[str, ...]  # framework names it uses
    documents: tuple[str, ...]  # the documents it was compared with (all when none named)
    asked: str | None  # the sentence that asks, scored alone too, in a longer message
    ranked: tuple[Candidate, ...]
    threshold: float
    rule: str
    # The learned decider's view, when the semantic matcher decided: each candidate section,
    # where it came from, its features and the probability the model gave it.
    decider: tuple[DeciderView, ...] = ()


class Trace(NamedTuple):
    """What ``Matcher`` worked out on its way to a decision."""

    decision: Decision
    reading: Reading
    documents: set[int] | None
    weights: dict[str, float]
    ranked: list[Candidate]
    asked: str | None


class Matcher:
    """Scores questions against a knowledge base; build once, call ``match`` many times."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        answer_threshold: float = DEFAULT_ANSWER_THRESHOLD,
        suggest_threshold: float = DEFAULT_SUGGEST_THRESHOLD,
    ) -> None:
        self.knowledge = knowledge
        self.answer_threshold = answer_threshold
        self.suggest_threshold = min(suggest_threshold, answer_threshold)
        self._index = Index(knowledge)

    def query_terms(self, question: str) -> list[str]:
        """The question's terms, misspellings of known words corrected."""
        return list(read(self._index, question).written)

    def weigh(self, question: str) -> tuple[set[int] | None, dict[str, float]]:
        """The documents the question names (None: all), and the weight of each of its terms.

        A term none of those documents uses counts against every section: heavily when it
        names a programming subject or no dictionary knows it, lightly when it is chat.
        """
        reading = read(self._index, question)
        return weigh(self._index, reading.written, reading.how_to, reading.pair, reading.subject)

    def rank(self, question: str, limit: int = MAX_SUGGESTIONS + 1) -> list[Candidate]:
        """The best-scoring sections for ``question``, best first."""
        return self.rank_weighed(*self.weigh(question), limit)

    def rank_weighed(
        self, documents: set[int] | None, weights: dict[str, float], limit: int
    ) -> list[Candidate]:
        """``rank`` for a question already read and weighed (a ``Trace``'s documents and
        weights), so it is not read again."""
        return rank(self._index, documents, weights, limit)

    def complete(self, partial: str, limit: int = 25) -> list[Candidate]:
        """Sections for text still being typed (autocomplete): the last word may be unfinished."""
        import bisect

        words = normalize(partial).split()
        known = self._index.sorted_words
        if words and not partial[-1:].isspace() and words[-1] not in self._index.surface_terms:
            start = bisect.bisect_left(known, words[-1])
            if start < len(known) and known[start].startswith(words[-1]):
                words[-1] = known[start]
        return self.rank(" ".join(words), limit=limit)

    def match(
        self,
        question: str,
        threshold: float | None = None,
        require_framework: bool = False,
        unprompted: bool = False,
    ) -> Match:
        """The section that answers ``question``, or none with up to 3 suggestions.

        ``unprompted`` (a message nobody addressed to the bot) changes nothing here, where
        ``threshold`` says it all; the semantic matcher reads it.

        ``require_framework`` answers only questions that name a framework of the knowledge:
        for messages nobody asked the bot, where "which is faster?" continues a conversation
        the bot cannot see.
        """
        return self._decide(question, threshold, require_framework).decision.match

    def explain(
        self, question: str, threshold: float | None = None, require_framework: bool = False
    ) -> Explanation:
        """``match``, with how the question was read, weighed and ranked, and which rule
        decided."""
        decision, reading, documents, weights, ranked, asked = self._decide(
            question, threshold, require_framework
        )
        index = self._index
        normalized = normalize(reading.text)
        corrections = {
            word: fixed
            for word in normalized.split()
            if (fixed := index.corrections.get(word)) is not None and fixed != word
        }
        all_documents = self.knowledge.documents
        chosen = range(len(all_documents)) if documents is None else sorted(documents)
        vocabulary = index.vocabulary_of(documents)
        spelled = {t: w for t, w in reading.written.items()}
        words = []
        for t, weight in weights.items():
            if t in index.frameworks:
                kind = "framework"
            elif t in vocabulary.examples:
                kind = "known"
            else:
                kind = "answer" if t in vocabulary.answers else "unknown"
            words.append(WordWeight(t, spelled.get(t, t), round(weight, 3), kind))
        return Explanation(
            match=decision.match,
            normalized=normalized,
            corrections=corrections,
            words=tuple(words),
            frameworks=tuple(index.names.named(reading.written)),
            documents=tuple(all_documents[d].id for d in chosen),
            asked=asked,
            ranked=tuple(ranked),
            threshold=decision.threshold,
            rule=describe(decision),
        )

    def trace(
        self, question: str, threshold: float | None = None, require_framework: bool = False
    ) -> Trace:
        """Everything ``match`` works out on its way to a decision (for the semantic decider
        and ``explain``)."""
        return self._decide(question, threshold, require_framework)

    def _decide(self, question: str, threshold: float | None, require_framework: bool) -> Trace:
        index = self._index
        reading = read(index, question)
        text, written, how_to, pair, subject = reading
        documents, weights = weigh(index, written, how_to, pair, subject)
        answer_at = self.answer_threshold if threshold is None else threshold
        if require_framework and documents is None:
            decision = Decision(Match(question, None, 0.0, ()), "no-framework", answer_at, 0.0)
            return Trace(decision, reading, None, {}, [], None)
        ranked = rank(index, documents, weights, MAX_SUGGESTIONS + 1)
        asked_alone: str | None = None
        if (asked := asked_sentences(text)) is not None:
            # "hello! a job posting wants django. what is it actually?": the sentence that
            # asks may be clearer alone (with the frameworks the message names, if it names
            # none itself).
            asked_written = query(index, normalize(asked))
            if not any(t in index.frameworks for t in asked_written):
                asked_written.update((t, w) for t, w in written.items() if t in index.frameworks)
            part = weigh(index, asked_written, how_to, pair, subject)[1]
            # "is that right?" says nothing alone: the rest of the message has the subject.
            if any(w > index.chat_weight for t, w in part.items() if t not in index.frameworks):
                alone = rank(index, documents, part, MAX_SUGGESTIONS + 1)
                ranked = best_of(ranked, alone, MAX_SUGGESTIONS + 1)
                asked_alone = asked
        if ranked and not how_to:
            answer_at -= SPARSE_THRESHOLD_ALLOWANCE * sparseness(ranked[0].section)
        chat = not pair and is_chat(index, written)  # "either of these" asks about the two
        decision = decide(
            question, ranked, answer_at, self.suggest_threshold, documents is not None, pair, chat
        )
        return Trace(decision, reading, documents, weights, ranked, asked_alone)
