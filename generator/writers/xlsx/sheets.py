"""Worksheets by block kind: tables (drop-downs, formulas, highlights, charts), fields, heat maps, timelines.

Formulas in the document are templates: {key} is the same row's cell of that column, {Table.key} a table
column's whole data range, {@key} another field's value cell, a bare name a defined name. They are resolved
here, so a user who edits a cell sees the totals follow.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo

from generator.document import theme
from generator.document.blocks import Bullets, Cell, Column, Fields, HeatMap, Kind, Meta, Part, Row, Table, Timeline
from generator.ooxml import escape, set_text
from generator.writers.textfit import BOLD, text_width, widest, wrap
from generator.writers.xlsx import printing, rules
from generator.writers.xlsx.serial import heights, prebuilt, set_height

CHAR_POINTS, FONT_POINTS, LINE_POINTS = 5.6, 11, 15
LONGEST_WORD = 30  # characters: a column widens to its longest word up to this
LOGO_HEIGHT = 53  # pixels: 40 points
SERIF = 1.12  # labels are set in the heading font (Caladea), wider than Carlito
TIMELINE_WIDTHS = (44.0, 18.0, 12.0, 12.0, 13.0)  # action, owner, start, due, status
WRAPPED_TOP = Alignment(wrap_text=True, vertical="top")
HEADER_ROW, FIRST_ROW, BLANK_ROWS, VALIDATION_ROWS = 3, 4, 3, 500
MAX_INDENT = 15  # deeper levels keep the indent of level 16 (a workbook cell allows little more)
THIN = Side(style="thin", color=theme.TABLE_RULE)
_SAME_ROW = re.compile(r"\{([a-z_]+)\}")
_COLUMN = re.compile(r"\{([A-Z][A-Za-z]*)\.([a-z_]+)\}")
_FIELD = re.compile(r"\{@([a-z_]+)\}")
_UPTO = re.compile(r"\{\^([a-z_]+)\}")  # the column from the first data row down to this row
_SPECIAL = re.compile(r"[\[\]#']")  # escaped with ' in a structured reference


@dataclass
class Layout:
    """Where each table column's data lies, so formulas can refer to it."""

    columns: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (table, key) -> (sheet, letter)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # (table, key) -> header label
    rows: dict[str, int] = field(default_factory=dict)

    def plan(self, part: Part) -> None:
        """Record where every table column lies before anything is written."""
        for section in part.sections:
            for table in section.of(Table):
                assert isinstance(table, Table)
                self.rows[table.name] = len(table.rows) or BLANK_ROWS
                for index, column in enumerate(table.columns, 1):
                    self.columns[(table.name, column.key)] = (quote_sheetname(section.title), get_column_letter(index))
                    self.labels[(table.name, column.key)] = column.label

    def structured(self, table: str, key: str) -> str:
        """Return a structured reference to a table column, e.g. Pipeline[Value]: rows a user adds to the
        table are counted."""
        label = _SPECIAL.sub(lambda m: "'" + m[0], self.labels[(table, key)])
        return f"{table}[{label}]"

    def range(self, table: str, key: str) -> str:
        """Return the absolute data range of one table column, e.g. 'Pipeline'!$D$4:$D$11."""
        sheet, letter = self.columns[(table, key)]
        last = FIRST_ROW + self.rows[table] - 1
        return f"{sheet}!${letter}${FIRST_ROW}:${letter}${last}"

    def cell(self, table: str, key: str, offset: int) -> str:
        """Return the cell of one table column on its offset-th data row, e.g. 'Actions'!B4."""
        sheet, letter = self.columns[(table, key)]
        return f"{sheet}!{letter}{FIRST_ROW + offset}"


def height(cells: list[tuple[str, float]], bold: bool = False) -> float:
    """Return a row height (points) that shows every cell's wrapped text (LibreOffice keeps default heights)."""
    lines = 1
    for text, width in cells:
        if text:
            lines = max(lines, len(wrap(text, width * CHAR_POINTS, FONT_POINTS * (1.05 if bold else 1.0))))
    return round(lines * LINE_POINTS + 3, 1)


def resolve(template: str, layout: Layout, letters: dict[str, str], row: int) -> str:
    """Return a formula with its column references made into cell ranges and same-row cells."""
    text = _COLUMN.sub(lambda m: layout.structured(m[1], m[2]), template)
    text = _UPTO.sub(lambda m: f"${letters[m[1]]}${FIRST_ROW}:{letters[m[1]]}{row}", text)
    return _SAME_ROW.sub(lambda m: f"{letters[m[1]]}{row}", text)


class Sheets:
    """Writes the sheets of one workbook part."""

    def __init__(self, part: Part, meta: Meta) -> None:
        self.part = part
        self.meta = meta
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.layout = Layout()
        self.layout.plan(part)
        here = part.formats.locale  # separators of the document's language wherever the reader opens it
        self.formats = {
            Kind.MONEY: part.formats.money,
            Kind.PERCENT: f"{here}0%",
            Kind.CHANGE: f"{here}+0.0%;{here}-0.0%;{here}0.0%",
            Kind.DATE: part.formats.date,
            Kind.INT: f"{here}#,##0",
            Kind.NUMBER: f"{here}#,##0.##",
        }
        self.choices = {c.name: c.labels for c in part.choices}
        self.looks: dict[tuple[object, ...], Any] = {}

    def build(self) -> Workbook:
        """Return the workbook with every sheet written."""
        for section in self.part.sections:
            block = section.blocks[0]
            ws = self._sheet(section.title, _title(block))
            if isinstance(block, Table):
                self._table(ws, block)
            elif isinstance(block, Fields):
                self._fields(ws, section.title, block)
            elif isinstance(block, HeatMap):
                self._heat_map(ws, block)
            elif isinstance(block, Timeline):
                self._timeline(ws, block)
            elif isinstance(block, Bullets):
                self._lines(ws, block)
            printing.fit(ws, *_print_columns(block))
        if self.meta.look.logo and self.wb.worksheets:
            _logo(self.wb.worksheets[0], self.meta.look.logo)
        self._lists()
        return self.wb

    def number_format(self, kind: Kind) -> str:
        """Return the number format of a kind of value."""
        return self.formats.get(kind, "General")

    def _sheet(self, name: str, title: str) -> Any:
        """Return a new sheet with its title in A1."""
        ws = self.wb.create_sheet(name)
        self._put(ws, (1, 1), title, (("title",), _title_look), text=True)
        ws.sheet_view.showGridLines = False
        printing.page(ws, self.meta)
        return ws

    def _lines(self, ws: Any, block: Bullets) -> None:
        """Write a sheet of running lines (the blank workbook's instructions)."""
        ws.column_dimensions["A"].width = 110
        for index, line in enumerate(block.items, 3):
            set_text(ws.cell(index, 1), line)
            ws.cell(index, 1).alignment = Alignment(wrap_text=True, vertical="top")
            set_height(ws, index, height([(line, 110)]))

    def _table(self, ws: Any, table: Table) -> None:
        """Write a list as an Excel table with header, formats, drop-downs, highlights and chart."""
        letters = {c.key: get_column_letter(i) for i, c in enumerate(table.columns, 1)}
        for index, column in enumerate(table.columns, 1):
            cell = ws.cell(HEADER_ROW, index)
            set_text(cell, column.label)
            fill = theme.SUBTLE if column.internal else theme.NAVY
            self._look(cell, ("header", fill), partial(_header_look, fill))
            ws.column_dimensions[letters[column.key]].width = _width(table, column)
            if column.internal:  # settings the formulas read (muted grey, never printed); a chart's helpers hidden
                ws.column_dimensions[letters[column.key]].hidden = table.chart is not None
        set_height(ws, HEADER_ROW, height([(c.label, c.chars) for c in table.columns], bold=True))
        count = self.layout.rows[table.name]
        for offset in range(count):
            data = table.rows[offset] if offset < len(table.rows) else Row(())
            self._row(ws, table, data, FIRST_ROW + offset, letters)
            cells = [(_shown(data.cell(c.key).raw), c.chars) for c in table.columns if not c.computed]
            set_height(ws, FIRST_ROW + offset, height(cells))
        last_row = FIRST_ROW + count - 1
        excel_table = ExcelTable(
            displayName=table.name, ref=f"A{HEADER_ROW}:{get_column_letter(len(letters))}{last_row}"
        )
        excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(excel_table)
        ws.freeze_panes = f"A{FIRST_ROW}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        rules.validations(ws, table, letters, self.choices, range(FIRST_ROW, VALIDATION_ROWS + 1))
        rules.highlights(ws, table, letters, FIRST_ROW, max(last_row, VALIDATION_ROWS))
        if table.chart is not None:
            rules.chart(
                ws, table, letters, (HEADER_ROW, last_row), (self.part.formats.money, self.part.formats.short_money)
            )

    def _row(self, ws: Any, table: Table, data: Row, number: int, letters: dict[str, str]) -> None:
        """Write one data row; text wraps in its column (never runs across the sheet), numbers do not."""
        for index, column in enumerate(table.columns, 1):
            wraps = column.kind in (Kind.TEXT, Kind.BULLETS, Kind.LINES)
            value = data.cell(column.key)
            level = data.cell(column.indent_key).raw if column.indent_key else 1
            indent = max(min(level - 1, MAX_INDENT), 0) if isinstance(level, int) else 0
            if column.computed:
                template = value.formula or column.formula
                shown = resolve(template, self.layout, letters, number) if template else None
                look = _data_look(wraps, indent, self.number_format(column.kind), computed=True)
                self._put(ws, (number, index), shown, look)
                continue
            raw = value.raw
            if isinstance(raw, str) and raw:
                self._put(ws, (number, index), raw, _data_look(wraps, indent, None), text=True)
            else:
                self._put(ws, (number, index), raw, _data_look(wraps, indent, self.number_format(column.kind)))

    def _put(
        self,
        ws: Any,
        where: tuple[int, int],
        value: object,
        look: tuple[tuple[object, ...], Callable[[], dict[str, Any]]],
        text: bool = False,
    ) -> None:
        """Write a value into a cell with the look a key names (text as text, whatever it starts with): once the
        look is known, as XML text; the first time, and for values other than text and numbers, by openpyxl."""
        key, make = look
        known = self.looks.get(key)
        shown = escape(value) if text and isinstance(value, str) else value
        cell = prebuilt(*where, shown, known, text) if known is not None else None
        if cell is not None:
            ws._cells[where] = cell
            return
        sheet_cell = ws.cell(*where)
        if text:
            set_text(sheet_cell, str(value))
        elif value is not None and value != "":
            sheet_cell.value = value
        self._look(sheet_cell, key, make)

    def _look(self, cell: Any, key: tuple[object, ...], make: Callable[[], dict[str, Any]]) -> None:
        """Give a cell the look a key names: the first time set with openpyxl's setters (attribute by
        attribute, as make returns them), afterwards copied (each setter compares the new style with every
        one the workbook holds, which costs more than the values)."""
        known = self.looks.get(key)
        if known is None:
            for name, value in make().items():
                setattr(cell, name, value)
            self.looks[key] = copy(cell._style)
        else:
            cell._style = copy(known)

    def _value(self, cell: Any, value: Cell, kind: Kind) -> None:
        """Write one raw value with the number format of its kind."""
        raw = value.raw
        if raw is None or raw == "":
            cell.number_format = self.number_format(kind)
            return
        if isinstance(raw, str):
            set_text(cell, raw)
            return
        cell.value = raw
        cell.number_format = self.number_format(kind)

    def _fields(self, ws: Any, sheet: str, block: Fields) -> None:
        """Write a label / value sheet; formula values are resolved, text stays text."""
        widest = max((text_width(f.label, FONT_POINTS * BOLD * SERIF) for f in block.fields), default=0.0)
        label = min(45, max(30, math.ceil(widest / CHAR_POINTS) + 2))  # Текущая годовая выручка on one line
        ws.column_dimensions["A"].width = label
        ws.column_dimensions["B"].width = 70
        rows = {f.key: HEADER_ROW + i for i, f in enumerate(block.fields)}
        for index, item in enumerate(block.fields):
            row = HEADER_ROW + index
            set_text(ws.cell(row, 1), item.label)
            self._look(ws.cell(row, 1), ("label",), _label_look)
            cell = ws.cell(row, 2)
            self._look(cell, ("value",), _value_look)
            if item.formula:
                formula = _FIELD.sub(lambda m: f"B{rows[m[1]]}", item.formula)
                cell.value = resolve(formula, self.layout, {}, row)
                cell.number_format = self.number_format(item.kind)
            else:
                self._value(cell, item.value, item.kind)
            cells = [(item.label, label / SERIF), (_shown(item.value.raw), 70)]  # the label's serif runs wider
            set_height(ws, row, height(cells, bold=True))
            if item.name:
                reference = f"{quote_sheetname(sheet)}!$B${row}"
                self.wb.defined_names[item.name] = DefinedName(item.name, attr_text=reference)

    def _heat_map(self, ws: Any, block: HeatMap) -> None:
        """Write the grid of counts, each cell tinted by the rule the document gives."""
        set_text(ws.cell(HEADER_ROW, 1), block.caption)
        ws.column_dimensions["A"].width = 26
        size = len(block.fills)
        for p in range(1, size + 1):
            ws.cell(HEADER_ROW, 1 + p, p).font = Font(bold=True)
            ws.column_dimensions[get_column_letter(1 + p)].width = 10
        rows = self.layout.structured(block.table, block.row_key)
        columns = self.layout.structured(block.table, block.column_key)
        for offset, tints in enumerate(block.fills):
            value, row = size - offset, FIRST_ROW + offset
            ws.cell(row, 1, value).font = Font(bold=True)
            for p, tint in enumerate(tints, 1):
                cell = ws.cell(row, 1 + p, f"=COUNTIFS({rows},{value},{columns},{p})")
                cell.fill = PatternFill("solid", fgColor=tint)
                cell.alignment = Alignment(horizontal="center", vertical="center")
                cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
            set_height(ws, row, 28)

    def _rows_of(self, name: str) -> tuple[Row, ...]:
        """Return the rows of the part's table of that name (none when it is not in the part)."""
        tables = (b for s in self.part.sections for b in s.blocks if isinstance(b, Table) and b.name == name)
        return next((t.rows for t in tables), ())

    def _timeline(self, ws: Any, block: Timeline) -> None:
        """Write the Gantt-like timeline: each row's bar by month follows its start and due dates."""
        for index, column in enumerate(block.columns, 1):
            self._put(ws, (HEADER_ROW, index), column.label, (("timeline head", None), _timeline_head), text=True)
        first_month = len(block.columns) + 1
        month = self.part.formats.month
        for index, first in enumerate(block.months, first_month):
            self._put(ws, (HEADER_ROW, index), first, (("timeline head", month), partial(_timeline_head, month)))
            ws.column_dimensions[get_column_letter(index)].width = 7
        for key, width in zip("ABCDE", TIMELINE_WIDTHS, strict=True):
            ws.column_dimensions[key].width = width
        count = self.layout.rows[block.table]
        shown = self._rows_of(block.table)
        for offset in range(count):
            for index, column in enumerate(block.columns, 1):
                source = self.layout.cell(block.table, column.key, offset)
                dated = column.key in ("start", "due")
                look = ("timeline", dated), partial(self._timeline_look, dated)
                self._put(ws, (FIRST_ROW + offset, index), f'=IF({source}="","",{source})', look)
            if offset < len(shown):  # as tall as the copied text (a long action wraps, never runs into the owner)
                row = shown[offset]
                cells = [(row.cell(c.key).text, w) for c, w in zip(block.columns, TIMELINE_WIDTHS, strict=False)]
                set_height(ws, FIRST_ROW + offset, height(cells))
        ws.freeze_panes = f"F{FIRST_ROW}"
        rules.bars(
            ws,
            block,
            (FIRST_ROW, FIRST_ROW + count - 1, HEADER_ROW),
            get_column_letter(len(block.columns) + len(block.months)),
        )
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

    def _timeline_look(self, dated: bool) -> dict[str, Any]:
        """Return the look of a timeline cell: wrapped at the top, dates as dates."""
        return {"alignment": WRAPPED_TOP, **({"number_format": self.formats[Kind.DATE]} if dated else {})}

    def _lists(self) -> None:
        """Write the hidden sheet the drop-down lists come from."""
        ws = self.wb.create_sheet("Lists")
        ws.sheet_state = "hidden"
        for index, choice in enumerate(self.part.choices, 1):
            set_text(ws.cell(1, index), choice.name)
            for offset, value in enumerate(choice.labels, 2):
                set_text(ws.cell(offset, index), value)


def _data_look(
    wrap: bool, indent: int, number_format: str | None, computed: bool = False
) -> tuple[tuple[object, ...], Callable[[], dict[str, Any]]]:
    """Return the key and the making of a data cell's look: its rule, alignment, number format and (a formula)
    its grey."""

    def make() -> dict[str, Any]:
        look: dict[str, Any] = {"border": Border(bottom=THIN)}
        look["alignment"] = Alignment(wrap_text=wrap, vertical="top", indent=indent)
        if computed:
            look["fill"] = PatternFill("solid", fgColor=theme.FORMULA_FILL)
        if number_format is not None:
            look["number_format"] = number_format
        return look

    return ("data", wrap, indent, number_format, computed), make


def _title_look() -> dict[str, Any]:
    """Return the look of a sheet's title: large, bold, navy."""
    return {"font": Font(bold=True, size=14, color=theme.NAVY)}


def _timeline_head(number_format: str | None = None) -> dict[str, Any]:
    """Return the look of a timeline's header cell: bold white on navy, a month in the month format."""
    shown = {"number_format": number_format} if number_format else {}
    return {**shown, "font": Font(bold=True, color=theme.WHITE), "fill": PatternFill("solid", fgColor=theme.NAVY)}


def _header_look(fill: str) -> dict[str, Any]:
    """Return the look of a table's header cell: bold white on a fill, wrapped, centred vertically."""
    return {
        "font": Font(bold=True, color=theme.WHITE),
        "fill": PatternFill("solid", fgColor=fill),
        "alignment": Alignment(wrap_text=True, vertical="center"),
    }


def _label_look() -> dict[str, Any]:
    """Return the look of a field's label: bold, navy."""
    return {"font": Font(bold=True, color=theme.NAVY), "alignment": Alignment(wrap_text=True, vertical="top")}


def _value_look() -> dict[str, Any]:
    """Return the look of a field's value: wrapped, at the top left."""
    return {"alignment": Alignment(wrap_text=True, vertical="top", horizontal="left")}


def _print_columns(block: object) -> tuple[int, int]:
    """Return after which column a table's chart starts its page, and how many columns print (settings
    columns at the end do not); zeros where neither applies."""
    if not isinstance(block, Table):
        return 0, 0
    keep = len(block.columns)
    while keep and block.columns[keep - 1].internal and block.chart is None:
        keep -= 1
    return (len(block.columns) if block.chart else 0), (keep if keep < len(block.columns) else 0)


def _width(table: Table, column: Column) -> float:
    """Return a column's sheet width: its own, or wider where a number shown in it would not fit (a number
    never spills into its neighbour) or where the longest word of its header would break (Вероятность)."""
    header = widest(column.label.split(), FONT_POINTS * BOLD)
    own = max(column.chars, math.ceil(header / CHAR_POINTS) + 2)
    if column.kind in (Kind.TEXT, Kind.BULLETS, Kind.LINES, Kind.IMAGE):  # and no word of the data broken
        words = (word for row in table.rows for word in row.cell(column.key).text.split())
        longest = widest(words, FONT_POINTS)
        return max(own, min(LONGEST_WORD, math.ceil(longest / CHAR_POINTS) + 2))
    longest = max((len(r.cell(column.key).text) for r in table.rows), default=0)
    return max(own, longest + 3)


def _title(block: object) -> str:
    """Return the title a sheet shows in A1."""
    return str(getattr(block, "title", ""))


def _shown(raw: object) -> str:
    """Return a raw value as the text a row's height is measured on."""
    return str(raw or "")


def _logo(ws: Any, png: bytes) -> None:
    """Put the seller's logo at the top right of a sheet, inside what prints: row 1 (the title's) grows to hold it,
    and it starts in the column from which the columns to the right are wide enough for it."""
    from openpyxl.drawing.image import Image as SheetImage

    picture = SheetImage(io.BytesIO(png))
    picture.width, picture.height = round(picture.width * LOGO_HEIGHT / picture.height), LOGO_HEIGHT
    column, room = ws.max_column, 0.0
    while column > 2:
        room += (ws.column_dimensions[get_column_letter(column)].width or 8.43) * 7  # ~7 pixels a character
        if room >= picture.width:
            break
        column -= 1
    set_height(ws, 1, max(heights(ws).get(1, 0.0), LOGO_HEIGHT * 0.75 + 6))
    ws.add_image(picture, f"{get_column_letter(column)}1")
