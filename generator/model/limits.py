"""Limits every output format can hold: a value longer than a workbook cell is refused, never cut."""

from __future__ import annotations

from generator.errors import OutputLimitError
from generator.model.plan import AccountPlan
from generator.model.text import field_path, iter_strings
from generator.ooxml import MAX_CELL


def oversized_values(plan: AccountPlan) -> list[str]:
    """Return one message per value longer than a workbook cell holds (a workbook would cut it silently)."""
    return [
        f"{field_path(loc)}: {len(text):,} characters; an Excel cell holds at most {MAX_CELL:,} — shorten it, "
        "or build without --format xlsx"
        for loc, text in iter_strings(plan.model_dump(mode="json"))
        if len(text) > MAX_CELL
    ]


def check_cell_limits(plan: AccountPlan) -> None:
    """Refuse a plan with any value longer than a workbook cell holds, naming every such field."""
    found = oversized_values(plan)
    if found:
        raise OutputLimitError(found)
