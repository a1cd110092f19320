"""This module's old import path: it lives in ``bot.engine.evaluation`` now."""

from bot.engine.evaluation import (
    ABSTAIN,
    FloorSet,
    Labelled,
    Report,
    Tally,
    evaluate,
    format_report,
    read_floors,
    read_labelled,
)

__all__ = [
    "ABSTAIN",
    "FloorSet",
    "Labelled",
    "Report",
    "Tally",
    "evaluate",
    "format_report",
    "read_floors",
    "read_labelled",
]
