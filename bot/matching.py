"""The matcher's old import path: it lives in ``bot.engine.matcher`` now."""

from bot.engine.matcher import *  # noqa: F403  # every public name, as before
from bot.engine.matcher import __all__ as __all__
