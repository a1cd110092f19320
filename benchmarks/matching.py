"""Matcher speed and memory: prints a table.

    python -m benchmarks.matching            # all rows (about a minute)
    python -m benchmarks.matching --quick    # fewer questions, no 10,000-section memory probe

Rows: per-question latency (p50/p99, in process) on the shipped knowledge and on generated
knowledge of 1,000 and 10,000 sections, each beside raw ``rapidfuzz.process.extractOne`` over
the same example strings; resident memory of a process holding the 10,000-section index; and
the cold start of one ``framework-bot ask`` process. Targets are printed beside each figure.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import string
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.engine.knowledge import Document, KnowledgeBase, Section, default_knowledge_dir, load
from bot.engine.matcher import Matcher
from bot.engine.text import normalize

ROOT = Path(__file__).resolve().parent.parent
TOPICS = """routing templates forms validation database orm migrations admin authentication sessions
cookies caching testing deployment logging middleware signals websockets async performance
security csrf permissions serialization pagination uploads email internationalization settings
configuration scaling hosting plugins extensions components state hooks rendering hydration
bundling styling accessibility animations routing-guards stores reactivity typing tooling""".split()
SHAPES = (
    "how does {fw} handle {a}",
    "what is the {fw} way to do {a} and {b}",
    "is {fw} good at {a} for {c}",
    "can you explain {a} {b} in {fw}",
    "why does {fw} do {a} like that",
    "best practice for {a} with {b} in {fw}",
)


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 9)))


def generated_knowledge(sections: int, seed: int = 7) -> KnowledgeBase:
    """A knowledge base of ``sections`` sections in 20-section documents, five examples each."""
    rng = random.Random(seed)
    vocabulary = TOPICS + [pseudo_word(rng) for _ in range(max(200, sections * 2))]
    documents: list[Document] = []
    for d in range(max(1, sections // 20)):
        frameworks = (pseudo_word(rng), pseudo_word(rng))
        items: list[Section] = []
        for s in range(min(20, sections - d * 20)):
            words = rng.sample(vocabulary, 6)
            questions = tuple(
                rng.choice(SHAPES).format(
                    fw=rng.choice(frameworks),
                    a=words[i % 6],
                    b=words[(i + 2) % 6],
                    c=words[(i + 4) % 6],
                )
                for i in range(5)
            )
            items.append(Section(f"s{s}", f"{words[0]} and {words[1]}", questions, (), "answer"))
        documents.append(Document(f"doc-{d}", f"Doc {d}", "?", tuple(items), frameworks))
    return KnowledgeBase(tuple(documents))


def asked_questions(knowledge: KnowledgeBase, count: int, seed: int = 11) -> list[str]:
    """Examples reworded: a word dropped, a typo, or an off-topic question, like real traffic."""
    rng = random.Random(seed)
    examples = [q for d in knowledge.documents for s in d.sections for q in s.questions]
    result: list[str] = []
    for i in range(count):
        words = rng.choice(examples).split()
        if i % 4 == 0 and len(words) > 3:
            del words[rng.randrange(len(words))]
        if i % 4 == 1:
            k = rng.randrange(len(words))
            w = words[k]
            if len(w) > 3:
                j = rng.randrange(len(w) - 1)
                words[k] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        if i % 4 == 2:
            words = ["how", "do", "i", "reverse", "a", "list", "in", "python"]
        result.append(" ".join(words))
    return result


def timed(function: Callable[[str], object], questions: Sequence[str]) -> tuple[float, float]:
    """p50 and p99 in milliseconds of ``function`` over ``questions``."""
    for question in questions[:20]:
        function(question)
    samples = []
    for question in questions:
        start = time.perf_counter_ns()
        function(question)
        samples.append((time.perf_counter_ns() - start) / 1e6)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def latency_rows(name: str, knowledge: KnowledgeBase, count: int, target: str) -> list[list[str]]:
    matcher = Matcher(knowledge)
    questions = asked_questions(knowledge, count)
    choices = [normalize(q) for d in knowledge.documents for s in d.sections for q in s.questions]

    def raw(question: str) -> object:
        return process.extractOne(normalize(question), choices, scorer=fuzz.WRatio)

    ours = timed(matcher.match, questions)
    baseline = timed(raw, questions)
    label = f"{name} ({knowledge.section_count:,} sections, {len(choices):,} examples)"
    return [
        [label, "Matcher.match", f"{ours[0]:.3f}", f"{ours[1]:.3f}", target],
        ["", "raw extractOne (WRatio)", f"{baseline[0]:.3f}", f"{baseline[1]:.3f}", ""],
    ]


def resident_memory_mb(sections: int) -> float:
    """Peak resident memory of a fresh process that builds the index and answers once."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent through fork and exec,
    # and this parent holds large generated knowledge by now.
    code = (
        "from benchmarks.matching import generated_knowledge, peak_kib; "
        "from bot.engine.matcher import Matcher; "
        f"m = Matcher(generated_knowledge({sections})); m.match('how does routing work'); "
        "print(peak_kib())"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return int(output.stdout.strip()) / 1024


def peak_kib() -> int:
    """This process's peak resident memory in KiB (VmHWM where Linux has it)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cold_start_ms(runs: int) -> tuple[float, float]:
    """Median and minimum wall time of ``framework-bot ask QUESTION`` as a new process.

    As on a server owner's machine, Python may cache the bytecode it compiles: an environment
    that forbids it (PYTHONDONTWRITEBYTECODE) would time compiling every module on each run,
    which only the very first run after an install or an update does.
    """
    script = Path(sys.executable).parent / "framework-bot"
    command = [str(script), "ask", "--json", "is django hard to learn?"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["SEMANTIC_MATCHING"] = "false"  # the lexical path; benchmarks.semantic times the other
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True, env=env)  # compiles
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True, env=env)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def print_table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description="Matcher speed and memory.")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count = 300 if args.quick else 2000
    rows = latency_rows("shipped", load([default_knowledge_dir()]), count, "p50 <= 0.2 ms")
    rows += latency_rows("generated", generated_knowledge(1000), count, "")
    rows += latency_rows("generated", generated_knowledge(10_000), count, "p50 <= 5 ms")
    print(f"Python {sys.version.split()[0]}, per-question latency in milliseconds")
    print_table(rows, ["knowledge", "method", "p50 ms", "p99 ms", "target"])
    print()
    other: list[list[str]] = []
    if not args.quick:
        other.append(
            ["resident memory, 10,000 sections", f"{resident_memory_mb(10_000):.1f} MB", "<= 80 MB"]
        )
    median, best = cold_start_ms(5 if args.quick else 15)
    other.append(
        ["cold start, framework-bot ask", f"{median:.0f} ms median, {best:.0f} ms min", "<= 100 ms"]
    )
    print_table(other, ["measure", "value", "target"])
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n(this benchmark process peaked at {own:.0f} MB)")


if __name__ == "__main__":
    main()
