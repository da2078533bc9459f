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
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from generator.document import theme
from generator.document.blocks import Bullets, Cell, Column, Fields, Kind, Meta, Part, Row, Table, Timeline
from generator.document.charts import HeatMap
from generator.ooxml import escape
from generator.writers.textfit import BOLD, header_width, line_count, longest_words, text_width
from generator.writers.xlsx import printing, rules
from generator.writers.xlsx.book import Picture, Sheet
from generator.writers.xlsx.parts import Book
from generator.writers.xlsx.styles import DEFAULT, Align, Border, Fill, Font, Look, padded
from generator.writers.xlsx.xml import letter, quoted

CHAR_POINTS, FONT_POINTS, LINE_POINTS = 5.6, 11, 15
LONGEST_WORD = 30  # characters: a column widens to its longest word up to this
LOGO_HEIGHT = 53  # pixels: 40 points
SERIF = 1.12  # labels are set in the heading font (Caladea), wider than Carlito
# LibreOffice sets the letters Caladea lacks (Cyrillic, Greek) in DejaVu Serif: 1.39 times Carlito's width where
# Caladea's Latin is 1.11 times (which a header's two characters of room absorb), so such a header measures 1.25 times
FALLBACK_SERIF = 1.25
TIMELINE_WIDTHS = (44.0, 18.0, 12.0, 12.0, 13.0)  # action, owner, start, due, status
WRAPPED_TOP = Align(vertical="top", wrap=True)
HEADER_ROW, FIRST_ROW, BLANK_ROWS, VALIDATION_ROWS = 3, 4, 3, 500
OPENPYXL_DATE = "yyyy-mm-dd"  # openpyxl gave a cell this format when given a date value before its own format
MAX_INDENT = 15  # deeper levels keep the indent of level 16 (a workbook cell allows little more)
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
                    self.columns[(table.name, column.key)] = (quoted(section.title), letter(index))
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
            lines = max(lines, line_count(text, width * CHAR_POINTS, FONT_POINTS * (1.05 if bold else 1.0)))
    return round(lines * LINE_POINTS + 3, 1)


def resolve(template: str, layout: Layout, letters: dict[str, str], row: int | str) -> str:
    """Return a formula with its column references made into cell ranges and same-row cells."""
    text = _COLUMN.sub(lambda m: layout.structured(m[1], m[2]), template)
    text = _UPTO.sub(lambda m: f"${letters[m[1]]}${FIRST_ROW}:{letters[m[1]]}{row}", text)
    return _SAME_ROW.sub(lambda m: f"{letters[m[1]]}{row}", text)


ROW_MARK = "\x00"  # stands for the row number in a column formula resolved once (no formula holds it)


@dataclass(frozen=True)
class _Column:
    """How one table column writes its data cells, worked out once per table (a table may have 3,000 rows)."""

    column: Column
    index: int
    number_format: str
    resolved: str  # the column's formula resolved with ROW_MARK for the row ("" when it holds the mark itself)
    wraps: bool = field(init=False)  # the column's text wraps in its cells
    computed: bool = field(init=False)  # a workbook fills the column with formulas
    plain: tuple[Look, Look, Look] = field(init=False)  # looks_at(0), found once (most rows have no indent)

    def __post_init__(self) -> None:
        """Work out once what every cell of the column asks."""
        object.__setattr__(self, "wraps", self.column.kind in (Kind.TEXT, Kind.BULLETS, Kind.LINES))
        object.__setattr__(self, "computed", self.column.computed)
        object.__setattr__(self, "plain", _looks(self.wraps, 0, self.number_format))

    def looks_at(self, indent: int) -> tuple[Look, Look, Look]:
        """Return the looks of the column's cells at an indent: text, a value in its format, a formula."""
        return self.plain if indent == 0 else _looks(self.wraps, indent, self.number_format)

    def formula_at(self, template: str, layout: Layout, letters: dict[str, str], row: int) -> str:
        """Return a cell's formula resolved for its row: the column's own worked out once, a cell's own each time."""
        if template == self.column.formula and self.resolved:
            return self.resolved.replace(ROW_MARK, str(row))
        return resolve(template, layout, letters, row)


def _columns(table: Table, layout: Layout, letters: dict[str, str], formats: Callable[[Kind], str]) -> list[_Column]:
    """Return how each of a table's columns writes its data cells."""
    return [
        _Column(
            column,
            index,
            formats(column.kind),
            resolve(column.formula, layout, letters, ROW_MARK) if ROW_MARK not in column.formula else "",
        )
        for index, column in enumerate(table.columns, 1)
    ]


class Sheets:
    """Writes the sheets of one workbook part."""

    def __init__(self, part: Part, meta: Meta) -> None:
        self.part = part
        self.meta = meta
        self.book = Book(title=meta.title[:255], author=meta.author[:255])
        self.layout = Layout()
        self.layout.plan(part)
        here = part.formats.locale  # separators of the document's language wherever the reader opens it
        formats = {
            Kind.MONEY: part.formats.money,
            Kind.PERCENT: f"{here}0%",
            Kind.CHANGE: f"{here}+0.0%;{here}-0.0%;{here}0.0%",
            Kind.DATE: part.formats.date,
            Kind.INT: f"{here}#,##0",
            Kind.NUMBER: f"{here}#,##0.##",
        }
        self.formats = {kind: padded(number_format) for kind, number_format in formats.items()}
        self.choices = {c.name: c.labels for c in part.choices}

    def build(self) -> Book:
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
        if self.meta.look.logo and self.book.sheets:
            _logo(self.book.sheets[0], self.meta.look.logo)
        self._lists()
        return self.book

    def number_format(self, kind: Kind) -> str:
        """Return the number format of a kind of value."""
        return self.formats.get(kind, "General")

    def _sheet(self, name: str, title: str) -> Sheet:
        """Return a new sheet with its title in A1."""
        ws = self.book.sheet(name)
        self._put(ws, (1, 1), title, _TITLE, text=True)
        ws.grid = False
        printing.page(ws, self.meta)
        return ws

    def _put(
        self, ws: Sheet, where: tuple[int, int], value: object, look: Look, text: bool = False, typed: bool = False
    ) -> None:
        """Write a value into a cell with a look (text as text, whatever it starts with, '_xHHHH_' kept)."""
        styles = self.book.styles
        if not isinstance(value, str) and isinstance(value, date) and (typed or look not in styles.parts):
            styles.number_format(OPENPYXL_DATE)  # the stylesheet lists it as openpyxl's did: same bytes
        styles.use(look)
        row, column = where  # a compiled call: spreading the pair made a generic call, slower than the cell's XML
        ws.put(row, column, escape(value) if text and isinstance(value, str) else value, look, as_text=text)

    def _lines(self, ws: Sheet, block: Bullets) -> None:
        """Write a sheet of running lines (the blank workbook's instructions)."""
        ws.widths[1] = 110
        for index, line in enumerate(block.items, 3):
            self._put(ws, (index, 1), line, _WRAPPED, text=True)
            ws.heights[index] = height([(line, 110)])

    def _table(self, ws: Sheet, table: Table) -> None:
        """Write a list as an Excel table with header, formats, drop-downs, highlights and chart."""
        letters = {c.key: letter(i) for i, c in enumerate(table.columns, 1)}
        for index, column in enumerate(table.columns, 1):
            fill = theme.SUBTLE if column.internal else theme.NAVY
            self._put(ws, (HEADER_ROW, index), column.label, _header_look(fill), text=True)
            ws.widths[index] = _width(table, column)
            if column.internal and table.chart is not None:  # settings the formulas read; a chart's helpers hidden
                ws.hidden.add(index)
        ws.heights[HEADER_ROW] = height([(c.label, c.chars / _serif(c.label)) for c in table.columns], bold=True)
        count, columns = self.layout.rows[table.name], _columns(table, self.layout, letters, self.number_format)
        for offset in range(count):
            data = table.rows[offset] if offset < len(table.rows) else Row(())
            ws.heights[FIRST_ROW + offset] = height(self._row(ws, columns, data, FIRST_ROW + offset, letters))
        last_row = FIRST_ROW + count - 1
        names = tuple(escape(c.label) for c in table.columns)
        ws.tables.append((table.name, f"A{HEADER_ROW}:{letter(len(letters))}{last_row}", names))
        ws.freeze = (FIRST_ROW, 1)
        _print_titles(ws, f"${HEADER_ROW}:${HEADER_ROW}")
        rules.validations(ws, table, letters, self.choices, range(FIRST_ROW, VALIDATION_ROWS + 1))
        rules.highlights(ws, table, letters, FIRST_ROW, max(last_row, VALIDATION_ROWS))
        if table.chart is not None:
            money = (self.part.formats.money, self.part.formats.short_money)
            ws.pictures.append(rules.chart(ws.title, table, letters, (HEADER_ROW, last_row), money))

    def _row(
        self, ws: Sheet, columns: list[_Column], data: Row, number: int, letters: dict[str, str]
    ) -> list[tuple[str, float]]:
        """Write one data row (text wraps in its column, never runs across the sheet; numbers do not); return the
        texts and widths its height is measured on."""
        shown = []
        for plan in columns:
            column = plan.column
            text_look, value_look, formula_look = plan.looks_at(
                _indent(data.cell(column.indent_key).raw) if column.indent_key else 0
            )
            if plan.computed:
                template = data.cell(column.key).formula or column.formula
                formula = plan.formula_at(template, self.layout, letters, number) if template else None
                self._put(ws, (number, plan.index), formula, formula_look)
                continue
            raw = data.cell(column.key).raw  # a method called on its row: a compiled call
            shown.append((_shown(raw), column.chars))
            if isinstance(raw, str) and raw:
                self._put(ws, (number, plan.index), raw, text_look, text=True)
            else:
                self._put(ws, (number, plan.index), raw, value_look)
        return shown

    def _value(self, ws: Sheet, where: tuple[int, int], value: Cell, kind: Kind) -> None:
        """Write one field's raw value with the number format of its kind (text keeps the plain look)."""
        raw = value.raw
        if isinstance(raw, str) and raw:
            self._put(ws, where, raw, _VALUE, text=True)
        else:
            self._put(ws, where, None if raw == "" else raw, _formatted(_VALUE, self.number_format(kind)), typed=True)

    def _fields(self, ws: Sheet, sheet: str, block: Fields) -> None:
        """Write a label / value sheet; formula values are resolved, text stays text."""
        widest_label = max((text_width(f.label, FONT_POINTS * BOLD * SERIF) for f in block.fields), default=0.0)
        label = min(45, max(30, math.ceil(widest_label / CHAR_POINTS) + 2))  # Текущая годовая выручка on one line
        ws.widths.update({1: label, 2: 70})
        rows = {f.key: HEADER_ROW + i for i, f in enumerate(block.fields)}
        for index, item in enumerate(block.fields):
            row = HEADER_ROW + index
            self._put(ws, (row, 1), item.label, _LABEL, text=True)
            if item.formula:
                formula = _FIELD.sub(lambda m: f"B{rows[m[1]]}", item.formula)
                look = _formatted(_VALUE, self.number_format(item.kind))
                self._put(ws, (row, 2), resolve(formula, self.layout, {}, row), look)
            else:
                self._value(ws, (row, 2), item.value, item.kind)
            cells = [(item.label, label / SERIF), (_shown(item.value.raw), 70)]  # the label's serif runs wider
            ws.heights[row] = height(cells, bold=True)
            if item.name:
                self.book.names[item.name] = f"{quoted(sheet)}!$B${row}"

    def _heat_map(self, ws: Sheet, block: HeatMap) -> None:
        """Write the grid of counts, each cell tinted by the rule the document gives."""
        self._put(ws, (HEADER_ROW, 1), block.caption, Look(), text=True)
        ws.widths[1] = max(26, math.ceil(text_width(block.caption, FONT_POINTS) / CHAR_POINTS) + 2)  # in any language
        size = len(block.fills)
        bold = Look(font=Font(bold=True))
        for p in range(1, size + 1):
            self._put(ws, (HEADER_ROW, 1 + p), p, bold)
            ws.widths[1 + p] = 10
        rows = self.layout.structured(block.table, block.row_key)
        columns = self.layout.structured(block.table, block.column_key)
        for offset, tints in enumerate(block.fills):
            value, row = size - offset, FIRST_ROW + offset
            self._put(ws, (row, 1), value, bold)
            for p, tint in enumerate(tints, 1):
                self._put(ws, (row, 1 + p), f"=COUNTIFS({rows},{value},{columns},{p})", _tinted(tint))
            ws.heights[row] = 28

    def _rows_of(self, name: str) -> tuple[Row, ...]:
        """Return the rows of the part's table of that name (none when it is not in the part)."""
        tables = (b for s in self.part.sections for b in s.blocks if isinstance(b, Table) and b.name == name)
        return next((t.rows for t in tables), ())

    def _timeline(self, ws: Sheet, block: Timeline) -> None:
        """Write the Gantt-like timeline: each row's bar by month follows its start and due dates."""
        for index, column in enumerate(block.columns, 1):
            self._put(ws, (HEADER_ROW, index), column.label, _TIMELINE_HEAD, text=True)
        first_month = len(block.columns) + 1
        month = _formatted(_TIMELINE_HEAD, self.part.formats.month)
        for index, first in enumerate(block.months, first_month):
            self._put(ws, (HEADER_ROW, index), first, month)
            ws.widths[index] = 7
        ws.widths.update(enumerate(TIMELINE_WIDTHS, 1))
        count = self.layout.rows[block.table]
        shown = self._rows_of(block.table)
        dated = Look(align=WRAPPED_TOP, number_format=self.formats[Kind.DATE])
        for offset in range(count):
            for index, column in enumerate(block.columns, 1):
                source = self.layout.cell(block.table, column.key, offset)
                look = dated if column.key in ("start", "due") else _WRAPPED
                self._put(ws, (FIRST_ROW + offset, index), f'=IF({source}="","",{source})', look)
            if offset < len(shown):  # as tall as the copied text (a long action wraps, never runs into the owner)
                row = shown[offset]
                cells = [(row.cell(c.key).text, w) for c, w in zip(block.columns, TIMELINE_WIDTHS, strict=False)]
                ws.heights[FIRST_ROW + offset] = height(cells)
        ws.freeze = (FIRST_ROW, 6)
        last = letter(len(block.columns) + len(block.months))
        rules.bars(ws, block, (FIRST_ROW, FIRST_ROW + count - 1, HEADER_ROW), last)
        _print_titles(ws, f"${HEADER_ROW}:${HEADER_ROW}")

    def _lists(self) -> None:
        """Write the hidden sheet the drop-down lists come from."""
        ws = self.book.sheet("Lists")
        ws.state = "hidden"
        for index, choice in enumerate(self.part.choices, 1):
            self._put(ws, (1, index), choice.name, DEFAULT, text=True)
            for offset, value in enumerate(choice.labels, 2):
                self._put(ws, (offset, index), value, DEFAULT, text=True)


_TITLE = Look(font=Font(bold=True, size=14, colour=theme.NAVY))  # a sheet's title: large, bold, navy
_LABEL = Look(font=Font(bold=True, colour=theme.NAVY), align=WRAPPED_TOP)  # a field's label
_VALUE = Look(align=Align("left", "top", wrap=True))  # a field's value: wrapped, at the top left
_TIMELINE_HEAD = Look(font=Font(bold=True, colour=theme.WHITE), fill=Fill(theme.NAVY))
_WRAPPED = Look(align=WRAPPED_TOP)  # made once: a look is looked up by hash and equality for every cell


def _formatted(look: Look, number_format: str) -> Look:
    """Return a look with a number format."""
    return Look(look.font, look.fill, look.border, look.align, number_format)


@lru_cache(maxsize=256)
def _looks(wrap: bool, indent: int, number_format: str) -> tuple[Look, Look, Look]:
    """Return a data column's looks at an indent: text, a value in the column's format, a formula (the same objects
    _data_look gives)."""
    return (
        _data_look(wrap, indent, None),
        _data_look(wrap, indent, number_format),
        _data_look(wrap, indent, number_format, computed=True),
    )


@lru_cache(maxsize=256)
def _data_look(wrap: bool, indent: int, number_format: str | None, computed: bool = False) -> Look:
    """Return a data cell's look: its rule, alignment, number format and (a formula) its grey."""
    return Look(
        fill=Fill(theme.FORMULA_FILL) if computed else None,
        border=Border(theme.TABLE_RULE),
        align=Align(vertical="top", wrap=wrap, indent=indent),
        number_format=number_format or "General",
    )


@lru_cache(maxsize=64)
def _tinted(tint: str) -> Look:
    """Return the look of a heat map's cell: its tint, ruled all round, its count centred."""
    edges = Border(theme.TABLE_RULE, ("left", "right", "top", "bottom"))
    return Look(fill=Fill(tint), border=edges, align=Align("center", "center"))


@lru_cache(maxsize=16)
def _header_look(fill: str) -> Look:
    """Return the look of a table's header cell: bold white on a fill, wrapped, centred vertically."""
    return Look(font=Font(bold=True, colour=theme.WHITE), fill=Fill(fill), align=Align(vertical="center", wrap=True))


def _print_titles(ws: Sheet, rows: str) -> None:
    """Repeat rows (e.g. $3:$3) at the top of every printed page."""
    assert ws.printing is not None
    ws.printing.title_rows = rows


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
    never spills into its neighbour) or where the longest word of its header would break (Вероятность, in
    LibreOffice's wider serif: _serif); a header holding a bracketed group fits whole (header_width)."""
    header = header_width(column.label, FONT_POINTS * BOLD) * _serif(column.label)
    own = max(column.chars, math.ceil(header / CHAR_POINTS) + 2)
    if column.kind in (Kind.TEXT, Kind.BULLETS, Kind.LINES, Kind.IMAGE):  # and no word of the data broken
        longest = max(longest_words([row.cell(column.key).text for row in table.rows], FONT_POINTS), default=0.0)
        return max(own, min(LONGEST_WORD, math.ceil(longest / CHAR_POINTS) + 2))
    chars = max((len(r.cell(column.key).text) for r in table.rows), default=0)
    return max(own, chars + 3)


def _serif(header: str) -> float:
    """Return how much wider than measured a header prints: FALLBACK_SERIF when it holds Greek or Cyrillic letters
    (Вероятность), else 1."""
    return FALLBACK_SERIF if any("\u0370" <= char < "\u0530" for char in header) else 1.0


def _title(block: object) -> str:
    """Return the title a sheet shows in A1."""
    return str(getattr(block, "title", ""))


def _indent(level: object) -> int:
    """Return the indent of a cell whose row is at a level (1 is the top: no indent; deeper levels keep the
    deepest indent a cell allows)."""
    return max(min(level - 1, MAX_INDENT), 0) if isinstance(level, int) else 0


def _shown(raw: object) -> str:
    """Return a raw value as the text a row's height is measured on."""
    return raw if isinstance(raw, str) else str(raw or "")


def _logo(ws: Sheet, png: bytes) -> None:
    """Put the seller's logo at the top right of a sheet, inside what prints: row 1 (the title's) grows to hold it,
    and it starts in the column from which the columns to the right are wide enough for it."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        width, high = picture.size
    width = round(width * LOGO_HEIGHT / high)
    column, room = ws.max_column, 0.0
    while column > 2:
        room += ws.widths.get(column, 8.43) * 7  # ~7 pixels a character
        if room >= width:
            break
        column -= 1
    ws.heights[1] = max(ws.heights.get(1, 0.0), LOGO_HEIGHT * 0.75 + 6)
    ws.pictures.append(Picture(column - 1, 0, (width * 9525, LOGO_HEIGHT * 9525), png=png))
