"""Discord embeds and short texts built from engine results; user text is made harmless here."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.engine.knowledge import Document
from bot.engine.matcher import Candidate
from bot.engine.render import Page, confidence

COLOUR = discord.Colour.blurple()
NONE = discord.AllowedMentions.none()  # every message the bot sends: it never pings
QUOTE_CHARS = 200
# A select menu holds at most 25 options, whose labels and descriptions Discord caps at 100.
MAX_OPTIONS = 25
OPTION_CHARS = 100
# Discord's embed limits: 25 fields, names of 256 and values of 1,024 characters, 6,000 in
# all. A /topics page keeps its fields under TOPIC_PAGE_CHARS, leaving room for its title
# and footer.
MAX_FIELDS = 25
FIELD_NAME_CHARS = 256
FIELD_CHARS = 1024
TOPIC_PAGE_CHARS = 5500
# Invisible characters that change how the text after them is shown: bidi embeddings,
# overrides and isolates (which would turn the bot's own words after a quote around) and
# the direction marks. Dropped from user text we show back. Zero-width joiners stay: emoji
# sequences need them.
_DIRECTION_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x2070)], None
)
# Control characters (NUL and the rest) are shown as a space, as line breaks are.
_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """User text safe to show back: no markdown, mentions, links or direction controls, one
    line, at most ``limit`` characters. Every echo of what a member wrote goes through here."""
    visible = text.translate(_DIRECTION_CONTROLS).translate(_CONTROLS)
    flat = " ".join(visible.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    flat = discord.utils.escape_mentions(discord.utils.escape_markdown(flat))
    return flat.replace("://", ":\u200b//")


def clip(text: str, limit: int = OPTION_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def answer_embed(candidate: Candidate, picked: bool = False) -> discord.Embed:
    """An answer: the section title, the answer, and where it comes from and how sure it is."""
    embed = discord.Embed(
        title=candidate.section.title, description=candidate.section.answer, colour=COLOUR
    )
    how = (
        "picked from the list"
        if picked
        else f"{confidence(candidate.score)} ({candidate.score:.0f}/100)"
    )
    embed.set_footer(text=f"{candidate.document.title} · {how}")
    return embed


def page_embed(document: Document, pages: list[Page], index: int) -> discord.Embed:
    page = pages[index]
    embed = discord.Embed(title=page.title, description=page.body, colour=COLOUR)
    embed.set_footer(text=f"{document.title} · page {index + 1} of {len(pages)}")
    return embed


def topic_pages(documents: Sequence[Document]) -> list[discord.Embed]:
    """``/topics``: each document with its section titles, on as many embeds as it takes."""
    fields = [
        (clip(name, FIELD_NAME_CHARS), value)
        for document in documents
        for name, value in _topic_fields(document)
    ]
    pages: list[list[tuple[str, str]]] = [[]]
    used = 0
    for name, value in fields:
        size = len(name) + len(value)
        if pages[-1] and (len(pages[-1]) == MAX_FIELDS or used + size > TOPIC_PAGE_CHARS):
            pages.append([])
            used = 0
        pages[-1].append((name, value))
        used += size
    embeds = []
    for number, page in enumerate(pages, start=1):
        embed = discord.Embed(title="What I can answer", colour=COLOUR)
        for name, value in page:
            embed.add_field(name=name, value=value, inline=False)
        where = f" · page {number} of {len(pages)}" if len(pages) > 1 else ""
        embed.set_footer(text=f"Ask with /ask, or see a whole comparison with /compare{where}")
        embeds.append(embed)
    return embeds


def _topic_fields(document: Document) -> list[tuple[str, str]]:
    """A document's section titles as fields of at most FIELD_CHARS, continued as needed."""
    chunks: list[str] = []
    for line in (clip(f"• {s.title}", FIELD_CHARS) for s in document.sections):
        if chunks and len(chunks[-1]) + 1 + len(line) <= FIELD_CHARS:
            chunks[-1] += f"\n{line}"
        else:
            chunks.append(line)
    names = [document.title] + [f"{document.title} (continued)"] * (len(chunks) - 1)
    return list(zip(names, chunks, strict=True))


def did_you_mean(question: str, choices: tuple[Candidate, ...]) -> str:
    titles = ", ".join(f"**{c.section.title}**" for c in choices)
    return f"I'm not sure what “{quote(question, 80)}” asks. Did you mean {titles}? Pick one below."


NO_ANSWER = (
    "I don't have an answer for that one. `/topics` lists what I can answer, "
    "and `/compare` shows a whole comparison."
)
EMPTY_MENTION = (
    "Ask me a question after the mention, e.g. “is Django hard to learn?”. `/help` shows more."
)
SLOW_DOWN = "You're asking faster than I answer: give it a minute, then ask again."
APOLOGY = "Sorry, something went wrong on my side while answering. Please try again in a moment."
