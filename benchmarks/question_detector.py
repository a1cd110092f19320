"""How often passive answers would reply to chatter, and how many questions they still
answer, on tests/data/channel-messages/heldout.tsv (never read in training): the question
detector beside today's question-shape filter.

    python -m benchmarks.question_detector            # the held-out part
    python -m benchmarks.question_detector --file FILE.tsv

"Chatter" counts the chatter messages naming a framework the shipped knowledge covers, the
only ones the passive path could answer. "+ matcher" also asks the lexical matcher at the
default passive threshold, as the bot does after the filter: a reply needs both.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from bot.engine import build_matcher
from bot.engine.knowledge import default_knowledge_dir, load
from bot.engine.matcher import Matcher
from bot.engine.question_detector import default_detector, looks_like_question

MESSAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "channel-messages"
PASSIVE_THRESHOLD = 75.0  # bot.config's DEFAULT_PASSIVE_THRESHOLD (benchmarks stay off config)
TARGET_CHATTER = 1 / 25
TARGET_ASK = 0.8


def read_messages(path: Path) -> list[tuple[str, str]]:
    """(label, message) rows of a channel-messages TSV; labels are ask or chatter."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        label, _, text = line.partition("\t")
        if label not in ("ask", "chatter") or not text:
            raise ValueError(f"{path}:{number}: want 'ask|chatter<TAB>message', got {line!r}")
        rows.append((label, text))
    return rows


def framework_names() -> frozenset[str]:
    """The frameworks the shipped knowledge covers."""
    return frozenset(f for d in load([default_knowledge_dir()]).documents for f in d.frameworks)


def names_framework(text: str, frameworks: frozenset[str]) -> bool:
    return any(re.search(rf"\b{re.escape(f)}\b", text.casefold()) for f in frameworks)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--file", type=Path, default=MESSAGES / "heldout.tsv")
    args = parser.parse_args()
    rows = read_messages(args.file)
    frameworks = framework_names()
    asks = [t for label, t in rows if label == "ask"]
    chatter = [t for label, t in rows if label == "chatter" and names_framework(t, frameworks)]
    matcher = Matcher(load([default_knowledge_dir()]))
    detector = default_detector()
    if detector.embedder is None:
        print("the embedding model cannot load here: the detector is the shape filter")

    def answered(text: str) -> bool:
        found = matcher.match(text, threshold=PASSIVE_THRESHOLD, require_framework=True)
        return found.answer is not None

    # The shipped default: SEMANTIC_MATCHING on, its vectors in a temporary folder.
    with tempfile.TemporaryDirectory() as folder:
        semantic = build_matcher([default_knowledge_dir()], semantic=True, cache_dir=Path(folder))

    def answered_semantically(text: str) -> bool:
        return semantic.match(text, require_framework=True).answer is not None

    filters: list[tuple[str, Callable[[str], bool]]] = [
        ("today's filter", looks_like_question),
        ("question detector", detector.is_question),
        ("today's filter + matcher", lambda t: looks_like_question(t) and answered(t)),
        ("question detector + matcher", lambda t: detector.is_question(t) and answered(t)),
        (
            "detector + semantic (default)",
            lambda t: detector.is_question(t) and answered_semantically(t),
        ),
    ]
    print(f"{args.file.name}: {len(asks)} ask, {len(chatter)} chatter naming a framework")
    print(f"{'':<29} {'chatter answered':>18} {'ask detected':>15}")
    for name, passes in filters:
        c = sum(map(passes, chatter))
        a = sum(map(passes, asks))
        print(
            f"{name:<29} {c:>4}/{len(chatter):<4}{c / len(chatter):>8.1%}"
            f" {a:>4}/{len(asks):<4}{a / len(asks):>6.1%}"
        )
    print(f"target: chatter <= {TARGET_CHATTER:.0%} (1 in 25), ask >= {TARGET_ASK:.0%}")


if __name__ == "__main__":
    main()
