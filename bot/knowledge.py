"""This module's old import path: it lives in ``bot.engine.knowledge`` now."""

from bot.engine.knowledge import (
    DOCUMENT_KEYS,
    MAX_ANSWER_CHARS,
    MAX_ID_LENGTH,
    MAX_TITLE_CHARS,
    SECTION_KEYS,
    SLUG,
    Document,
    KnowledgeBase,
    KnowledgeError,
    Section,
    default_knowledge_dir,
    load,
)

__all__ = [
    "DOCUMENT_KEYS",
    "MAX_ANSWER_CHARS",
    "MAX_ID_LENGTH",
    "MAX_TITLE_CHARS",
    "SECTION_KEYS",
    "SLUG",
    "Document",
    "KnowledgeBase",
    "KnowledgeError",
    "Section",
    "default_knowledge_dir",
    "load",
]
