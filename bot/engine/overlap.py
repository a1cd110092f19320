"""Find example questions that two sections of a document share, so they would be confused."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.engine.knowledge import Document
from bot.engine.text import normalize, terms

# Example questions this alike (rapidfuzz token_sort_ratio) read as the same question.
ALIKE_SCORE = 90.0


@dataclass(frozen=True, slots=True)
class Overlap:
    """Two example questions in different sections that a member could not tell apart."""

    first: tuple[int, int]  # (section index, question index)
    second: tuple[int, int]
    score: float

    def describe(self, document: Document) -> str:
        (s1, q1), (s2, q2) = self.first, self.second
        a = document.sections[s1].questions[q1]
        b = document.sections[s2].questions[q2]
        return (
            f"sections[{s1}].questions[{q1}] {a!r} and sections[{s2}].questions[{q2}] {b!r} "
            f"are nearly the same question ({self.score:.0f}); reword or remove one"
        )


def overlaps(document: Document) -> list[Overlap]:
    """Pairs of alike example questions in different sections, each pair once."""
    owners = [
        (s, q) for s, section in enumerate(document.sections) for q in range(len(section.questions))
    ]
    texts = [normalize(document.sections[s].questions[q]) for s, q in owners]
    term_sets = [frozenset(terms(text)) for text in texts]
    found: list[Overlap] = []
    for i, text in enumerate(texts):
        later = {j: texts[j] for j in range(i + 1, len(texts)) if owners[j][0] != owners[i][0]}
        hits = process.extract(
            text, later, scorer=fuzz.token_sort_ratio, score_cutoff=ALIKE_SCORE, limit=None
        )
        scores = {j: score for _, score, j in hits}
        for j in later:
            if term_sets[i] and term_sets[i] == term_sets[j]:
                scores.setdefault(j, 100.0)
        found += [Overlap(owners[i], owners[j], scores[j]) for j in sorted(scores)]
    return found
