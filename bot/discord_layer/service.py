"""The bot as a long-running service: waits for the network, stops cleanly, reloads on SIGHUP.

A bot started at boot often starts before the network is up, so reaching Discord is retried
with backoff, forever (systemd or Docker would restart it anyway; retrying in-process keeps
one clear log line instead of a restart loop). A refused token is final at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import discord
from discord.ext import tasks
from discord.http import Route

from bot.discord_layer import heartbeat
from bot.discord_layer.client import FrameworkBot

log = logging.getLogger("framework-bot")

RETRY_FIRST = 1.0  # seconds before the first retry; doubled after each failure ...
RETRY_MAX = 60.0  # ... up to this: a bot back within a minute of the network, one try a minute
PROBE_TIMEOUT = 15.0  # a request that hangs this long counts as "unreachable"
# What "the network is down" looks like: refused or reset connections, DNS failures, timeouts.
NETWORK_ERRORS = (aiohttp.ClientConnectionError, OSError, asyncio.TimeoutError)
STOP_SIGNALS = ("SIGTERM", "SIGINT")

Probe = Callable[[str], Awaitable[None]]
Sleep = Callable[[float], Awaitable[bool]]


def unreachable(error: BaseException) -> str:
    """One line for a failed connection: what failed and what to check; never a traceback."""
    detail = str(error) or type(error).__name__
    return (
        f"cannot reach Discord ({detail}); check the network, DNS and any firewall or proxy. "
        f"Retrying every {RETRY_FIRST:g}-{RETRY_MAX:g} s until it answers (SIGTERM or Ctrl-C stops)"
    )


async def probe(token: str) -> None:
    """One authenticated request to Discord: returns when it answers, raises
    ``discord.LoginFailure`` when it refuses the token, and network errors as they come."""
    timeout = aiohttp.ClientTimeout(total=PROBE_TIMEOUT)
    headers = {"Authorization": f"Bot {token}", "User-Agent": "framework-bot (start-up check)"}
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.get(f"{Route.BASE}/users/@me", headers=headers) as response,
    ):
        if response.status == 401:
            raise discord.LoginFailure("Discord refused the token")
        # Anything else (200, a 5xx, a rate limit) means Discord is reachable: the login
        # that follows reports what is wrong, as discord.py words it.


async def wait_for_discord(token: str, sleep: Sleep, check: Probe = probe) -> bool:
    """Until Discord answers ``check``: True, or False when ``sleep`` says to stop.

    ``sleep(seconds)`` returns True when it was interrupted by a request to stop.
    """
    delay, attempts = RETRY_FIRST, 0
    while True:
        try:
            await check(token)
        except NETWORK_ERRORS as error:
            attempts += 1
            if attempts == 1:
                log.warning("%s", unreachable(error))
            else:
                log.debug("Discord still unreachable (attempt %d): %s", attempts, error)
        else:
            if attempts:
                log.info("Discord reachable after %d failed attempts", attempts)
            return True
        if await sleep(delay):
            return False
        delay = min(delay * 2, RETRY_MAX)


class Heartbeat:
    """Touches the heartbeat file every ``heartbeat.INTERVAL`` s while the gateway is up."""

    def __init__(self, bot: FrameworkBot, path: Path) -> None:
        self.bot = bot
        self.path = path
        self.connected = False
        self._failed = False
        self.loop = tasks.loop(seconds=heartbeat.INTERVAL)(self._tick)

    def attach(self) -> Heartbeat:
        # discord.py dispatches these itself: ready and resumed after (re)connecting,
        # disconnect whenever the gateway connection drops.
        self.bot.add_listener(self._up, "on_ready")
        self.bot.add_listener(self._up, "on_resumed")
        self.bot.add_listener(self._down, "on_disconnect")
        return self

    async def _up(self) -> None:
        self.connected = True
        if not self.loop.is_running():
            self.loop.start()  # its first iteration beats at once

    async def _down(self) -> None:
        self.connected = False

    async def _tick(self) -> None:
        if not self.connected:
            return
        try:
            heartbeat.beat(self.path)
        except OSError as error:
            if not self._failed:  # once: a read-only DATA_DIR would say so every 30 s
                log.warning("cannot write the heartbeat %s: %s", self.path, error)
            self._failed = True
        else:
            self._failed = False

    def stop(self) -> None:
        self.loop.cancel()
        self.connected = False
        with contextlib.suppress(OSError):  # a stale file says the same a little later
            heartbeat.clear(self.path)


class Service:
    """Runs one bot until it stops or a stop signal arrives; installs the signal handlers."""

    def __init__(
        self,
        bot: FrameworkBot,
        token: str,
        check: Probe = probe,
        beats: Heartbeat | None = None,
    ) -> None:
        self.bot = bot
        self.token = token
        self.check = check
        self.beats = beats
        self.stopping = asyncio.Event()
        self._closing: asyncio.Task[None] | None = None

    def install_signals(self) -> list[str]:
        """SIGTERM/SIGINT stop, SIGHUP reloads the knowledge; the names installed."""
        loop = asyncio.get_running_loop()
        installed = []
        for name in STOP_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None and _add_handler(loop, number, self.stop, name):
                installed.append(name)
        if self.bot.install_sighup():  # before login: a reload works while waiting, too
            installed.append("SIGHUP")
        return installed

    def stop(self, reason: str) -> None:
        """Close the gateway and the database; the run then returns (exit code 0)."""
        if self.stopping.is_set():
            return
        log.info("%s: closing the gateway and the database", reason)
        self.stopping.set()
        self._closing = asyncio.get_running_loop().create_task(self.bot.close())

    async def _sleep(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self.stopping.wait(), seconds)
        except TimeoutError:
            return False
        return True

    async def run(self, stop_after_sync: bool = False) -> None:
        """Wait for Discord, log in (which syncs the commands), then serve until stopped."""
        self.install_signals()
        try:
            async with self.bot:
                if not await wait_for_discord(self.token, self._sleep, self.check):
                    return
                await self.bot.login(self.token)
                if stop_after_sync or self.stopping.is_set():
                    return
                await self.bot.connect(reconnect=True)
        except Exception:
            if not self.stopping.is_set():
                raise
            # Closing under a login or connect in progress makes it fail; that is the stop.
        finally:
            if self._closing is not None:
                await self._closing
            if self.beats is not None:
                self.beats.stop()
            _remove_handlers()


def _add_handler(
    loop: asyncio.AbstractEventLoop, number: int, stop: Callable[[str], None], name: str
) -> bool:
    try:
        loop.add_signal_handler(number, stop, name)
    except (NotImplementedError, RuntimeError, ValueError):  # Windows; not the main thread
        return False
    return True


def _remove_handlers() -> None:
    """The loop ends with the run; leave no handler pointing at a closed bot."""
    loop = asyncio.get_running_loop()
    for name in (*STOP_SIGNALS, "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(number)
