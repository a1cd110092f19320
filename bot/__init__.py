"""framework-bot: answers questions about programming frameworks from curated Q&A."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Read from the installed package's metadata on first use only: importing
    # importlib.metadata costs the terminal commands' start-up a few milliseconds.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("framework-bot")
        except PackageNotFoundError:  # run from a checkout that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'bot' has no attribute {name!r}")
