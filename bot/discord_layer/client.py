"""Build the Discord bot: ``create_bot()`` is the public entry point."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.config import Settings, load_settings, matcher_for
from bot.discord_layer.command_sync import sync_if_changed
from bot.discord_layer.cooldowns import Cooldowns
from bot.discord_layer.server_settings import Effective, effective
from bot.discord_layer.ui.apology import apologise
from bot.discord_layer.ui.items import FeedbackButton, FullComparisonButton, SectionMenu
from bot.discord_layer.ui.solved import SolvedButton
from bot.engine.matcher import Matcher
from bot.engine.question_detector import QuestionDetector, load_model
from bot.engine.semantic import SemanticMatcher
from bot.storage import GuildSettings
from bot.storage.store import Storage

log = logging.getLogger(__name__)


def intents_for(settings: Settings) -> discord.Intents:
    """The gateway intents: the defaults, message content unless switched off."""
    intents = discord.Intents.default()
    intents.presences = False
    intents.members = False
    intents.message_content = settings.message_content_intent != "false"
    return intents


class AnswerTree(app_commands.CommandTree["FrameworkBot"]):
    """The command tree: a failed command gets an apology, never "interaction failed"."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        name = interaction.command.qualified_name if interaction.command else "unknown command"
        await apologise(interaction, error, f"/{name}")


class FrameworkBot(commands.Bot):
    """The bot: holds the matcher and the cooldowns that the cogs answer with."""

    def __init__(
        self, settings: Settings, matcher: Matcher, force_sync: bool = False, **options: Any
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents_for(settings),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=AnswerTree,
            **options,
        )
        self.settings = settings
        self.matcher = matcher
        self.cooldowns = Cooldowns(
            settings.answer_cooldown_seconds, settings.member_answers_per_minute
        )
        self.force_sync = force_sync
        self.storage = Storage(settings.database, settings.unanswered_retention_days)
        self.guild_settings: dict[int, GuildSettings] = {}  # the stored ones, kept in memory
        self.unprompted_off: set[int] = set()  # so answering never waits for the database
        self.detector = detector_for(matcher)
        self._sighup_task: asyncio.Task[str | None] | None = None

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: the Answers cog reads messages, so skip command parsing."""

    async def reload_knowledge(self) -> str | None:
        """Load and validate the knowledge again, then swap it in; the error text if it failed.

        On any error the knowledge in service stays as it was.
        """
        try:
            matcher = await asyncio.to_thread(matcher_for, self.settings)
        except Exception as error:  # KnowledgeError above all, but never the bot's end
            log.error("knowledge reload failed, the old knowledge stays in service: %s", error)
            return str(error)
        self.matcher = matcher
        knowledge = matcher.knowledge
        log.info(
            "knowledge reloaded: %d documents, %d sections",
            len(knowledge.documents),
            knowledge.section_count,
        )
        return None

    def install_sighup(self) -> bool:
        """Reload the knowledge on SIGHUP, where the platform has it; True if installed."""
        sighup = getattr(signal, "SIGHUP", None)
        if sighup is None:
            return False
        try:
            asyncio.get_running_loop().add_signal_handler(sighup, self.on_sighup)
        except (NotImplementedError, RuntimeError, ValueError) as error:
            log.info("SIGHUP reload unavailable here: %s", error)
            return False
        return True

    def on_sighup(self) -> None:
        log.info("SIGHUP: reloading the knowledge")
        self._sighup_task = asyncio.get_running_loop().create_task(self.reload_knowledge())

    async def setup_hook(self) -> None:
        if await self.storage.open():
            self.guild_settings = await self.storage.all_guild_settings()
            self.unprompted_off = await self.storage.unprompted_off()
            await self.storage.purge()
        await self.add_features()
        await sync_if_changed(self, force=self.force_sync)

    async def add_features(self) -> None:
        """The cogs and the persistent components: what the command tree is built from.

        Apart from ``setup_hook`` so that ``framework-bot doctor`` can see the tree it would
        sync without opening the database or logging in.
        """
        from bot.discord_layer.features.admin import Admin
        from bot.discord_layer.features.answers import Answers
        from bot.discord_layer.features.browse import Browse
        from bot.discord_layer.features.help_threads import HelpThreads
        from bot.discord_layer.features.privacy import Privacy
        from bot.discord_layer.features.settings import ServerSettings

        answers = Answers(self)
        await self.add_cog(answers)
        await self.add_cog(HelpThreads(self, answers))
        await self.add_cog(Browse(self))
        await self.add_cog(ServerSettings(self))
        await self.add_cog(Privacy(self))
        await self.add_cog(Admin(self))
        self.add_dynamic_items(FullComparisonButton, FeedbackButton, SectionMenu, SolvedButton)

    def effective(self, guild_id: int | None) -> Effective:
        """The settings answering uses in a server: its own where set, else the environment's."""
        stored = self.guild_settings.get(guild_id) if guild_id is not None else None
        return effective(self.settings, stored)

    async def close(self) -> None:
        await super().close()
        await self.storage.close()


def detector_for(matcher: Matcher) -> QuestionDetector:
    """Which messages passive answers consider: the learned detector, sharing the semantic
    matcher's embedding model; the question-shape filter when matching is lexical
    (SEMANTIC_MATCHING=false, or the model could not load)."""
    embedder = matcher.embedder if isinstance(matcher, SemanticMatcher) else None
    return QuestionDetector(load_model(), embedder)


class ShardedFrameworkBot(FrameworkBot, commands.AutoShardedBot):
    """The same bot, sharded, for owners whose bot is in very many servers."""


def silence_voice_warnings() -> None:
    """The bot never joins voice, so PyNaCl and davey are not needed: no warning about them."""
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


def create_bot(settings: Settings | None = None, force_sync: bool = False) -> FrameworkBot:
    """The configured bot; the knowledge is loaded and checked here (KnowledgeError if broken)."""
    settings = settings or load_settings()
    silence_voice_warnings()
    matcher = matcher_for(settings)
    if settings.shard_count:
        return ShardedFrameworkBot(settings, matcher, force_sync, shard_count=settings.shard_count)
    return FrameworkBot(settings, matcher, force_sync)
