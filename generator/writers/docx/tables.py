"""Word tables fitted at render time: columns widened for their longest words (or a smaller type), and rows
too tall for a page allowed to break."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import partial

from generator.writers.docx.elements import (
    CELL_START,
    ROW_START,
    TABLE_START,
    each_element,
    element_spans,
    elements,
    holds_table,
    replaced,
)
from generator.writers.docx.facts import SIZE, SIZE_START, Facts, opening, size_of
from generator.writers.docx.grids import SPAN, cells_on_grid, grid_columns, grid_fits, grid_widths
from generator.writers.docx.kept import KEPT_TABLE_POINTS, keeping
from generator.writers.docx.rows import (
    CELL_WIDTH_START,
    ROW_POINTS,
    SHORT_ROW,
    TEXT,
    cell_widths,
    joined,
    release_tall_row,
    room,
    row_height,
    settled_by_bounds,
)
from generator.writers.textfit import BOLD, EMU_PER_PT, fitted_widths, header_width, longest_words, text_width, widest

_GRID_OPEN, _GRID_CLOSE = "<w:tblGrid>", "</w:tblGrid>"
_SIZES = re.compile(r'(<w:szCs? w:val=)"\d+"')
SMALLEST_TABLE_POINTS = 7.5
CELL_MARGINS = 255  # twips: Word's left and right cell margins together
WIDEST_SHARE = 0.4  # a column widens for its longest word up to this share of the table
_LINE, _WIDEST = ROW_POINTS * 1.2, ROW_POINTS * 1.35  # points: a line as row_height counts it; a 1.25 em character


NESTED = "<w:tbl> in <w:tbl>"  # a mark standing for tables inside tables
OFF_GRID = "<w:tcW> off <w:gridCol>"  # a mark standing for cells not one for each grid column, each as wide as it
PICTURE = "<wp:extent "  # a drawn picture's size: the markup a render adds to its template's
MARKS = ("<w:tbl ", NESTED, "<w:tc ", PICTURE, SPAN)  # the markup fitted_tables looks for in a whole body


def possible_marks(source: str, also: tuple[str, ...] = ()) -> frozenset[str]:
    """Return the MARKS (and the marks also named) a body rendered from a template's source may hold: the ones its
    own markup holds (values are written as escaped text, which holds no markup; a picture's, when one is drawn,
    is added at render)."""
    found = {mark for mark in MARKS + also if mark in source}
    found |= {NESTED} if _nested(source, element_spans(source, TABLE_START, "</w:tbl>")) else set()
    return frozenset(found if cells_on_grid(source) else found | {OFF_GRID})


def may_hold(possible: frozenset[str] | None, mark: str) -> bool:
    """Return whether a body may hold a mark, given the marks it may hold (None: any, see possible_marks)."""
    return possible is None or mark in possible


def fitted_tables(
    xml: str, possible: frozenset[str] | None = None, facts: dict[str, Facts] | None = None
) -> tuple[str, bool]:
    """Return a rendered body whose tables' columns fit their words and whose very tall rows may break, and whether
    every table's grid has as many columns as its widest row spans (see grid_fits), each table looked at once;
    possible: the MARKS the body may hold (see possible_marks), the others not looked for (None: all may); facts:
    its template's tables' (see facts.table_facts), when it is a bundled template's."""
    spans = element_spans(xml, TABLE_START, "</w:tbl>")
    if (may_hold(possible, "<w:tbl ") and "<w:tbl " in xml) or (may_hold(possible, NESTED) and _nested(xml, spans)):
        widened = replaced(xml, spans, _widen)  # nested tables, or tables written otherwise: rows looked for anywhere
        return each_element(widened, ROW_START, "</w:tr>", release_tall_row), False
    pieces, at, grids = [], 0, True
    cells, pictures, spanned = (may_hold(possible, mark) and mark in xml for mark in MARKS[2:])
    marks = (cells, pictures, spanned)  # looked for in the body, not each table
    for start, end in spans:
        table = xml[start:end]
        known = facts.get(opening(table)) if facts else None
        table, fits = _fitted(table, marks, possible is not None, not may_hold(possible, OFF_GRID), known)
        grids = grids and fits
        pieces += [xml[at:start], table]
        at = end
    pieces.append(xml[at:])  # joined once: adding the rest to the joined body would copy it all again
    return "".join(pieces), grids


def _nested(xml: str, spans: list[tuple[int, int]]) -> bool:
    """Return whether a table opens inside another of the spans (one count over the body: when there are as many
    openings as spans, each opening starts its own span and none lies inside another)."""
    if xml.count("<w:tbl>") == len(spans):
        return False
    return any(xml.find("<w:tbl>", start + 1, end) >= 0 for start, end in spans)


def _fitted(
    table: str, marks: tuple[bool, bool, bool], bundled: bool = False, gridded: bool = False, known: Facts | None = None
) -> tuple[str, bool]:
    """Return a table (not nested) with its columns fitted to its words and its very tall rows allowed to break,
    and whether its grid fits its rows (grid_fits): its cells' text read in one look (see _Cells), the XML looked
    into again only where a row's text could fill a page or a column must widen. marks says whether the body
    holds cells written with attributes, pictures and spans at all (when it does not, no table is searched);
    bundled: the table was rendered from a bundled template (well formed: its rows end where _Cells read them);
    gridded: its cells are one for each grid column, each as wide as it (see grids.cells_on_grid); known: its
    template table's facts, when they are known (see facts.table_facts)."""
    cells = _Cells.of(table, marks)
    if cells is None:  # cells written otherwise (<w:tc ...>): each looked for in the XML
        text = _cell_text(table)
        table = _widen(table, text)
        if "<w:cantSplit/>" in table and len(text) >= SHORT_ROW:
            table = each_element(table, ROW_START, "</w:tr>", release_tall_row)
        return _kept(table, 0 if "<wp:extent " in table else table.count("</w:tr>")), grid_fits(table)
    spanned = marks[2] and SPAN in table  # as _widen looks for spans
    widened = table if spanned else _widen_cells(table, cells, size_of(table, known), gridded)
    long = [i for i, length in enumerate(cells.lengths) if length >= SHORT_ROW]
    single = known is not None and known.single  # as many paragraphs in a row as cells
    grid = grid_widths(widened) if long and gridded else None  # the long rows' cells' widths
    if grid is not None and single:  # the rows its bounds say are not a page tall: none of their XML looked at
        long = [i for i in long if settled_by_bounds(cells.rows[i], grid, partial(len, cells.rows[i])) is not False]
    if long and "<w:cantSplit/>" in widened:
        if bundled and widened is table:  # the rows where _Cells found them
            rows = cells.spans(table, long)
        else:
            every = element_spans(widened, ROW_START, "</w:tr>")
            rows = [every[i] for i in long]
        texts = [cells.rows[i] for i in long]
        widened = _released(widened, rows, texts, grid, single)
    shown = 0 if cells.pictures else len(cells.rows)
    keeps = known is None or known.keeps
    return _kept(widened, shown, cells.rows, keeps), grid_fits(widened) if spanned else cells.grid_fits(widened)


def _kept(table: str, rows: int, texts: list[list[str]] | None = None, keeps: bool = True) -> str:
    """Return a table of rows (not nested; 0: it holds pictures, whose height its text does not tell) kept on one page
    when estimated at most KEPT_TABLE_POINTS tall (texts: its cells' text by row, each in its column's room; keeps:
    whether it may say itself whether it keeps, False when its template's table does not)."""
    if rows < 2 or rows * _LINE > KEPT_TABLE_POINTS or (keeps and "<w:keepNext" in table):
        return table  # too many rows, or kept (or not) as its template says
    grid = grid_widths(table)
    if texts is not None and all(len(row) == len(grid) for row in texts):
        rooms, tall = [room(width) for width in grid], 0.0
        for row in texts:  # row by row, until the table is too tall
            tall += max(max(map(_lines, row, rooms)) * _LINE, _LINE)
            if tall > KEPT_TABLE_POINTS:
                return table
    else:
        tall = sum(max(row_height(row), _LINE) for row in elements(table, ROW_START, "</w:tr>"))
    if tall > KEPT_TABLE_POINTS:
        return table
    found = ROW_START.search(table, max(table.rfind("</w:tr>", 0, table.rfind("</w:tr>")), 0))
    last = len(table) if found is None else found.start()  # the last row's start (no table is nested)
    return keeping(table[:last]) + table[last:]


def _lines(text: str, room: float) -> int:
    """Return how many lines a cell's text takes in a room (points): each of its lines' width over the room, a line
    too short to fill the room even in characters an em and a quarter wide (no font's are wider) not measured."""
    if len(text) * _WIDEST <= room:
        return text.count("\n") + 1
    return sum(max(1, math.ceil(text_width(line, ROW_POINTS) / room)) for line in text.split("\n"))


_PICTURE = re.compile(r'<wp:extent cx="(\d+)"')  # an inline picture's width (EMU)


class _Cells:
    """A table's text read in one look: each row's cells' text (a cell's runs joined), each row's length and the
    widest picture (points) of the cells that hold pictures, by row and column."""

    def __init__(
        self, rows: list[list[str]], lengths: list[int], pictures: dict[tuple[int, int], float], ends: list[int]
    ) -> None:
        self.rows, self.lengths, self.pictures, self.ends = rows, lengths, pictures, ends

    @classmethod
    def of(cls, table: str, marks: tuple[bool, bool, bool] = (True, True, True)) -> _Cells | None:
        """Return a table's cells, rows and cells taken as their closing tags end them; None when a cell is
        written with attributes (<w:tc ...>), which the XML's elements do not count as cells (marks: whether the
        body holds such cells, and pictures, at all)."""
        if marks[0] and "<w:tc " in table:
            return None
        if marks[1] and "<wp:extent " in table:  # pictures: each found in its cell
            return cls.walked(table)
        rows, row, cell, lengths, length, ends = [], [], [], [], 0, []
        last, base = len(table) - 1, 0  # base: where the text since the last closing tag starting </w:t begins
        at = table.find("</w:t")
        while 0 <= at < last - 4:  # each closing tag that starts so (a run's, a cell's, a row's…), found, not split at
            kind, then = table[at + 5], table[at + 6] if at + 6 <= last else ""
            if kind == ">":  # a run's text ends here: it runs from its opening tag's end (text holds no >)
                start = table.rfind(">", base, at)
                text = table[base if start < 0 else start + 1 : at]
                cell.append(text)
                length += len(text)
            elif kind == "c" and then == ">":
                row.append("".join(cell))
                cell = []
            elif kind == "r" and then == ">":
                rows.append(row)
                lengths.append(length)
                ends.append(at + 7)
                row, length = [], 0
            base = at + 5
            at = table.find("</w:t", base)
        return cls(rows, lengths, {}, ends)

    @classmethod
    def walked(cls, table: str) -> _Cells:
        """Return a table's cells as its XML's elements give them: rows (<w:tr>) and cells opened as <w:tc>."""
        spans = element_spans(table, ROW_START, "</w:tr>")
        rows = [elements(table[start:end], CELL_START, "</w:tc>") for start, end in spans]
        texts = [[joined(cell) for cell in row] for row in rows]
        pictures = {
            (r, c): max(int(cx) for cx in _PICTURE.findall(cell)) / EMU_PER_PT
            for r, row in enumerate(rows)
            for c, cell in enumerate(row)
            if "<wp:extent " in cell
        }
        return cls(texts, [sum(map(len, row)) for row in texts], pictures, [end for _, end in spans])

    def spans(self, table: str, chosen: list[int]) -> list[tuple[int, int]]:
        """Return where the chosen rows (indexes, in order) lie in the table the cells were read from, as _spans
        finds rows: each from the first opening after the row before it ends to its end."""
        found = []
        for index in chosen:
            opening = ROW_START.search(table, self.ends[index - 1] if index else 0)
            assert opening is not None  # a row ends there, so it opens before
            found.append((opening.start(), self.ends[index]))
        return found

    def measured(self, size: float) -> list[list[float]]:
        """Return the width (points) of each cell's longest word at a size, or of its picture when that is wider."""
        measured = [longest_words(row, size) for row in self.rows]
        for (r, c), width in self.pictures.items():
            measured[r][c] = max(measured[r][c], width)
        return measured

    def needs(
        self, table: str, measured: list[list[float]], laid: tuple[list[int], float]
    ) -> tuple[list[float], list[float]]:
        """Return what _needs returns, from the cells' measured longest words (in a grid, at a size): the header
        row's and the others'. A header holding a bracketed group fits whole (header_width: "Отн. (1–5)" on one
        line, not broken at the dash) where every column's longest word still fits too."""
        (grid, size), first = laid, ROW_START.search(table)
        headed = first is not None and "<w:tblHeader" in table[first.start() : table.find("</w:tr>", first.end())]
        if not headed:
            return _column_needs([], len(grid)), _column_needs(measured, len(grid))
        words = _column_needs(measured[1:], len(grid))
        kept = [header_width(text, size) for text in self.rows[0]]
        heads = _column_needs([[max(pair) for pair in zip(measured[0], kept, strict=False)]], len(grid))
        if sum(map(max, heads, words)) > sum(grid):  # no room: the data's words stay whole, the header may break
            heads = _column_needs(measured[:1], len(grid))
        return heads, words

    def grid_fits(self, table: str) -> bool:
        """Return what grid_fits returns for a table without spans, counting each row's cells from the text."""
        return max(map(len, self.rows), default=0) == grid_columns(table)


def _released(
    table: str, rows: list[tuple[int, int]], texts: list[list[str]], grid: list[int] | None, single: bool = False
) -> str:
    """Return a table with each of its rows at spans (in order) released as release_tall_row releases it, from
    each one's cells' text (texts, by row), when its cells are on it the table's grid, and when single (a row holds
    a paragraph for each cell) the rows' paragraphs as counted."""
    pieces, at = [], 0
    for (start, end), cells in zip(rows, texts, strict=True):
        paragraphs = len(cells) if single else None
        pieces += [table[at:start], release_tall_row(table[start:end], cells, grid, paragraphs)]
        at = end
    pieces.append(table[at:])
    return "".join(pieces)


def _widen(table: str, text: str | None = None) -> str:
    """Return a table whose columns are each as wide as the longest word or picture in them (Представлено, not
    Представл|ено; a team member's whole photo), the width taken from the other columns, unchanged when every
    word fits: every word if they can all fit, else all but the longest few and its headers' words, in a smaller
    type (not below 7.5 pt) when even the headers' cannot; text is the table's cell text (_cell_text) when it is
    known already."""
    grid = grid_widths(table)
    if holds_table(table) or SPAN in table or len(grid) < 2:
        return table  # nested or spanning tables keep their template widths
    size = _size(table)
    text = _cell_text(table) if text is None else text
    if "<wp:extent " not in table and widest(text.split(), size * BOLD) * 20 + CELL_MARGINS <= min(grid):
        return table  # every cell's longest word fits the narrowest column, and no picture: no column needs more
    cells = _Cells.walked(table)
    heads, words = cells.needs(table, cells.measured(size * BOLD), (grid, size * BOLD))
    return _regridded(table, (grid, size), (heads, words), lambda resized: _widen(resized, text))


def _widen_cells(table: str, cells: _Cells, size: float | None = None, gridded: bool = False) -> str:
    """Return what _widen returns for a table that is not nested and spans no columns, from its cells' text: every
    cell's longest word measured once, for the look at the whole table and for each column (size: the table's
    largest type size, when known already; gridded: its cells are on its grid, see grids.cells_on_grid)."""
    grid = grid_widths(table)
    if len(grid) < 2:
        return table
    size = _size(table) if size is None else size
    measured = cells.measured(size * BOLD)
    if _widest(measured) * 20 + CELL_MARGINS <= min(grid):
        return table  # every cell's longest word fits the narrowest column: no column needs more
    heads, words = cells.needs(table, measured, (grid, size * BOLD))
    again = partial(_widen_cells, cells=cells, gridded=gridded)
    return _regridded(table, (grid, size), (heads, words), again, gridded)


def _widest(measured: list[list[float]]) -> float:
    """Return the widest of the measured cells' longest words (0 for none), in one loop (a generator of each
    row's largest costs more than the look itself)."""
    widest = 0.0
    for row in measured:
        for width in row:
            if width > widest:
                widest = width
    return widest


def _size(table: str) -> float:
    """Return a table's largest type size (points): its first run's when every run has it (most tables: two
    counts, nothing made for each run), else the largest of all."""
    first = _first_size(table)
    if first is None:
        return ROW_POINTS
    if table.count(SIZE_START) == table.count(f'{SIZE_START}{first[1]}"'):
        return int(first[1]) / 2
    return max(map(int, set(SIZE.findall(table)))) / 2  # every run gives its size: a few sizes, many times


def _first_size(table: str) -> re.Match[str] | None:
    """Return what SIZE.search(table) finds, the expression tried only where its opening text is (found with
    str.find: the expression's own search steps through a table's first row character by character)."""
    at = table.find(SIZE_START)
    while at >= 0:
        found = SIZE.match(table, at)
        if found is not None:
            return found
        at = table.find(SIZE_START, at + 1)
    return None


def _regridded(
    table: str,
    laid: tuple[list[int], float],
    needs: tuple[list[float], list[float]],
    again: Callable[[str], str],
    gridded: bool = False,
) -> str:
    """Return a table (of a grid and type size) whose columns need these widths for their headers' and other
    cells' longest words: regridded, or in a smaller type widened again (again), or as it is (gridded: its cells
    are on its grid, see grids.cells_on_grid)."""
    (grid, size), (heads, words) = laid, needs
    total = sum(grid)
    capped = [min(h, WIDEST_SHARE * total) for h in heads]
    if sum(capped) <= total:  # every word, else every word but the longest few (Ländergeschäftsführungen)
        need = _capped(capped, [min(w, WIDEST_SHARE * total) for w in words], total)
        if all(n <= w for n, w in zip(need, grid, strict=True)):
            return table
        return _with_widths(table, [round(w) for w in fitted_widths(grid, need, total)], grid if gridded else None)
    smaller = math.floor(size * (total - len(grid) * CELL_MARGINS) / (sum(heads) - len(grid) * CELL_MARGINS) * 2) / 2
    resized = _SIZES.sub(lambda m: f'{m[1]}"{round(smaller * 2)}"', table)
    if SMALLEST_TABLE_POINTS <= smaller < size and resized != table:  # the headers fit in a smaller type
        return again(resized)
    return table  # not even that: the template's widths stay


def _column_needs(rows: list[list[float]], columns: int) -> list[float]:
    """Return each column's need (twips) for the widest of its cells' longest words (points): 0 without cells."""
    needs = []
    for index in range(columns):
        found = [row[index] for row in rows if len(row) > index]
        needs.append(max(found) * 20 + CELL_MARGINS if found else 0.0)
    return needs


def _capped(heads: list[float], words: list[float], total: float) -> list[float]:
    """Return each column's need: its header's longest word and its cells' longest word, that one cut to the
    largest common cap at which all columns fit total (only the columns of the longest words give way, so a
    status column keeps Abgebrochen whole while a description column breaks Ländergeschäftsführungen)."""

    def need(cap: float) -> list[float]:
        return [max(h, min(w, cap)) for h, w in zip(heads, words, strict=True)]

    low, high = 0.0, max(words, default=0.0)
    if sum(need(high)) <= total:
        return need(high)
    while high - low > 1:
        middle = (low + high) / 2
        low, high = (middle, high) if sum(need(middle)) <= total else (low, middle)
    return need(low)


def _cell_text(table: str) -> str:
    """Return the text of a table's cells, each cell's runs joined as joined joins them and the cells apart (one
    look at the whole table: most tables need no cell measured)."""
    return "".join(TEXT.findall(table.replace("</w:tc>", "<w:t> </w:t>")))


def _with_widths(table: str, new: list[int], old: list[int] | None = None) -> str:
    """Return the table with its grid and every cell's width set to the new column widths (old: its grid, when its
    cells are on it, each row one for each column, see grids.cells_on_grid)."""
    table = _regrid(table, "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in new) + "</w:tblGrid>")
    on_grid = _on_grid_widths(table, old, new) if old else None
    if on_grid is not None:
        return on_grid
    widths, pieces, at = [str(w) for w in new], [], 0
    for start, end in element_spans(
        table, ROW_START, "</w:tr>"
    ):  # each row's first cells, in order (the rest as they were)
        for (begin, stop, digits), width in zip(cell_widths(table, start, end, len(widths)), widths, strict=False):
            pieces += [table[at:begin], table[begin:stop].replace(digits, width)]
            at = stop
    pieces.append(table[at:])
    return "".join(pieces)


def _on_grid_widths(table: str, old: list[int], new: list[int]) -> str | None:
    """Return a table whose cells are on its grid (old: its columns' widths) with each cell's width set to its
    column's new width, the cells taken in turn (row by row, one for each column): each width attribute replaced
    in its tag; None when a cell's tag does not hold its column's width."""
    pieces = table.split(CELL_WIDTH_START)
    if (len(pieces) - 1) % len(old):
        return None
    olds, news = [f' w:w="{w}"' for w in old], [f' w:w="{w}"' for w in new]
    for index in range(1, len(pieces)):
        piece, column = pieces[index], (index - 1) % len(old)
        at = piece.find(olds[column])
        if at < 0 or at > piece.find(">"):
            return None
        pieces[index] = piece[:at] + news[column] + piece[at + len(olds[column]) :]
    return CELL_WIDTH_START.join(pieces)


def _regrid(table: str, grid: str) -> str:
    """Return the table with each grid (from <w:tblGrid> to the first </w:tblGrid> after it) replaced by grid, as a
    lazy substitution would, found with str.find (the expression searched the whole table after its grid)."""
    pieces, at = [], 0
    start = table.find(_GRID_OPEN)
    while start >= 0 and (end := table.find(_GRID_CLOSE, start + len(_GRID_OPEN))) >= 0:
        pieces += [table[at:start], grid]
        at = end + len(_GRID_CLOSE)
        start = table.find(_GRID_OPEN, at)
    pieces.append(table[at:])
    return "".join(pieces)
