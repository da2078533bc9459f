"""Table slides: rows laid out to fit, continued on follow-on slides with the header repeated."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls

from generator.document import theme
from generator.document.blocks import Column, Row, Section, Table
from generator.writers.pptx.slides import Canvas, body_boxes
from generator.writers.pptx.text import INSET_X, INSET_Y, append_notes, escape_text, pt
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
        return Line([item], row_height([item], [sum(widths)], TABLE_SIZE), [""] * len(widths), group=True)
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
    """Add one page of a table: its XML is written in one piece and parsed once (python-pptx's per-cell
    setters cost far more than the text); the same markup python-pptx would make."""
    left, top, width = box
    total_h = header_h + sum(line.height for line in lines)
    frame = slide.shapes.add_table(1, len(widths), left, top, width, total_h)
    old = frame.table._tbl
    head = Line([c.label for c in columns], header_h, bold=True)
    rows = [_row_xml(head, theme.WHITE), *(_row_xml(line, theme.NAVY if line.group else theme.INK) for line in lines)]
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in widths)
    tbl = parse_xml(f"<a:tbl {nsdecls('a')}><a:tblGrid>{grid}</a:tblGrid>{''.join(rows)}</a:tbl>")
    tbl.insert(0, old.tblPr)
    old.getparent().replace(old, tbl)
    for line in lines:
        if line.full:
            append_notes(slide, " | ".join(line.full))


def _row_xml(line: Line, colour: str) -> str:
    """Return the XML of one table row (a group row spans the table, tinted)."""
    if line.group:
        count = len(line.fills) or 0
        first = _cell_xml(line.texts[0], True, colour, theme.GROUP_ROW, f' gridSpan="{count}"')
        rest = _cell_xml("", True, colour, "", ' hMerge="1"') * (count - 1)
        return f'<a:tr h="{line.height}">{first}{rest}</a:tr>'
    fills = line.fills or [""] * len(line.texts)
    cells = "".join(
        _cell_xml(text, line.bold, theme.text_on(fill) if fill else colour, fill)
        for text, fill in zip(line.texts, fills, strict=True)
    )
    return f'<a:tr h="{line.height}">{cells}</a:tr>'


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")


def _cell_xml(text: str, bold: bool, colour: str, fill: str, span: str = "") -> str:
    """Return the XML of one cell: its paragraph of runs (lines split at line breaks), margins and fill."""
    style = f'sz="{TABLE_SIZE * 100}" b="{int(bold)}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
    parts = re.split("\n|\v", text)
    runs = "<a:br/>".join(f"<a:r><a:rPr {style}</a:rPr><a:t>{escape_text(p)}</a:t></a:r>" if p else "" for p in parts)
    if not text:
        runs = f"<a:pPr><a:defRPr {style}</a:defRPr></a:pPr>"
    margins = f'marL="{INSET_X}" marR="{INSET_X}" marT="{INSET_Y}" marB="{INSET_Y}"'
    shade = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else ""
    tcpr = f"<a:tcPr {margins}>{shade}</a:tcPr>" if shade else f"<a:tcPr {margins}/>"
    body = f'<a:txBody><a:bodyPr wrap="square"/><a:lstStyle/><a:p>{runs}</a:p></a:txBody>'
    return f"<a:tc{span}>{body}{tcpr}</a:tc>"
