"""Slash commands and the context menu, as a member uses them."""

from __future__ import annotations

from typing import Any

import discord

from tests.discord_layer.helpers import server


def buttons(message: Any) -> dict[str, bool]:
    """Label -> disabled, for every button on a message."""
    return {
        c.label: c.disabled
        for row in message.components
        for c in row.children
        if isinstance(c, discord.Button)
    }


async def test_ask_answers_publicly_by_default(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    result = await alice.slash(channel, "ask", question="which one has the steeper learning curve?")
    assert not result.ephemeral
    (embed,) = result.response.embeds
    assert embed.title == "Learning curve"


async def test_ask_private_is_ephemeral(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    result = await alice.slash(channel, "ask", question="what is flask", private=True)
    assert result.ephemeral
    assert result.response.embeds[0].title == "What Flask is"


async def test_ask_autocomplete_offers_matching_sections_and_picking_one_answers_it(
    simcord_env: Any,
) -> None:
    channel, alice = server(simcord_env)
    choices = await alice.autocomplete(channel, "ask", "question", "django philos")
    assert choices[0] == {
        "name": "Django's philosophy: convention over configuration · Flask vs Django",
        "value": "flask-vs-django/django-philosophy",
    }
    assert len(choices) <= 25
    result = await alice.slash(channel, "ask", question=choices[0]["value"])
    (embed,) = result.response.embeds
    assert embed.title == "Django's philosophy: convention over configuration"
    assert embed.footer.text == "Flask vs Django · picked from the list"


async def test_ask_autocomplete_with_nothing_typed_lists_sections(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    choices = await alice.autocomplete(channel, "ask", "question", "")
    assert len(choices) == 7
    assert {c["value"] for c in choices} >= {
        "flask-vs-django/summary",
        "flask-vs-django/learning-curve",
    }


async def test_not_what_i_asked_shows_another_section_to_the_chooser(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    result = await alice.slash(channel, "ask", question="is django hard to learn?")
    message = result.response.message
    menu = next(
        c for row in message.components for c in row.children if isinstance(c, discord.SelectMenu)
    )
    assert menu.placeholder == "Not what I asked?"
    other = menu.options[0].value
    chosen = await alice.select(message, [other])
    assert chosen.ephemeral
    assert chosen.response.embeds[0].footer.text == "Flask vs Django · picked from the list"
    assert chosen.response.embeds[0].title == next(
        o.label for o in menu.options if o.value == other
    )


async def test_context_menu_answers_the_chosen_message(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    question = await bob.send(channel, "honestly is django overkill for a small app?")
    result = await alice.context_menu(channel, "Answer this question", question)
    assert not result.ephemeral
    assert result.response.content.startswith("Answering bob's question:")
    assert result.response.embeds[0].title == "Flexibility vs built-in features"


async def test_compare_pages_with_buttons_and_the_jump_menu(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    result = await alice.slash(channel, "compare")
    assert result.ephemeral
    message = result.response.message
    assert message.embeds[0].title == "Flask vs Django"
    assert message.embeds[0].footer.text == "Flask vs Django · page 1 of 8"
    assert buttons(message) == {"Previous": True, "Next": False, "Show everyone": False}

    await alice.click(message, label="Next")
    shown = result.response.message.embeds[0]
    assert shown.title == "What Flask is"
    assert shown.footer.text == "Flask vs Django · page 2 of 8"

    await alice.select(message, ["6"])
    shown = result.response.message.embeds[0]
    assert shown.title == "Learning curve"
    assert shown.footer.text == "Flask vs Django · page 7 of 8"

    await alice.click(message, label="Next")
    assert result.response.message.embeds[0].title == "Summary: which should you choose?"
    assert buttons(result.response.message) == {
        "Previous": False,
        "Next": True,
        "Show everyone": False,
    }


async def test_someone_else_cannot_turn_your_compare_pages(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    mine = await alice.slash(channel, "compare")
    shared = await alice.click(mine.response.message, label="Show everyone")
    other = await bob.click(shared.response.message, label="Next")
    assert other.ephemeral
    assert "someone else's" in other.response.content
    assert shared.response.message.embeds[0].footer.text.endswith("page 1 of 8")


async def test_full_comparison_button_opens_pages_for_the_clicker_only(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    await alice.send(channel, f"{simcord_env.bot.user.mention} what is django?")
    answer = channel.last_message
    result = await bob.click(answer, label="Full comparison")
    assert result.ephemeral
    assert result.response.embeds[0].title == "Flask vs Django"


async def test_views_disable_their_controls_when_they_time_out(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    result = await alice.slash(channel, "compare")
    await simcord_env.advance_time(601)
    assert set(buttons(result.response.message).values()) == {True}


async def test_topics_and_help(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    topics = await alice.slash(channel, "topics")
    (field,) = topics.response.embeds[0].fields
    assert field.name == "Flask vs Django"
    assert "• Learning curve" in field.value
    help_ = await alice.slash(channel, "help")
    assert "/ask" in help_.response.embeds[0].description
    assert help_.ephemeral and topics.ephemeral


async def test_compare_is_shown_to_you_until_you_show_everyone(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    mine = await alice.slash(channel, "compare")
    assert mine.ephemeral
    await alice.click(mine.response.message, label="Next")
    shared = await alice.click(mine.response.message, label="Show everyone")
    assert not shared.ephemeral
    public = shared.response.message
    assert public.embeds[0].footer.text == "Flask vs Django · page 2 of 8"  # where you were
    assert buttons(public) == {"Previous": False, "Next": False}  # no second "Show everyone"
    assert [m.id for m in channel.history()] == [public.id]


async def test_compare_counts_against_the_members_answers(simcord_env: Any) -> None:
    channel, alice = server(simcord_env)
    bob = simcord_env.guild.add_member(simcord_env.create_user("bob"))
    mine = await alice.slash(channel, "compare")  # 1 of the 4 a minute
    for _ in range(3):  # each public post counts
        shared = await alice.click(mine.response.message, label="Show everyone")
        assert not shared.ephemeral
    refused = await alice.click(mine.response.message, label="Show everyone")
    assert refused.ephemeral and refused.response.content.startswith("You're asking faster")
    again = await alice.slash(channel, "compare")
    assert again.ephemeral and again.response.content.startswith("You're asking faster")
    assert len(list(channel.history())) == 3
    assert (await bob.slash(channel, "compare")).response.embeds  # others are not limited
    await simcord_env.advance_time(61)
    assert (await alice.slash(channel, "compare")).response.embeds
