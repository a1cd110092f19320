"""framework-bot: answers questions about programming frameworks from curated Q&A."""
