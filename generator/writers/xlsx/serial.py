"""Saving a workbook: openpyxl's writer, each sheet written in memory and its rows written as text in one piece.

The bytes are openpyxl's own; only the way there is shorter (openpyxl writes a temporary file per sheet and an
element per cell).
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from openpyxl.cell._writer import _set_attributes
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText
from openpyxl.compat import safe_string
from openpyxl.descriptors import Strict
from openpyxl.descriptors.serialisable import Serialisable
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.writer.excel import ExcelWriter

_ROWS = "@accountplan:rows@"  # stands where the rows go while openpyxl writes the rest of the sheet
_UNUSUAL = (CellRichText, ArrayFormula, DataTableFormula)


class Prebuilt:
    """A cell already written as XML but for its style's number, which the workbook gives when the sheet is saved
    (so styles are numbered in the order openpyxl numbers them)."""

    __slots__ = ("head", "look", "tail")
    _comment = None
    _value = None
    has_style = True

    def __init__(self, head: str, look: StyleArray, tail: str) -> None:
        self.head, self.look, self.tail = head, look, tail

    def xml(self, styles: Any) -> str:
        """Return the cell's XML with its style numbered by the workbook's styles."""
        return f"{self.head}{styles.add(self.look)}{self.tail}"


def prebuilt(row: int, column: int, value: object, look: StyleArray, text: bool = False) -> Prebuilt | None:
    """Return a styled cell holding text (as text when text is set, whatever it starts with), a number, a date, a
    formula or nothing, as openpyxl would write it; None for any other value (openpyxl writes those)."""
    head = f'<c r="{get_column_letter(column)}{row}" s="'
    if value is None or value == "":
        return Prebuilt(head, look, '" t="inlineStr"></c>' if text and value == "" else '" t="n"></c>')
    if isinstance(value, str):
        value = value[:32767]  # as openpyxl's check_string; the model refuses longer values before this
        if ILLEGAL_CHARACTERS_RE.search(value):
            raise IllegalCharacterError(f"{value} cannot be used in worksheets.")
        if not text and len(value) > 1 and value.startswith("="):
            return Prebuilt(head, look, f'"><f>{_text(value[1:])}</f><v></v></c>')
        if not text and value in ERROR_CODES:
            return None
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return Prebuilt(head, look, f'" t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>')
    if type(value) in (int, float):
        return Prebuilt(head, look, f'" t="n"><v>{_text(safe_string(value))}</v></c>')
    if type(value) is date:  # a serial day number, as openpyxl writes dates (its default epoch, not ISO dates)
        return Prebuilt(head, look, f'" t="n"><v>{safe_string(to_excel(value))}</v></c>')
    return None


def set_height(ws: Any, row: int, points: float) -> None:
    """Set a row's height in points, written as openpyxl writes a row dimension's; kept beside the sheet (a row
    dimension object per row cost more than many rows' cells). openpyxl's own row dimensions win over it."""
    heights(ws)[row] = float(points)


def heights(ws: Any) -> dict[int, float]:
    """Return the row heights set_height gave a sheet."""
    found: dict[int, float] = ws.__dict__.setdefault("_accountplan_heights", {})
    return found


class InMemoryWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's workbook writer with each sheet written in memory, not through a temporary file."""

    def write_worksheet(self, ws: Any) -> None:
        """Write one sheet's XML to the parts."""
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = RowsAsText(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.sheet())
        self.manifest.append(ws)


_ESCAPED = re.compile("[&<>\r]")
TREES_KEPT = 256  # sheet settings' XML kept per process (views, headers, page setup): most recur sheet by sheet
_TREES: dict[object, Any] = {}


class _Unkeyable(Exception):
    """A value that cannot be part of a key (the settings holding it are written by openpyxl)."""


def _key(value: object) -> object:
    """Return a hashable key equal for settings whose XML is equal: their class and values, nested."""
    if isinstance(value, Serialisable | Strict):  # their descriptors keep every value in the object's own dict
        return type(value), tuple((name, _key(item)) for name, item in vars(value).items())
    if isinstance(value, list | tuple):
        return tuple(_key(item) for item in value)
    if value is None or type(value) in (str, int, float, bool):
        return type(value), value
    raise _Unkeyable


def settings_tree(settings: Any) -> Any:
    """Return a sheet setting's XML element as openpyxl makes it, made once for equal settings (openpyxl's
    descriptors make this cost more than the rows of a short sheet)."""
    try:
        key = _key(settings)
    except _Unkeyable:
        return settings.to_tree()
    tree = _TREES.get(key)
    if tree is None:
        tree = _TREES[key] = settings.to_tree()
        if len(_TREES) > TREES_KEPT:
            del _TREES[next(iter(_TREES))]  # the oldest: an account's own header gives way to the next one's
    return tree


class RowsAsText(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's sheet writer whose rows are written as text, exactly as openpyxl writes them element by element
    (a sheet with comments, rich text or array formulas is left to openpyxl), and whose settings' XML is made
    once for equal settings."""

    rows_xml: str | None = None

    def write_properties(self) -> None:
        """Write the sheet's properties."""
        self.xf.send(settings_tree(self.ws.sheet_properties))

    def write_views(self) -> None:
        """Write the sheet's views (grid lines, frozen panes)."""
        self.xf.send(settings_tree(self.ws.views))

    def write_header(self) -> None:
        """Write the sheet's print header and footer."""
        if self.ws.HeaderFooter:
            self.xf.send(settings_tree(self.ws.HeaderFooter))

    def write_page(self) -> None:
        """Write the sheet's page setup."""
        if self.ws.page_setup:
            self.xf.send(settings_tree(self.ws.page_setup))

    def write_margins(self) -> None:
        """Write the sheet's page margins."""
        if self.ws.page_margins:
            self.xf.send(settings_tree(self.ws.page_margins))

    def rows(self) -> list[tuple[int, list[Any]]]:
        """Return the sheet's rows in order with their cells: rows with a value, a style or a height."""
        rows: dict[int, list[Any]] = {}
        for (row, _), cell in sorted(self.ws._cells.items()):
            rows.setdefault(row, []).append(cell)
        for row in (self.ws.row_dimensions.keys() | heights(self.ws).keys()) - rows.keys():
            rows[row] = []
        return sorted(rows.items())

    def write_rows(self) -> None:
        """Write the sheet's rows, or hold their place and keep them as text."""
        rows = self.rows()
        if any(c._comment is not None or isinstance(c._value, _UNUSUAL) for _, row in rows for c in row):
            for index, points in heights(self.ws).items():  # openpyxl's writer reads heights from its own
                if index not in self.ws.row_dimensions:
                    self.ws.row_dimensions[index].height = points
            super().write_rows()
            return
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            xf.write(_ROWS)
        self.xf.send(None)
        self.rows_xml = "".join(self._row(index, row) for index, row in rows)

    def sheet(self) -> bytes:
        """Return the sheet's XML with its rows."""
        data = self.out.getvalue()
        if self.rows_xml is None:
            return bytes(data)
        rows = self.rows_xml.encode("ascii", "xmlcharrefreplace")  # openpyxl's sheets are ASCII, others as &#8211;
        return bytes(data.replace(_ROWS.encode(), rows, 1))

    def _row(self, index: int, row: list[Any]) -> str:
        """Return one row's XML: its attributes, then its cells that hold a value or a style."""
        attributes = {"r": f"{index}"}
        points = heights(self.ws).get(index)
        if index in self.ws.row_dimensions:
            attributes.update(self.ws.row_dimensions[index])
        elif points is not None:
            attributes.update(ht=safe_string(points), customHeight="1")
        styles = self.ws.parent._cell_styles
        cells = "".join(
            c.xml(styles) if type(c) is Prebuilt else _cell(c) for c in row if c._value is not None or c.has_style
        )
        return f"<row {_attributes(attributes)}>{cells}</row>"


def _cell(cell: Any) -> str:
    """Return one cell's XML as openpyxl's lxml writer makes it."""
    value, attributes = _set_attributes(cell, cell.has_style)
    start = f"<c {_attributes(attributes)}>"
    if value is None or value == "":
        return start + "</c>"
    inner = ""
    if cell.data_type == "f":
        inner, value = f"<f>{_text(value[1:])}</f>", None
    if cell.data_type == "s":
        space = ' xml:space="preserve"' if value != value.strip() else ""
        inner += f"<is><t{space}>{_text(value)}</t></is>"
    else:
        inner += "<v></v>" if value is None else f"<v>{_text(safe_string(value))}</v>"
    return f"{start}{inner}</c>"


def _attributes(attributes: dict[str, str]) -> str:
    """Return attributes as XML, escaped as lxml escapes them."""
    return " ".join(f'{name}="{_text(value).replace(chr(34), "&quot;")}"' for name, value in attributes.items())


def _text(text: str) -> str:
    """Return text escaped as lxml escapes text."""
    if not _ESCAPED.search(text):
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
