"""A workbook as the writer fills it: sheets of cells with looks, column widths, row heights, print settings,
tables, drop-downs, conditional highlights and drawings; each sheet written as the XML openpyxl writes for it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Protocol

from generator.writers.xlsx.styles import DEFAULT, Highlight, Look, Styles
from generator.writers.xlsx.xml import ILLEGAL, ascii_xml, attribute, letter, quoted, text

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EPOCH = date(1899, 12, 30)
_EXACT = 2**53  # below it, a whole number is a float exactly and has at most 16 digits
_INFINITIES = (math.inf, -math.inf)
_ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")
_MARGINS = '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
_UNPRINTED_MARGINS = '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
_OTHER_PAGES = (
    "<evenHeader></evenHeader><evenFooter></evenFooter><firstHeader></firstHeader><firstFooter></firstFooter>"
)


@dataclass(frozen=True)
class Rule:
    """A conditional highlight: a cell comparison (operator and values) or a formula that is true."""

    highlight: Highlight
    formulas: tuple[str, ...]
    operator: str | None = None  # equal, greaterThanOrEqual, between; None for a formula rule
    stop: bool = False

    def xml(self, priority: int, styles: Styles) -> str:
        """Return the rule with its priority and its highlight's number."""
        dxf = styles.dxf(self.highlight)
        if self.operator:
            head = f'<cfRule type="cellIs" priority="{priority}" operator="{self.operator}" dxfId="{dxf}">'
        else:
            stop = ' stopIfTrue="1"' if self.stop else ""
            head = f'<cfRule type="expression" priority="{priority}" dxfId="{dxf}"{stop}>'
        return head + "".join(f"<formula>{text(f)}</formula>" for f in self.formulas) + "</cfRule>"


class Drawn(Protocol):
    """A chart that writes its own part."""

    def xml(self) -> bytes:
        """Return the chart part."""


@dataclass(frozen=True)
class Picture:
    """A chart or an image anchored at a cell of a sheet (0-based column and row), size in EMU."""

    column: int
    row: int
    size: tuple[int, int]
    chart: Drawn | None = None
    png: bytes = b""


@dataclass
class Printing:
    """How a sheet prints: scale, running header and footer, repeated rows and columns, area and page breaks."""

    header: str = ""
    footer: str = ""
    scale: int = 100
    title_rows: str = ""
    title_columns: str = ""
    area: str = ""
    breaks: list[int] = field(default_factory=list)


@dataclass
class Sheet:
    """One worksheet's content and settings."""

    title: str
    cells: dict[tuple[int, int], tuple[str, Look]] = field(default_factory=dict)  # (row, column): (XML tail, look)
    widths: dict[int, float] = field(default_factory=dict)
    hidden: set[int] = field(default_factory=set)
    heights: dict[int, float] = field(default_factory=dict)
    grid: bool = True
    freeze: tuple[int, int] | None = None  # the first row and column that scroll
    printing: Printing | None = None
    tables: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # name, range, column names
    validations: list[tuple[str, str, str]] = field(default_factory=list)  # range, source formula, error message
    highlights: dict[str, list[Rule]] = field(default_factory=dict)  # range: rules, in the order they were added
    pictures: list[Picture] = field(default_factory=list)
    state: str = "visible"
    spanned: list[int] = field(default_factory=list, repr=False, compare=False)  # first and last row and column

    @property
    def max_row(self) -> int:
        """Return the last row holding a cell (1 for an empty sheet)."""
        return self.spanned[1] if self.cells else 1

    @property
    def max_column(self) -> int:
        """Return the last column holding a cell (1 for an empty sheet)."""
        return self.spanned[3] if self.cells else 1

    def put(self, row: int, column: int, value: object, look: Look = DEFAULT, as_text: bool = False) -> None:
        """Write a value with a look: text as text (as_text: whatever it starts with), numbers, dates, formulas
        (a string starting with = unless as_text) or nothing; the span of the cells follows (no scan of a sheet's
        thousands of cells for its last row or column)."""
        tail = _tail(value, as_text)
        if not tail.isascii():  # as the sheet is written: its rows then pass to bytes at a glance
            tail = ascii_xml(tail).decode("ascii")
        self.cells[(row, column)] = (tail, look)
        spanned = self.spanned
        if not spanned:
            spanned.extend((row, row, column, column))
            return
        if row < spanned[0]:
            spanned[0] = row
        if row > spanned[1]:
            spanned[1] = row
        if column < spanned[2]:
            spanned[2] = column
        if column > spanned[3]:
            spanned[3] = column

    def highlight(self, area: str, rule: Rule) -> None:
        """Add a conditional highlight over an area."""
        self.highlights.setdefault(area, []).append(rule)

    def xml(self, styles: Styles, relations: list[str]) -> bytes:
        """Return the sheet's XML, numbering cell formats and highlight styles as openpyxl does while writing."""
        parts = [f'<worksheet xmlns="{MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/>']
        parts.append('<pageSetUpPr fitToPage="0"/></sheetPr>' if self.printing else "<pageSetUpPr/></sheetPr>")
        parts += [f'<dimension ref="{self._dimension()}"/>', self._view()]
        parts.append('<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>')
        parts += [self._columns(), "<sheetData>", self._rows(styles), "</sheetData>", self._highlights(styles)]
        parts += [self._validations(), self._printing(), self._relations(relations), "</worksheet>"]
        return b"".join(map(ascii_xml, parts))  # part by part: the rows, ASCII already, are copied, not scanned

    def _dimension(self) -> str:
        """Return the range the cells span."""
        if not self.cells:
            return "A1:A1"
        top, bottom, left, right = self.spanned
        return f"{letter(left)}{top}:{letter(right)}{bottom}"

    def _view(self) -> str:
        """Return the sheet view: grid lines, frozen rows and columns, the selection."""
        grid = "" if self.grid else 'showGridLines="0" '
        head = f'<sheetViews><sheetView {grid}workbookViewId="0">'
        selection = 'activeCell="A1" sqref="A1"/>'
        if self.freeze is None:
            return f"{head}<selection {selection}</sheetView></sheetViews>"
        row, column = self.freeze
        corner = f"{letter(column)}{row}"
        if column == 1:
            pane = f'<pane ySplit="{row - 1}" topLeftCell="{corner}" activePane="bottomLeft" state="frozen"/>'
            return f'{head}{pane}<selection pane="bottomLeft" {selection}</sheetView></sheetViews>'
        pane = (
            f'<pane xSplit="{column - 1}" ySplit="{row - 1}" topLeftCell="{corner}" activePane="bottomRight" '
            'state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/>'
        )
        return f'{head}{pane}<selection pane="bottomRight" {selection}</sheetView></sheetViews>'

    def _columns(self) -> str:
        """Return the column widths and hidden columns."""
        columns = sorted(self.widths.keys() | self.hidden)
        if not columns:
            return ""
        found = []
        for index in columns:
            hidden = 'hidden="1" ' if index in self.hidden else ""
            width = self.widths.get(index)
            wide = f'width="{width:.16g}" customWidth="1" ' if width is not None else ""
            found.append(f'<col {hidden}{wide}min="{index}" max="{index}"/>')
        return f"<cols>{''.join(found)}</cols>"

    def _rows(self, styles: Styles) -> str:
        """Return the rows with their heights and cells, each cell's format numbered as it is written."""
        rows: dict[int, list[str]] = {row: [] for row in self.heights}
        styled: dict[int, str] = {}  # each look object's style attribute, numbered when first met
        cells, last, number, found = self.cells, 0, "", []
        for where in sorted(cells):  # the keys alone: pairs of numbers compare faster than pairs of pairs
            row, column = where
            tail, look = cells[where]
            style = styled.get(id(look))
            if style is None:
                index = styles.xf(look)  # 0 only for the default look, which openpyxl writes without a style
                style = styled[id(look)] = f' s="{index}"' if index else ""
            if row != last:  # a row's cells come together: its number and list looked up once
                last, number, found = row, str(row), rows.setdefault(row, [])
            found.append(f'<c r="{letter(column)}{number}"{style}{tail}')
        out = []
        for row in sorted(rows):
            points = self.heights.get(row)
            height = f' ht="{points:.16g}" customHeight="1"' if points is not None else ""
            out.append(f'<row r="{row}"{height}>{"".join(rows[row])}</row>')
        return "".join(out)

    def _highlights(self, styles: Styles) -> str:
        """Return the conditional highlights, numbered in the order they were added."""
        out, priority = [], 0
        for area, rules in self.highlights.items():
            body = ""
            for rule in rules:
                priority += 1
                body += rule.xml(priority, styles)
            out.append(f'<conditionalFormatting sqref="{area}">{body}</conditionalFormatting>')
        return "".join(out)

    def _validations(self) -> str:
        """Return the drop-down lists."""
        if not self.validations:
            return ""
        items = "".join(
            f'<dataValidation sqref="{area}" showDropDown="0" showInputMessage="0" showErrorMessage="1" '
            f'allowBlank="1" error="{attribute(error)}" type="list">'
            f"<formula1>{text(source)}</formula1></dataValidation>"
            for area, source, error in self.validations
        )
        return f'<dataValidations count="{len(self.validations)}">{items}</dataValidations>'

    def _printing(self) -> str:
        """Return the print options, margins, page setup, running header and footer and page breaks."""
        setup = self.printing
        if setup is None:
            return _UNPRINTED_MARGINS
        head = f"<oddHeader>{text(setup.header)}</oddHeader><oddFooter>{text(setup.footer)}</oddFooter>"
        parts = ['<printOptions horizontalCentered="0"/>', _MARGINS]
        parts.append(f'<pageSetup orientation="landscape" paperSize="9" scale="{setup.scale}"/>')
        parts.append(f'<headerFooter scaleWithDoc="0">{head}{_OTHER_PAGES}</headerFooter>')
        if setup.breaks:
            count = len(setup.breaks)
            breaks = "".join(f'<brk id="{b}" min="0" max="16383" man="1"/>' for b in setup.breaks)
            parts.append(f'<colBreaks count="{count}" manualBreakCount="{count}">{breaks}</colBreaks>')
        return "".join(parts)

    def _relations(self, relations: list[str]) -> str:
        """Return the references to the sheet's drawing and tables (relations: their types, in order)."""
        namespace = f'xmlns:r="{RELATIONSHIPS}"'
        drawing = f'<drawing {namespace} r:id="rId1"/>' if "drawing" in relations else ""
        tables = [i for i, kind in enumerate(relations, 1) if kind == "table"]
        if not tables:
            return drawing
        parts = "".join(f'<tablePart {namespace} r:id="rId{i}"/>' for i in tables)
        return f'{drawing}<tableParts count="{len(tables)}">{parts}</tableParts>'

    def print_names(self) -> list[tuple[str, str]]:
        """Return the sheet's print titles and print area as defined names."""
        if self.printing is None:
            return []
        name, setup, found = quoted(self.title), self.printing, []
        titles = [f"{name}!{part}" for part in (setup.title_rows, setup.title_columns) if part]
        if titles:
            found.append(("_xlnm.Print_Titles", ",".join(titles)))
        if setup.area:
            found.append(("_xlnm.Print_Area", f"{name}!{setup.area}"))
        return found


def _tail(value: object, as_text: bool) -> str:
    """Return a cell's XML after its reference and style: its type and value, as openpyxl writes them."""
    if isinstance(value, str):  # text first: most cells hold it, and an empty one is told at once
        if not value:
            return ' t="inlineStr"></c>' if as_text else ' t="n"></c>'
        if not as_text and len(value) > 1 and value.startswith("="):
            return f"><f>{text(_holdable(value)[:32767][1:])}</f><v></v></c>"
        if not as_text and value in _ERROR_CODES:  # each printable
            return f' t="e"><v>{value}</v></c>'
        return _text_tail(value)
    if value is None:
        return ' t="n"></c>'
    if isinstance(value, bool):
        return f' t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float, Decimal)):  # a tuple: a union would be made again at every call
        return f' t="n"><v>{_number(value)}</v></c>'
    if isinstance(value, date):
        return f' t="n"><v>{_serial(value)}</v></c>'
    raise TypeError(f"a worksheet cell cannot hold {type(value).__name__}")


def _text_tail(value: str) -> str:
    """Return the tail of a cell holding text that is not empty, as openpyxl writes it (cut as openpyxl cuts: the
    model refuses longer values before this)."""
    value = _holdable(value)[:32767]
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return f' t="inlineStr"><is><t{space}>{text(value)}</t></is></c>'


def _holdable(value: str) -> str:
    """Return text a worksheet can hold; ValueError for a character it cannot."""
    if not value.isprintable() and ILLEGAL.search(value):  # what cannot be printed: a control character?
        raise ValueError(f"{value!r} holds characters a worksheet cannot hold")
    return value


def _number(value: float | Decimal) -> str:
    """Return a number as openpyxl writes it (17 significant digits at most; NaN and infinity as nothing); a whole
    number a float holds exactly is its digits, which is what the format makes of it, without making it."""
    if type(value) is int and -_EXACT < value < _EXACT:  # not a subclass: its own str() may differ
        return str(value)
    if value != value or value in _INFINITIES:  # NaN is the one value unequal to itself
        return ""
    return f"{value:.16g}"


def _serial(day: date) -> int:
    """Return a date as Excel's serial day number (the 1900 system, which counts a 29 February 1900)."""
    days = (day - _EPOCH).days if type(day) is date else (day.date() - _EPOCH).days  # type: ignore[attr-defined]
    return days - 1 if 0 < days <= 60 else days
