"""Score the matcher against a labelled question set (``tests/data/questions.tsv``).

A labelled row is ``kind, document, section, question``; ``-`` as document and section means
the bot should not answer. "Right" is the right section, or no answer where none fits.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine.matcher import Matcher

ABSTAIN = "-"


@dataclass(frozen=True, slots=True)
class Labelled:
    kind: str
    document: str
    section: str
    question: str

    @property
    def expects_answer(self) -> bool:
        return self.section != ABSTAIN


@dataclass(slots=True)
class Tally:
    total: int = 0
    right: int = 0
    wrong: int = 0  # answered with the wrong section, or answered where it should abstain
    missed: int = 0  # abstained where a section fits

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(slots=True)
class Report:
    by_kind: dict[str, Tally] = field(default_factory=dict)
    failures: list[tuple[Labelled, str, float]] = field(default_factory=list)

    @property
    def overall(self) -> Tally:
        total = Tally()
        for tally in self.by_kind.values():
            total.total += tally.total
            total.right += tally.right
            total.wrong += tally.wrong
            total.missed += tally.missed
        return total

    def abstain_wrong_rate(self) -> float:
        """Share of questions that should get no answer but got one."""
        counts = Counter[str]()
        for kind, tally in self.by_kind.items():
            if kind in ("offtopic", "nearmiss"):
                counts["total"] += tally.total
                counts["wrong"] += tally.wrong
        return counts["wrong"] / counts["total"] if counts["total"] else 0.0


def read_labelled(path: Path) -> list[Labelled]:
    """Rows of a labelled TSV file (header ``kind document section question``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return [
            Labelled(row["kind"], row["document"], row["section"], row["question"])
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def evaluate(matcher: Matcher, rows: Iterable[Labelled]) -> Report:
    report = Report()
    for row in rows:
        tally = report.by_kind.setdefault(row.kind, Tally())
        tally.total += 1
        match = matcher.match(row.question)
        got = match.answer.key if match.answer else ABSTAIN
        want = f"{row.document}/{row.section}" if row.expects_answer else ABSTAIN
        if got == want:
            tally.right += 1
            continue
        if got == ABSTAIN:
            tally.missed += 1
        else:
            tally.wrong += 1
        report.failures.append((row, got, match.score))
    return report


def format_report(report: Report) -> str:
    lines = [f"{'kind':<12}{'total':>7}{'right':>7}{'wrong':>7}{'missed':>8}{'accuracy':>10}"]
    for kind, tally in sorted(report.by_kind.items()):
        lines.append(_row(kind, tally))
    lines.append(_row("all", report.overall))
    lines.append(f"wrong answers to off-topic and near-miss: {report.abstain_wrong_rate():.1%}")
    return "\n".join(lines)


def _row(name: str, tally: Tally) -> str:
    return (
        f"{name:<12}{tally.total:>7}{tally.right:>7}{tally.wrong:>7}{tally.missed:>8}"
        f"{tally.accuracy:>10.1%}"
    )


@dataclass(frozen=True, slots=True)
class FloorSet:
    """One labelled set, the knowledge it is asked against, and the figures it must hold."""

    questions: str  # a TSV path relative to the data folder
    knowledge: tuple[str, ...]  # folders relative to the data folder, loaded with it
    shipped: bool  # whether the shipped knowledge is loaded too
    right: float  # at least this share of all its questions answered right
    wrong: float  # at most this share of off-topic and near-miss questions answered

    @property
    def id(self) -> str:
        return "+".join((self.questions, *self.knowledge))


def read_floors(path: Path) -> list[FloorSet]:
    """The ``[[set]]`` tables of an accuracy-floors file."""
    import tomllib

    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return [
        FloorSet(
            questions=entry["questions"],
            knowledge=tuple(entry.get("knowledge", ())),
            shipped=bool(entry.get("shipped", True)),
            right=float(entry["right"]),
            wrong=float(entry["wrong"]),
        )
        for entry in data["set"]
    ]
