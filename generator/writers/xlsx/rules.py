"""What a worksheet adds on top of values: drop-downs, conditional highlights, native charts, timeline bars."""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.chart.series import SeriesLabel, StrRef
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from generator.document.blocks import Highlight, Table, Timeline


def validations(
    ws: Any, table: Table, letters: dict[str, str], choices: dict[str, tuple[str, ...]], rows: range
) -> None:
    """Add a drop-down to every column with a closed vocabulary, down to the rows a user may add."""
    names = list(choices)
    for column in table.columns:
        if column.options not in choices:
            continue
        letter = get_column_letter(names.index(column.options) + 1)
        source = f"=Lists!${letter}$2:${letter}${len(choices[column.options]) + 1}"
        validation = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True)
        validation.error = f"{column.label}: {', '.join(choices[column.options])}"
        validation.add(f"{letters[column.key]}{rows.start}:{letters[column.key]}{rows.stop - 1}")
        ws.add_data_validation(validation)


def highlights(ws: Any, table: Table, letters: dict[str, str], first: int, last: int) -> None:
    """Add each column's conditional highlights (label fills, number bands, whole flagged rows)."""
    for column in table.columns:
        area = f"{letters[column.key]}{first}:{letters[column.key]}{last}"
        for mark in column.highlights:
            if mark.whole_row:
                rows = f"A{first}:{get_column_letter(len(table.columns))}{last}"
                ws.conditional_formatting.add(rows, _row_rule(mark, f"${letters[column.key]}{first}"))
            else:
                ws.conditional_formatting.add(area, _cell_rule(mark))


def _cell_rule(mark: Highlight) -> CellIsRule:
    """Return the rule of one cell highlight."""
    font = Font(bold=True) if mark.bold else None
    tint = PatternFill("solid", fgColor=mark.fill)
    if mark.equals:
        return CellIsRule(operator="equal", formula=[f'"{mark.equals}"'], fill=tint, font=font)
    if mark.high is None:
        return CellIsRule(operator="greaterThanOrEqual", formula=[f"{mark.low:g}"], fill=tint, font=font)
    return CellIsRule(operator="between", formula=[f"{mark.low:g}", f"{mark.high:g}"], fill=tint, font=font)


def _row_rule(mark: Highlight, cell: str) -> FormulaRule:
    """Return the rule that highlights a whole row when one of its cells holds a label."""
    font = Font(color=mark.font) if mark.font else None
    return FormulaRule(formula=[f'{cell}="{mark.equals}"'], fill=PatternFill("solid", fgColor=mark.fill), font=font)


def chart(ws: Any, table: Table, letters: dict[str, str], rows: tuple[int, int]) -> None:
    """Add the table's native chart to the right of it."""
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
        drawn.y_axis.numFmt = "#,##0"
    drawn.title = spec.title
    drawn.width, drawn.height = 20, 10
    ws.add_chart(drawn, f"{get_column_letter(len(table.columns) + 2)}{header}")


def _scatter(ws: Any, table: Table, keys: list[str], rows: tuple[int, int]) -> ScatterChart:
    """Return the influence-interest scatter: one named point per row."""
    spec = table.chart
    assert spec is not None
    drawn = ScatterChart()
    drawn.style = 13
    drawn.x_axis.title, drawn.y_axis.title = spec.x_title, spec.y_title
    for axis in (drawn.x_axis, drawn.y_axis):
        axis.scaling.min, axis.scaling.max = 0.5, 3.5
        axis.majorUnit = 1
        axis.delete = False
    x_col, y_col = keys.index("interest") + 1, keys.index("influence") + 1
    for row in range(rows[0] + 1, rows[1] + 1):
        series = Series(Reference(ws, min_col=y_col, min_row=row), Reference(ws, min_col=x_col, min_row=row))
        series.tx = SeriesLabel(strRef=StrRef(f"{quote_sheetname(ws.title)}!$A${row}"))
        series.marker.symbol = "circle"
        series.marker.size = 10
        series.graphicalProperties.line.noFill = True
        drawn.series.append(series)
    return drawn


def bars(ws: Any, block: Timeline, rows: tuple[int, int, int], last_col: str) -> None:
    """Colour each month a row's bar covers: closed rows grey, overdue red, the rest in the accent."""
    first, last, header = rows
    area = f"F{first}:{last_col}{last}"
    begins, ends, column = f"$C{first}", f"$D{first}", f"F${header}"
    bar = f"AND(N({ends})>0,{column}<={ends},EOMONTH({column},0)>=IF(N({begins})>0,{begins},{ends}))"
    status = f"$E{first}"
    closed = "OR(" + ",".join(f'{status}="{label}"' for label in block.closed) + ")"
    overdue = f"AND({ends}<PlanDate,NOT({closed}))"
    for condition, colour in zip((closed, overdue, "TRUE"), block.fills, strict=True):
        rule = FormulaRule(
            formula=[f"AND({bar},{condition})"], fill=PatternFill("solid", fgColor=colour), stopIfTrue=True
        )
        ws.conditional_formatting.add(area, rule)
