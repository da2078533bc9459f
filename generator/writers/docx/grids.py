"""Word table grids counted as docxtpl counts them: whether a rendered table's grid fits its rows."""

from __future__ import annotations

import re

from generator.writers.docx.elements import CELL_START, ROW_START, TABLE_START, elements, holds_table
from generator.writers.docx.rows import cell_widths

SPAN = "<w:gridSpan"  # a cell's span's start: markup only (text holds no <)
_SPAN = re.compile(SPAN + r' w:val="(\d+)"/>')
_GRID_COLUMN = re.compile(r'<w:gridCol w:w="(\d+)"/>')


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


def cells_on_grid(xml: str) -> bool:
    """Return whether every row of every table holds one cell for each grid column, each as wide as its column,
    in widths of digits (a template's source: the rows rendered from it are too, their values being text, and a
    widened table's cells are set with its grid); False for cells written with attributes, spans or nesting."""
    if any(mark in xml for mark in ("<w:tc ", SPAN, "<w:tbl ")):
        return False
    for table in elements(xml, TABLE_START, "</w:tbl>"):
        if holds_table(table):
            return False
        grid = grid_widths(table)
        for row in elements(table, ROW_START, "</w:tr>"):
            cells = [cell_widths(cell, 0, len(cell), 1) for cell in elements(row, CELL_START, "</w:tc>")]
            if [int(found[0][2]) if found else None for found in cells] != grid:
                return False
    return True


def grid_widths(table: str) -> list[int]:
    """Return a table's grid: its column widths (twips)."""
    return [int(w) for w in _GRID_COLUMN.findall(table, table.find("<w:tblGrid>"), table.find("</w:tblGrid>") + 1)]
