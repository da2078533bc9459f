"""Checks on a built document: a workbook cell made of several values must still fit, or the build is refused."""

from __future__ import annotations

from generator.document.blocks import Document, Format, Table
from generator.ooxml import MAX_CELL


def oversized_cells(document: Document) -> list[str]:
    """Return one message per workbook cell longer than a cell holds, naming the sheet, row and column."""
    if Format.XLSX not in [p.format for p in document.parts]:
        return []
    found = []
    for section in document.part(Format.XLSX).sections:
        for table in (b for b in section.blocks if isinstance(b, Table)):
            found += _table(document.meta.family, section.title, table)
    return found


def _table(family: str, sheet: str, table: Table) -> list[str]:
    """Return the messages of one table's cells."""
    found = []
    for number, row in enumerate(table.rows, 4):
        first = row.cell(table.columns[0].key).text[:40]
        for column in table.columns:
            raw = row.cell(column.key).raw
            if isinstance(raw, str) and len(raw) > MAX_CELL:
                found.append(
                    f"{family}.xlsx: sheet {sheet!r}, row {number} ({first!r}), column {column.label!r}: "
                    f"{len(raw):,} characters once its values are joined; an Excel cell holds at most "
                    f"{MAX_CELL:,} — shorten them, or build without --format xlsx"
                )
    return found
