"""/topics with many documents: every one listed, on pages Discord accepts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.config import Settings
from tests.discord_layer.helpers import server

DOCUMENTS = 40
SECTIONS = 8


def document(number: int, sections: int = SECTIONS) -> str:
    text = f'id = "doc-{number}"\ntitle = "Framework {number} vs Framework {number + 100}"\n'
    text += f'question = "How do framework {number} and {number + 100} differ?"\n'
    for s in range(sections):
        text += (
            f'\n[[sections]]\nid = "part-{s}"\n'
            f'title = "Part {s}: a fairly long section title about topic {s} of {number}"\n'
            f'questions = ["what about topic {s} of framework {number}"]\n'
            f'answer = "Topic {s}."\n'
        )
    return text


@pytest.fixture
def bot_settings(bot_settings: Settings, tmp_path: Path) -> Settings:
    knowledge = tmp_path / "many"
    knowledge.mkdir()
    for number in range(DOCUMENTS):
        (knowledge / f"doc-{number:02}.toml").write_text(document(number))
    (knowledge / "doc-big.toml").write_text(document(999, sections=40))
    return replace(bot_settings, knowledge_paths=(knowledge,))


def size(embed: discord.Embed) -> int:
    """What Discord counts against the 6,000 characters of an embed."""
    return (
        len(embed.title or "")
        + len(embed.footer.text or "")
        + sum(len(f.name or "") + len(f.value or "") for f in embed.fields)
    )


async def test_topics_lists_every_document_on_pages(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    result = await alice.slash(channel, "topics")
    assert result.ephemeral
    message = result.response.message
    first = message.embeds[0]
    pages = int(first.footer.text.rsplit(" of ", 1)[1])
    assert pages > 1
    seen: list[str] = []
    for page in range(1, pages + 1):
        embed = result.response.message.embeds[0]
        assert embed.footer.text.endswith(f"page {page} of {pages}")
        assert len(embed.fields) <= 25 and size(embed) <= 6000
        assert all(len(f.value or "") <= 1024 for f in embed.fields)
        seen += [f.name or "" for f in embed.fields]
        if page < pages:
            await alice.click(result.response.message, label="Next")
    expected = {f"Framework {n} vs Framework {n + 100}" for n in (*range(DOCUMENTS), 999)}
    assert {name.removesuffix(" (continued)") for name in seen} == expected
    assert "Framework 999 vs Framework 1099 (continued)" in seen  # 40 sections: two fields
    await alice.click(result.response.message, label="Previous")
    assert result.response.message.embeds[0].footer.text.endswith(f"page {pages - 1} of {pages}")
