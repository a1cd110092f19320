"""``framework-bot run``, ``invite`` and ``sync``: token-safe logging and start-up faults."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from dataclasses import replace

import discord

from bot.config import Settings, token_application_id
from bot.discord_layer import heartbeat
from bot.discord_layer.client import create_bot
from bot.discord_layer.service import NETWORK_ERRORS, Heartbeat, Service
from bot.engine.knowledge import KnowledgeError

log = logging.getLogger("framework-bot")

HIDDEN = "[token hidden]"
TOKEN_REFUSED = (
    "Discord refused DISCORD_TOKEN: it is wrong or was reset. Copy a new one from the Developer "
    "Portal (your application > Bot > Reset Token) into .env"
)
LOST_AT_START = (
    "lost the connection to Discord while starting (%s); check the network. "
    "Not retrying mid-start: run it again, or let systemd/Docker restart it"
)
INTENT_REFUSED = (
    "Discord refused the Message Content intent, so passive answers (PASSIVE_CHANNELS) are off; "
    "mentions, DMs and slash commands work. To enable it: Developer Portal > your application > "
    "Bot > Privileged Gateway Intents > Message Content Intent, then restart. "
    "Set MESSAGE_CONTENT_INTENT=false to stop asking for it."
)


def invite_permissions() -> discord.Permissions:
    """Exactly what answering needs, and nothing more."""
    return discord.Permissions(
        view_channel=True,  # see the channels it answers in
        send_messages=True,  # post answers
        send_messages_in_threads=True,  # answer questions asked in threads
        embed_links=True,  # answers are embeds
        read_message_history=True,  # replies reference the question, which needs history
        create_public_threads=True,  # answer in a thread on the question (thread:true)
        manage_threads=True,  # tag a member's forum post "Solved" (posts it did not create)
    )


class TokenFilter(logging.Filter):
    """Replaces the token wherever it could appear in a log record: message, args, traceback."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, HIDDEN), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, HIDDEN)
        if record.stack_info:
            record.stack_info = record.stack_info.replace(self.token, HIDDEN)
        return True


class QuietReconnects(logging.Filter):
    """discord.py logs a lost gateway connection with a full traceback at ERROR, though it
    reconnects by itself; a network fault gets one WARNING line instead (the traceback stays
    at DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if (
            isinstance(error, NETWORK_ERRORS)
            and record.name.startswith("discord.")
            and logging.getLogger().getEffectiveLevel() > logging.DEBUG
        ):
            said = record.getMessage()
            record.msg = f"Discord connection lost ({error or type(error).__name__}). %s"
            record.args = (said,)
            record.exc_info = record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def configure_logging(settings: Settings) -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"))
    handler.addFilter(QuietReconnects())  # before the token filter, which formats tracebacks
    handler.addFilter(TokenFilter(settings.token))
    root = logging.getLogger()
    for old in [h for h in root.handlers if any(isinstance(f, TokenFilter) for f in h.filters)]:
        root.removeHandler(old)  # configured before, in this process: replace, don't double
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    logging.getLogger("aiosqlite").setLevel(logging.WARNING)  # one DEBUG line per query
    return handler


def application_id(settings: Settings) -> int | None:
    """The application id: the setting, or the bot's user id, which is the token's first part."""
    return settings.application_id or token_application_id(settings.token)


def main(command: str, settings: Settings) -> int:
    """Run one of the Discord commands; the exit code."""
    configure_logging(settings)
    if command == "invite":
        return invite(settings)
    if not settings.has_token:
        log.error("DISCORD_TOKEN is not set: put your bot token in .env (see .env.example)")
        return 1
    try:
        return run(settings, force_sync=command == "sync", stop_after_sync=command == "sync")
    except KnowledgeError as error:
        log.error("%s", error)
        return 1
    except discord.LoginFailure:
        log.error("%s", TOKEN_REFUSED)
        return 1
    except NETWORK_ERRORS as error:
        log.error(LOST_AT_START, error or type(error).__name__)
        return 1
    except Exception as error:  # a last word in the log, token-free, instead of a raw traceback
        log.critical("the bot stopped: %r", error, exc_info=error)
        return 1


def run(
    settings: Settings,
    force_sync: bool = False,
    stop_after_sync: bool = False,
    start: Callable[[Settings, bool, bool], None] | None = None,
) -> int:
    """Run the bot; with MESSAGE_CONTENT_INTENT=auto, again without the intent if Discord
    refuses it. ``start`` (tests) replaces what connects to Discord."""
    start = start or start_bot
    try:
        start(settings, force_sync, stop_after_sync)
    except discord.PrivilegedIntentsRequired:
        if settings.message_content_intent != "auto":
            log.error("MESSAGE_CONTENT_INTENT=true, but %s", INTENT_REFUSED)
            return 1
        log.warning("%s", INTENT_REFUSED)
        start(replace(settings, message_content_intent="false"), force_sync, stop_after_sync)
    return 0


def start_bot(settings: Settings, force_sync: bool, stop_after_sync: bool) -> None:
    """Build the bot and run it until it stops: SIGTERM or SIGINT, or after the sync."""
    bot = create_bot(settings, force_sync=force_sync)
    beats = None
    if not stop_after_sync:
        beats = Heartbeat(bot, settings.data_dir / heartbeat.FILE).attach()
    asyncio.run(Service(bot, settings.token, beats=beats).run(stop_after_sync))


def invite(settings: Settings) -> int:
    client_id = application_id(settings)
    if client_id is None:
        log.error("set DISCORD_APPLICATION_ID (or DISCORD_TOKEN) to print the invite link")
        return 1
    url = discord.utils.oauth_url(
        client_id, permissions=invite_permissions(), scopes=("bot", "applications.commands")
    )
    print(url)
    return 0
