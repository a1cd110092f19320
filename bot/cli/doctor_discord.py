"""The doctor's checks that log in: Discord reachable, intents, passive channels, commands.

It connects a plain client with only the Guilds intent (never privileged, so it is never
refused) for as long as the checks take; a running bot is not disturbed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import discord

from bot.cli.checks import Check
from bot.config import Settings
from bot.discord_layer.client import FrameworkBot, create_bot, silence_voice_warnings
from bot.discord_layer.command_sync import STATE_FILE, tree_fingerprint
from bot.discord_layer.service import NETWORK_ERRORS
from bot.storage.reader import read_thread_channels

READY_TIMEOUT = 60.0  # seconds for the gateway to deliver every server
# What answering in a channel needs (discord.py attribute, the name Discord shows).
CHANNEL_PERMISSIONS = (
    ("view_channel", "View Channel"),
    ("send_messages", "Send Messages"),
    ("embed_links", "Embed Links"),
    ("read_message_history", "Read Message History"),
)
# What a passive channel answered in threads (``/settings passive ... thread:true``) needs too.
THREAD_PERMISSIONS = (("create_public_threads", "Create Public Threads"),)
PORTAL_INTENT = "Developer Portal > Bot > Privileged Gateway Intents > Message Content Intent"

Connect = Callable[[Settings], contextlib.AbstractAsyncContextManager[discord.Client]]


@contextlib.asynccontextmanager
async def connected(settings: Settings) -> AsyncIterator[discord.Client]:
    """A client logged in and connected until every server is known."""
    silence_voice_warnings()
    client = discord.Client(intents=discord.Intents(guilds=True))
    async with client:
        await client.login(settings.token)
        gateway = asyncio.create_task(client.connect(reconnect=False))
        ready = asyncio.create_task(client.wait_until_ready())
        done, _ = await asyncio.wait(
            {gateway, ready}, timeout=READY_TIMEOUT, return_when="FIRST_COMPLETED"
        )
        if gateway in done:
            gateway.result()  # raises what closed it
            raise ConnectionError("the gateway closed the connection")
        if ready not in done:
            ready.cancel()
            raise TimeoutError(f"no gateway READY within {READY_TIMEOUT:g} s")
        try:
            yield client
        finally:
            await client.close()
            gateway.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await gateway


async def local_bot(settings: Settings) -> FrameworkBot:
    """The bot as it would start, with its command tree, but not logged in."""
    bot = create_bot(settings)
    await bot.add_features()
    return bot


def check_intents(flags: discord.ApplicationFlags, settings: Settings) -> Check:
    """Whether the portal grants the Message Content intent that the settings ask for."""
    if settings.message_content_intent == "false":
        return Check(
            "intents", True, "Message Content not asked for (MESSAGE_CONTENT_INTENT=false)"
        )
    granted = flags.gateway_message_content or flags.gateway_message_content_limited
    if granted:
        return Check("intents", True, "Message Content intent enabled")
    if settings.passive_channels or settings.message_content_intent == "true":
        return Check(
            "intents",
            False,
            "passive answers need the Message Content intent, which is off: turn it on "
            f"({PORTAL_INTENT}), or set MESSAGE_CONTENT_INTENT=false",
        )
    return Check(
        "intents",
        True,
        "Message Content intent off; only passive answers need it and PASSIVE_CHANNELS is empty",
    )


def check_channel(client: discord.Client, channel_id: int, threads: bool = False) -> Check:
    name = f"channel {channel_id}"
    channel = client.get_channel(channel_id)
    if not isinstance(channel, discord.abc.GuildChannel):
        return Check(
            name,
            False,
            "not visible to the bot: check the id in PASSIVE_CHANNELS, that the bot is in its "
            "server, and that its role may View Channel there",
        )
    name = f"channel #{channel.name} ({channel.guild.name})"
    permissions = channel.permissions_for(channel.guild.me)
    needed = CHANNEL_PERMISSIONS + (THREAD_PERMISSIONS if threads else ())
    missing = [label for attribute, label in needed if not getattr(permissions, attribute)]
    if missing:
        return Check(
            name,
            False,
            f"the bot lacks {', '.join(missing)}: allow them for its role in the channel's "
            "permissions (Edit Channel > Permissions)",
        )
    return Check(name, True, "the bot may read and answer there")


def _registered(payloads: list[Any]) -> set[tuple[int, str]]:
    return {(int(p.get("type", 1)), str(p["name"])) for p in payloads}


async def check_commands(client: discord.Client, local: FrameworkBot, settings: Settings) -> Check:
    """Discord's registered commands against the bot's tree, and the last sync's record."""
    guild = settings.dev_guild_id
    target = f"guild:{guild}" if guild else "global"
    application = client.application_id
    assert application is not None  # set by the login
    if guild:
        payloads = await client.http.get_guild_commands(application, guild)
    else:
        payloads = await client.http.get_global_commands(application)
    here = _registered([c.to_dict(local.tree) for c in local.tree.get_commands()])
    there = _registered(list(payloads))
    if here != there:
        missing = ", ".join(sorted(n for _, n in here - there)) or "none"
        extra = ", ".join(sorted(n for _, n in there - here)) or "none"
        return Check(
            "commands",
            False,
            f"Discord's {target} commands differ from this version's (missing: {missing}; "
            f"left over: {extra}): run `framework-bot sync`",
        )
    state = Path(settings.data_dir) / STATE_FILE
    previous = state.read_text().strip() if state.is_file() else None
    if previous != tree_fingerprint(local, target):
        return Check(
            "commands",
            True,
            f"{len(here)} {target} commands registered; their options changed since the last "
            "sync recorded in DATA_DIR, so the next start syncs them",
        )
    return Check("commands", True, f"{len(here)} {target} commands registered and up to date")


async def checks_on(client: discord.Client, settings: Settings, local: FrameworkBot) -> list[Check]:
    """The checks on a connected client."""
    user = client.user
    checks = [Check("Discord", True, f"reachable, token accepted (logged in as {user})")]
    application = await client.application_info()
    checks.append(check_intents(application.flags, settings))
    threads = read_thread_channels(settings.database)
    checks += [
        check_channel(client, c, threads=c in threads)
        for c in sorted(settings.passive_channels | threads)
    ]
    checks.append(await check_commands(client, local, settings))
    return checks


async def discord_checks(
    settings: Settings, connect: Connect = connected, local: FrameworkBot | None = None
) -> list[Check]:
    """Log in with ``connect`` and check; a refused token or no network is one failed check."""
    local = local or await local_bot(settings)
    try:
        async with connect(settings) as client:
            return await checks_on(client, settings, local)
    except discord.LoginFailure:
        return [
            Check("Discord", False, "Discord refused DISCORD_TOKEN: copy a new one (Reset Token)")
        ]
    except NETWORK_ERRORS as error:
        return [
            Check(
                "Discord",
                False,
                f"cannot reach Discord ({error or type(error).__name__}): check the network, DNS "
                "and any firewall or proxy",
            )
        ]
    except discord.HTTPException as error:
        return [
            Check("Discord", False, f"Discord answered with an error ({error.status}): retry later")
        ]


def run_checks(settings: Settings) -> list[Check]:
    return asyncio.run(discord_checks(settings))
