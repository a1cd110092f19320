"""The decider's features: what it knows of each candidate section for a question. One
definition for the bot and for training (``benchmarks.train``), so the two cannot drift.

Candidates are the lexical matcher's best three and the embedding's best three sections.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from bot.engine.semantic.vectors import SectionVectors

TOP_K = 3  # candidates from each source
UNRANKED = 25  # the lexical rank of a section the matcher did not score (it scores 24)
RANK_LIMIT = 24  # sections the lexical matcher scores for the features

FEATURES = (
    "lex_score",  # the candidate's matcher score (0-100; 0 if not among those it scored)
    "lex_rank",  # 1 = the matcher's best; UNRANKED if it did not score it
    "lex_top",  # the question's best matcher score
    "lex_gap",  # best minus runner-up matcher score
    "lex_behind",  # the candidate's score minus the best other section's
    "is_today",  # the lexical matcher alone would answer with this candidate
    "today_answered",  # the lexical matcher alone would answer at all
    "same_doc_as_top",  # the candidate is in the matcher's best section's document
    "words",  # the question's length in words
    "log_examples",  # log(1 + the section's example phrasings)
    "cos_example",  # cosine to the section's closest example phrasing
    "cos_example2",  # mean of its two closest
    "cos_title",
    "cos_answer",  # to the answer's first sentence
    "emb_rank",  # the section's rank among all sections by cos_example
    "emb_top",  # the question's best cos_example over all sections
    "emb_behind",  # cos_example minus the best other section's
    "emb_gap",  # best minus second-best cos_example
    "cos_sentence",  # cosine to the answer's closest sentence
    "sentence_rank",  # the section's rank among all sections by cos_sentence
    "sentence_behind",  # cos_sentence minus the best other section's
)


@dataclass(frozen=True, slots=True)
class LexicalView:
    """What the lexical matcher made of a question, as the features need it."""

    ranked: Sequence[tuple[str, float]]  # its best sections ("document/section", score)
    scores: Mapping[str, float]  # every section it scored
    today: str | None  # the section it would answer with alone


def candidate_features(
    question: str, lexical: LexicalView, vectors: SectionVectors, query: np.ndarray
) -> list[tuple[str, list[float]]]:
    """Each candidate section and its features, in ``FEATURES`` order."""
    scores = lexical.scores
    ordered = sorted(scores.items(), key=lambda kv: -kv[1])
    lex_rank = {key: r + 1 for r, (key, _) in enumerate(ordered)}
    lex_top = ordered[0][1] if ordered else 0.0
    lex_second = ordered[1][1] if len(ordered) > 1 else 0.0
    top_doc = vectors.documents[vectors.position[ordered[0][0]]] if ordered else None
    candidates = [key for key, _ in lexical.ranked[:TOP_K]]
    best, best_two = vectors.best_examples(query)
    titles = vectors.titles @ query
    answers = vectors.answers @ query
    emb_order = np.argsort(-best, kind="stable")
    emb_rank = np.empty(len(best), dtype=np.int64)
    emb_rank[emb_order] = np.arange(1, len(best) + 1)
    for j in emb_order[:TOP_K]:
        if vectors.keys[j] not in candidates:
            candidates.append(vectors.keys[j])
    said = vectors.best_sentences(query)
    said_order = np.argsort(-said, kind="stable")
    said_rank = np.empty(len(said), dtype=np.int64)
    said_rank[said_order] = np.arange(1, len(said) + 1)
    emb_top = float(best[emb_order[0]]) if len(best) else 0.0
    emb_second = float(best[emb_order[1]]) if len(best) > 1 else emb_top
    words = len(question.split())
    rows = []
    for key in candidates:
        j = vectors.position[key]
        score = scores.get(key, 0.0)
        other_scores = [v for k, v in scores.items() if k != key]
        others = np.delete(best, j)
        rows.append(
            (
                key,
                [
                    score,
                    float(lex_rank.get(key, UNRANKED)),
                    lex_top,
                    lex_top - lex_second,
                    score - (max(other_scores) if other_scores else 0.0),
                    float(lexical.today == key),
                    float(lexical.today is not None),
                    float(vectors.documents[j] == top_doc),
                    float(words),
                    math.log1p(vectors.example_counts[j]),
                    float(best[j]),
                    float(best_two[j]),
                    float(titles[j]),
                    float(answers[j]),
                    float(emb_rank[j]),
                    emb_top,
                    float(best[j] - (others.max() if len(others) else 0.0)),
                    emb_top - emb_second,
                    float(said[j]),
                    float(said_rank[j]),
                    float(said[j] - (np.delete(said, j).max() if len(said) > 1 else 0.0)),
                ],
            )
        )
    return rows
