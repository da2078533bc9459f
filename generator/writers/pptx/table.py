"""Table slides: rows laid out to fit, continued on follow-on slides with the header repeated."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pptx.util import Pt

from generator.document import theme
from generator.document.blocks import Column, Row, Section, Table
from generator.writers.pptx.slides import Canvas, body_boxes
from generator.writers.pptx.text import INSET_X, INSET_Y, append_notes, pt, rgb
from generator.writers.textfit import EMU_PER_PT, line_height, shorten, wrap

TABLE_SIZE, HEADER_SIZE = 11, 11


@dataclass
class Line:
    """A laid-out table row: its cells' text, its height, its fills; a group row spans the table."""

    texts: list[str]
    height: int
    fills: list[str] = field(default_factory=list)
    bold: bool = False
    group: bool = False
    full: list[str] = field(default_factory=list)


def table_slide(canvas: Canvas, section: Section, table: Table) -> None:
    """Lay out a table, continuing on follow-on slides with the header row repeated."""
    probe = canvas.prs.slide_layouts.get_by_name("Table").placeholders
    body = next(ph for ph in probe if ph.placeholder_format.idx == 1)
    left, top, width, height = body.left, body.top, body.width, body.height
    widths = column_widths(table.columns, width)
    header_h = row_height([c.label for c in table.columns], widths, HEADER_SIZE)
    pages = paginate(table, widths, height - header_h)
    for number, lines in enumerate(pages, 1):
        title = section.title if len(pages) == 1 else f"{section.title} ({number}/{len(pages)})"
        slide = canvas.slide("Table", title, section.notes)
        body_boxes(slide)
        _draw(slide, (left, top, width), table.columns, widths, header_h, lines)


def column_widths(columns: tuple[Column, ...], width: int) -> list[int]:
    """Return column widths in EMU proportional to their weights."""
    total = sum(c.weight for c in columns)
    widths = [int(width * c.weight / total) for c in columns]
    widths[-1] += width - sum(widths)
    return widths


def row_height(texts: list[str], widths: list[int], size: float) -> int:
    """Return the height a row needs in EMU (its tallest cell)."""
    tallest = max(len(wrap(t, pt(w - 2 * INSET_X), size)) for t, w in zip(texts, widths, strict=True))
    return int((tallest * line_height(size) + pt(2 * INSET_Y) + 2) * EMU_PER_PT)


def _display(table: Table) -> list[Row | str]:
    """Return what the table shows in order: group titles and rows, then its total row."""
    shown: list[Row | str] = []
    if table.groups:
        for group, rows in table.grouped():
            shown += [group.title, *rows]
    else:
        shown += table.shown()
    if table.total is not None:
        shown.append(table.total)
    return shown


def paginate(table: Table, widths: list[int], room: int) -> list[list[Line]]:
    """Return the rows split into pages that each fit the room under the header (a group title moves on)."""
    pages: list[list[Line]] = [[]]
    used = 0
    for item in _display(table):
        laid = _lay(item, table.columns, widths, room)
        if pages[-1] and used + laid.height > room:
            carried = [pages[-1].pop()] if pages[-1][-1].group else []
            pages.append(carried)
            used = sum(line.height for line in carried)
        pages[-1].append(laid)
        used += laid.height
    return pages


def _lay(item: Row | str, columns: tuple[Column, ...], widths: list[int], room: int) -> Line:
    """Return a row laid out, its cells shortened if even alone it would not fit."""
    if isinstance(item, str):
        return Line([item], row_height([item], [sum(widths)], TABLE_SIZE), group=True)
    texts = [item.cell(c.key).text for c in columns]
    fills = [item.cell(c.key).fill if c.coloured else "" for c in columns]
    height = row_height(texts, widths, TABLE_SIZE)
    if height <= room:
        return Line(texts, height, fills, item.bold)
    limit = pt(room) - pt(2 * INSET_Y) - 4
    short = [
        shorten([t], pt(w - 2 * INSET_X), limit, TABLE_SIZE, 0)[0] if t else t
        for t, w in zip(texts, widths, strict=True)
    ]
    return Line(short, row_height(short, widths, TABLE_SIZE), fills, item.bold, full=texts)


def _draw(
    slide: Any,
    box: tuple[int, int, int],
    columns: tuple[Column, ...],
    widths: list[int],
    header_h: int,
    lines: list[Line],
) -> None:
    """Add one page of a table: header row then rows, heights set, cells coloured where asked."""
    left, top, width = box
    total_h = header_h + sum(line.height for line in lines)
    table = slide.shapes.add_table(len(lines) + 1, len(widths), left, top, width, total_h).table
    for index, w in enumerate(widths):
        table.columns[index].width = w
    tr_list = table._tbl.tr_lst
    _write(table, tr_list[0], [c.label for c in columns], header_h, bold=True, colour=theme.WHITE)
    for tr, line in zip(tr_list[1:], lines, strict=True):
        if line.group:
            _group_row(table, tr, line)
            continue
        _write(table, tr, line.texts, line.height, bold=line.bold)
        _colour(table, tr, line.fills)
        if line.full:
            append_notes(slide, " | ".join(line.full))


def _cells(table: Any, tr: Any) -> list[Any]:
    """Return the cells of one row without re-listing the table's rows."""
    from pptx.table import _Cell

    return [_Cell(tc, table) for tc in tr.tc_lst]


def _write(table: Any, tr: Any, texts: list[str], height: int, bold: bool = False, colour: str = theme.INK) -> None:
    """Write texts into a row and fix its height."""
    tr.h = height
    for cell, text in zip(_cells(table, tr), texts, strict=True):
        cell.margin_left = cell.margin_right = INSET_X
        cell.margin_top = cell.margin_bottom = INSET_Y
        frame = cell.text_frame
        frame.word_wrap = True
        paragraph = frame.paragraphs[0]
        paragraph.text = text
        font = paragraph.runs[0].font if paragraph.runs else paragraph.font
        font.size = Pt(TABLE_SIZE)
        font.bold = bold
        font.color.rgb = rgb(colour)


def _group_row(table: Any, tr: Any, line: Line) -> None:
    """Write a group heading across the whole row."""
    cells = _cells(table, tr)
    cells[0].merge(cells[-1])
    _write(table, tr, [line.texts[0]] + [""] * (len(cells) - 1), line.height, bold=True, colour=theme.NAVY)
    cells[0].fill.solid()
    cells[0].fill.fore_color.rgb = rgb(theme.GROUP_ROW)


def _colour(table: Any, tr: Any, fills: list[str]) -> None:
    """Fill the cells whose column asks for a colour from the row (RAG, stance)."""
    for cell, colour in zip(_cells(table, tr), fills, strict=True):
        if colour:
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb(colour)
