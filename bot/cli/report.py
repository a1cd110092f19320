"""``framework-bot report``: what people asked that the bot could not answer, grouped.

Similar questions (rapidfuzz over normalized text, filler words left out) are gathered greedily
into groups, largest first, each with a few example phrasings; next to them, each section's
share of 👍 votes. It reads the database through ``bot.storage.reader`` (the standard
library's sqlite3, read-only) and never imports discord or aiosqlite.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from bot.engine.text import STOPWORDS, normalize
from bot.storage.reader import read_report_rows

DAY_SECONDS = 86_400.0
# How alike (0-100) two questions must be to count as the same question.
GROUP_SIMILARITY = 72.0
EXAMPLES = 3


@dataclass(frozen=True, slots=True)
class Asked:
    """One stored question: its text, and, for a voted-down answer, the section it got."""

    question: str
    kind: str = "abstained"
    section: str | None = None  # "document/section" of a voted-down answer


@dataclass(slots=True)
class Group:
    """Questions alike enough to be one question, phrased several ways."""

    key: str
    phrasings: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    sections: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.phrasings.values())

    @property
    def examples(self) -> list[str]:
        return [text for text, _ in self.phrasings.most_common(EXAMPLES)]


@dataclass(frozen=True, slots=True)
class SectionShare:
    document: str
    section: str
    up: int
    down: int

    @property
    def share(self) -> float | None:
        total = self.up + self.down
        return self.up / total if total else None


@dataclass(frozen=True, slots=True)
class Report:
    since_days: float | None
    groups: list[Group]
    sections: list[SectionShare]

    @property
    def questions(self) -> int:
        return sum(group.count for group in self.groups)


def similarity_key(question: str) -> str:
    """What questions are compared on: normalized words, without filler, sorted."""
    words = normalize(question).split()
    kept = [w for w in words if w not in STOPWORDS] or words
    return " ".join(sorted(set(kept)))


def similarity(a: str, b: str, **_: Any) -> float:
    """Shared words count, but so does what is left over: "flask fast" is not "flask"."""
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


def group_questions(asked: list[Asked], threshold: float = GROUP_SIMILARITY) -> list[Group]:
    """Greedy clustering: the most common phrasings found groups, the rest join the closest."""
    by_text: dict[str, list[Asked]] = {}
    for item in asked:
        text = normalize(item.question)
        if text:
            by_text.setdefault(text, []).append(item)
    groups: list[Group] = []
    keys: list[str] = []
    for text, items in sorted(by_text.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        key = similarity_key(text)
        found = process.extractOne(key, keys, scorer=similarity, score_cutoff=threshold)
        if found is None:
            group = Group(key)
            groups.append(group)
            keys.append(key)
        else:
            group = groups[found[2]]
        group.phrasings[text] += len(items)
        for item in items:
            group.kinds[item.kind] += 1
            if item.section:
                group.sections[item.section] += 1
    return sorted(groups, key=lambda g: (-g.count, g.examples[0]))


def load_report(database: Path, since_days: float | None, now: float | None = None) -> Report:
    """Read the database (read-only) and build the report; sqlite3.Error if it cannot."""
    since = (
        0.0
        if since_days is None
        else (time.time() if now is None else now) - (since_days * DAY_SECONDS)
    )
    questions, votes = read_report_rows(database, since)
    asked = [
        Asked(q.question, q.kind, f"{q.document}/{q.section}" if q.document and q.section else None)
        for q in questions
    ]
    sections = [SectionShare(v.document, v.section, v.up, v.down) for v in votes]
    return build_report(asked, sections, since_days)


def build_report(
    asked: list[Asked], sections: list[SectionShare], since_days: float | None
) -> Report:
    ranked = sorted(
        sections,
        key=lambda s: (s.share if s.share is not None else 1.0, -(s.up + s.down), s.document),
    )
    return Report(since_days, group_questions(asked), ranked)


def report_json(report: Report) -> dict[str, Any]:
    return {
        "since_days": report.since_days,
        "questions": report.questions,
        "groups": [
            {
                "count": group.count,
                "examples": group.examples,
                "abstained": group.kinds.get("abstained", 0),
                "downvoted": group.kinds.get("downvoted", 0),
                "downvoted_sections": [
                    {"section": key, "count": count} for key, count in group.sections.most_common()
                ],
            }
            for group in report.groups
        ],
        "sections": [
            {
                "document": s.document,
                "section": s.section,
                "up": s.up,
                "down": s.down,
                "up_share": None if s.share is None else round(s.share, 3),
            }
            for s in report.sections
        ],
    }


def report_text(report: Report) -> str:
    period = "all stored" if report.since_days is None else f"last {report.since_days:g} days"
    lines = [
        f"Questions the bot could not answer ({period}): "
        f"{report.questions} questions in {len(report.groups)} groups, largest first."
    ]
    if not report.groups:
        lines.append("  (none stored)")
    for group in report.groups:
        parts = []
        if group.kinds.get("abstained"):
            parts.append(f"{group.kinds['abstained']} unanswered")
        if group.kinds.get("downvoted"):
            wrong = ", ".join(key for key, _ in group.sections.most_common(2))
            parts.append(f"{group.kinds['downvoted']} answered wrongly ({wrong})")
        detail = ", ".join(parts)
        lines.append(f"{group.count:5d}  {group.examples[0]}  [{detail}]")
        for example in group.examples[1:]:
            lines.append(f"       also: {example}")
    lines.append("")
    lines.append("Votes per section (lowest 👍 share first):")
    if not report.sections:
        lines.append("  (no votes)")
    for s in report.sections:
        share = "-" if s.share is None else f"{s.share:.0%}"
        lines.append(f"  {s.document}/{s.section}: 👍 {s.up}  👎 {s.down}  ({share} 👍)")
    return "\n".join(lines)
