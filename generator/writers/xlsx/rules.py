"""What a worksheet adds on top of values: drop-downs, conditional highlights, native charts, timeline bars."""

from __future__ import annotations

from generator.document.blocks import Highlight, Table, Timeline
from generator.writers.xlsx.book import Picture, Rule, Sheet
from generator.writers.xlsx.charts import ColumnChart, Scatter
from generator.writers.xlsx.styles import Highlight as Paint
from generator.writers.xlsx.xml import letter, quoted

EMU_PER_CM = 360000
ERROR_LIMIT = 225  # characters Excel allows in a drop-down's error message


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
        error = error if len(error) <= ERROR_LIMIT else error[: ERROR_LIMIT - 1] + "…"  # Excel repairs longer ones
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


def chart(sheet: str, table: Table, letters: dict[str, str], rows: tuple[int, int], money: tuple[str, str]) -> Picture:
    """Return the table's native chart, placed to the right of it, in the documents' colours, values labelled."""
    spec = table.chart
    assert spec is not None
    header, last = rows
    keys = list(letters)
    drawn: ColumnChart | Scatter
    if spec.scatter:
        place = (keys.index("x") + 1, keys.index("y") + 1, keys.index("short") + 1)
        axes = (spec.x_title, spec.y_title)
        drawn = Scatter(spec.title, quoted(sheet), range(header + 1, last + 1), place, axes)
        width, height = 22.0, 13.0
    else:
        series = tuple(keys.index(k) + 1 for k in spec.series_keys)
        drawn = ColumnChart(spec.title, quoted(sheet), header, last, keys.index(spec.category_key) + 1, series, money)
        width, height = min(26, max(20, 3.3 * (last - header))), 11.0  # room for each category's label
    size = (int(width * EMU_PER_CM), int(height * EMU_PER_CM))
    return Picture(len(table.columns) + 1, header - 1, size, chart=drawn)


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
