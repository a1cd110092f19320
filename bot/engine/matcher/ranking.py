"""Ranking sections for a weighed question: candidates from an inverted index, scored by how
much of the question each section's vocabulary explains and by its closest example."""

from __future__ import annotations

import bisect

from .index import Index, IndexedSection
from .result import Candidate
from .tuning import (
    ANSWER_TAIL_CREDIT,
    CANDIDATE_BUDGET,
    EXAMPLE_SHARE,
    OTHER_FRAMEWORK_FACTOR,
    RERANK_SECTIONS,
)


def rank(
    index: Index, documents: set[int] | None, weights: dict[str, float], limit: int
) -> list[Candidate]:
    """The ``limit`` best sections of ``documents`` (all when None), best first."""
    if not weights:
        return []
    query = list(weights)
    total = sum(weights.values())
    named = set(index.names.named(query))
    postings = index.postings
    sections = index.sections

    candidates: set[int] = set()
    for t in sorted((t for t in query if t in postings), key=lambda t: len(postings[t])):
        found = postings[t]
        if candidates and len(candidates) + len(found) > CANDIDATE_BUDGET:
            break
        # A term shared with that many sections cannot make a confident answer: a sample do.
        candidates.update(found[:CANDIDATE_BUDGET])
    if documents is not None:
        candidates = {s for s in candidates if sections[s].doc_index in documents}

    tail = ANSWER_TAIL_CREDIT if named else 0.0
    coverage = {s: _coverage(sections[s], weights, tail) / total for s in candidates}
    shortlist = sorted(coverage, key=coverage.__getitem__, reverse=True)[:RERANK_SECTIONS]
    scored: list[Candidate] = []
    query_set = frozenset(query)
    kept: list[float] = []  # the best ``limit`` values so far, best first
    for s in shortlist:
        entry = sections[s]
        # The closest example adds at most EXAMPLE_SHARE: a section that cannot reach the
        # ``limit`` best even so is not worth comparing example by example.
        if len(kept) >= limit:
            if (1 - EXAMPLE_SHARE) * coverage[s] + EXAMPLE_SHARE < kept[-1]:
                break  # nor can any section after it: they cover less
            # No example shares more than the section covers, nor weighs less than its
            # lightest example: a tighter bound on how close the closest one can be.
            reach = min(1.0, 2 * coverage[s] * total / (total + entry.lightest))
            if (1 - EXAMPLE_SHARE) * coverage[s] + EXAMPLE_SHARE * reach < kept[-1]:
                continue
        closest = _closest(entry, query_set, weights, total)
        value = EXAMPLE_SHARE * closest + (1 - EXAMPLE_SHARE) * coverage[s]
        if named and _about_another_framework(entry, named):
            value *= OTHER_FRAMEWORK_FACTOR
        bisect.insort(kept, value, key=lambda v: -v)
        del kept[limit:]
        scored.append(Candidate(entry.document, entry.section, round(100 * value, 1)))
    scored.sort(key=lambda c: c.score, reverse=True)
    return scored[:limit]


def _coverage(entry: IndexedSection, weights: dict[str, float], tail: float) -> float:
    """The weight of the question's terms that the section uses: in full for its examples'
    words, in part for its answer's."""
    covered = 0.0
    bag, answer_bag, tail_bag = entry.bag, entry.answer_bag, entry.tail_bag
    for t, weight in weights.items():
        if t in bag:
            covered += weight
        elif t in answer_bag:
            covered += weight * entry.answer_credit
        elif tail and t in tail_bag:
            covered += weight * tail
    return covered


def _closest(
    entry: IndexedSection, query: frozenset[str], weights: dict[str, float], total: float
) -> float:
    """How close the section's closest example phrasing is to the question (0-1): the
    weight they share, over their mean weight."""
    examples = entry.examples
    postings = entry.example_postings
    if postings is not None:
        shared: dict[int, float] = {}
        for t in query:
            weight = weights[t]
            for i in postings.get(t, ()):
                shared[i] = shared.get(i, 0.0) + weight
        return max((2 * v / (total + examples[i].weight) for i, v in shared.items()), default=0.0)
    closest = 0.0
    weight_of = weights.__getitem__
    for example in examples:
        common = query.intersection(example.terms)
        if common:
            similarity = 2 * sum(map(weight_of, common)) / (total + example.weight)
            if similarity > closest:
                closest = similarity
    return closest


def _about_another_framework(entry: IndexedSection, named: set[str]) -> bool:
    """Whether the section is about another framework of its document than those named:
    "What Laravel is" for "what language is rails written in"."""
    shares = entry.framework_shares
    mine = max((shares.get(f, 0.0) for f in named), default=0.0)
    other = max((v for f, v in shares.items() if f not in named), default=0.0)
    return mine < 0.2 and other >= 0.5


def best_of(first: list[Candidate], second: list[Candidate], limit: int) -> list[Candidate]:
    """Each section once, with its better score of the two rankings, best first."""
    best: dict[tuple[str, str], Candidate] = {}
    for c in (*first, *second):
        key = (c.document.id, c.section.id)
        if key not in best or c.score > best[key].score:
            best[key] = c
    return sorted(best.values(), key=lambda c: c.score, reverse=True)[:limit]
