"""Rendered Word table rows: their cells' widths read, their height estimated, and rows taller than a page allowed to
break."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from generator.writers.docx.elements import CELL_START, elements
from generator.writers.textfit import text_width

ROW_POINTS = 10.0  # the largest table type size
SHORT_ROW = 400  # characters of text: a row with fewer cannot fill most of a page
TALLEST_KEPT_ROW = 480.0  # points: a row taller than most of a page may break, or it would run off the page
CELL_WIDTH_START, _WIDTH_ATTRIBUTE = "<w:tcW", ' w:w="'  # a cell's width: <w:tcW[^>]*? w:w="(\d+)"
TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def cell_widths(table: str, start: int, end: int, count: int) -> list[tuple[int, int, str]]:
    """Return the first count cell widths (<w:tcW ... w:w="digits") between start and end, each as (start, end,
    its digits): looked for by hand (calling a regular expression costs more than the look itself)."""
    found: list[tuple[int, int, str]] = []
    at = table.find(CELL_WIDTH_START, start, end)
    while at >= 0 and len(found) < count:
        matched = _cell_width_at(table, at, end)
        if matched is not None:
            found.append(matched)
        at = table.find(CELL_WIDTH_START, at + 1 if matched is None else matched[1], end)
    return found


def every_cell_width(row: str) -> list[tuple[int, int, str]] | None:
    """Return every cell width of a row as cell_widths finds them, or None when a <w:tcW holds no width or lies
    in another's match (one look at the row for its count and its widths)."""
    found: list[tuple[int, int, str]] = []
    end = len(row)
    at = row.find(CELL_WIDTH_START)
    while at >= 0:
        matched = _cell_width_at(row, at, end)
        if matched is None or row.find(CELL_WIDTH_START, at + 1, matched[1]) >= 0:
            return None
        found.append(matched)
        at = row.find(CELL_WIDTH_START, matched[1])
    return found


def _cell_width_at(table: str, at: int, end: int) -> tuple[int, int, str] | None:
    """Return the cell's width matched at at, up to end, as (start, end, its digits), or None: the first w:w
    attribute of digits inside the tag (the expression's lazy match never passes the tag's end)."""
    close = table.find(">", at, end)
    stop = end if close < 0 else close
    key = table.find(_WIDTH_ATTRIBUTE, at + len(CELL_WIDTH_START), stop)
    while key >= 0:
        first = digit = key + len(_WIDTH_ATTRIBUTE)
        while digit < end and table[digit].isdecimal():  # what \d matches in a text pattern
            digit += 1
        if first < digit < end and table[digit] == '"':
            return at, digit + 1, table[first:digit]
        key = table.find(_WIDTH_ATTRIBUTE, key + 1, stop)
    return None


def release_tall_row(
    row: str, texts: list[str] | None = None, grid: list[int] | None = None, paragraphs: int | None = None
) -> str:
    """Return a table row as it is, or without its keep-on-one-page mark when its text is taller than a page
    (Russian and German run longer than English: such a row would otherwise print over the footer); texts: its
    cells' text when known (_Cells), of at least SHORT_ROW characters in all; grid: its cells' widths, when they
    are its table's grid columns' (see grids.cells_on_grid); paragraphs: how many it holds, when known."""
    if "<w:cantSplit/>" not in row:
        return row
    if texts is None and sum(map(len, TEXT.findall(row))) < SHORT_ROW:  # most rows: far from a page
        return row
    tall = None if texts is None else settled_tall(row, texts, grid, paragraphs)
    if not (row_height(row) > TALLEST_KEPT_ROW if tall is None else tall):
        return row
    return row.replace("<w:cantSplit/>", "").replace("<w:trPr></w:trPr>", "<w:trPr/>")  # closed, as lxml writes it


def settled_tall(
    row: str, texts: list[str], grid: list[int] | None = None, paragraphs: int | None = None
) -> bool | None:
    """Return whether row_height(row) exceeds TALLEST_KEPT_ROW when bounds settle it, else None (a row whose cells
    hold texts, each cell with one width, read from the row unless grid gives them, and its paragraphs counted in it
    unless paragraphs gives them): see settled_by_bounds. Most long rows are settled so, none of their text read
    again."""
    if grid is None:
        found = every_cell_width(row)
        grid = None if found is None else [int(width[2]) for width in found]
    if grid is None or len(grid) != len(texts):
        return None
    return settled_by_bounds(texts, grid, lambda: row.count("</w:p>") if paragraphs is None else paragraphs)


def settled_by_bounds(texts: list[str], grid: list[int], paragraphs: Callable[[], int]) -> bool | None:
    """Return whether a row whose cells (one for each grid column, as wide as it) hold texts in paragraphs (how many,
    asked only when needed) is taller than TALLEST_KEPT_ROW when bounds settle it, else None: a cell takes at least
    its text's width over its room in lines, and at most that and one line more for each paragraph."""
    least = 0.0
    for text, width in zip(texts, grid, strict=True):  # the cell taking the most lines: a loop, no generator
        lines = text_width(text, ROW_POINTS) / room(width)
        if lines > least:
            least = lines
    kept_lines = TALLEST_KEPT_ROW / (ROW_POINTS * 1.2)  # 40: one line more is taller than kept
    if least > kept_lines + _SLACK:  # at least 41 lines
        return True
    if least + paragraphs() + 1 < kept_lines - _SLACK:  # at most 39 lines
        return False
    return None


_SLACK = 1e-6  # lines: sums of widths taken in another order differ by far less


def row_height(row: str) -> float:
    """Return an estimate (points, erring tall) of the height of a rendered row: its tallest cell's lines."""
    tallest = 0.0
    for cell in elements(row, CELL_START, "</w:tc>"):
        width = cell_widths(cell, 0, len(cell), 1)
        points = room(int(width[0][2])) if width else 200.0
        paragraphs = [p for p in cell.split("</w:p>") if "<w:t" in p]
        lines = sum(max(1, math.ceil(text_width(joined(p), ROW_POINTS) / points)) for p in paragraphs)
        tallest = max(tallest, lines * ROW_POINTS * 1.2)
    return tallest


def room(width: int) -> float:
    """Return the room (points) a cell of a width (twips) has for its text: the width less the cell's margins, at
    least 20 points (every estimate of a row's lines takes a cell's room so)."""
    return max(width / 20 - 11, 20)


def joined(paragraph: str) -> str:
    """Return the text of a paragraph's runs."""
    return "".join(TEXT.findall(paragraph))
