"""The ``framework-bot`` command: ask, check, show, report in a terminal; run, invite, sync;
doctor and health for operators.

``ask``, ``check`` and ``show`` never import discord, so they start fast. With no command,
the bot runs when ``DISCORD_TOKEN`` is set and the terminal Q&A opens otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.config import Settings, SettingsError, load_settings
from bot.engine.section_kinds import generic_phrasings, kind_of
from bot.knowledge import KnowledgeBase, KnowledgeError, load
from bot.matching import Matcher
from bot.overlap import overlaps
from bot.render import match_json, terminal_answer, terminal_document, terminal_section

# Below this many example questions, `check` notes that a section will miss many phrasings.
FEW_EXAMPLES = 15

TOKEN_HINT = (
    "No DISCORD_TOKEN set: starting the terminal Q&A. To run the Discord bot, copy .env.example "
    "to .env and put your bot token in DISCORD_TOKEN (README: 'Create the Discord application')."
)


ENV_NOTE = (
    "Settings come from environment variables and from the file .env in the current "
    "directory (variables set in the environment win). Relative paths in them (DATA_DIR, "
    "DATABASE_PATH, KNOWLEDGE_PATH) are taken from the current directory too: run it from the "
    "checkout, or use absolute paths. Every variable is described in .env.example."
)
# name: (one line for the command list, what it does, the settings it reads)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "ask": (
        "answer questions in the terminal",
        "Answers one question, or one per line of standard input (a prompt in a terminal), "
        "as the bot would. Exits 0 whether or not it found an answer.",
        "KNOWLEDGE_PATH, ANSWER_THRESHOLD, SUGGEST_THRESHOLD",
    ),
    "check": (
        "validate the knowledge files",
        "Validates the knowledge files and lists documents, sections and example counts; "
        "warns where two sections' examples are alike. Exits 1 on any error.",
        "KNOWLEDGE_PATH",
    ),
    "show": (
        "print a document or one section",
        "Prints the full comparison, or one section of it.",
        "KNOWLEDGE_PATH",
    ),
    "report": (
        "group the questions the bot could not answer, and votes per section",
        "Groups the stored questions the bot could not answer, largest groups first, and each "
        "section's share of thumbs-up. Reads the database read-only (safe while the bot runs); "
        "exits 1 when there is none yet.",
        "DATABASE_PATH, DATA_DIR",
    ),
    "run": (
        "run the Discord bot (needs DISCORD_TOKEN)",
        "Runs the Discord bot until SIGTERM or Ctrl-C (exit 0); SIGHUP reloads the knowledge. "
        "While Discord is unreachable it retries (1 s, doubling to 60 s, without end); a "
        "refused token exits 1. Writes DATA_DIR/heartbeat every 30 s while connected.",
        "all of them; DISCORD_TOKEN is required",
    ),
    "invite": (
        "print the OAuth2 invite URL for your bot",
        "Prints the link that invites the bot with exactly the permissions it needs.",
        "DISCORD_APPLICATION_ID, else DISCORD_TOKEN (its first part is the id)",
    ),
    "sync": (
        "sync the slash commands with Discord now",
        "Registers the slash commands with Discord now, even when unchanged, then exits.",
        "DISCORD_TOKEN, DEV_GUILD_ID, DATA_DIR, KNOWLEDGE_PATH",
    ),
    "doctor": (
        "check the setup, one line per check",
        "Checks the setup and prints one line per check, 'ok' or what to do: the token, "
        "Discord (logs in briefly; a running bot is not disturbed), the Message Content "
        "intent, each passive channel's permissions, the knowledge, the data directory and "
        "database, the registered commands. Exits 1 when any check fails. Never prints the "
        "token.",
        "DISCORD_TOKEN, DISCORD_APPLICATION_ID, MESSAGE_CONTENT_INTENT, PASSIVE_CHANNELS, "
        "DEV_GUILD_ID, KNOWLEDGE_PATH, DATA_DIR, DATABASE_PATH",
    ),
    "health": (
        "exit 0 if the running bot is connected to Discord",
        "Exit 0 when the running bot wrote its heartbeat (DATA_DIR/heartbeat) in the last "
        "90 seconds, which it does every 30 s while connected to Discord; 1 otherwise. For a "
        "container HEALTHCHECK or a monitoring script.",
        "DATA_DIR",
    ),
}


class _Version(argparse.Action):
    """--version, reading the package metadata only when asked (it costs every start ~5 ms)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from bot import __version__

        print(f"framework-bot {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framework-bot",
        description="Answers questions about programming frameworks from curated Q&A. "
        "Without a command: runs the bot when DISCORD_TOKEN is set, else the terminal Q&A.",
        epilog=ENV_NOTE,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str) -> argparse.ArgumentParser:
        summary, description, reads = COMMANDS[name]
        return commands.add_parser(
            name, help=summary, description=description, epilog=f"Reads: {reads}. {ENV_NOTE}"
        )

    def with_knowledge(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--knowledge",
            action="append",
            type=Path,
            metavar="PATH",
            help="knowledge file or directory (repeatable); default: KNOWLEDGE_PATH or the "
            "knowledge/ directory shipped with the bot",
        )
        return sub

    ask = with_knowledge(command("ask"))
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("question", nargs="*", help="the question (default: one per line of stdin)")
    with_knowledge(command("check"))
    show = with_knowledge(command("show"))
    show.add_argument("document", help="document id, e.g. flask-vs-django")
    show.add_argument("section", nargs="?", help="section id, e.g. learning-curve")
    report = command("report")
    report.add_argument(
        "--since", type=float, metavar="DAYS", help="only the last DAYS days (default: all kept)"
    )
    report.add_argument("--json", action="store_true", help="print the report as one JSON object")
    for name in ("run", "invite", "sync", "doctor", "health"):
        command(name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, where a closed pipe can still be caught
    except BrokenPipeError:
        # The reader stopped reading (`| head -1`): not an error. Point stdout at /dev/null so
        # the interpreter's own flush at exit does not complain ("Exception ignored ...").
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        if args.command is None:
            if settings.has_token:
                return _discord_command("run", settings)
            print(TOKEN_HINT, file=sys.stderr)
            return ask(settings, [], as_json=False, stdin=sys.stdin)
        if args.command in ("run", "invite", "sync"):
            return _discord_command(args.command, settings)
        if args.command == "doctor":
            from bot.doctor import run as doctor

            return doctor(settings)
        if args.command == "health":
            return health(settings)
        if args.command == "report":
            return report(settings, args.since, as_json=args.json)
        if args.knowledge:
            settings = _with_paths(settings, args.knowledge)
        if args.command == "ask":
            return ask(settings, args.question, as_json=args.json, stdin=sys.stdin)
        if args.command == "check":
            return check(settings)
        return show(settings, args.document, args.section)
    except (KnowledgeError, SettingsError) as error:
        print(f"framework-bot: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def health(settings: Settings) -> int:
    """Whether the running bot is connected, from its heartbeat file's age."""
    from bot import heartbeat

    ok, line = heartbeat.health(settings.data_dir / heartbeat.FILE)
    print(line, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def _with_paths(settings: Settings, paths: Sequence[Path]) -> Settings:
    from dataclasses import replace

    return replace(settings, knowledge_paths=tuple(paths))


def _discord_command(command: str, settings: Settings) -> int:
    from bot.launcher import main as launch  # imports discord: only for the bot's commands

    return launch(command, settings)


def build_matcher(settings: Settings) -> Matcher:
    """Load the knowledge named by ``settings`` and index it."""
    knowledge: KnowledgeBase = load(settings.knowledge_paths)
    return Matcher(knowledge, settings.answer_threshold, settings.suggest_threshold)


def ask(settings: Settings, words: Sequence[str], as_json: bool, stdin: TextIO) -> int:
    matcher = build_matcher(settings)
    if words:
        _answer(matcher, " ".join(words), as_json)
        return 0
    interactive = stdin.isatty() and not as_json
    if interactive:
        titles = ", ".join(d.title for d in matcher.knowledge.documents)
        print(f"Ask about {titles}. An empty line or Ctrl-D quits.")
    while True:
        if interactive:
            try:
                line = input("> ")
            except EOFError:
                print()
                return 0
            if not line.strip():
                return 0
        else:
            line = stdin.readline()
            if not line:
                return 0
            if not line.strip():
                continue
        _answer(matcher, line.strip(), as_json)
        if interactive:
            print()


def _answer(matcher: Matcher, question: str, as_json: bool) -> None:
    match = matcher.match(question)
    if as_json:
        print(json.dumps(match_json(match), ensure_ascii=False), flush=True)
    else:
        print(terminal_answer(match), flush=True)


def check(settings: Settings) -> int:
    knowledge = load(settings.knowledge_paths)
    warnings = 0
    for document in knowledge.documents:
        examples = sum(len(s.questions) for s in document.sections)
        sections = len(document.sections)
        print(f"{document.id}: {sections} sections, {examples} example questions ({document.path})")
        for section in document.sections:
            counts = f"{len(section.questions)} questions, {len(section.keywords)} keywords"
            kinds, _ = kind_of(document, section)
            borrowed = len(list(generic_phrasings(document, section)))
            if kinds and borrowed:
                counts += f"; kind {' + '.join(kinds)}, +{borrowed} everyday phrasings"
            print(f"  {section.id}: {counts}")
            if len(section.questions) < FEW_EXAMPLES:
                print(
                    f"  note: {section.id} has {len(section.questions)} example questions; "
                    f"members ask in many ways, {FEW_EXAMPLES} or more answer far more of them"
                )
        for overlap in overlaps(document):
            warnings += 1
            print(f"  warning: {overlap.describe(document)}")
    totals = f"{len(knowledge.documents)} documents, {knowledge.section_count} sections"
    print(f"ok: {totals}, {warnings} warnings")
    return 0


def report(settings: Settings, since_days: float | None, as_json: bool) -> int:
    """What people asked that the bot could not answer, grouped, and votes per section."""
    import sqlite3

    from bot.report import load_report, report_json, report_text

    if since_days is not None and since_days <= 0:
        print("framework-bot: --since takes a positive number of days", file=sys.stderr)
        return 2
    database = settings.database
    if not database.is_file():
        print(
            f"framework-bot: no database at {database} yet (the bot creates it on its first "
            "start; DATABASE_PATH sets where)",
            file=sys.stderr,
        )
        return 1
    try:
        result = load_report(database, since_days)
    except sqlite3.Error as error:
        print(f"framework-bot: cannot read {database}: {error}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(report_json(result), ensure_ascii=False))
    else:
        print(report_text(result))
    return 0


def show(settings: Settings, document_id: str, section_id: str | None) -> int:
    knowledge = load(settings.knowledge_paths)
    document = knowledge.document(document_id)
    if document is None:
        known = ", ".join(d.id for d in knowledge.documents)
        print(f"framework-bot: no document {document_id!r} (known: {known})", file=sys.stderr)
        return 1
    if section_id is None:
        print(terminal_document(document))
        return 0
    section = document.section(section_id)
    if section is None:
        known = ", ".join(s.id for s in document.sections)
        print(
            f"framework-bot: {document_id} has no section {section_id!r} (known: {known})",
            file=sys.stderr,
        )
        return 1
    print(terminal_section(section))
    return 0


if __name__ == "__main__":
    sys.exit(main())
