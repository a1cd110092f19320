"""Render the README's picture from a real run: the real bot, driven through simcord.

    python docs/make_screenshot.py [--out docs/answer.png]

A member asks the bot a question in a simulated server; simcord's preview renders the
channel as Discord would show it, and Debian's chromium (``apt-get install chromium``)
takes the screenshot. Not part of ``make test``: CI has no browser.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

import simcord

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.discord_layer.client import create_bot  # noqa: E402
from bot.engine.knowledge import default_knowledge_dir  # noqa: E402

QUESTION = "is django hard to learn? i only know a bit of python"
WIDTH, HEIGHT = 900, 980
SIDEBAR_WIDTH, TOOLBAR_HEIGHT = 256, 78  # simcord's preview chrome, cropped away
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--virtual-time-budget=8000",
)


async def render(out: Path, chromium: str) -> None:
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as profile:
        bot = create_bot(Settings(knowledge_paths=(default_knowledge_dir(),), data_dir=Path(data)))
        async with simcord.run(bot) as env:
            guild = env.create_guild(name="Python Helpers")
            channel = guild.create_text_channel("help")
            member = guild.add_member(env.create_user("alice"))
            await member.send(channel, f"{env.bot.user.mention} {QUESTION}")
            preview = env.preview(
                channel,
                viewers=[member],
                layout="channel",
                display="fixed",
                width=WIDTH,
                height=HEIGHT,
            )
            async with preview as session:
                # The browser runs while this event loop keeps serving the preview page.
                browser = await asyncio.create_subprocess_exec(
                    chromium,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={profile}",
                    f"--window-size={WIDTH},{HEIGHT}",
                    f"--screenshot={out}",
                    session.url,
                    stdout=asyncio.subprocess.DEVNULL,
                    stderr=asyncio.subprocess.DEVNULL,
                )
                await asyncio.wait_for(browser.wait(), timeout=60)
    if not out.is_file():
        raise SystemExit(f"chromium wrote no screenshot (exit {browser.returncode})")
    crop_to_channel(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")


def crop_to_channel(png: Path) -> None:
    """Keep the conversation: drop the preview's own toolbar and sidebar, and empty space."""
    from PIL import Image, ImageChops  # comes with simcord[preview]

    with Image.open(png) as image:
        conversation = image.crop((SIDEBAR_WIDTH, TOOLBAR_HEIGHT, image.width, image.height))
        background = Image.new(conversation.mode, conversation.size, conversation.getpixel((5, -1)))
        box = ImageChops.difference(conversation, background).getbbox()
        bottom = min(conversation.height, box[3] + 16) if box else conversation.height
        conversation.crop((0, 0, conversation.width, bottom)).save(png, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "answer.png")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("needs Debian's chromium: apt-get install chromium")
    asyncio.run(render(args.out.resolve(), chromium))


if __name__ == "__main__":
    main()
