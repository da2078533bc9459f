"""Word table grids counted as docxtpl counts them: whether a rendered table's grid fits its rows."""

from __future__ import annotations

import re

SPAN = "<w:gridSpan"  # a cell's span's start: markup only (text holds no <)
_SPAN = re.compile(SPAN + r' w:val="(\d+)"/>')


def grid_fits(table: str) -> bool:
    """Return whether a table's grid has as many columns as its widest row spans and no row has more cells
    (docxtpl's fix_tables would change nothing), counted as docxtpl counts them; the table is not nested."""
    columns = grid_columns(table)
    spanned = SPAN in table
    widest = 0
    for row in table.split("</w:tr>")[:-1]:  # each row from the last one's end (no table is nested)
        cells = row.count("<w:tc>") + row.count("<w:tc ")
        if cells > columns:
            return False
        if spanned:
            spans = [int(v) for v in _SPAN.findall(row)]
            if len(spans) != row.count(SPAN):
                return False  # a span written otherwise: the parse counts it
            cells += sum(spans) - len(spans)
        widest = max(widest, cells)
    return widest == columns


def grid_columns(table: str) -> int:
    """Return how many columns a table's grid has, counted as docxtpl counts them: in its grid (not nested), read
    to the grid's end only."""
    end = table.find("</w:tblGrid>")
    end = len(table) if end < 0 else end
    return table.count("<w:gridCol ", 0, end) + table.count("<w:gridCol/>", 0, end)
