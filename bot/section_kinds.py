"""Section kinds' old import path: they live in ``bot.engine.section_kinds`` now."""

from bot.engine.section_kinds import generic_phrasings, kind_of

__all__ = ["generic_phrasings", "kind_of"]
