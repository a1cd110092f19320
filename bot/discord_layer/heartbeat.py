"""The heartbeat file: the bot touches it while connected to Discord; ``health`` reads its age.

A container's HEALTHCHECK (or a monitoring script) cannot ask the bot whether its gateway
connection is up, but it can look at a file. Never imports discord, so ``health`` is fast.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

FILE = "heartbeat"
INTERVAL = 30.0  # seconds between beats while connected
# A beat older than this means the gateway is down (or the bot hangs): three missed beats,
# so one slow write or a short reconnect does not count.
STALE_AFTER = 3 * INTERVAL


def beat(path: Path) -> None:
    """Record that the bot is connected now (the file's time is what counts)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(f"{time.time():.0f}\n")
    os.replace(temporary, path)  # a reader never sees a half-written file


def age(path: Path, now: float | None = None) -> float | None:
    """Seconds since the last beat; None when there has been none."""
    try:
        written = path.stat().st_mtime
    except OSError:
        return None
    return max(0.0, (time.time() if now is None else now) - written)


def clear(path: Path) -> None:
    """On a clean stop: the bot is no longer connected, say so at once."""
    path.unlink(missing_ok=True)


def health(path: Path, now: float | None = None) -> tuple[bool, str]:
    """Whether the bot is connected, judged by the heartbeat; and a line saying so."""
    seconds = age(path, now)
    if seconds is None:
        return False, f"no heartbeat at {path}: the bot is not running, or not yet connected"
    if seconds > STALE_AFTER:
        return False, (
            f"last heartbeat {seconds:.0f} s ago (at {path}): the bot is not connected to "
            "Discord; its log says why"
        )
    return True, f"ok: connected to Discord (heartbeat {seconds:.0f} s ago)"
