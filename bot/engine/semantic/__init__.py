"""Semantic matching: the lexical matcher's candidates and an embedding model's, decided by
a model trained on the team's labelled questions.

``SemanticMatcher`` is a ``Matcher`` (ranking, autocomplete and the lexical trace are its
own), whose ``match`` asks the learned decider instead of the hand-set thresholds. Build it
with ``bot.engine.build_matcher(..., semantic=True)``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.engine.knowledge import KnowledgeBase
from bot.engine.matcher import Candidate, DeciderView, Explanation, Match, Matcher, Trace
from bot.engine.matcher.tuning import (
    DEFAULT_ANSWER_THRESHOLD,
    DEFAULT_PASSIVE_THRESHOLD,
    MAX_SUGGESTIONS,
)
from bot.engine.semantic.decider import Decider, load_decider
from bot.engine.semantic.embedder import Embedder, SemanticUnavailable, load_embedder
from bot.engine.semantic.features import (
    FEATURES,
    RANK_LIMIT,
    TOP_K,
    LexicalView,
    candidate_features,
)
from bot.engine.semantic.vectors import SectionVectors
from bot.engine.text import strip_formatting

__all__ = ["SemanticMatcher", "SemanticUnavailable", "lexical_view"]

# A passive message whose best lexical score is below this is not embedded at all: chat.
PASSIVE_PREFILTER = 30.0


def lexical_view(matcher: Matcher, question: str, trace: Trace | None = None) -> LexicalView:
    """The lexical matcher's candidates and scores for ``question``, as the features (and
    training) read them: its decision at the default threshold, every section it scores.
    ``trace``: the question's trace at that threshold, when the caller already made it."""
    if trace is None:
        trace = matcher.trace(question, threshold=DEFAULT_ANSWER_THRESHOLD)
    answer = trace.decision.match.answer
    # What match() would return with no suggestion threshold: the answer and three more,
    # or the three closest.
    ranked = trace.ranked[: MAX_SUGGESTIONS + 1] if answer else trace.ranked[:MAX_SUGGESTIONS]
    scored = matcher.rank_weighed(trace.documents, trace.weights, RANK_LIMIT)
    scores = {c.key: c.score for c in scored}
    for c in ranked:  # match() may also have scored the asking sentence alone: keep the best
        scores[c.key] = max(scores.get(c.key, 0.0), c.score)
    return LexicalView([(c.key, c.score) for c in ranked], scores, answer.key if answer else None)


class SemanticMatcher(Matcher):
    """A ``Matcher`` whose decision is the learned decider's, over both sources' candidates."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        answer_threshold: float,
        suggest_threshold: float,
        embedder: Embedder | None = None,
        decider: Decider | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        super().__init__(knowledge, answer_threshold, suggest_threshold)
        self.embedder = embedder or load_embedder()
        self.decider = decider or load_decider()
        if self.decider.model_id != self.embedder.model_id:
            raise SemanticUnavailable(
                f"the decider was trained with {self.decider.model_id}, not "
                f"{self.embedder.model_id}: retrain it (python -m benchmarks.train)"
            )
        self.vectors = SectionVectors.build(knowledge, self.embedder, cache_dir)
        self._candidates = {
            f"{d.id}/{s.id}": Candidate(d, s, 0.0) for d in knowledge.documents for s in d.sections
        }

    def match(
        self,
        question: str,
        threshold: float | None = None,
        require_framework: bool = False,
        unprompted: bool = False,
    ) -> Match:
        """The decider's answer, or none with the likeliest sections as suggestions.
        ``require_framework``: a framework must be named and the lexical matcher find
        something before anything is embedded. ``unprompted`` (or ``require_framework``): the
        passive cut-off. ``threshold`` moves the cut-off (``cutoff``)."""
        return self._semantic(question, require_framework, threshold, unprompted)[0]

    def explain(
        self, question: str, threshold: float | None = None, require_framework: bool = False
    ) -> Explanation:
        lexical = super().explain(question, threshold, require_framework)
        match, views, rule = self._semantic(question, require_framework, threshold, False)
        return replace(lexical, match=match, decider=views, rule=rule)

    def cutoff(self, passive: bool, threshold: float | None = None) -> float:
        """The probability an answer needs: the decider's cut-off, moved by how far the
        threshold in force (a server's own, else the configured one) is from its default, a
        point of score for a hundredth of probability, so stricter settings stay stricter."""
        base = self.decider.passive_cutoff if passive else self.decider.cutoff
        default = DEFAULT_PASSIVE_THRESHOLD if passive else DEFAULT_ANSWER_THRESHOLD
        if threshold is None:
            threshold = default if passive else self.answer_threshold
        return min(max(base + (threshold - default) / 100, 0.0), 1.0)

    def _semantic(
        self, question: str, prefilter: bool, threshold: float | None, unprompted: bool
    ) -> tuple[Match, tuple[DeciderView, ...], str]:
        passive = prefilter or unprompted
        # One reading of the question serves the prefilter and the features alike: the
        # ranking does not depend on the threshold, only the lexical decision does.
        trace = self.trace(question, DEFAULT_ANSWER_THRESHOLD, require_framework=prefilter)
        if prefilter:
            best = trace.ranked[0].score if trace.ranked else 0.0
            if trace.documents is None or best < PASSIVE_PREFILTER:
                rule = (
                    "abstain: passive, and the lexical matcher finds no named framework's section"
                )
                return Match(question, None, 0.0, ()), (), rule
        view = lexical_view(self, question, trace)
        query = self.embedder.encode([strip_formatting(question)])[0]
        rows = candidate_features(question, view, self.vectors, query)
        lexical_keys = {key for key, _ in view.ranked[:TOP_K]}
        rank_at = FEATURES.index("emb_rank")
        views = sorted(
            (
                DeciderView(
                    key,
                    tuple(
                        source
                        for source, hit in (
                            ("lexical", key in lexical_keys),
                            ("semantic", values[rank_at] <= TOP_K),
                        )
                        if hit
                    ),
                    dict(zip(FEATURES, values, strict=True)),
                    self.decider.probability(values),
                )
                for key, values in rows
            ),
            key=lambda v: -v.probability,
        )
        cutoff = self.cutoff(passive, threshold)
        scored = [self._scored(v) for v in views]
        suggest = self.decider.suggest_cutoff
        offered = [c for c, v in zip(scored, views, strict=True) if v.probability >= suggest]
        if views and views[0].probability >= cutoff:
            rule = f"answer: the decider gives {views[0].probability:.2f} >= {cutoff:.2f}"
            others = tuple(offered[1 : MAX_SUGGESTIONS + 1])
            return Match(question, scored[0], scored[0].score, others), tuple(views), rule
        best = views[0].probability if views else 0.0
        rule = f"abstain: the decider's best is {best:.2f} < {cutoff:.2f}"
        score = scored[0].score if scored else 0.0
        return Match(question, None, score, tuple(offered[:MAX_SUGGESTIONS])), tuple(views), rule

    def _scored(self, view: DeciderView) -> Candidate:
        found = self._candidates[view.key]
        return Candidate(found.document, found.section, round(100 * view.probability, 1))
