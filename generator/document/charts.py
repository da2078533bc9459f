"""The chart blocks: a native chart with its own numbers, and a workbook heat map over a table's rows."""

from __future__ import annotations

from dataclasses import dataclass

from generator.document.records import picklable


@dataclass(frozen=True)
class Series:
    """One chart series."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """A native column chart with its own numbers; the hint shows when it has none."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    hint: str = ""
    number_format: str = "#,##0"  # of the axis and the labels: money in the plan's currency, abbreviated (€1.4M)
    labels: tuple[str, ...] = ()  # the last series' values as number_format shows them (what labels take up)


@dataclass(frozen=True)
class HeatMap:
    """A workbook grid counting a table's rows per (row value, column value), tinted per cell."""

    title: str
    table: str
    row_key: str
    column_key: str
    caption: str
    fills: tuple[tuple[str, ...], ...]


picklable(globals(), __name__)
