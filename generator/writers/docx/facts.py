"""What each table of a bundled template holds, read once when it is compiled: a rendered table's type sizes and
paragraphs known from its template's table (found by its opening, its properties and grid: markup without code),
where fitting it would otherwise count them in every rendered table."""

from __future__ import annotations

import re
from typing import NamedTuple

from generator.writers.docx.elements import ROW_START, TABLE_START, elements, holds_table
from generator.writers.docx.rows import ROW_POINTS

GRID_END = "</w:tblGrid>"
SIZE_START = '<w:sz w:val="'
SIZE = re.compile(SIZE_START + r'(\d+)"')  # a run's type size (half points)


class Facts(NamedTuple):
    """What a template's table holds: its type sizes' markup (<w:sz w:val="19"), largest first (None: a size not
    written in digits), whether each of its rows holds one paragraph for each cell and no template code, and
    whether it says anywhere whether a paragraph keeps with the next."""

    sizes: tuple[str, ...] | None
    single: bool
    keeps: bool


def opening(table: str) -> str:
    """Return a table's opening: its XML up to its grid's end ("" for a table without a grid)."""
    end = table.find(GRID_END)
    return "" if end < 0 else table[: end + len(GRID_END)]


def table_facts(source: str) -> dict[str, Facts]:
    """Return the facts of a template source's tables by their openings (a rendered table opens as its template's
    table does: values are text, and an opening holds none), the facts of tables that share an opening merged (a
    table rendered from either holds at most their sizes, one paragraph a cell only if both do, a keep if either
    does); none when an opening holds template code (its rendered tables could open as another's) or a table holds
    another."""
    found: dict[str, Facts] = {}
    for table in elements(source, TABLE_START, "</w:tbl>"):
        key = opening(table)
        if "{" in key or holds_table(table):
            return {}  # code in an opening, or a table in a table (its span ends at the inner table's end)
        facts = Facts(_sizes(table), _single(table), "<w:keepNext" in table)
        found[key] = _merged(found[key], facts) if key in found else facts
    found.pop("", None)  # tables without a grid
    return found


def _merged(one: Facts, other: Facts) -> Facts:
    """Return what is known of a table rendered from either of two template tables."""
    sizes = None if one.sizes is None or other.sizes is None else _largest_first({*one.sizes, *other.sizes})
    return Facts(sizes, one.single and other.single, one.keeps or other.keeps)


def size_of(table: str, facts: Facts | None) -> float | None:
    """Return a rendered table's largest type size (points) from its template table's facts: the largest of its
    sizes the table holds (rows a loop left out may take some away; text adds none), 10 pt for none; None when
    the facts do not tell."""
    if facts is None or facts.sizes is None:
        return None
    for mark in facts.sizes:
        if mark in table:
            return _half_points(mark) / 2
    return ROW_POINTS  # as tables measure a table without sizes


def _sizes(table: str) -> tuple[str, ...] | None:
    """Return the markup of each type size a template's table holds, largest first; None for one not in digits."""
    values = SIZE.findall(table)
    if len(values) != table.count(SIZE_START):
        return None
    return _largest_first({f'{SIZE_START}{value}"' for value in values})


def _largest_first(sizes: set[str]) -> tuple[str, ...]:
    """Return type sizes' markup, largest first."""
    return tuple(sorted(sizes, key=_half_points, reverse=True))


def _half_points(mark: str) -> int:
    """Return the type size (half points) of a size's markup."""
    return int(mark[len(SIZE_START) : -1])


def _single(table: str) -> bool:
    """Return whether each row of a template's table holds one paragraph for each of its cells and no code (a
    rendered row then holds as many paragraphs as cells: values add text, never paragraphs)."""
    return all(
        "{%" not in row and row.count("</w:p>") == row.count("</w:tc>") for row in elements(table, ROW_START, "</w:tr>")
    )
