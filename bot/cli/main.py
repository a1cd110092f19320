"""``framework-bot``: parse the command line and run the command.

The bot's commands (run, invite, sync) import discord only when asked, so the terminal
commands start fast. With no command, the bot runs when ``DISCORD_TOKEN`` is set and the
terminal Q&A opens otherwise.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.cli.parser import build_parser
from bot.cli.terminal import ask, check, explain, health, report_command, show
from bot.config import Settings, SettingsError, load_settings
from bot.engine.knowledge import KnowledgeError

TOKEN_HINT = (
    "No DISCORD_TOKEN set: starting the terminal Q&A. To run the Discord bot, copy .env.example "
    "to .env and put your bot token in DISCORD_TOKEN (README: 'Set it up on your server')."
)


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
            from bot.cli.doctor import run as doctor

            return doctor(settings)
        if args.command == "health":
            return health(settings)
        if args.command == "report":
            return report_command(settings, args.since, as_json=args.json)
        if args.knowledge:
            settings = _with_paths(settings, args.knowledge)
        if args.command == "ask":
            return ask(settings, args.question, as_json=args.json, stdin=sys.stdin)
        if args.command == "explain":
            return explain(settings, args.question, as_json=args.json, passive=args.passive)
        if args.command == "check":
            return check(settings)
        return show(settings, args.document, args.section)
    except (KnowledgeError, SettingsError) as error:
        print(f"framework-bot: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _with_paths(settings: Settings, paths: Sequence[Path]) -> Settings:
    from dataclasses import replace

    return replace(settings, knowledge_paths=tuple(paths))


def _discord_command(command: str, settings: Settings) -> int:
    from bot.discord_layer.launcher import (
        main as launch,  # imports discord: only for the bot's commands
    )

    return launch(command, settings)
