"""Answering questions: mentions, replies, DMs, passive channels, the context menu and ``/ask``."""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_layer.protocol import BotLike
from bot.discord_layer.ui.embeds import (
    EMPTY_MENTION,
    NO_ANSWER,
    NONE,
    SLOW_DOWN,
    answer_embed,
    clip,
    did_you_mean,
    quote,
)
from bot.discord_layer.ui.items import AnswerView, DidYouMeanView, PersistentView, resolve_key
from bot.engine.matcher import Candidate, Match
from bot.engine.text import normalize

log = logging.getLogger(__name__)

AUTOCOMPLETE_CHOICES = 25


class Reply:
    """What to send for a match: an answer with its controls, "Did you mean", or no answer."""

    def __init__(self, match: Match, question: str) -> None:
        self.question = question
        self.answer = match.answer
        self.suggestions = match.suggestions
        self.content: str | None = None
        self.embed: discord.Embed | None = None
        self.view: PersistentView | None = None
        if match.answer is not None:
            self.embed = answer_embed(match.answer)
            self.view = AnswerView(match.answer, match.suggestions)
        elif match.suggestions:
            self.content = did_you_mean(question, match.suggestions)
            self.view = DidYouMeanView(match.suggestions)
        else:
            self.content = NO_ANSWER

    @classmethod
    def picked(cls, candidate: Candidate) -> Reply:
        reply = cls(Match("", candidate, 100.0, ()), "")
        reply.embed = answer_embed(candidate, picked=True)
        return reply

    def kwargs(self) -> dict[str, Any]:
        sent: dict[str, Any] = {"content": self.content, "allowed_mentions": NONE}
        if self.embed is not None:
            sent["embed"] = self.embed
        if self.view is not None:
            sent["view"] = self.view
        return sent


class Answers(commands.Cog):
    """Everything that turns a member's question into an answer."""

    def __init__(self, bot: BotLike) -> None:
        self.bot = bot
        self._logged_failures: set[tuple[int, int]] = set()
        self.context_menu = app_commands.ContextMenu(
            name="Answer this question", callback=self.answer_message
        )

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.context_menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.context_menu.name, type=self.context_menu.type)

    # -- messages ----------------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if message.author.bot or message.webhook_id is not None or me is None:
            return
        if message.guild is None:
            await self.answer_explicitly(message, message.content, message)
        elif me.id in message.raw_mentions:
            await self.answer_mention(message, me)
        elif self.bot.effective(message.guild.id).answers_inline(message.channel.id):
            await self.answer_passively(message)  # threads and forums: features.help_threads

    async def answer_mention(self, message: discord.Message, me: discord.ClientUser) -> None:
        text = re.sub(rf"<@!?{me.id}>", " ", message.content).strip()
        replied = await self.replied_to(message)
        if replied is not None and replied.author.id != me.id and replied.content.strip():
            await self.answer_explicitly(message, replied.content, replied)
        elif text:
            await self.answer_explicitly(message, text, message)
        else:
            await self.deliver(message, content=EMPTY_MENTION, allowed_mentions=NONE)

    async def replied_to(self, message: discord.Message) -> discord.Message | None:
        reference = message.reference
        if reference is None or reference.message_id is None:
            return None
        if isinstance(reference.resolved, discord.Message):
            return reference.resolved
        try:
            return await message.channel.fetch_message(reference.message_id)
        except discord.HTTPException as error:
            log.info("could not read the replied-to message %s: %s", reference.message_id, error)
            return None

    async def answer_explicitly(
        self, asked: discord.Message, question: str, reply_to: discord.Message
    ) -> None:
        """A question put to the bot: always answered, with "no answer" if nothing fits."""
        cooldowns = self.bot.cooldowns
        if not cooldowns.member_allowed(asked.author.id):
            if cooldowns.warn_once(asked.author.id):
                await self.deliver(asked, content=SLOW_DOWN, allowed_mentions=NONE)
            return
        reply = Reply(self.match(question, reply_to.guild), question)
        sent = await self.send_reply(reply_to, reply, asked.author.id)
        await self.remember(sent, reply_to.guild, reply_to.author.id, reply)

    async def answer_passively(self, message: discord.Message) -> None:
        """A question nobody asked the bot, answered in place when ``passive_reply`` allows."""
        reply = self.passive_reply(message, message.content)
        if reply is None:
            return
        sent = await self.send_reply(message, reply, message.author.id)
        await self.remember(sent, message.guild, message.author.id, reply)

    def passive_reply(
        self,
        message: discord.Message,
        question: str,
        asked: bool | None = None,
        require_framework: bool = True,
    ) -> Reply | None:
        """The answer to a question nobody asked the bot, or None to stay quiet.

        Only for a member who did not turn unprompted answers off, a message that reads like a
        question (``asked``, when the caller judged that itself), a sure match, a section not
        answered lately in the message's channel, and a member under the per-minute limit
        (counted here: the caller sends the reply, or refunds it).
        """
        if message.author.id in self.bot.unprompted_off:
            return None
        if require_framework and self.bot.matcher.weigh(question)[0] is None:
            return None  # names no framework: chat the bot cannot place (and nothing embedded)
        if not (self.bot.detector.is_question(question) if asked is None else asked):
            return None
        here = self.bot.effective(message.guild.id if message.guild else None)
        match = self.bot.matcher.match(
            question,
            threshold=here.passive_threshold,
            require_framework=require_framework,
            unprompted=True,
        )
        if match.answer is None:
            return None
        key = match.answer.key
        if self.bot.cooldowns.section_recent(message.channel.id, key, here.cooldown_seconds):
            return None
        if not self.bot.cooldowns.member_allowed(message.author.id):
            return None
        return Reply(match, question)

    def match(self, question: str, guild: discord.Guild | None) -> Match:
        """Match with the server's own answer threshold, if it set one."""
        threshold = self.bot.effective(guild.id if guild else None).answer_threshold
        return self.bot.matcher.match(question, threshold=threshold)

    async def remember(
        self,
        sent: discord.Message | discord.InteractionMessage | None,
        guild: discord.Guild | None,
        asker_id: int,
        reply: Reply,
    ) -> None:
        """After an answer went out: store it (for votes), or store the unanswered question.

        Only the question's normalized text is kept, and only where the server allows it.
        A database fault is logged by the storage and changes nothing for the member.
        """
        if sent is None:
            return
        guild_id = guild.id if guild else None
        keep = self.bot.effective(guild_id).logging_enabled
        question = normalize(reply.question) if keep else ""
        if reply.answer is not None:
            await self.bot.storage.record_answer(
                sent.id,
                guild_id,
                sent.channel.id,
                asker_id,
                question or None,
                reply.answer.document.id,
                reply.answer.section.id,
                reply.answer.score,
            )
        elif question:
            await self.bot.storage.record_unanswered(guild_id, asker_id, question)

    async def send_reply(
        self, reply_to: discord.Message, reply: Reply, asker_id: int
    ) -> discord.Message | None:
        """Send the reply; an answer Discord refused is not counted against the asker."""
        sent = await self.deliver(reply_to, **reply.kwargs())
        if sent is None:
            self.bot.cooldowns.refund(asker_id)
            return None
        if reply.answer is not None:
            self.bot.cooldowns.note_section(reply_to.channel.id, reply.answer.key)
        return sent

    async def deliver(self, reply_to: discord.Message, **kwargs: Any) -> discord.Message | None:
        """Reply, or log why Discord refused (once per channel and status) and carry on."""
        try:
            return await reply_to.reply(mention_author=False, **kwargs)
        except discord.HTTPException as error:
            self.refused(reply_to.channel.id, reply_to.guild, error)
            return None

    def refused(
        self, channel: int, guild: discord.Guild | None, error: discord.HTTPException
    ) -> None:
        """Log a message Discord refused: a warning once per channel and status, then debug."""
        key = (channel, error.status)
        level = logging.DEBUG if key in self._logged_failures else logging.WARNING
        self._logged_failures.add(key)
        log.log(
            level,
            "could not answer in channel %s (server %s): HTTP %s, Discord code %s: %s",
            channel,
            guild.id if guild else None,
            error.status,
            error.code,
            error.text or "no detail",
        )

    # -- interactions ------------------------------------------------------------------------

    async def answer_message(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        """The "Answer this question" context menu: answers the chosen message in the channel."""
        if not message.content.strip():
            await interaction.response.send_message(
                "I can't read that message's text (no text, or I lack the Message Content intent).",
                ephemeral=True,
            )
            return
        if not self.allowed(interaction):
            await interaction.response.send_message(SLOW_DOWN, ephemeral=True)
            return
        reply = Reply(self.match(message.content, message.guild), message.content)
        asker = quote(message.author.display_name, 80)
        intro = f"Answering {asker}'s question: “{quote(message.content, 120)}”"
        reply.content = f"{intro}\n{reply.content}" if reply.content else intro
        sent = await self.respond(interaction, reply, ephemeral=False)
        await self.remember(sent, message.guild, message.author.id, reply)

    @app_commands.command(name="ask", description="Ask a question about the frameworks I know")
    @app_commands.describe(
        question="Your question, or pick a topic from the list",
        private="Show the answer only to you (default: no)",
    )
    async def ask(
        self, interaction: discord.Interaction[Any], question: str, private: bool = False
    ) -> None:
        if not self.allowed(interaction):
            await interaction.response.send_message(SLOW_DOWN, ephemeral=True)
            return
        picked = resolve_key(self.bot.matcher, question.strip())
        if picked is not None:
            reply = Reply.picked(picked)
            reply.view = AnswerView(picked, ())
        else:
            reply = Reply(self.match(question, interaction.guild), question)
        sent = await self.respond(interaction, reply, ephemeral=private)
        await self.remember(sent, interaction.guild, interaction.user.id, reply)

    @ask.autocomplete("question")
    async def ask_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        matcher = self.bot.matcher
        candidates = matcher.complete(current, AUTOCOMPLETE_CHOICES) if current.strip() else []
        if not candidates:
            typed = current.strip().casefold()
            candidates = [
                Candidate(document, section, 0.0)
                for document in matcher.knowledge.documents
                for section in document.sections
                if typed in section.title.casefold() or typed in document.title.casefold()
            ]
        return [
            app_commands.Choice(name=clip(f"{c.section.title} · {c.document.title}"), value=c.key)
            for c in candidates[:AUTOCOMPLETE_CHOICES]
        ]

    def allowed(self, interaction: discord.Interaction[Any]) -> bool:
        cooldowns = self.bot.cooldowns
        return cooldowns.member_allowed(interaction.user.id)

    async def respond(
        self, interaction: discord.Interaction[Any], reply: Reply, ephemeral: bool
    ) -> discord.InteractionMessage | None:
        """Send the reply; the message it became (None if Discord would not say)."""
        with self.bot.cooldowns.refund_on_error(interaction.user.id):  # they get an apology
            await interaction.response.send_message(ephemeral=ephemeral, **reply.kwargs())
        try:
            sent = await interaction.original_response()
        except discord.HTTPException as error:
            log.info("sent, but could not read back the response message: %s", error)
            return None
        return sent
