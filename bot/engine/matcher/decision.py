"""The final decision: answer the best section, or abstain and offer the closest ones.

Each rule that can stop an answer has a name, so ``explain`` can say which one decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .result import Candidate, Match
from .tuning import MAX_SUGGESTIONS, OTHER_DOCUMENT_MARGIN, SURE_SCORE, TIE_MARGIN


class Decision(NamedTuple):
    """A match, the rule that decided it (a key of ``RULES``) and the figures it used."""

    match: Match
    rule: str
    threshold: float  # the score the best section needed
    gap: float  # how far the best section led the runner-up


# What each rule means, for ``explain``: formatted with the score, threshold and gap.
RULES = {
    "answer": "answer: {score:.1f} >= {threshold:.1f}, leads by {gap:.1f}",
    "sure": "answer: {score:.1f} >= {threshold:.1f} and sure (one document), though within "
    f"{TIE_MARGIN:g} of the runner-up",
    "no-candidate": "abstain: no section shares a word with the question",
    "chat": "abstain: one everyday word, a reply in a conversation",
    "below-threshold": "abstain: best score {score:.1f} < {threshold:.1f}",
    "tie": f"abstain: tie, leads the runner-up by {{gap:.1f}} < {TIE_MARGIN:g}",
    "which-comparison": "abstain: which comparison? It names no framework, and another "
    f"document's section is {{gap:.1f}} < {OTHER_DOCUMENT_MARGIN:g} behind",
    "which-two": "abstain: which two? It asks about 'the two' naming neither, and two "
    "comparisons fit",
    "no-framework": "abstain: names no framework (passive answers need one)",
}


def describe(decision: Decision) -> str:
    """The rule that decided, in words, with its figures."""
    return RULES[decision.rule].format(
        score=decision.match.score, threshold=decision.threshold, gap=decision.gap
    )


def decide(
    question: str,
    ranked: Sequence[Candidate],
    threshold: float,
    suggest_threshold: float,
    named_documents: bool,
    pair: bool,
    chat: bool,
) -> Decision:
    """Answer with ``ranked[0]`` when it scores ``threshold`` and leads clearly; otherwise
    no answer, with the sections scoring at least ``suggest_threshold`` as suggestions."""
    best = ranked[0] if ranked else None
    score = best.score if best else 0.0
    second = ranked[1] if len(ranked) > 1 else None
    runner_up = second.score if second else 0.0
    gap = score - runner_up
    # Two documents fitting equally well means the question did not say which framework.
    same_document = second is None or best is None or second.document is best.document
    sure = same_document and score >= max(threshold, SURE_SCORE) and score > runner_up
    unclear = ""
    if not (gap >= TIE_MARGIN or sure):
        unclear = "tie"
    elif not named_documents and not same_document and gap < OTHER_DOCUMENT_MARGIN:
        unclear = "which-comparison"
    elif (
        not named_documents
        and pair
        and best is not None
        # "which of the two has more users" without a name: with two comparisons that
        # could answer, the asker's "two" may be either.
        and any(c.document is not best.document and c.score >= threshold for c in ranked)
    ):
        unclear = "which-two"
    if best is not None and score >= threshold and not unclear and not chat:
        others = tuple(c for c in ranked[1:] if c.score >= suggest_threshold)
        rule = "answer" if gap >= TIE_MARGIN else "sure"
        match = Match(question, best, score, others[:MAX_SUGGESTIONS])
        return Decision(match, rule, threshold, gap)
    close = tuple(c for c in ranked if c.score >= suggest_threshold)
    if best is None:
        rule = "no-candidate"
    elif chat:
        rule = "chat"
    elif score < threshold:
        rule = "below-threshold"
    else:
        rule = unclear
    return Decision(Match(question, None, score, close[:MAX_SUGGESTIONS]), rule, threshold, gap)
