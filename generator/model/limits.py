"""Limits every output format can hold: a value longer than a workbook cell is refused, never cut."""

from __future__ import annotations

from generator.errors import WriterError
from generator.model.plan import AccountPlan
from generator.model.text import field_path, iter_strings
from generator.ooxml import MAX_CELL


def check_cell_limits(plan: AccountPlan) -> None:
    """Refuse a plan with a value longer than an Excel cell holds (a workbook would cut it silently)."""
    for loc, text in iter_strings(plan.model_dump(mode="json")):
        if len(text) > MAX_CELL:
            raise WriterError(
                f"{field_path(loc)}: {len(text):,} characters; an Excel cell holds at most "
                f"{MAX_CELL:,} — shorten it, or build without --format xlsx"
            )
