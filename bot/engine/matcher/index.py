"""The index built once when knowledge loads: each section's vocabulary and example
phrasings, how rare each term is, and the known words misspellings are corrected to."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from bot.engine.knowledge import Document, KnowledgeBase, Section
from bot.engine.lexicon import related_terms
from bot.engine.section_kinds import generic_phrasings
from bot.engine.text import STOPWORDS, SYNONYMS, normalize, term

from .names import Names
from .tuning import (
    ANSWER_CREDIT,
    ANSWER_LEAD_CHARS,
    ANSWER_WORD_WEIGHT,
    CHAT_WEIGHT,
    FRAMEWORK_WEIGHT,
    INDEXED_EXAMPLES,
    RARE_USES,
    SPARSE_ANSWER_CREDIT,
    SPARSE_EXAMPLES,
    UNKNOWN_WEIGHT,
)

_NOTHING: frozenset[str] = frozenset()


class Example(NamedTuple):
    """One example phrasing: its terms and their summed weight."""

    terms: tuple[str, ...]  # a tuple: 10,000 sections hold 50,000 of these, sets cost 3x more
    weight: float


class Vocabulary(NamedTuple):
    """The terms some documents use: in example phrasings (framework names included), and
    only in answers."""

    examples: frozenset[str]
    answers: frozenset[str]


@dataclass(slots=True)
class IndexedSection:
    """What the matcher knows of one section."""

    document: Document
    section: Section
    doc_index: int
    bag: frozenset[str]  # the terms of its example phrasings, keywords and title
    answer_bag: frozenset[str]  # terms only its answer's opening uses
    tail_bag: frozenset[str]  # terms only the rest of its answer uses
    answer_credit: float  # the share of a term's weight an answer word earns
    examples: list[Example]
    lightest: float  # the weight of its lightest example
    example_postings: dict[str, tuple[int, ...]] | None  # term -> examples, for big sections
    framework_shares: dict[str, float]  # share of its phrasings naming each framework


class _Phrased(NamedTuple):
    """A section's texts as terms, before the knowledge-wide rarity is known."""

    bag: frozenset[str]
    answer_bag: frozenset[str]
    tail_bag: frozenset[str]
    phrasings: list[tuple[str, ...]]


class Index:
    """Everything ``Matcher`` reads a question against, built from a knowledge base."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.names = names = Names(knowledge.documents)
        self.frameworks = names.frameworks
        self.aliases = names.aliases
        self.corrections: dict[str, str | None] = {}
        self.related = related_terms()
        surface = names.surface
        placed = [
            (doc_index, document, section)
            for doc_index, document in enumerate(knowledge.documents)
            for section in document.sections
        ]
        phrased = [_phrase(names, document, section, surface) for _, document, section in placed]
        vocabulary = frozenset().union(*(p.bag for p in phrased)) | set(self.frameworks)
        self.document_vocabulary: dict[frozenset[int], Vocabulary] = {}
        # Misspelt everyday synonyms ("dificult") should still find the term they fold onto.
        for word, canon in SYNONYMS.items():
            if term(canon) in vocabulary:
                surface.setdefault(word, term(word))
        self.surface_terms = surface
        self.known_terms = sorted(t for t in vocabulary if len(t) >= 5)
        self.sorted_words = sorted(surface)
        # Typos rarely change both the first and the last letter, or the length by more than
        # two: bucketing known words that way keeps each correction to a few hundred choices.
        self.typo_buckets: dict[tuple[int, str, int], list[str]] = defaultdict(list)
        for word in surface:
            self.typo_buckets[(0, word[0], len(word))].append(word)
            self.typo_buckets[(-1, word[-1], len(word))].append(word)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, p in enumerate(phrased):
            for t in p.bag:
                self.postings[t].append(index)
        # Rarity is counted over example phrasings, not sections: "which" and "better" occur in
        # many phrasings of a few sections and should weigh less than "database" or "admin".
        example_df: dict[str, int] = defaultdict(int)
        for p in phrased:
            for phrasing_terms in p.phrasings:
                for t in phrasing_terms:
                    example_df[t] += 1
        count = max(sum(len(p.phrasings) for p in phrased), 1)
        self.idf = {t: math.log(1 + count / example_df[t]) for t in self.postings}
        # A section with few phrasings has few words to go on: one it uses once is its
        # subject ("drop-in replacement"), not chat, even around a framework name.
        self.rare = frozenset(
            t
            for t, n in example_df.items()
            if n <= RARE_USES and not all(sparseness(placed[s][2]) > 0 for s in self.postings[t])
        )
        self.unknown_weight = math.log(1 + count) * UNKNOWN_WEIGHT
        self.answer_word_weight = math.log(1 + count) * ANSWER_WORD_WEIGHT
        self.chat_weight = math.log(1 + count) * CHAT_WEIGHT
        self.framework_weight = math.log(1 + count) * FRAMEWORK_WEIGHT
        self.sections = [
            self._indexed(doc_index, document, section, p)
            for (doc_index, document, section), p in zip(placed, phrased, strict=True)
        ]
        self.vocabulary_of(None)  # the one unnamed questions use, ready before the first

    def _indexed(
        self, doc_index: int, document: Document, section: Section, phrased: _Phrased
    ) -> IndexedSection:
        examples = [Example(t, self.weight_of(t)) for t in phrased.phrasings]
        # Sections with many phrasings find the ones sharing a question's terms through an
        # index of their own; small ones (most of a large knowledge base) compare each.
        postings: dict[str, tuple[int, ...]] | None = None
        if len(examples) >= INDEXED_EXAMPLES:
            found: dict[str, list[int]] = defaultdict(list)
            for i, example in enumerate(examples):
                for t in example.terms:
                    found[t].append(i)
            postings = {t: tuple(ids) for t, ids in found.items()}
        # The share of its phrasings that name each of its document's frameworks: "What Rails
        # is" names rails in nearly all, laravel in none.
        names = {f for f, docs in self.frameworks.items() if doc_index in docs}
        count = max(len(examples), 1)
        return IndexedSection(
            document=document,
            section=section,
            doc_index=doc_index,
            bag=phrased.bag,
            answer_bag=phrased.answer_bag,
            tail_bag=phrased.tail_bag,
            answer_credit=ANSWER_CREDIT + SPARSE_ANSWER_CREDIT * sparseness(section),
            examples=examples,
            lightest=min((e.weight for e in examples), default=0.0),
            example_postings=postings,
            framework_shares={f: sum(f in e.terms for e in examples) / count for f in names},
        )

    def weight(self, t: str) -> float:
        """How much a term says about which section is meant: its rarity."""
        if t in self.frameworks:
            return self.framework_weight
        return self.idf.get(t, self.unknown_weight)

    def weight_of(self, ts: Iterable[str]) -> float:
        return sum(self.weight(t) for t in ts)

    def vocabulary_of(self, documents: set[int] | None) -> Vocabulary:
        """The terms the given documents (all when None) use."""
        key = frozenset(range(len(self.knowledge.documents)) if documents is None else documents)
        if key not in self.document_vocabulary:
            sections = [s for s in self.sections if s.doc_index in key]
            examples = frozenset().union(*(s.bag for s in sections))
            answers = frozenset().union(
                *(s.answer_bag for s in sections), *(s.tail_bag for s in sections)
            )
            examples |= self.frameworks.keys()
            self.document_vocabulary[key] = Vocabulary(examples, answers - examples)
        return self.document_vocabulary[key]


def _phrase(
    names: Names, document: Document, section: Section, surface: dict[str, str]
) -> _Phrased:
    """A section's phrasings, keywords, title and answer as terms; its words join
    ``surface``, the known words misspellings are corrected to."""
    phrasings = [
        normalize(names.with_package_words(p))
        for p in (
            *section.questions,
            *section.keywords,
            section.title,
            *generic_phrasings(document, section),
        )
    ]
    example_terms = [names.terms(p) for p in phrasings]
    for phrasing in phrasings:
        for word in phrasing.split():
            if word not in STOPWORDS and len(word) > 2 and word not in surface:
                surface[word] = term(word)
    bag = frozenset().union(*example_terms)
    answer = normalize(section.answer, limit=None)
    lead = answer
    if len(answer) > ANSWER_LEAD_CHARS:
        lead = answer[: ANSWER_LEAD_CHARS + 1].rsplit(" ", 1)[0]
    lead_packages, packages = names.package_words(section.answer, len(lead))
    said = frozenset(names.terms(lead)).union(lead_packages) - bag
    tail = frozenset(names.terms(answer)).union(packages) - bag - said
    return _Phrased(
        bag,
        said or _NOTHING,
        tail or _NOTHING,  # one shared empty set, not 10,000
        list(dict.fromkeys(t for t in example_terms if t)),  # no repeats
    )


def sparseness(section: Section) -> float:
    """How few example phrasings the section gives: 1 for none, 0 from SPARSE_EXAMPLES on."""
    return max(0.0, 1 - (len(section.questions) + len(section.keywords)) / SPARSE_EXAMPLES)
