"""Table slides: rows laid out to fit, continued on follow-on slides with the header repeated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.document import theme
from generator.document.blocks import Column, Row, Section, Table
from generator.writers.pptx.slides import Canvas
from generator.writers.pptx.text import INSET_X, INSET_Y, append_notes, place, pt, runs_xml
from generator.writers.textfit import (
    BOLD,
    EMU_PER_PT,
    fitted_widths,
    line_count,
    line_height,
    longest_word,
    longest_words,
    shorten,
)

TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # python-pptx's: Office's Medium Style 2, accent 1
SIZES = (14, 13, 12)  # a table takes the largest that fits one slide, else the smallest over balanced slides


@dataclass
class Line:
    """A laid-out table row: its cells' text, its height, its fills; a group row spans the table."""

    texts: list[str]
    height: int
    size: float
    fills: list[str] = field(default_factory=list)
    bold: bool = False
    group: bool = False
    full: list[str] = field(default_factory=list)
    note: str = ""


def table_slide(canvas: Canvas, section: Section, table: Table) -> None:
    """Lay out a table, continuing on follow-on slides with the header row repeated."""
    left, top, width, height = canvas.layout("Table").bodies[0]
    labels = [c.label for c in table.columns]
    shown = _display(table)
    for size in SIZES:
        least = row_height([""], [width], size)  # a row of one line (the header too): no row is lower
        if size != SIZES[-1] and len(shown) * least > height - least:
            continue  # even rows of one line need more than one slide at this size: the next is tried
        widths = column_widths(table.columns, width, size, [r for r in shown if not isinstance(r, str)])
        header_h = row_height(labels, widths, size)
        laid = _laid(shown, table, (widths, height - header_h, size), whole=size == SIZES[-1])
        if laid is None:
            continue  # more than one slide at this size: the next is tried
        pages = paginate(laid, height - header_h)
        if len(pages) == 1:
            break
    if len(pages) > 1:
        assert laid is not None  # laid wholly: the smallest size is never given up
        pages = balance(laid, height - header_h, len(pages))
    for number, lines in enumerate(pages, 1):
        title = section.title if len(pages) == 1 else f"{section.title} ({number}/{len(pages)})"
        slide = canvas.slide("Table", title, section.notes)
        canvas.body(slide)
        _draw(slide, (left, top, width), table.columns, widths, (header_h, size), lines)


def column_widths(columns: tuple[Column, ...], width: int, size: float, rows: Sequence[Row] = ()) -> list[int]:
    """Return column widths in EMU proportional to their weights, each wide enough for the longest word of its
    bold header at size (Wahrscheinlichkeit is not broken) and, where all of them fit, for its cells' longest word
    (Befürworter*in is not broken either)."""
    heads = [header_word(c.label, size) for c in columns]
    words = [
        max(h, _widest_word([row.cell(c.key).text for row in rows], size)) for h, c in zip(heads, columns, strict=True)
    ]
    minimum = words if sum(words) <= width else heads
    widths = [int(w) for w in fitted_widths([c.weight for c in columns], minimum, width)]
    widths[-1] += width - sum(widths)
    return widths


def header_word(label: str, size: float) -> float:
    """Return the width in EMU of a header's longest word in bold at size, with the cell's insets."""
    longest = longest_word(label, size * BOLD)
    return (longest + 1) * EMU_PER_PT + 2 * INSET_X


def _widest_word(texts: list[str], size: float) -> float:
    """Return the width in EMU of the longest word of cells at size, with a cell's insets (0 for no cells)."""
    if not texts:
        return 0.0
    return (max(longest_words(texts, size)) + 1) * EMU_PER_PT + 2 * INSET_X


def row_height(texts: list[str], widths: list[int], size: float) -> int:
    """Return the height a row needs in EMU (its tallest cell)."""
    tallest = max(line_count(t, pt(w - 2 * INSET_X), size) for t, w in zip(texts, widths, strict=True))
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


def balance(laid: list[Line], room: int, count: int) -> list[list[Line]]:
    """Return the rows over count pages filled evenly: the smallest page height that still needs no more pages."""
    low, high = room // count, room
    while high - low > EMU_PER_PT:
        middle = (low + high) // 2
        if len(paginate(laid, middle)) <= count:
            high = middle
        else:
            low = middle
    return even_out(paginate(laid, high), room)


def even_out(pages: list[list[Line]], room: int) -> list[list[Line]]:
    """Return the pages with rows moved forward from the end while that makes neighbours more even (so a last
    page is not left with one row when its rows are uneven)."""
    for index in range(len(pages) - 1, 0, -1):
        before, after = pages[index - 1], pages[index]
        while len(before) > 1 and not before[-1].group:
            moved = before[-1].height
            lighter, heavier = sum(x.height for x in after), sum(x.height for x in before)
            if lighter + moved > room or max(heavier - moved, lighter + moved) >= heavier:
                break
            after.insert(0, before.pop())
    return pages


def paginate(laid: list[Line], room: int) -> list[list[Line]]:
    """Return laid-out rows split into pages that each fill at most the room (a group title moves on)."""
    pages: list[list[Line]] = [[]]
    used = 0
    for line in laid:
        if pages[-1] and used + line.height > room:
            carried = [pages[-1].pop()] if pages[-1][-1].group else []
            pages.append(carried)
            used = sum(item.height for item in carried)
        pages[-1].append(line)
        used += line.height
    return pages


def _laid(shown: list[Row | str], table: Table, laying: tuple[list[int], int, float], whole: bool) -> list[Line] | None:
    """Return the rows laid out at a size in columns of widths, each fitting the room; unless whole, None as soon
    as they need more than one slide (a second row beyond the room starts another, as paginate pages them)."""
    widths, room, size = laying
    laid: list[Line] = []
    used = 0
    for item in shown:
        line = _lay(item, table, widths, room, size)
        used += line.height
        if not whole and laid and used > room:
            return None
        laid.append(line)
    return laid


def _lay(item: Row | str, table: Table, widths: list[int], room: int, size: float) -> Line:
    """Return a row laid out, its cells shortened if even alone it would not fit, with its speaker note."""
    line = _fit(item, table.columns, widths, room, size)
    if not isinstance(item, str):
        line.note = table.note(item)
    return line


def _fit(item: Row | str, columns: tuple[Column, ...], widths: list[int], room: int, size: float) -> Line:
    """Return a row laid out, its cells shortened if even alone it would not fit."""
    if isinstance(item, str):
        return Line([item], row_height([item], [sum(widths)], size), size, [""] * len(widths), group=True)
    texts = [item.cell(c.key).text for c in columns]
    fills = [item.cell(c.key).fill if c.coloured else "" for c in columns]
    height = row_height(texts, widths, size)
    if height <= room:
        return Line(texts, height, size, fills, item.bold)
    limit = pt(room) - pt(2 * INSET_Y) - 4
    short = [
        shorten([t], pt(w - 2 * INSET_X), limit, size, 0)[0] if t else t for t, w in zip(texts, widths, strict=True)
    ]
    return Line(short, row_height(short, widths, size), size, fills, item.bold, full=texts)


def _draw(
    slide: Any,
    box: tuple[int, int, int],
    columns: tuple[Column, ...],
    widths: list[int],
    header: tuple[int, float],
    lines: list[Line],
) -> None:
    """Add one page of a table: its XML is written in one piece and parsed once (python-pptx's add_table and
    per-cell setters cost far more than the text); the same markup python-pptx would make."""
    left, top, width = box
    header_h, size = header
    total_h = header_h + sum(line.height for line in lines)
    head = Line([c.label for c in columns], header_h, size, bold=True)
    rows = [_row_xml(head, theme.WHITE), *(_row_xml(line, theme.NAVY if line.group else theme.INK) for line in lines)]
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in widths)
    place(
        slide,
        lambda number: (
            "<p:graphicFrame><p:nvGraphicFramePr>"
            f'<p:cNvPr id="{number}" name="Table {number - 1}"/><p:cNvGraphicFramePr>'
            '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{total_h}"/></p:xfrm><a:graphic>'
            f'<a:graphicData uri="{TABLE_URI}"><a:tbl><a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>{TABLE_STYLE}'
            f"</a:tableStyleId></a:tblPr><a:tblGrid>{grid}</a:tblGrid>{''.join(rows)}</a:tbl></a:graphicData>"
            "</a:graphic></p:graphicFrame>"
        ),
    )
    for line in lines:
        if line.full:
            append_notes(slide, " | ".join(line.full))
    said = [line.note for line in lines if line.note]
    if said:
        append_notes(slide, "\n".join(said))


def _row_xml(line: Line, colour: str) -> str:
    """Return the XML of one table row (a group row spans the table, tinted): the run look made once a row, again
    only for a cell whose fill asks for another text colour."""
    if line.group:
        count = len(line.fills) or 0
        style = _style(True, line.size, colour)
        first = _cell_xml(line.texts[0], style, theme.GROUP_ROW, f' gridSpan="{count}"')
        rest = _cell_xml("", style, "", ' hMerge="1"') * (count - 1)
        return f'<a:tr h="{line.height}">{first}{rest}</a:tr>'
    fills = line.fills or [""] * len(line.texts)
    plain = _style(line.bold, line.size, colour)
    cells = "".join(
        _cell_xml(text, _style(line.bold, line.size, theme.text_on(fill)) if fill else plain, fill)
        for text, fill in zip(line.texts, fills, strict=True)
    )
    return f'<a:tr h="{line.height}">{cells}</a:tr>'


def _style(bold: bool, size: float, colour: str) -> str:
    """Return a cell's run properties after a:rPr's name: size, weight and colour (closed by the caller's '>')."""
    return f'sz="{round(size * 100)}" b="{int(bold)}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'


_MARGINS = f'marL="{INSET_X}" marR="{INSET_X}" marT="{INSET_Y}" marB="{INSET_Y}"'
_BODY = '<a:txBody><a:bodyPr wrap="square"/><a:lstStyle/><a:p>'


def _cell_xml(text: str, style: str, fill: str, span: str = "") -> str:
    """Return the XML of one cell in a run look (_style): its paragraph of runs (lines split at line breaks),
    margins and fill, made in one piece."""
    runs = runs_xml(text, style) if text else f"<a:pPr><a:defRPr {style}</a:defRPr></a:pPr>"
    if fill:
        shade = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
        return f"<a:tc{span}>{_BODY}{runs}</a:p></a:txBody><a:tcPr {_MARGINS}>{shade}</a:tcPr></a:tc>"
    return f"<a:tc{span}>{_BODY}{runs}</a:p></a:txBody><a:tcPr {_MARGINS}/></a:tc>"
