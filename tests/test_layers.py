"""The layers stay visible: imports point one way (engine <- storage <- Discord layer <- CLI),
nothing imports the CLI, the engine imports neither discord nor a database, and no module
imports itself back through others (type-only imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

PACKAGE = ROOT / "bot"
LAYERS = ("bot.engine", "bot.storage", "bot.discord_layer", "bot.cli")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module of bot/ and what it imports (any import statement, lazy or type-only)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, *([node.module] if node.module else [])])
                for alias in node.names:
                    found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = found
    return graph


def _layer(name: str) -> int | None:
    return next((i for i, layer in enumerate(LAYERS) if name.startswith(layer)), None)


def test_imports_point_down_the_layers_only() -> None:
    upward = [
        (module, target)
        for module, targets in _imports().items()
        for target in targets
        if (low := _layer(module)) is not None
        and (high := _layer(target)) is not None
        and high > low
    ]
    assert upward == []


def test_nothing_imports_the_cli_and_the_engine_imports_no_discord_or_database() -> None:
    graph = _imports()
    assert [m for m, t in graph.items() if not m.startswith("bot.cli") and "bot.cli" in t] == []
    heavy = ("discord", "aiosqlite", "sqlite3", "asyncpg")
    engine = {m: t for m, t in graph.items() if m.startswith("bot.engine")}
    assert [(m, t) for m, ts in engine.items() for t in ts if t.split(".")[0] in heavy] == []


def test_no_import_cycles() -> None:
    found = _imports()
    graph = {m: {t for t in ts if t in found} for m, ts in found.items()}
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for target in graph[node]:
                # a package's __init__ re-exporting its own modules is not a cycle of layers
                if target == start and not start.startswith(node) and not node.startswith(start):
                    cycles.append(path)
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, [*path, target]))
    assert cycles == []
