"""Answers in threads and help forums.

- A passive channel turned on with ``thread:true``: the answer starts a public thread on the
  question and is posted inside it, nothing in the channel (an inline reply when the bot may
  not create threads there).
- In such a thread, the asker's follow-ups are questions to the bot, without a mention.
- A forum turned on with ``/settings passive``: each new post (title and starter message, and
  its tags that name a framework) is answered inside the post, with a "Solved" button.

Every one of these is unprompted: the same detector, passive threshold and cooldowns as a
passive channel (``Answers.passive_reply``), and a member's opt-out. Mentions stay with the
Answers cog.
"""

from __future__ import annotations

import logging
from typing import Literal

import discord
from discord.ext import commands

from bot.discord_layer.features.answers import Answers, Reply
from bot.discord_layer.protocol import BotLike
from bot.discord_layer.ui.embeds import clip
from bot.discord_layer.ui.solved import ForumAnswerView
from bot.engine.text import strip_formatting

log = logging.getLogger(__name__)

THREAD_NAME_CHARS = 100  # Discord's limit for a thread's name
THREAD_ARCHIVE_MINUTES: Literal[1440] = (
    1440  # a day without messages, as Discord's client defaults to
)
KNOWN_ASKERS = 10_000  # threads whose asker is remembered; the rest are read from Discord
NO_ASKER = 0


def thread_name(question: str) -> str:
    """A thread's name from the question: one line of plain text, within Discord's limit."""
    flat = " ".join(strip_formatting(question).split())
    return clip(flat, THREAD_NAME_CHARS) if flat else "Your question"


class HelpThreads(commands.Cog):
    """Unprompted answers that live in threads: thread channels, follow-ups and forum posts."""

    def __init__(self, bot: BotLike, answers: Answers) -> None:
        self.bot = bot
        self.answers = answers
        self._askers: dict[int, int] = {}  # thread id -> the member whose question started it
        self._fallback_logged: set[int] = set()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if message.author.bot or message.webhook_id is not None or me is None:
            return
        if message.guild is None or me.id in message.raw_mentions:
            return  # DMs and mentions are questions to the bot: the Answers cog has them
        here = self.bot.effective(message.guild.id)
        channel = message.channel
        if isinstance(channel, discord.Thread):
            if channel.parent_id not in here.passive_channels:
                return
            if isinstance(channel.parent, discord.ForumChannel):
                if message.id == channel.id:  # a post's starter message has the post's id
                    await self.answer_post(message, channel)
            elif channel.owner_id == me.id and channel.parent_id in here.thread_channels:
                await self.answer_follow_up(message, channel)
        elif channel.id in here.passive_channels and channel.id in here.thread_channels:
            await self.answer_in_thread(message)

    # -- passive channels answered in a thread ---------------------------------------------

    async def answer_in_thread(self, message: discord.Message) -> None:
        reply = self.answers.passive_reply(message, message.content)
        if reply is None:
            return
        asker = message.author.id
        thread = await self.start_thread(message)
        if thread is None:
            sent = await self.answers.send_reply(message, reply, asker)
        else:
            self.remember_asker(thread.id, asker)
            sent = await self.post(thread, reply, asker)
            if sent is not None and reply.answer is not None:
                self.bot.cooldowns.note_section(message.channel.id, reply.answer.key)
        await self.answers.remember(sent, message.guild, asker, reply)

    async def start_thread(self, message: discord.Message) -> discord.Thread | None:
        """A public thread on the question; None (logged once a channel) to answer inline."""
        assert isinstance(message.channel, discord.TextChannel) and message.guild is not None
        if message.channel.permissions_for(message.guild.me).create_public_threads:
            try:
                return await message.create_thread(
                    name=thread_name(message.content),
                    auto_archive_duration=THREAD_ARCHIVE_MINUTES,
                )
            except discord.Forbidden:
                pass
            except discord.HTTPException as error:
                self.answers.refused(message.channel.id, message.guild, error)
                return None
        if message.channel.id not in self._fallback_logged:
            self._fallback_logged.add(message.channel.id)
            log.warning(
                "no Create Public Threads permission in channel %s (server %s): answering "
                "inline there instead of in a thread",
                message.channel.id,
                message.guild.id,
            )
        return None

    async def post(
        self, thread: discord.Thread, reply: Reply, asker: int
    ) -> discord.Message | None:
        try:
            return await thread.send(**reply.kwargs())
        except discord.HTTPException as error:
            self.answers.refused(thread.id, thread.guild, error)
            self.bot.cooldowns.refund(asker)
            return None

    # -- follow-ups in the bot's threads ---------------------------------------------------

    async def answer_follow_up(self, message: discord.Message, thread: discord.Thread) -> None:
        """The asker's next questions in the thread; they need not name the framework again."""
        if await self.asker(thread) != message.author.id:
            return
        reply = self.answers.passive_reply(message, message.content, require_framework=False)
        if reply is None:
            return
        sent = await self.answers.send_reply(message, reply, message.author.id)
        await self.answers.remember(sent, message.guild, message.author.id, reply)

    def remember_asker(self, thread_id: int, asker: int) -> None:
        if len(self._askers) >= KNOWN_ASKERS:
            self._askers.pop(next(iter(self._askers)))  # the oldest
        self._askers[thread_id] = asker

    async def asker(self, thread: discord.Thread) -> int:
        """Who asked the question the thread was started on (its id is the question's)."""
        known = self._askers.get(thread.id)
        if known is not None:
            return known
        starter = thread.starter_message
        if starter is None and isinstance(thread.parent, discord.TextChannel):
            try:
                starter = await thread.parent.fetch_message(thread.id)
            except discord.HTTPException as error:
                log.info("could not read the question thread %s started on: %s", thread.id, error)
        asker = starter.author.id if starter is not None else NO_ASKER
        self.remember_asker(thread.id, asker)
        return asker

    # -- forum posts -----------------------------------------------------------------------

    async def answer_post(self, message: discord.Message, post: discord.Thread) -> None:
        """A new forum post: its title and starter message are the question, answered in it."""
        title, body = post.name, message.content
        asked = self.bot.detector.is_question(f"{title}\n{body}".strip())
        question = "\n".join(part for part in (title, body, self.framework_tags(post)) if part)
        reply = self.answers.passive_reply(message, question, asked=asked)
        if reply is None or reply.answer is None:
            return
        reply.view = ForumAnswerView(reply.answer, reply.suggestions)
        sent = await self.answers.send_reply(message, reply, message.author.id)
        await self.answers.remember(sent, message.guild, message.author.id, reply)

    def framework_tags(self, post: discord.Thread) -> str:
        """The post's tags that name a framework the knowledge knows, to say what it is about."""
        known = {f for d in self.bot.matcher.knowledge.documents for f in d.frameworks}
        return " ".join(t.name for t in post.applied_tags if t.name.casefold() in known)
