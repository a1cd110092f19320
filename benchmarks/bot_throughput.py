"""The bot under simcord: mention questions per second and per-answer latency, beside an echo bot.

    python -m benchmarks.bot_throughput [--questions 3000]

Both bots are driven by the same harness: members of one server mention the bot with a
question and wait until its reply is in the channel (simcord settles the bot's work before
``send`` returns, so each figure is one whole round trip through discord.py's real gateway
parsers, the bot's handler and the simulated REST call). The echo bot is a bare discord.py
bot that replies with the message text: the floor cost of any reply. Target: framework-bot
at least 0.8 of the echo bot's rate.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

import discord
import simcord
from discord.ext import commands

from bot.config import Settings
from bot.discord_layer.client import create_bot
from bot.engine.knowledge import default_knowledge_dir, load

QUESTIONS = (
    "is django hard to learn?",
    "what is flask",
    "flaks philosphy?",
    "jango vs flsak",
    "so uh, anyone know if flask is ok for a tiny side project?",
    "why is django so opinionated",
    "does django have an admin",
    "which should a beginner pick, flask or django?",
    "how do I serve static files with flask",
    "what's the weather like",
)
MEMBERS = 200


def echo_bot() -> commands.Bot:
    """A bare discord.py bot that replies to mentions with the message text."""
    intents = discord.Intents.default()
    intents.message_content = True
    bot = commands.Bot(
        command_prefix=commands.when_mentioned,
        intents=intents,
        allowed_mentions=discord.AllowedMentions.none(),
    )

    @bot.event
    async def on_message(message: discord.Message) -> None:
        if message.author.bot or bot.user is None or bot.user not in message.mentions:
            return
        await message.reply(message.content[:2000], mention_author=False)

    return bot


def payload_echo_bot() -> commands.Bot:
    """The echo bot again, replying with a ready-made answer: the same embed and controls as
    framework-bot's learning-curve answer, built once. The floor cost of sending an answer."""
    from bot.discord_layer.ui.embeds import answer_embed
    from bot.discord_layer.ui.items import (
        AnswerView,
        FeedbackButton,
        FullComparisonButton,
        SectionMenu,
    )
    from bot.engine.matcher import Matcher

    matcher = Matcher(load([default_knowledge_dir()]))
    match = matcher.match("is django hard to learn?")
    assert match.answer is not None
    embed = answer_embed(match.answer)
    bot = echo_bot()
    bot.add_dynamic_items(FullComparisonButton, FeedbackButton, SectionMenu)

    async def on_message(message: discord.Message) -> None:
        if message.author.bot or bot.user is None or bot.user not in message.mentions:
            return
        view = AnswerView(match.answer, match.suggestions)  # type: ignore[arg-type]
        await message.reply(embed=embed, view=view, mention_author=False)

    bot.on_message = on_message  # type: ignore[method-assign]
    return bot


async def drive(bot: commands.Bot, count: int) -> tuple[float, list[float]]:
    """Send ``count`` mention questions; the total seconds and each answer's seconds."""
    rng = random.Random(5)
    async with simcord.run(bot) as env:
        guild = env.create_guild()
        channel = guild.create_text_channel("help")
        members = [guild.add_member(env.create_user(f"member{i}")) for i in range(MEMBERS)]
        assert bot.user is not None
        mention = bot.user.mention
        for member in members[:20]:  # warm-up, not counted
            await member.send(channel, f"{mention} {rng.choice(QUESTIONS)}")
        samples: list[float] = []
        for i in range(count):
            member = members[i % MEMBERS]
            before = time.perf_counter()
            await member.send(channel, f"{mention} {rng.choice(QUESTIONS)}")
            samples.append(time.perf_counter() - before)
            if i % MEMBERS == MEMBERS - 1:
                await env.advance_time(61)  # a new minute: members' rate limits reset
        answered = sum(1 for m in channel.history() if m.author.id == bot.user.id) - 20
        if answered < count:
            raise SystemExit(f"{bot.__class__.__name__} answered {answered} of {count} questions")
        # The clock advances between rounds are harness work, so the rate counts only sends.
        return sum(samples), samples


def summary(name: str, total: float, samples: list[float]) -> list[str]:
    samples = sorted(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return [
        name,
        f"{len(samples) / total:,.0f}",
        f"{statistics.median(samples) * 1000:.2f}",
        f"{p99 * 1000:.2f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="Bot throughput under simcord.")
    parser.add_argument("--questions", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(
            knowledge_paths=(default_knowledge_dir(),),
            data_dir=Path(data),
            member_answers_per_minute=60,
        )
        ours = asyncio.run(drive(create_bot(settings), args.questions))
    echo = asyncio.run(drive(echo_bot(), args.questions))
    floor = asyncio.run(drive(payload_echo_bot(), args.questions))
    rows = [
        summary("framework-bot", *ours),
        summary("echo bot (bare discord.py)", *echo),
        summary("echo bot sending a ready-made answer", *floor),
    ]
    header = ["bot", "questions/s", "p50 ms", "p99 ms"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    ratio = (len(ours[1]) / ours[0]) / (len(echo[1]) / echo[0])
    payload = (len(ours[1]) / ours[0]) / (len(floor[1]) / floor[0])
    print(f"\nframework-bot / echo rate: {ratio:.2f} (target >= 0.80), {args.questions} questions")
    print(f"framework-bot / ready-made answer rate: {payload:.2f}")


if __name__ == "__main__":
    main()
