"""Match a member's question to the one section that answers it, or to none.

How a question is scored, in short:

1. It is normalized and cut into terms (``bot.text``). A word the knowledge never uses is
   compared with every word it does use (rapidfuzz ``process.extractOne``), so "flaks" and
   "philosphy" become "flask" and "philosophy"; an everyday word it never uses may stand for
   a related one it does ("crowd" for "community", ``bot.lexicon.RELATED_WORDS``), at reduced
   weight; a word that stays unknown counts *against* every section, which is what makes
   "how do I serve static files with flask" abstain.
   Everyday English around a framework name is taken for chat, except in a how-to question
   ("how do I make a double jump in godot"), compared with another such word ("rabbitmq
   shovel vs federation") or part of a name written with underscores ("depends_on"), where
   it is the subject.
2. A question that names frameworks is only compared with the documents about them: by
   name, by initials of a name of several words ("RN"), or by the short names the document
   itself uses ("torch", "TF").
3. An inverted index narrows the sections to those that share a selective term; each
   candidate is scored by how much of the question (weighted by rarity) its vocabulary
   explains, and by its closest example phrasing (its own, and the everyday phrasings of
   its kind: ``bot.section_kinds``). In a message of several sentences, the one that asks
   is scored alone too, and each section keeps its better score.
4. Below the answer threshold (a little lower for a section with few example phrasings),
   or when two sections are nearly tied, nothing is answered; the closest sections are
   offered as suggestions instead.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.knowledge import Document, KnowledgeBase, Section
from bot.lexicon import is_english, is_technical, misspelt_english, related_terms
from bot.section_kinds import generic_phrasings
from bot.text import (
    STOPWORDS,
    SYNONYMS,
    asked_sentences,
    asks_how_to,
    compared_pairs,
    identifier_words,
    normalize,
    refers_to_pair,
    strip_formatting,
    term,
)

DEFAULT_ANSWER_THRESHOLD = 55.0
DEFAULT_SUGGEST_THRESHOLD = 30.0
MAX_SUGGESTIONS = 3
# A best section that leads the next one by less than this is a guess, not an answer,
# unless it scores at least SURE_SCORE and both are in one document: then the better one is.
TIE_MARGIN = 2.0
SURE_SCORE = 80.0
# A question naming no framework that fits sections of two documents nearly as well did not
# say which comparison it means.
OTHER_DOCUMENT_MARGIN = 5.0
# How many sections survive the cheap vocabulary score to have their examples compared.
RERANK_SECTIONS = 24
# A word used in at most this many example phrasings is not a topic of the knowledge.
RARE_USES = 1
# A word the knowledge never uses weighs this many times its rarest word: it is most likely
# the subject of a question the knowledge does not answer.
UNKNOWN_WEIGHT = 2.0
# A word only the answers use is known but was not foreseen as a way of asking: it weighs less
# than a word the knowledge never uses, and more than most of its example words.
ANSWER_WORD_WEIGHT = 1.75
# An unknown word that is everyday English and no programming term ("uni", "weekend") is
# most likely chat around the question: it weighs this many times the rarest word.
CHAT_WEIGHT = 0.1
# A framework name weighs this many times the rarest word: naming one picks the document
# and, between two sections that differ only in it, the section.
FRAMEWORK_WEIGHT = 0.75
# Candidates come from the rarest shared terms first, until about this many are found.
CANDIDATE_BUDGET = 600
# A question's term that a section's answer uses, but none of its example phrasings, counts
# this much of its weight for the section.
ANSWER_CREDIT = 0.5
# A section with few example phrasings of its own leans more on its answer: up to this much
# more credit, for a section with none, down to nothing extra at SPARSE_EXAMPLES phrasings.
SPARSE_ANSWER_CREDIT = 0.3
SPARSE_EXAMPLES = 30
# An answer's opening says what the section is about; words only its later detail uses
# ("tensorboard" deep in a note on tooling) count a little, and only for a question that names
# a framework: without one, a question's stray words would find some answer's detail.
ANSWER_LEAD_CHARS = 400
ANSWER_TAIL_CREDIT = 0.3
# A section about another framework of its document than the one a question names keeps
# this share of its score.
OTHER_FRAMEWORK_FACTOR = 0.7
# A section with few example phrasings cannot come as close to a question as one with many:
# up to this many points lower threshold for a section with none, down to nothing at
# SPARSE_EXAMPLES. Not for a question asking how to do something: comparisons rarely answer
# how-tos, and near-misses mostly ask them.
SPARSE_THRESHOLD_ALLOWANCE = 4.0
# An everyday word the knowledge does not use, standing for a related word it does ("crowd"
# for "community": ``bot.lexicon.RELATED_WORDS``), weighs this share of that word.
RELATED_WEIGHT = 0.6
# An everyday word the knowledge does not use, in a question that names no framework, weighs
# this share of an unknown word: less than jargon, far more than chat.
UNNAMED_EVERYDAY_SHARE = 0.6
# Typo corrections remembered (the same misspellings come back); forgotten all at once.
CORRECTIONS_KEPT = 20_000
# A section with at least this many example phrasings gets an index of them.
INDEXED_EXAMPLES = 16
# Share of the score from the closest example phrasing; the rest from the whole section.
EXAMPLE_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class Candidate:
    """A section that could answer the question, with a 0-100 score."""

    document: Document
    section: Section
    score: float


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome for one question: the answer (or None) and the next-best sections."""

    question: str
    answer: Candidate | None
    score: float
    suggestions: tuple[Candidate, ...]

    @property
    def answered(self) -> bool:
        return self.answer is not None


class _Example(NamedTuple):
    """One example phrasing: its terms and their summed weight."""

    terms: tuple[str, ...]  # a tuple: 10,000 sections hold 50,000 of these, sets cost 3x more
    weight: float


class _Vocabulary(NamedTuple):
    """The terms some documents use: in example phrasings (framework names included), and
    only in answers."""

    examples: frozenset[str]
    answers: frozenset[str]


class _Reading(NamedTuple):
    """What ``Matcher`` reads from a question before scoring it."""

    text: str  # as asked, each package name also written as one word
    written: dict[str, str]  # each term, mapped to the word it was written as (or corrected to)
    how_to: bool
    pair: bool  # it speaks of "the two" (``refers_to_pair``)
    # Words that are the subject of the question, whatever they are: those of an "X vs Y"
    # no section knows, and the parts of a name written with underscores ("depends_on").
    subject: frozenset[str]


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
        self._sections: list[tuple[Document, Section]] = [
            (document, section) for document in knowledge.documents for section in document.sections
        ]
        self._section_docs: list[int] = []
        self._bags: list[frozenset[str]] = []
        phrased: list[list[tuple[str, ...]]] = []  # each section's example phrasings, as terms
        self._frameworks: dict[str, set[int]] = defaultdict(set)
        # An everyday word after the first of a name ("web" of "actix web", "native" of
        # "react native") names that framework only beside the first.
        self._name_tails: dict[str, set[str]] = defaultdict(set)
        surface: dict[str, str] = {}
        self._aliases: dict[str, str] = {}
        self._corrections: dict[str, str | None] = {}
        self._related = related_terms()
        self._answer_bags: list[frozenset[str]] = []
        self._answer_credit: list[float] = []
        self._tail_bags: list[frozenset[str]] = []
        first_names: set[str] = set()
        for doc_index, document in enumerate(knowledge.documents):
            used: tuple[set[str], set[tuple[str, str]]] | None = None  # read when needed
            for name in document.frameworks:
                words = normalize(name).split()
                first_names.add(words[0])
                for word in words:
                    self._frameworks[term(word)].add(doc_index)
                    if word != words[0] and is_english(word):
                        self._name_tails[term(word)].add(term(words[0]))
                    surface.setdefault(word, term(word))
                    self._aliases[f"{word}js"] = term(word)  # "vuejs", "reactjs"
                    if word.endswith("js") and len(word) > 4:
                        self._aliases[word[:-2]] = term(word)  # "nest" for "nestjs"
                if len(words) > 1:
                    # "reactnative" and "rn" for "react native", "ror" for "ruby on rails"
                    self._aliases["".join(words)] = term(words[0])
                    self._aliases["".join(w[0] for w in words)] = term(words[0])
                else:
                    if used is None:
                        used = _words_of(document)
                    for short in _short_names(words[0], used):
                        self._aliases.setdefault(short, term(words[0]))
        for word, alias in self._aliases.items():
            surface.setdefault(word, alias)
        self._package_name = _package_pattern(first_names)
        for doc_index, document in enumerate(knowledge.documents):
            for section in document.sections:
                phrasings = [
                    normalize(self._with_package_words(p))
                    for p in (
                        *section.questions,
                        *section.keywords,
                        section.title,
                        *generic_phrasings(document, section),
                    )
                ]
                example_terms = [self._terms(p) for p in phrasings]
                for phrasing in phrasings:
                    for word in phrasing.split():
                        if word not in STOPWORDS and len(word) > 2 and word not in surface:
                            surface[word] = term(word)
                self._section_docs.append(doc_index)
                self._bags.append(frozenset().union(*example_terms))
                answer = normalize(section.answer, limit=None)
                lead = answer
                if len(answer) > ANSWER_LEAD_CHARS:
                    lead = answer[: ANSWER_LEAD_CHARS + 1].rsplit(" ", 1)[0]
                lead_packages, packages = self._package_words(section.answer, len(lead))
                said = frozenset(self._terms(lead)).union(lead_packages) - self._bags[-1]
                self._answer_bags.append(said or _NOTHING)
                tail = frozenset(self._terms(answer)).union(packages) - self._bags[-1] - said
                self._tail_bags.append(tail or _NOTHING)  # one shared empty set, not 10,000
                phrased.append(list(dict.fromkeys(t for t in example_terms if t)))  # no repeats
                self._answer_credit.append(
                    ANSWER_CREDIT + SPARSE_ANSWER_CREDIT * _sparseness(section)
                )
        vocabulary = frozenset().union(*self._bags) | set(self._frameworks)
        self._document_vocabulary: dict[frozenset[int], _Vocabulary] = {}
        self._vocabulary_of(None)  # the one unnamed questions use, ready before the first
        # Misspelt everyday synonyms ("dificult") should still find the term they fold onto.
        for word, canon in SYNONYMS.items():
            if term(canon) in vocabulary:
                surface.setdefault(word, term(word))
        self._surface_terms = surface
        self._known_terms = sorted(t for t in vocabulary if len(t) >= 5)
        self._sorted_words = sorted(surface)
        # Typos rarely change both the first and the last letter, or the length by more than
        # two: bucketing known words that way keeps each correction to a few hundred choices.
        self._typo_buckets: dict[tuple[int, str, int], list[str]] = defaultdict(list)
        for word in surface:
            self._typo_buckets[(0, word[0], len(word))].append(word)
            self._typo_buckets[(-1, word[-1], len(word))].append(word)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for index, bag in enumerate(self._bags):
            for t in bag:
                self._postings[t].append(index)
        # Rarity is counted over example phrasings, not sections: "which" and "better" occur in
        # many phrasings of a few sections and should weigh less than "database" or "admin".
        example_df: dict[str, int] = defaultdict(int)
        for section_phrasings in phrased:
            for phrasing_terms in section_phrasings:
                for t in phrasing_terms:
                    example_df[t] += 1
        count = max(sum(len(p) for p in phrased), 1)
        self._idf = {t: math.log(1 + count / example_df[t]) for t in self._postings}
        # A section with few phrasings has few words to go on: one it uses once is its
        # subject ("drop-in replacement"), not chat, even around a framework name.
        self._rare = frozenset(
            t
            for t, n in example_df.items()
            if n <= RARE_USES
            and not all(_sparseness(self._sections[s][1]) > 0 for s in self._postings[t])
        )
        self._unknown_weight = math.log(1 + count) * UNKNOWN_WEIGHT
        self._answer_word_weight = math.log(1 + count) * ANSWER_WORD_WEIGHT
        self._chat_weight = math.log(1 + count) * CHAT_WEIGHT
        self._framework_weight = math.log(1 + count) * FRAMEWORK_WEIGHT
        self._examples = [
            [_Example(t, self._weight_of(t)) for t in section_phrasings]
            for section_phrasings in phrased
        ]
        self._lightest = [min((e.weight for e in ex), default=0.0) for ex in self._examples]
        # Sections with many phrasings find the ones sharing a question's terms through an
        # index of their own; small ones (most of a large knowledge base) compare each.
        self._example_postings: list[dict[str, tuple[int, ...]] | None] = []
        for section_examples in self._examples:
            if len(section_examples) < INDEXED_EXAMPLES:
                self._example_postings.append(None)
                continue
            postings: dict[str, list[int]] = defaultdict(list)
            for i, example in enumerate(section_examples):
                for t in example.terms:
                    postings[t].append(i)
            self._example_postings.append({t: tuple(ids) for t, ids in postings.items()})
        # For each section, the share of its phrasings that name each of its document's
        # frameworks: "What Rails is" names rails in nearly all, laravel in none.
        self._framework_shares: list[dict[str, float]] = []
        for index, section_examples in enumerate(self._examples):
            names = {f for f, docs in self._frameworks.items() if self._section_docs[index] in docs}
            count = max(len(section_examples), 1)
            self._framework_shares.append(
                {f: sum(f in e.terms for e in section_examples) / count for f in names}
            )

    def _package_word(self, found: re.Match[str]) -> str | None:
        """A package named after a framework ("flask-login", "pytest-cov", "django-allauth")
        as one word: a subject of its own, not Flask and a login. None for a framework's own
        name written in parts ("spring-boot", "react-native")."""
        first, second = found.group(1).casefold(), found.group(2).casefold()
        return None if term(second) in self._frameworks else first + second

    def _with_package_words(self, text: str) -> str:
        """``text`` with each package name also written as one word, after its parts."""
        if self._package_name is None:
            return text
        return self._package_name.sub(
            lambda found: f"{found.group(0)} {self._package_word(found) or ''}", text
        )

    def _package_words(self, text: str, lead: int) -> tuple[set[str], set[str]]:
        """The package names of ``text`` as terms: those before character ``lead``, and the
        others."""
        early: set[str] = set()
        late: set[str] = set()
        if self._package_name is not None:
            for found in self._package_name.finditer(text):
                if (word := self._package_word(found)) is not None:
                    (early if found.start() < lead else late).add(term(word))
        return early, late

    def _terms(self, normalized: str) -> tuple[str, ...]:
        """Index terms of a normalized text, as ``bot.text.terms`` with framework aliases."""
        seen: dict[str, None] = {}
        for word in normalized.split():
            alias = self._aliases.get(word)
            if alias is not None or word not in STOPWORDS:
                seen.setdefault(alias or term(word), None)
        return tuple(seen)

    def _weight(self, t: str) -> float:
        if t in self._frameworks:
            return self._framework_weight
        return self._idf.get(t, self._unknown_weight)

    def _weight_of(self, ts: Iterable[str]) -> float:
        return sum(self._weight(t) for t in ts)

    def query_terms(self, question: str) -> list[str]:
        """The question's terms, misspellings of known words corrected."""
        return list(self._read(question).written)

    def _read(self, question: str) -> _Reading:
        """The question's terms, and how it asks, read once for ``weigh`` and ``match``."""
        text = self._with_package_words(strip_formatting(question))
        normalized = normalize(text)
        return _Reading(
            text,
            self._query(normalized),
            asks_how_to(normalized),
            refers_to_pair(normalized),
            self._compared(normalized) | frozenset(identifier_words(text)),
        )

    def _query(self, normalized: str) -> dict[str, str]:
        """Each term of the (normalized) question, mapped to the word it was written as (or
        corrected to)."""
        result: dict[str, str] = {}
        previous = ""
        words = normalized.split()
        for i, word in enumerate(words):
            alias = self._aliases.get(word)
            if (alias is None and word in STOPWORDS) or (
                word == "js" and previous in self._frameworks
            ):
                continue  # "express js" is Express
            if self._counts(words, i):
                continue  # "team of 3", "like 10 blog posts": how many, not what
            if word in _TIME_UNITS and i and self._counts(words, i - 1):
                continue  # "the build takes 10 min": how long, not what
            t = alias or term(word)
            if t not in self._idf and t not in self._frameworks and len(word) >= 3:
                corrected = self._correct(word)
                if corrected == "":
                    continue  # a misspelt filler word ("explaind")
                if corrected is not None:
                    word = corrected
                    t = self._surface_terms.get(word) or word
            result.setdefault(t, word)
            previous = t
        return result

    def _counts(self, words: list[str], i: int) -> bool:
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
        if after in _TIME_UNITS:
            return True  # "laravel 2 yrs"
        named = self._aliases.get(before) or term(before)
        return named not in self._frameworks and (
            not before or before in STOPWORDS or is_english(before)
        )

    def weigh(self, question: str) -> tuple[set[int] | None, dict[str, float]]:
        """The documents the question names (None: all), and the weight of each of its terms.

        A term none of those documents uses counts against every section: heavily when it
        names a programming subject or no dictionary knows it, lightly when it is chat.
        """
        reading = self._read(question)
        return self._weigh(reading.written, reading.how_to, reading.pair, reading.subject)

    def _weigh(
        self,
        written: dict[str, str],
        how_to: bool = False,
        pair: bool = False,
        subject: frozenset[str] = frozenset(),
    ) -> tuple[set[int] | None, dict[str, float]]:
        """``weigh`` for terms already read from a question (``_query``)."""
        named = self._named(written)
        documents = self._documents_named(named)
        vocabulary = self._vocabulary_of(documents)
        # "is one of them objectively better": a question about "the two" names them too.
        about_pair = bool(named) or pair
        weights: dict[str, float] = {}
        for t, word in written.items():
            if t in vocabulary.examples:
                # "depends_on isn't working": no chat, whatever the rest of the message
                chat_around = about_pair and word not in subject
                weights[t] = self._known_weight_of(t, word, chat_around)
            elif word in subject:
                weights[t] = self._unknown_weight_of(word, False, t in vocabulary.answers, True)
            elif (stand_in := self._stand_in(t, word, written, vocabulary, how_to)) is not None:
                weights[stand_in] = max(
                    weights.get(stand_in, 0.0), self._weight(stand_in) * RELATED_WEIGHT
                )
            else:
                weights[t] = self._unknown_weight_of(
                    word, about_pair, t in vocabulary.answers, how_to
                )
        return documents, weights

    def _stand_in(
        self,
        t: str,
        word: str,
        written: dict[str, str],
        vocabulary: _Vocabulary,
        how_to: bool,
    ) -> str | None:
        """The term the knowledge uses for an everyday word it does not ("crowd" for
        "community"), its rarest if several; None for a programming term ("port" is not
        "porting"), in a how-to question (its words are the subject), or when the question
        already says it."""
        related = self._related.get(t)
        if related is None or how_to or is_technical(word):
            return None
        known = [r for r in related if r in vocabulary.examples and r not in written]
        return max(known, key=self._weight) if known else None

    def _known_weight_of(self, t: str, word: str, named: bool) -> float:
        """A word the knowledge uses in a phrasing or two is no better evidence than one it
        never uses: around a named framework, everyday English of that kind is chat too."""
        if t in self._rare and named and is_english(word) and not is_technical(word):
            return min(self._chat_weight, self._weight(t))
        return self._weight(t)

    def _unknown_weight_of(
        self, word: str, named: bool, answered: bool, subject: bool = False
    ) -> float:
        """How much a word no example phrasing uses counts against every section (less when
        an answer uses it).

        Everyday words are taken for chat around a question that names a framework. Without
        one they count, a little less than jargon: "should i use tabs or spaces" is no
        question for us, but "first year cs student here, which one is less painful to
        learn?" still is. The words of a ``subject`` (a how-to question, two things compared)
        count in full.
        """
        weight = self._answer_word_weight if answered else self._unknown_weight
        if subject:
            return weight
        everyday = not is_technical(word)
        if named and everyday and (is_english(word) or _YEAR.fullmatch(word)):
            return self._chat_weight
        if named:
            # "why is my decorate not visibel everywhere": a slip of an everyday word is chat.
            slip = misspelt_english(word)
            if slip is not None and not is_technical(slip) and everyday:
                return self._chat_weight
        elif everyday and is_english(word):
            return weight * UNNAMED_EVERYDAY_SHARE
        return weight

    def _correct(self, word: str) -> str | None:
        """The known word (or term) closest to a misspelled ``word``, if one is close; ""
        for a misspelt filler word."""
        if word not in self._corrections:
            if len(self._corrections) >= CORRECTIONS_KEPT:
                self._corrections.clear()
            self._corrections[word] = self._closest_known(word)
        return self._corrections[word]

    def _closest_known(self, word: str) -> str | None:
        """Another form of ``word`` that the knowledge uses, or a known word one slip away
        (or a known term, for a slip in the stem); "" for a misspelt filler word."""
        for variant in _inflections(word):  # "hire" meets "hiring", "performs" "performance"
            if variant in self._surface_terms:
                return variant
        # Words sharing the first letter come first: on a tie, "wich" is "which", not "rich".
        choices = [
            known
            for key in ((0, word[0]), (-1, word[-1]))
            for size in range(len(word) - 2, len(word) + 3)
            for known in self._typo_buckets.get((*key, size), ())
        ]
        # One slip (a letter missing, extra, wrong or swapped) in short words, two in long ones;
        # three-letter words are only corrected to framework names ("veu" -> "vue").
        # A correctly spelt word is meant as written ("prospects" is not "projects", "cors" is
        # not "core"), unless it is one slip from a framework name ("flaks"). Nor does a slip
        # hit the first letter, except of a framework name: "ninja" (django-ninja) is no "jinja".
        as_written = len(word) == 3 or is_english(word) or is_technical(word)
        choices = [
            c
            for c in choices
            if self._surface_terms[c] in self._frameworks or (not as_written and c[0] == word[0])
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
            found = process.extractOne(
                stemmed, self._known_terms, scorer=OSA.distance, score_cutoff=1
            )
            if found:
                return str(found[0])
        return None

    def match(
        self, question: str, threshold: float | None = None, require_framework: bool = False
    ) -> Match:
        """The section that answers ``question``, or none with up to 3 suggestions.

        ``require_framework`` answers only questions that name a framework of the knowledge:
        for messages nobody asked the bot, where "which is faster?" continues a conversation
        the bot cannot see.
        """
        text, written, how_to, pair, subject = self._read(question)
        documents, weights = self._weigh(written, how_to, pair, subject)
        if require_framework and documents is None:
            return Match(question, None, 0.0, ())
        ranked = self._rank(documents, weights, MAX_SUGGESTIONS + 1)
        if (asked := asked_sentences(text)) is not None:
            # "hello! a job posting wants django. what is it actually?": the sentence that
            # asks may be clearer alone (with the frameworks the message names, if it names
            # none itself).
            asked_written = self._query(normalize(asked))
            if not any(t in self._frameworks for t in asked_written):
                asked_written.update((t, w) for t, w in written.items() if t in self._frameworks)
            part = self._weigh(asked_written, how_to, pair, subject)[1]
            # "is that right?" says nothing alone: the rest of the message has the subject.
            if any(w > self._chat_weight for t, w in part.items() if t not in self._frameworks):
                alone = self._rank(documents, part, MAX_SUGGESTIONS + 1)
                ranked = _best_of(ranked, alone, MAX_SUGGESTIONS + 1)
        answer_at = self.answer_threshold if threshold is None else threshold
        if ranked and not how_to:
            answer_at -= SPARSE_THRESHOLD_ALLOWANCE * _sparseness(ranked[0].section)
        chat = not pair and self._is_chat(written)  # "either of these" asks about the two
        best = ranked[0] if ranked else None
        score = best.score if best else 0.0
        second = ranked[1] if len(ranked) > 1 else None
        runner_up = second.score if second else 0.0
        # Two documents fitting equally well means the question did not say which framework.
        same_document = second is None or best is None or second.document is best.document
        sure = same_document and score >= max(answer_at, SURE_SCORE) and score > runner_up
        clear = score - runner_up >= TIE_MARGIN or sure
        if documents is None and not same_document:
            clear = clear and score - runner_up >= OTHER_DOCUMENT_MARGIN
        if documents is None and pair and best is not None:
            # "which of the two has more users" without a name: with two comparisons that
            # could answer, the asker's "two" may be either.
            clear = clear and not any(
                c.document is not best.document and c.score >= answer_at for c in ranked
            )
        if best is not None and score >= answer_at and clear and not chat:
            others = tuple(c for c in ranked[1:] if c.score >= self.suggest_threshold)
            return Match(question, best, score, others[:MAX_SUGGESTIONS])
        close = tuple(c for c in ranked if c.score >= self.suggest_threshold)
        return Match(question, None, score, close[:MAX_SUGGESTIONS])

    def _compared(self, normalized: str) -> frozenset[str]:
        """The words of each "X vs Y" (or "difference between X and Y") in which neither X nor
        Y is a word the knowledge uses: "rabbitmq shovel vs federation" compares two things no
        section knows, and they are its subject, not chat around a framework name."""
        compared: set[str] = set()
        for a, b in compared_pairs(normalized):
            both = self._query(f"{a} {b}")  # misspellings corrected: "kafak" is kafka
            if len(both) == 2 and not any(t in self._idf or t in self._frameworks for t in both):
                compared.update(both.values())
        return frozenset(compared)

    def _is_chat(self, written: dict[str, str]) -> bool:
        """A one-word reply in a conversation ("nice", "same", "that fixed it!"): one everyday
        English word and no framework name is no question, whatever a section says; a
        programming word alone ("werkzeug") still is."""
        if len(written) != 1:
            return False
        ((t, word),) = written.items()
        return t not in self._frameworks and is_english(word)

    def rank(self, question: str, limit: int = MAX_SUGGESTIONS + 1) -> list[Candidate]:
        """The best-scoring sections for ``question``, best first."""
        return self._rank(*self.weigh(question), limit)

    def _rank(
        self, documents: set[int] | None, weights: dict[str, float], limit: int
    ) -> list[Candidate]:
        if not weights:
            return []
        query = list(weights)
        total = sum(weights.values())
        named = set(self._named(query))

        candidates: set[int] = set()
        for t in sorted(
            (t for t in query if t in self._postings), key=lambda t: len(self._postings[t])
        ):
            postings = self._postings[t]
            if candidates and len(candidates) + len(postings) > CANDIDATE_BUDGET:
                break
            # A term shared with that many sections cannot make a confident answer: a sample do.
            candidates.update(postings[:CANDIDATE_BUDGET])
        if documents is not None:
            candidates = {s for s in candidates if self._section_docs[s] in documents}

        tail = ANSWER_TAIL_CREDIT if named else 0.0
        coverage = {s: self._coverage(s, weights, tail) / total for s in candidates}
        shortlist = sorted(coverage, key=coverage.__getitem__, reverse=True)[:RERANK_SECTIONS]
        scored: list[Candidate] = []
        query_set = frozenset(query)
        kept: list[float] = []  # the best ``limit`` values so far, best first
        for s in shortlist:
            # The closest example adds at most EXAMPLE_SHARE: a section that cannot reach the
            # ``limit`` best even so is not worth comparing example by example.
            if len(kept) >= limit:
                if (1 - EXAMPLE_SHARE) * coverage[s] + EXAMPLE_SHARE < kept[-1]:
                    break  # nor can any section after it: they cover less
                # No example shares more than the section covers, nor weighs less than its
                # lightest example: a tighter bound on how close the closest one can be.
                reach = min(1.0, 2 * coverage[s] * total / (total + self._lightest[s]))
                if (1 - EXAMPLE_SHARE) * coverage[s] + EXAMPLE_SHARE * reach < kept[-1]:
                    continue
            closest = self._closest(s, query_set, weights, total)
            value = EXAMPLE_SHARE * closest + (1 - EXAMPLE_SHARE) * coverage[s]
            if named and self._about_another_framework(s, named):
                value *= OTHER_FRAMEWORK_FACTOR
            bisect.insort(kept, value, key=lambda v: -v)
            del kept[limit:]
            document, section = self._sections[s]
            scored.append(Candidate(document, section, round(100 * value, 1)))
        scored.sort(key=lambda c: c.score, reverse=True)
        return scored[:limit]

    def _coverage(self, s: int, weights: dict[str, float], tail: float) -> float:
        """The weight of the question's terms that section ``s`` uses: in full for its
        examples' words, in part for its answer's."""
        covered = 0.0
        for t, weight in weights.items():
            if t in self._bags[s]:
                covered += weight
            elif t in self._answer_bags[s]:
                covered += weight * self._answer_credit[s]
            elif tail and t in self._tail_bags[s]:
                covered += weight * tail
        return covered

    def _closest(
        self, s: int, query: frozenset[str], weights: dict[str, float], total: float
    ) -> float:
        """How close the section's closest example phrasing is to the question (0-1): the
        weight they share, over their mean weight."""
        examples = self._examples[s]
        postings = self._example_postings[s]
        if postings is not None:
            shared: dict[int, float] = {}
            for t in query:
                weight = weights[t]
                for i in postings.get(t, ()):
                    shared[i] = shared.get(i, 0.0) + weight
            return max(
                (2 * v / (total + examples[i].weight) for i, v in shared.items()), default=0.0
            )
        closest = 0.0
        weight_of = weights.__getitem__
        for example in examples:
            common = query.intersection(example.terms)
            if common:
                similarity = 2 * sum(map(weight_of, common)) / (total + example.weight)
                if similarity > closest:
                    closest = similarity
        return closest

    def _about_another_framework(self, section: int, named: set[str]) -> bool:
        """Whether the section is about another framework of its document than those named:
        "What Laravel is" for "what language is rails written in"."""
        shares = self._framework_shares[section]
        mine = max((shares.get(f, 0.0) for f in named), default=0.0)
        other = max((v for f, v in shares.items() if f not in named), default=0.0)
        return mine < 0.2 and other >= 0.5

    def complete(self, partial: str, limit: int = 25) -> list[Candidate]:
        """Sections for text still being typed (autocomplete): the last word may be unfinished."""
        words = normalize(partial).split()
        if words and not partial[-1:].isspace() and words[-1] not in self._surface_terms:
            start = bisect.bisect_left(self._sorted_words, words[-1])
            if start < len(self._sorted_words) and self._sorted_words[start].startswith(words[-1]):
                words[-1] = self._sorted_words[start]
        return self.rank(" ".join(words), limit=limit)

    def _vocabulary_of(self, documents: set[int] | None) -> _Vocabulary:
        """The terms the given documents (all when None) use."""
        key = frozenset(range(len(self.knowledge.documents)) if documents is None else documents)
        if key not in self._document_vocabulary:
            sections = [s for s, d in enumerate(self._section_docs) if d in key]
            examples = frozenset().union(*(self._bags[s] for s in sections))
            answers = frozenset().union(
                *(self._answer_bags[s] for s in sections), *(self._tail_bags[s] for s in sections)
            )
            examples |= self._frameworks.keys()
            self._document_vocabulary[key] = _Vocabulary(examples, answers - examples)
        return self._document_vocabulary[key]

    def _named(self, terms: Iterable[str]) -> list[str]:
        """The framework names among a question's terms: "web" names Actix Web only beside
        "actix", not in "is flask good for web apps"."""
        given = dict.fromkeys(terms)
        return [
            t
            for t in given
            if t in self._frameworks
            and (t not in self._name_tails or not self._name_tails[t].isdisjoint(given))
        ]

    def _documents_named(self, named: list[str]) -> set[int] | None:
        """Documents about the most of the named frameworks; None when none is named."""
        if not named:
            return None
        hits: dict[int, int] = defaultdict(int)
        for t in named:
            for doc_index in self._frameworks[t]:
                hits[doc_index] += 1
        top = max(hits.values())
        return {d for d, n in hits.items() if n == top}


_NOTHING: frozenset[str] = frozenset()
_WORD = re.compile(r"[a-z0-9]+")
# Words after a number that say it counts time, not a version: "laravel 2 yrs".
_TIME_UNITS = frozenset(
    "yr yrs year years month months mo week weeks wk day days hour hours hr hrs min mins".split()
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # "pandas or polars in 2025?": when, not what
_CAPITALS = re.compile(r"\b[A-Z]{2,3}\b")
_CAMEL_CASE = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]*)+\b")


def _package_pattern(first_names: set[str]) -> re.Pattern[str] | None:
    """A framework's first name, a hyphen and a word: how packages for it are named."""
    if not first_names:
        return None
    names = "|".join(re.escape(f) for f in sorted(first_names, key=len, reverse=True))
    return re.compile(rf"(?i)\b({names})-([a-z][a-z0-9]*)")


def _words_of(document: Document) -> tuple[set[str], set[tuple[str, str]]]:
    """The words of the document's own text, roughly, and the initials it writes for names
    it spells in CamelCase (("tf", "tensorflow") where it writes "TF" and "TensorFlow"):
    enough to find the short names it uses. Regular expressions over the whole text are far
    quicker than normalizing it again."""
    texts = [document.title, document.summary or ""]
    for section in document.sections:
        texts.extend((section.title, section.answer, *section.questions, *section.keywords))
    text = " ".join(texts)
    written = set(_CAPITALS.findall(text))
    initials = set()
    for spelling in set(_CAMEL_CASE.findall(text)):
        capitals = "".join(c for c in spelling if c.isupper())
        if capitals in written:
            initials.add((capitals.casefold(), spelling.casefold()))
    return set(_WORD.findall(text.casefold())), initials


def _short_names(name: str, used: tuple[set[str], set[tuple[str, str]]]) -> set[str]:
    """What the document itself calls the framework for short: "torch" for pytorch, "tf" for
    tensorflow where it writes "TF" beside "TensorFlow". Only names its own text uses,
    and the name without its "MQ" or "DB" ("rabbit", "mongo"): nothing else is guessed ("go"
    is not Godot, "UI" is not Unity)."""
    words, initials = used
    short = {letters for letters, spelled in initials if spelled == name}
    if name.startswith("py") and len(name) >= 6 and name[2:] in words:
        short.add(name[2:])  # "torch" for pytorch
    if name.endswith(("mq", "db")) and len(name) >= 7:
        short.add(name[:-2])  # "rabbit" for rabbitmq, "mongo" for mongodb
    return short - STOPWORDS


def _sparseness(section: Section) -> float:
    """How few example phrasings the section gives: 1 for none, 0 from SPARSE_EXAMPLES on."""
    return max(0.0, 1 - (len(section.questions) + len(section.keywords)) / SPARSE_EXAMPLES)


def _best_of(first: list[Candidate], second: list[Candidate], limit: int) -> list[Candidate]:
    """Each section once, with its better score of the two rankings, best first."""
    best: dict[tuple[str, str], Candidate] = {}
    for c in (*first, *second):
        key = (c.document.id, c.section.id)
        if key not in best or c.score > best[key].score:
            best[key] = c
    return sorted(best.values(), key=lambda c: c.score, reverse=True)[:limit]


_LONG_STOPWORDS = sorted(w for w in STOPWORDS if len(w) >= 5)


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
