"""This module's old import path: it lives in ``bot.engine.render`` now."""

from bot.engine.render import (
    PAGE_CHARS,
    Page,
    candidate_json,
    confidence,
    document_pages,
    match_json,
    terminal_answer,
    terminal_document,
    terminal_section,
)

__all__ = [
    "PAGE_CHARS",
    "Page",
    "candidate_json",
    "confidence",
    "document_pages",
    "match_json",
    "terminal_answer",
    "terminal_document",
    "terminal_section",
]
