"""The custom ids of the persistent controls: a public contract, since buttons posted months
ago must keep working. Each has a template (a regular expression discord.py matches a click
against) and a builder; extend them, never rename them."""

from __future__ import annotations

MAX_CUSTOM_ID = 100  # Discord's limit for a component's custom_id
_SLUG = r"[a-z0-9-]+"

COMPARE = rf"framework-bot:compare:(?P<document>{_SLUG})"
VOTE = rf"framework-bot:vote:(?P<value>up|down)(?::(?P<key>{_SLUG}/{_SLUG}))?"
SECTIONS = r"framework-bot:sections:(?P<purpose>other|guess)"
SOLVED = r"framework-bot:solved"


def compare(document_id: str) -> str:
    """ "Full comparison" of a document."""
    return f"framework-bot:compare:{document_id}"


def vote(value: str, key: str | None) -> str:
    """👍 (``up``) or 👎 (``down``), with the ``document/section`` it is about when it fits."""
    custom_id = f"framework-bot:vote:{value}"
    if key and len(custom_id) + 1 + len(key) <= MAX_CUSTOM_ID:
        custom_id += f":{key}"
    return custom_id


def sections(purpose: str) -> str:
    """A menu of sections: ``other`` (not what I asked) or ``guess`` (did you mean)."""
    return f"framework-bot:sections:{purpose}"


def solved() -> str:
    """ "Solved" under an answer in a forum post: the post is the interaction's channel."""
    return "framework-bot:solved"
