"""Feedback: a member's 👍 or 👎 on an answer, stored once per member and answer.

The vote flow lives here, not in the button: find the answer (by its message, else by the
section its button names), respect the server's logging choice, record the vote, and after a
👎 work out the other sections to offer.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.discord_layer.protocol import BotLike
from bot.engine.matcher import Candidate, Matcher

OTHER_CHOICES = 5  # sections offered after a 👎
VOTE_SAVED = {
    (1, None): "Thanks for the 👍!",
    (1, -1): "Changed your vote to 👍. Thanks!",
    (1, 1): "You already gave this answer a 👍.",
    (-1, None): "Thanks, noted 👎.",
    (-1, 1): "Changed your vote to 👎. Thanks for telling me.",
    (-1, -1): "You already gave this answer a 👎.",
}
VOTE_FAILED = "Sorry, I couldn't save your vote just now. Please try again later."
UNKNOWN_ANSWER = "I can't tell which answer this vote is for, sorry."


@dataclass(frozen=True, slots=True)
class VoteOutcome:
    """What to tell the member, and after a 👎 the sections to offer instead."""

    text: str
    others: tuple[Candidate, ...] = ()
    downvote: bool = False


async def vote(
    bot: BotLike,
    message: discord.Message | None,
    member_id: int,
    guild_id: int | None,
    value: int,
    key: str | None,
) -> VoteOutcome:
    """Record ``member_id``'s vote (+1 or -1) on the answer ``message``; ``key`` is the
    ``document/section`` its button names, used when the stored answer is gone."""
    record = await bot.storage.answer(message.id) if message is not None else None
    key = f"{record.document}/{record.section}" if record is not None else key
    if message is None or key is None:
        return VoteOutcome(UNKNOWN_ANSWER)
    document_id, _, section_id = key.partition("/")
    previous = await bot.storage.previous_vote(message.id, member_id)
    keep_question = bot.effective(guild_id).logging_enabled
    question = record.question if record is not None and keep_question else None
    saved = await bot.storage.record_vote(
        message.id, member_id, guild_id, document_id, section_id, value, downvoted_question=question
    )
    text = VOTE_SAVED[(value, previous)] if saved else VOTE_FAILED
    if value > 0:
        return VoteOutcome(text)
    others = other_sections(bot.matcher, question or "", document_id, section_id)
    return VoteOutcome(text, others, downvote=True)


def other_sections(
    matcher: Matcher, question: str, document_id: str, section_id: str
) -> tuple[Candidate, ...]:
    """What to offer after a 👎: the question's next-best sections, then the same document's."""
    answered = f"{document_id}/{section_id}"
    ranked = matcher.rank(question, limit=OTHER_CHOICES + 1) if question.strip() else []
    others = [c for c in ranked if c.key != answered]
    document = matcher.knowledge.document(document_id)
    if document is not None:
        seen = {c.key for c in others} | {answered}
        others += [
            Candidate(document, s, 0.0)
            for s in document.sections
            if f"{document.id}/{s.id}" not in seen
        ]
    return tuple(others[:OTHER_CHOICES])
