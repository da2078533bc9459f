"""Sheets whose rows are written as text are byte for byte what openpyxl writes."""

from __future__ import annotations

import io
from copy import copy
from datetime import date

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet._writer import WorksheetWriter

from generator.writers.xlsx.serial import RowsAsText, prebuilt, settings_tree


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


AWKWARD = [" Müller & <Söhne> ", "=SUM(A1:A2)", "Tab\tand\nline", "😀 Привет", "", None, 12.5, -3, 10**15]
AWKWARD += [date(2027, 1, 15), date(1900, 2, 1)]


def _styled_sheet(prebuilt_cells: bool, text: bool) -> bytes:
    """Return a sheet of awkward values in one look, as openpyxl's writer writes its cells, or as prebuilt cells
    written by RowsAsText."""
    wb = Workbook()
    ws = wb.active
    ws.HeaderFooter.oddHeader.left.text = "&10 Account & Co · &A"
    ws.freeze_panes = "A4"
    ws.sheet_view.showGridLines = False
    ws["A1"].font = Font(bold=True, color="1F3864")  # the look, as the workbook registers it
    look = ws["A1"]._style
    for column, value in enumerate(AWKWARD, 1):
        fast = prebuilt(2, column, value, look, text) if prebuilt_cells else None
        if fast is not None:
            ws._cells[(2, column)] = fast
            continue
        cell = ws.cell(2, column)
        if text and isinstance(value, str):
            cell.value, cell.data_type = value, "s"
        elif value is not None and value != "":
            cell.value = value
        cell._style = copy(look)
    out = (RowsAsText if prebuilt_cells else WorksheetWriter)(ws, out=io.BytesIO())
    out.write()
    return out.sheet() if isinstance(out, RowsAsText) else out.out.getvalue()


@pytest.mark.parametrize("text", [False, True])
def test_prebuilt_cells_are_what_openpyxl_writes(text: bool) -> None:
    assert _styled_sheet(True, text) == _styled_sheet(False, text)
    assert _styled_sheet(True, text) == _styled_sheet(True, text)  # the settings' XML again, from the cache


def test_values_openpyxl_must_write_are_not_prebuilt() -> None:
    look = Workbook().active["A1"]._style
    assert prebuilt(1, 1, True, look) is None and prebuilt(1, 1, "#N/A", look) is None
    assert prebuilt(1, 1, "#N/A", look, text=True) is not None


def test_equal_settings_share_their_xml_and_different_ones_do_not() -> None:
    first, second, third = (Workbook().active for _ in range(3))
    first.HeaderFooter.oddFooter.left.text = second.HeaderFooter.oddFooter.left.text = "Page &P"
    third.HeaderFooter.oddFooter.left.text = "Seite &P"
    assert settings_tree(first.HeaderFooter) is settings_tree(second.HeaderFooter)
    assert settings_tree(third.HeaderFooter) is not settings_tree(first.HeaderFooter)


def _heights_sheet(ours: bool, comment: bool) -> bytes:
    """Return a sheet with row heights (on rows with cells, on an empty row, and one openpyxl's own dimension
    overrides) set by set_height or by openpyxl's row dimensions; with a comment, openpyxl writes the rows."""
    from openpyxl.comments import Comment

    from generator.writers.xlsx.serial import set_height

    wb = Workbook()
    ws = wb.active
    ws["A2"], ws["B3"] = "text", 4
    if comment:
        ws["A2"].comment = Comment("note", "me")
    for row, points in ((2, 33.3), (3, 28), (7, 15.0)):
        if ours:
            set_height(ws, row, points)
        else:
            ws.row_dimensions[row].height = points
    ws.row_dimensions[3].height = 40  # openpyxl's own wins
    out = RowsAsText(ws, out=io.BytesIO()) if ours else WorksheetWriter(ws, out=io.BytesIO())
    out.write()
    return out.sheet() if isinstance(out, RowsAsText) else out.out.getvalue()


@pytest.mark.parametrize("comment", [False, True])
def test_row_heights_kept_beside_the_sheet_are_written_as_openpyxl_writes_them(comment: bool) -> None:
    ours = _heights_sheet(True, comment)
    assert ours == _heights_sheet(False, comment)
    assert b'<row r="7" ht="15" customHeight="1"/>' in ours or b'<row r="7" ht="15" customHeight="1"></row>' in ours
