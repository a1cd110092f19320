"""Every labelled question's prediction, one line each, to diff a change that must not move any.

python -m benchmarks.predictions > before.tsv   # then change the code
python -m benchmarks.predictions | diff before.tsv -

The sets and their knowledge are those of ``tests/data/accuracy-floors.toml``. Each line: the
set, the question, the answer (``document/section`` or ``-``), its score and the suggestions.
"""

from __future__ import annotations

from pathlib import Path

from bot.engine.evaluation import read_floors, read_labelled
from bot.engine.knowledge import default_knowledge_dir, load
from bot.engine.matcher import Matcher

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def main() -> None:
    for floor in read_floors(DATA / "accuracy-floors.toml"):
        paths = [default_knowledge_dir()] if floor.shipped else []
        matcher = Matcher(load([*paths, *(DATA / k for k in floor.knowledge)]))
        for row in read_labelled(DATA / floor.questions):
            match = matcher.match(row.question)
            got = match.answer.key if match.answer else "-"
            offered = ",".join(
                f"{s.document.id}/{s.section.id}:{s.score:.4f}" for s in match.suggestions
            )
            print(f"{floor.id}\t{row.question}\t{got}\t{match.score:.4f}\t{offered}")


if __name__ == "__main__":
    main()
