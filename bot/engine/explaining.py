"""``framework-bot explain``: why a question got its answer, for a maintainer to read."""

from __future__ import annotations

from typing import Any

from bot.engine.matcher import Candidate, Explanation


def explanation_text(explanation: Explanation) -> str:
    """How the question was read and weighed, the sections it was ranked against and the
    rule that decided, as lines for a terminal."""
    match = explanation.match
    lines = [f"question:   {match.question}", f"normalized: {explanation.normalized}"]
    if explanation.corrections:
        fixed = ", ".join(f"{a} -> {b or '(filler)'}" for a, b in explanation.corrections.items())
        lines.append(f"corrected:  {fixed}")
    lines.append(f"frameworks: {', '.join(explanation.frameworks) or '(none named)'}")
    lines.append(f"compared with: {', '.join(explanation.documents)}")
    if explanation.asked:
        lines.append(f"also scored alone: {explanation.asked!r}")
    lines.append("words (term, as written, weight, kind):")
    for word in explanation.words:
        lines.append(f"  {word.term:<16} {word.word:<16} {word.weight:>7.3f}  {word.kind}")
    if not explanation.words:
        lines.append("  (none: only filler words)")
    if explanation.decider:
        lines.append(f"lexical top sections (alone it would need {explanation.threshold:.1f}):")
    else:
        lines.append(f"top sections (answer needs {explanation.threshold:.1f}):")
    for candidate in explanation.ranked:
        lines.append(f"  {candidate.score:>5.1f}  {candidate.key}")
    if not explanation.ranked:
        lines.append("  (none)")
    if explanation.decider:
        lines.append("decider (probability, sources, candidate):")
        for view in explanation.decider:
            lines.append(f"  {view.probability:.2f}  {'+'.join(view.sources):<16} {view.key}")
            shown = ", ".join(f"{name} {value:.3g}" for name, value in view.features.items())
            lines.append(f"        {shown}")
    lines.append(f"decision:   {explanation.rule}")
    answer = f"answer: {match.answer.key}" if match.answer else "no answer"
    offered = ", ".join(c.key for c in match.suggestions)
    lines.append(f"outcome:    {answer}" + (f"; suggests {offered}" if offered else ""))
    return "\n".join(lines)


def explanation_json(explanation: Explanation) -> dict[str, Any]:
    """The same as one JSON-ready object."""
    match = explanation.match
    return {
        "question": match.question,
        "normalized": explanation.normalized,
        "corrections": explanation.corrections,
        "frameworks": list(explanation.frameworks),
        "documents": list(explanation.documents),
        "asked": explanation.asked,
        "words": [
            {"term": w.term, "word": w.word, "weight": w.weight, "kind": w.kind}
            for w in explanation.words
        ],
        "ranked": [_candidate(c) for c in explanation.ranked],
        "threshold": round(explanation.threshold, 2),
        "rule": explanation.rule,
        "decider": [
            {
                "candidate": view.key,
                "sources": list(view.sources),
                "probability": round(view.probability, 4),
                "features": {k: round(v, 4) for k, v in view.features.items()},
            }
            for view in explanation.decider
        ],
        "answer": _candidate(match.answer) if match.answer else None,
        "suggestions": [_candidate(c) for c in match.suggestions],
    }


def _candidate(candidate: Candidate) -> dict[str, Any]:
    return {
        "document": candidate.document.id,
        "section": candidate.section.id,
        "score": candidate.score,
    }
