"""Sheets whose rows are written as text are byte for byte what openpyxl writes."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet._writer import WorksheetWriter

from generator.writers.xlsx.serial import RowsAsText


def _sheet(writer: type[WorksheetWriter]) -> bytes:
    """Return a sheet full of awkward values as writer writes it."""
    wb = Workbook()
    ws = wb.active
    values = [" Müller & <Söhne> ", "Tab\tand\nline", "😀 Привет", 12.5, -3, 10**15, True, date(2027, 1, 15)]
    for column, value in enumerate(values, 1):
        ws.cell(2, column, value)
    ws["A3"] = '=IF(B2<>"",B2&" ok",">")'
    ws["B4"].font = Font(bold=True)  # styled, empty
    ws.row_dimensions[5].height = 30  # a row with a height and no cells
    out = writer(ws, out=io.BytesIO())
    out.write()
    return out.sheet() if isinstance(out, RowsAsText) else out.out.getvalue()


def test_rows_written_as_text_are_openpyxl_s_own() -> None:
    assert _sheet(RowsAsText) == _sheet(WorksheetWriter)
