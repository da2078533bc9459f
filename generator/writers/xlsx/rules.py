"""What a worksheet adds on top of values: drop-downs, conditional highlights, native charts, timeline bars."""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.series import SeriesLabel, StrRef
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun

from generator.document import theme
from generator.document.blocks import Highlight, Table, Timeline
from generator.writers.xlsx.book import Picture, Rule, Sheet
from generator.writers.xlsx.styles import Highlight as Paint
from generator.writers.xlsx.xml import letter, quoted

EMU_PER_CM = 360000
SERIES = (theme.TEAL, theme.NAVY)


def validations(
    ws: Sheet, table: Table, letters: dict[str, str], choices: dict[str, tuple[str, ...]], rows: range
) -> None:
    """Add a drop-down to every column with a closed vocabulary, down to the rows a user may add."""
    names = list(choices)
    for column in table.columns:
        if column.options not in choices:
            continue
        source_column = letter(names.index(column.options) + 1)
        source = f"=Lists!${source_column}$2:${source_column}${len(choices[column.options]) + 1}"
        error = f"{column.label}: {', '.join(choices[column.options])}"
        area = f"{letters[column.key]}{rows.start}:{letters[column.key]}{rows.stop - 1}"
        ws.validations.append((area, source, error))


def highlights(ws: Sheet, table: Table, letters: dict[str, str], first: int, last: int) -> None:
    """Add each column's conditional highlights (label fills, number bands, whole flagged rows)."""
    for column in table.columns:
        area = f"{letters[column.key]}{first}:{letters[column.key]}{last}"
        for mark in column.highlights:
            if mark.whole_row:
                rows = f"A{first}:{letter(len(table.columns))}{last}"
                ws.highlight(rows, _row_rule(mark, f"${letters[column.key]}{first}"))
            else:
                ws.highlight(area, _cell_rule(mark))


def _cell_rule(mark: Highlight) -> Rule:
    """Return the rule of one cell highlight."""
    paint = Paint(mark.fill, bold=mark.bold)
    if mark.equals:
        return Rule(paint, (f'"{mark.equals}"',), "equal")
    if mark.high is None:
        return Rule(paint, (f"{mark.low:g}",), "greaterThanOrEqual")
    return Rule(paint, (f"{mark.low:g}", f"{mark.high:g}"), "between")


def _row_rule(mark: Highlight, cell: str) -> Rule:
    """Return the rule that highlights a whole row when one of its cells holds a label."""
    return Rule(Paint(mark.fill, colour=mark.font or None), (f'{cell}="{mark.equals}"',))


class _Named:
    """What an openpyxl chart reference needs of a sheet: its title."""

    def __init__(self, title: str) -> None:
        self.title = title


def chart(sheet: str, table: Table, letters: dict[str, str], rows: tuple[int, int], money: tuple[str, str]) -> Picture:
    """Return the table's native chart, placed to the right of it, in the documents' colours, values labelled."""
    ws = _Named(sheet)
    spec = table.chart
    assert spec is not None
    header, last = rows
    keys = list(letters)
    if spec.scatter:
        drawn: Any = _scatter(ws, table, keys, rows)
    else:
        drawn = BarChart()
        drawn.type = "col"
        for key in spec.series_keys:
            drawn.add_data(
                Reference(ws, min_col=keys.index(key) + 1, min_row=header, max_row=last), titles_from_data=True
            )
        drawn.set_categories(Reference(ws, min_col=keys.index(spec.category_key) + 1, min_row=header + 1, max_row=last))
        _colour(drawn, money)
    drawn.title = spec.title
    drawn.visible_cells_only = False  # helper columns (short labels, jittered places) are hidden
    wide = min(26, max(20, 3.3 * (last - header)))  # room for each category's label under its columns
    drawn.width, drawn.height = (22, 13) if spec.scatter else (wide, 11)
    size = (int(drawn.width * EMU_PER_CM), int(drawn.height * EMU_PER_CM))
    return Picture(len(table.columns) + 1, header - 1, size, chart=drawn)


def _colour(drawn: BarChart, money: tuple[str, str]) -> None:
    """Give a column chart the palette, money on its axis and labels on its columns."""
    for series, colour in zip(drawn.series, SERIES, strict=False):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    full, short = money  # the axis in whole amounts, the labels abbreviated
    drawn.y_axis.numFmt = full
    drawn.y_axis.number_format = full
    drawn.x_axis.delete = drawn.y_axis.delete = False
    last = drawn.series[-1]  # the figure that counts (target, weighted): labelled; side by side, two collide
    last.dLbls = _values_only(DataLabelList(numFmt=short, dLblPos="outEnd"))
    last.dLbls.txPr = _small_text()
    drawn.legend.position = "b"


def _axis_title(text: str) -> Title:
    """Return an axis title set in bold 11 pt (LibreOffice's default prints below 7 pt in a scaled chart)."""
    look = CharacterProperties(sz=1100, b=True)
    run = RegularTextRun(rPr=look, t=text)
    return Title(tx=Text(rich=RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=look), r=[run])])), overlay=False)


def _values_only(labels: DataLabelList) -> DataLabelList:
    """Return data labels that show the value and nothing else (LibreOffice shows what is left unset)."""
    labels.showVal = True
    labels.showLegendKey = labels.showCatName = labels.showSerName = False
    labels.showPercent = labels.showBubbleSize = labels.showLeaderLines = False
    return labels


def _small_text() -> RichText:
    """Return 9-point chart text (LibreOffice prints chart text a little smaller than set)."""
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=900)), endParaRPr=None)])


def _scatter(ws: _Named, table: Table, keys: list[str], rows: tuple[int, int]) -> ScatterChart:
    """Return the influence-interest scatter: one filled point per person at their jittered place (people in
    the same cell sit side by side), labelled with their short name; grid lines mark the 3 x 3 cells."""
    spec = table.chart
    assert spec is not None
    drawn = ScatterChart()
    drawn.style = 13
    drawn.x_axis.title, drawn.y_axis.title = _axis_title(spec.x_title), _axis_title(spec.y_title)
    for axis in (drawn.x_axis, drawn.y_axis):
        axis.scaling.min, axis.scaling.max = 0.5, 3.5
        axis.majorUnit = 1
        axis.delete = False
        axis.tickLblPos = "none"
        axis.number_format = ";;;"  # and LibreOffice, which ignores the position, prints nothing either
        axis.majorGridlines = ChartLines()
    x_col, y_col, name_col = (keys.index(k) + 1 for k in ("x", "y", "short"))
    for row in range(rows[0] + 1, rows[1] + 1):
        series = Series(Reference(ws, min_col=y_col, min_row=row), Reference(ws, min_col=x_col, min_row=row))
        series.tx = SeriesLabel(strRef=StrRef(f"{quoted(ws.title)}!${letter(name_col)}${row}"))
        series.marker.symbol = "circle"
        series.marker.size = 8
        series.marker.graphicalProperties = GraphicalProperties(solidFill=theme.TEAL)
        series.marker.graphicalProperties.line.solidFill = theme.NAVY
        series.graphicalProperties.line.noFill = True
        series.dLbls = _values_only(DataLabelList(dLblPos="r"))
        series.dLbls.showVal, series.dLbls.showSerName = False, True
        series.dLbls.txPr = _small_text()
        drawn.series.append(series)
    drawn.legend = None
    return drawn


def bars(ws: Sheet, block: Timeline, rows: tuple[int, int, int], last_col: str) -> None:
    """Colour each month a row's bar covers: closed rows grey, overdue red, the rest in the accent."""
    first, last, header = rows
    area = f"F{first}:{last_col}{last}"
    begins, ends, column = f"$C{first}", f"$D{first}", f"F${header}"
    bar = f"AND(N({ends})>0,{column}<={ends},EOMONTH({column},0)>=IF(N({begins})>0,{begins},{ends}))"
    status = f"$E{first}"
    closed = "OR(" + ",".join(f'{status}="{label}"' for label in block.closed) + ")"
    overdue = f"AND({ends}<PlanDate,NOT({closed}))"
    for condition, colour in zip((closed, overdue, "TRUE"), block.fills, strict=True):
        ws.highlight(area, Rule(Paint(colour), (f"AND({bar},{condition})",), stop=True))
