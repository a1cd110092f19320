"""The ``framework-bot`` command line: its commands, what each does and which settings it
reads (shown by ``--help``)."""

from __future__ import annotations

import argparse
from pathlib import Path

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
    "explain": (
        "show why a question gets its answer",
        "For maintainers: how the engine reads the question (normalized words, corrections, "
        "frameworks named, each word's weight), the sections it ranks with their scores, and "
        "the rule that decided to answer or abstain.",
        "KNOWLEDGE_PATH, ANSWER_THRESHOLD, SUGGEST_THRESHOLD",
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
    explain = with_knowledge(command("explain"))
    explain.add_argument("--json", action="store_true", help="print it as one JSON object")
    explain.add_argument(
        "--passive", action="store_true", help="decide as for a passive channel's message"
    )
    explain.add_argument("question", nargs="+", help="the question")
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
