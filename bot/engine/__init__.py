"""The engine: knowledge, text, matching, rendering and evaluation. No discord, no database.

Build a matcher from knowledge paths with ``build_matcher``; ask it ``match(question)`` or
``explain(question)``.
"""
