"""The ``framework-bot`` command, above every other layer: nothing imports it.

``main`` runs it; ``parser`` describes the commands; ``terminal`` holds the ones that need no
Discord; ``report`` and ``doctor`` the maintainers' and operators' tools.
"""

from bot.cli.main import TOKEN_HINT, main
from bot.cli.parser import COMMANDS, ENV_NOTE, build_parser

__all__ = ["COMMANDS", "ENV_NOTE", "TOKEN_HINT", "build_parser", "main"]
