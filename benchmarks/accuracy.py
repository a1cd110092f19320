"""Accuracy of the matcher on labelled question sets, per kind of question.

python -m benchmarks.accuracy                       # shipped knowledge + tests/data/questions.tsv
python -m benchmarks.accuracy --all                 # also the second test document and its set
python -m benchmarks.accuracy --questions FILE.tsv --knowledge DIR [--failures]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.engine.evaluation import evaluate, format_report, read_labelled
from bot.engine.knowledge import default_knowledge_dir, load
from bot.engine.matcher import Matcher

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--questions", type=Path, action="append")
    parser.add_argument("--knowledge", type=Path, action="append")
    parser.add_argument(
        "--all", action="store_true", help="add the second test document and its set"
    )
    parser.add_argument("--failures", action="store_true", help="list every question it got wrong")
    args = parser.parse_args()
    questions = args.questions or [DATA / "questions.tsv"]
    knowledge = args.knowledge or [default_knowledge_dir()]
    if args.all:
        questions.append(DATA / "questions-extra.tsv")
        knowledge.append(DATA / "knowledge-extra")
    matcher = Matcher(load(knowledge))
    rows = [row for path in questions for row in read_labelled(path)]
    report = evaluate(matcher, rows)
    print(f"knowledge: {', '.join(map(str, knowledge))}")
    print(f"questions: {', '.join(map(str, questions))}")
    print(format_report(report))
    if args.failures:
        for row, got, score in report.failures:
            want = f"{row.document}/{row.section}" if row.expects_answer else "-"
            print(f"  [{row.kind}] {row.question!r}: want {want}, got {got} ({score:.0f})")


if __name__ == "__main__":
    main()
