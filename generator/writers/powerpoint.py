"""PowerPoint writer: slide specifications -> .pptx on the master deck, laid out so nothing falls off.

Layouts are picked by name and content goes where their placeholders are, so a branded master
with the same layout names gives its look. Text is fitted with textfit (never below 10 pt);
tables continue on follow-on slides with the header repeated; what had to be shortened is
written in full in the speaker notes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from generator import resources
from generator.model.plan import AccountPlan
from generator.views import VIEWS
from generator.views.slides import DECKS, Block, Column, Deck, Slide
from generator.writers import orgchart
from generator.writers.textfit import EMU_PER_PT, fit, line_height, shorten, wrap

Box = tuple[int, int, int, int]
NAVY, TEAL, WHITE, INK = "1F3864", "1A7F8E", "FFFFFF", "262626"
INSET_X, INSET_Y = 91440, 45720
TABLE_SIZE, HEADER_SIZE, MIN_SIZE = 11, 11, 10
GAP = Emu(228600)
DARK_FILLS = {"1F3864", "2E9E5B", "D64545", "1A7F8E"}


@cache
def master_bytes() -> bytes:
    """Return the master deck, read once per process."""
    return resources.templates().joinpath("master.pptx").read_bytes()


def _rgb(hex_colour: str) -> RGBColor:
    """Return an RGBColor from 'RRGGBB'."""
    return RGBColor.from_string(hex_colour)


def _pt(emu: int) -> float:
    """Return a length in points."""
    return emu / EMU_PER_PT


@dataclass
class Canvas:
    """One presentation being built, with the notes each slide collects."""

    prs: Any
    footer: str

    def slide(self, layout: str, title: str, notes: str) -> Any:
        """Add a slide of a named layout with its title and notes."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts.get_by_name(layout))
        if slide.shapes.title is not None:
            self._title(slide, title)
        slide.notes_slide.notes_text_frame.text = notes
        self._footer(slide)
        return slide

    def _title(self, slide: Any, title: str) -> None:
        """Write a title fitted into the title placeholder (white and centred on the title slide)."""
        shape = slide.shapes.title
        if shape.top < Emu(914400):
            _fill(shape, [(title, {"bold": True, "colour": NAVY})], largest=26, smallest=14, notes=slide)
        else:
            style = {"bold": True, "colour": WHITE, "align": PP_ALIGN.CENTER}
            _fill(shape, [(title, style)], largest=40, smallest=14, notes=slide, anchor=MSO_ANCHOR.MIDDLE)

    def _footer(self, slide: Any) -> None:
        """Add the footer line and the slide number."""
        number = len(self.prs.slides)
        height = Emu(301752)
        top = self.prs.slide_height - Emu(338328)
        width = self.prs.slide_width
        left_box = (Emu(457200), top, width - Emu(2286000), height)
        right_box = (width - Emu(1600200), top, Emu(1143000), height)
        _textbox(slide, left_box, [(self.footer, {"size": 10, "colour": "7F7F7F"})], largest=10, smallest=10)
        _textbox(
            slide,
            right_box,
            [(str(number), {"size": 10, "colour": "7F7F7F", "align": PP_ALIGN.RIGHT})],
            largest=10,
            smallest=10,
        )


def _body_boxes(slide: Any) -> list[Box]:
    """Return the boxes of a slide's body placeholders (left to right) and remove them."""
    boxes = []
    for shape in list(slide.placeholders):
        if shape.placeholder_format.idx in range(1, 10):
            boxes.append((shape.left, shape.top, shape.width, shape.height))
            shape._element.getparent().remove(shape._element)
    return sorted(boxes)


def _append_notes(slide: Any, text: str) -> None:
    """Add text to a slide's speaker notes."""
    frame = slide.notes_slide.notes_text_frame
    frame.text = f"{frame.text}\n\n{text}" if frame.text else text


Para = tuple[str, dict[str, Any]]


def _fill(
    shape: Any,
    paragraphs: list[Para],
    largest: float,
    smallest: float = MIN_SIZE,
    notes: Any = None,
    anchor: Any = MSO_ANCHOR.TOP,
) -> float:
    """Write paragraphs into a shape at the largest size that fits; return the size used."""
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    for side in ("margin_left", "margin_right"):
        setattr(frame, side, INSET_X)
    frame.margin_top = frame.margin_bottom = INSET_Y
    width = _pt(shape.width - 2 * INSET_X)
    height = _pt(shape.height - 2 * INSET_Y)
    texts = [p[0] for p in paragraphs]
    fitted = fit(texts, width, height, largest, smallest, scales=[p[1].get("scale", 1.0) for p in paragraphs])
    size = fitted.size
    if fitted.shortened and notes is not None:
        _append_notes(notes, "\n".join(texts))
    frame.clear()
    for index, text in enumerate(fitted.paragraphs):
        style = paragraphs[index][1] if index < len(paragraphs) else {}
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _style(paragraph, text, size * style.get("scale", 1.0), style)
    return size


def _style(paragraph: Any, text: str, size: float, style: dict[str, Any]) -> None:
    """Set a paragraph's text and look."""
    paragraph.text = text
    paragraph.space_after = Pt(size * 0.3)
    if "align" in style:
        paragraph.alignment = style["align"]
    font = paragraph.runs[0].font if paragraph.runs else paragraph.font
    font.size = Pt(size)
    font.bold = style.get("bold", False)
    font.color.rgb = _rgb(style.get("colour", INK))


def _textbox(
    slide: Any,
    box: Box,
    paragraphs: list[Para],
    largest: float,
    smallest: float = MIN_SIZE,
    fill: str = "",
    anchor: Any = MSO_ANCHOR.TOP,
    shape_type: Any = None,
) -> Any:
    """Add a text box (or a filled shape) with fitted text."""
    if shape_type is None and not fill:
        shape = slide.shapes.add_textbox(*box)
    else:
        shape = slide.shapes.add_shape(shape_type or MSO_SHAPE.RECTANGLE, *box)
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill or WHITE)
        shape.line.color.rgb = _rgb("D0D7E2")
        shape.shadow.inherit = False
    _fill(shape, paragraphs, largest, smallest, notes=slide, anchor=anchor)
    return shape


def _block(block: Block, size_heading: bool = True) -> list[Para]:
    """Return a block as paragraphs: a bold heading, then bullet lines."""
    heading: list[Para] = [(block.heading, {"bold": True, "colour": NAVY, "scale": 1.1})] if size_heading else []
    marker = "• " if block.bullets else ""
    return heading + [(f"{marker}{item}", {}) for item in block.items]


# -- slide kinds ---------------------------------------------------------------------------------
def title_slide(canvas: Canvas, spec: Slide) -> None:
    """Lay out the title slide."""
    slide = canvas.slide("Title", spec.title, spec.notes)
    subtitle = slide.placeholders[1]
    _fill(
        subtitle, [(line, {"colour": WHITE, "align": PP_ALIGN.CENTER}) for line in spec.subtitle], 20, 12, notes=slide
    )


def columns_slide(canvas: Canvas, spec: Slide) -> None:
    """Lay out blocks side by side in the column placeholders."""
    layout = {1: "Title and Content", 2: "Two Columns"}.get(len(spec.blocks), "Three Columns")
    slide = canvas.slide(layout, spec.title, spec.notes)
    for box, block in zip(_body_boxes(slide), spec.blocks, strict=False):
        _textbox(slide, box, _block(block), largest=18)


def tiles_slide(canvas: Canvas, spec: Slide) -> None:
    """Lay out big-number tiles above three text columns."""
    slide = canvas.slide("Three Columns", spec.title, spec.notes)
    boxes = _body_boxes(slide)
    left, top = boxes[0][0], boxes[0][1]
    right = boxes[-1][0] + boxes[-1][2]
    tile_h = Emu(1188720)
    count = len(spec.tiles)
    tile_w = (right - left - GAP * (count - 1)) // count
    for index, (value, label) in enumerate(spec.tiles):
        box = (left + index * (tile_w + GAP), top, tile_w, tile_h)
        _textbox(
            slide,
            box,
            [
                (value, {"bold": True, "colour": WHITE, "scale": 2.0, "align": PP_ALIGN.CENTER}),
                (label, {"colour": WHITE, "align": PP_ALIGN.CENTER}),
            ],
            largest=14,
            smallest=10,
            fill=NAVY,
            anchor=MSO_ANCHOR.MIDDLE,
            shape_type=MSO_SHAPE.ROUNDED_RECTANGLE,
        )
    below = top + tile_h + GAP
    for (x, _, w, h), block in zip(boxes, spec.blocks, strict=False):
        _textbox(slide, (x, below, w, top + h - below), _block(block), largest=16)


def grid_slide(canvas: Canvas, spec: Slide) -> None:
    """Lay out four blocks as a 2x2 grid of coloured boxes."""
    slide = canvas.slide("Title and Content", spec.title, spec.notes)
    left, top, width, height = _body_boxes(slide)[0]
    w, h = (width - GAP) // 2, (height - GAP) // 2
    for index, block in enumerate(spec.blocks[:4]):
        box = (left + (index % 2) * (w + GAP), top + (index // 2) * (h + GAP), w, h)
        _textbox(slide, box, _block(block), largest=16, fill=block.fill or "EEF2F8")


def chart_slide(canvas: Canvas, spec: Slide) -> None:
    """Lay out a native column chart (or an empty frame with a hint) beside text blocks."""
    slide = canvas.slide("Chart", spec.title, spec.notes)
    left, top, width, height = _body_boxes(slide)[0]
    chart_w = int(width * 0.64)
    chart_box = (left, top, chart_w, height)
    if spec.chart_hint:
        frame = _textbox(
            slide,
            chart_box,
            [(spec.chart_hint, {"colour": "7F7F7F", "align": PP_ALIGN.CENTER})],
            largest=16,
            fill="F7F9FC",
            anchor=MSO_ANCHOR.MIDDLE,
        )
        frame.line.dash_style = 4
    else:
        _chart(slide, chart_box, spec)
    side_left = left + chart_w + GAP
    side = (side_left, top, left + width - side_left, height)
    paragraphs = [p for block in spec.blocks for p in _block(block)]
    _textbox(slide, side, paragraphs, largest=16)


def _chart(slide: Any, box: Box, spec: Slide) -> None:
    """Add a clustered column chart whose series are the spec's values."""
    data = CategoryChartData(number_format="#,##0")
    data.categories = spec.categories
    for series in spec.series:
        data.add_series(series.name, series.values)
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *box, data).chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.font.size = Pt(12)
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.tick_labels.number_format = "#,##0"
    chart.value_axis.tick_labels.number_format_is_linked = False
    for index, colour in enumerate((TEAL, NAVY)):
        if index < len(chart.plots[0].series):
            fill = chart.plots[0].series[index].format.fill
            fill.solid()
            fill.fore_color.rgb = _rgb(colour)


def matrix_slide(canvas: Canvas, spec: Slide) -> None:
    """Lay out the influence-interest matrix, every stakeholder named in their quadrant."""
    slide = canvas.slide("Title and Content", spec.title, spec.notes)
    left, top, width, height = _body_boxes(slide)[0]
    axis_w, axis_h = Emu(1097280), Emu(365760)
    grid_left, grid_w, grid_h = left + axis_w, width - axis_w, height - axis_h
    w, h = (grid_w - GAP) // 2, (grid_h - GAP) // 2
    quadrants = {q["key"]: q for q in spec.rows}
    fills = {"influencers": "E3EAF4", "champions": "E3F1E8", "others": "F2F2F2", "users": "E1F0F2"}
    for index, key in enumerate(("influencers", "champions", "others", "users")):
        q = quadrants[key]
        box = (grid_left + (index % 2) * (w + GAP), top + (index // 2) * (h + GAP), w, h)
        names = " · ".join(q["names"])
        _textbox(
            slide,
            box,
            [
                (f"{q['title']} ({q['count']})", {"bold": True, "colour": NAVY, "scale": 1.1}),
                (q["description"], {"colour": "595959", "scale": 0.9}),
                (names, {}),
            ],
            largest=16,
            fill=fills[key],
        )
    labels = spec.labels
    for row, word in enumerate((labels["high"], labels["lower"])):
        box = (left, top + row * (h + GAP), axis_w - Emu(91440), h)
        _textbox(
            slide,
            box,
            [(labels["influence"], {"bold": True, "colour": TEAL}), (word, {})],
            largest=14,
            anchor=MSO_ANCHOR.MIDDLE,
        )
    for column, word in enumerate((labels["lower"], labels["high"])):
        box = (grid_left + column * (w + GAP), top + grid_h + Emu(45720), w, axis_h - Emu(45720))
        _textbox(
            slide,
            box,
            [(f"{labels['interest']}: {word}", {"bold": True, "colour": TEAL, "align": PP_ALIGN.CENTER})],
            largest=12,
        )


def org_slide(canvas: Canvas, spec: Slide) -> None:
    """Lay out the org chart from 'reports to', split by branch when it does not fit one slide."""
    pages = orgchart.paginate(spec.people)
    for number, page in enumerate(pages, 1):
        title = spec.title if len(pages) == 1 else f"{spec.title} ({number}/{len(pages)})"
        if page.context:
            title = f"{title} — {page.context}"
        slide = canvas.slide("Title and Content", title, spec.notes)
        left, top, width, height = _body_boxes(slide)[0]
        legend_h = Emu(320040)
        shapes = {}
        for node in page.nodes:
            box = orgchart.box_of(node, page, (left, top, width, height - legend_h - Emu(91440)))
            shapes[node.name] = _person_box(slide, box, node.person)
        for node in page.nodes:
            if node.parent in shapes:
                _connect(slide, shapes[node.parent], shapes[node.name])
        _legend(slide, (left, top + height - legend_h, width, legend_h), spec)


def _person_box(slide: Any, box: Box, person: dict[str, Any]) -> Any:
    """Add one person's box, coloured by stance, outlined when they decide."""
    colour = person["stance_colour"]
    text_colour = WHITE if colour in DARK_FILLS else INK
    name = f"{person['decision_mark']} {person['name']}".strip()
    shape = _textbox(
        slide,
        box,
        [
            (name, {"bold": True, "colour": text_colour, "align": PP_ALIGN.CENTER}),
            (person["title"], {"colour": text_colour, "scale": 0.95, "align": PP_ALIGN.CENTER}),
        ],
        largest=12,
        fill=colour,
        anchor=MSO_ANCHOR.MIDDLE,
        shape_type=MSO_SHAPE.ROUNDED_RECTANGLE,
    )
    if person["decision_maker"]:
        shape.line.color.rgb = _rgb(NAVY)
        shape.line.width = Pt(3)
    return shape


def _connect(slide: Any, parent: Any, child: Any) -> None:
    """Join a parent box to a child box with an elbow connector."""
    connector = slide.shapes.add_connector(MSO_CONNECTOR.ELBOW, 0, 0, 0, 0)
    connector.begin_connect(parent, 2)
    connector.end_connect(child, 0)
    connector.line.color.rgb = _rgb("8CA0BE")
    connector.line.width = Pt(1.25)


def _legend(slide: Any, box: Box, spec: Slide) -> None:
    """Add the stance legend and the decision-maker note along the bottom of the chart."""
    left, top, width, height = box
    x = left
    swatch = Emu(182880)
    for label, colour in spec.legend:
        square = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, top + (height - swatch) // 2, swatch, swatch)
        square.fill.solid()
        square.fill.fore_color.rgb = _rgb(colour)
        square.line.fill.background()
        label_w = Emu(int((len(label) * 0.6 * 11 + 16) * EMU_PER_PT))
        _textbox(
            slide,
            (x + swatch + Emu(45720), top, label_w, height),
            [(label, {})],
            largest=11,
            smallest=10,
            anchor=MSO_ANCHOR.MIDDLE,
        )
        x += swatch + label_w + Emu(91440)
    _textbox(
        slide,
        (x + Emu(182880), top, left + width - x - Emu(182880), height),
        [(spec.labels["decision"], {"colour": "595959"})],
        largest=11,
        smallest=10,
        anchor=MSO_ANCHOR.MIDDLE,
    )


# -- tables ------------------------------------------------------------------------------------
def table_slide(canvas: Canvas, spec: Slide) -> None:
    """Lay out a table, continuing on follow-on slides with the header row repeated."""
    probe = canvas.prs.slide_layouts.get_by_name("Table").placeholders
    body = next(ph for ph in probe if ph.placeholder_format.idx == 1)
    left, top, width, height = body.left, body.top, body.width, body.height
    widths = _column_widths(spec.columns, width)
    header_h = _row_height([c.label for c in spec.columns], widths, HEADER_SIZE)
    pages = _paginate(spec, widths, height - header_h)
    for number, rows in enumerate(pages, 1):
        title = spec.title if len(pages) == 1 else f"{spec.title} ({number}/{len(pages)})"
        slide = canvas.slide("Table", title, spec.notes)
        _body_boxes(slide)
        _table(slide, (left, top, width, height), spec, widths, header_h, rows)


def _column_widths(columns: list[Column], width: int) -> list[int]:
    """Return column widths in EMU proportional to their weights."""
    total = sum(c.weight for c in columns)
    widths = [int(width * c.weight / total) for c in columns]
    widths[-1] += width - sum(widths)
    return widths


def _cell_text(row: dict[str, Any], column: Column) -> str:
    """Return what a cell shows."""
    return str(row.get(column.key, ""))


def _row_height(texts: list[str], widths: list[int], size: float) -> int:
    """Return the height a row needs in EMU (its tallest cell)."""
    tallest = max(len(wrap(t, _pt(w - 2 * INSET_X), size)) for t, w in zip(texts, widths, strict=True))
    return int((tallest * line_height(size) + _pt(2 * INSET_Y) + 2) * EMU_PER_PT)


@dataclass
class _Row:
    """A laid-out table row: its cells' text, its height, whether it is a group row."""

    texts: list[str]
    height: int
    source: dict[str, Any]
    group: bool = False


def _paginate(spec: Slide, widths: list[int], room: int) -> list[list[_Row]]:
    """Return the rows split into pages that each fit the room under the header."""
    pages: list[list[_Row]] = [[]]
    used = 0
    for row in spec.rows:
        laid = _lay_row(spec, row, widths, room)
        if pages[-1] and used + laid.height > room:
            if pages[-1][-1].group:
                moved = pages[-1].pop()
                pages.append([moved])
                used = moved.height
            else:
                pages.append([])
                used = 0
        pages[-1].append(laid)
        used += laid.height
    return pages


def _lay_row(spec: Slide, row: dict[str, Any], widths: list[int], room: int) -> _Row:
    """Return a row laid out, its cells shortened if even alone it would not fit."""
    if spec.group_key and spec.group_key in row:
        text = str(row[spec.group_key])
        return _Row([text], _row_height([text], [sum(widths)], TABLE_SIZE), row, group=True)
    texts = [_cell_text(row, c) for c in spec.columns]
    height = _row_height(texts, widths, TABLE_SIZE)
    if height <= room:
        return _Row(texts, height, row)
    limit = _pt(room) - _pt(2 * INSET_Y) - 4
    short = [
        shorten([t], _pt(w - 2 * INSET_X), limit, TABLE_SIZE, 0)[0] if t else t
        for t, w in zip(texts, widths, strict=True)
    ]
    return _Row(short, _row_height(short, widths, TABLE_SIZE), {**row, "_full": texts})


def _table(slide: Any, box: Box, spec: Slide, widths: list[int], header_h: int, rows: list[_Row]) -> None:
    """Add one page of a table: header row then rows, heights set, cells coloured where asked."""
    left, top, width, _ = box
    total_h = header_h + sum(r.height for r in rows)
    shape = slide.shapes.add_table(len(rows) + 1, len(widths), left, top, width, total_h)
    table = shape.table
    for index, w in enumerate(widths):
        table.columns[index].width = w
    tr_list = table._tbl.tr_lst
    _write_row(table, tr_list[0], [c.label for c in spec.columns], header_h, bold=True, colour=WHITE)
    for tr, row in zip(tr_list[1:], rows, strict=True):
        if row.group:
            _group_row(table, tr, row)
            continue
        _write_row(table, tr, row.texts, row.height, bold=bool(row.source.get("total")))
        _colour_cells(table, tr, spec.columns, row.source)
        if "_full" in row.source:
            _append_notes(slide, " | ".join(row.source["_full"]))


def _cells(table: Any, tr: Any) -> list[Any]:
    """Return the cells of one row without re-listing the table's rows."""
    from pptx.table import _Cell

    return [_Cell(tc, table) for tc in tr.tc_lst]


def _write_row(table: Any, tr: Any, texts: list[str], height: int, bold: bool = False, colour: str = INK) -> None:
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
        font.color.rgb = _rgb(colour)


def _group_row(table: Any, tr: Any, row: _Row) -> None:
    """Write a group heading across the whole row."""
    cells = _cells(table, tr)
    cells[0].merge(cells[-1])
    _write_row(table, tr, [row.texts[0]] + [""] * (len(cells) - 1), row.height, bold=True, colour=NAVY)
    cells[0].fill.solid()
    cells[0].fill.fore_color.rgb = _rgb("D9E1EE")


def _colour_cells(table: Any, tr: Any, columns: list[Column], source: dict[str, Any]) -> None:
    """Fill the cells whose column asks for a colour from the row (RAG, stance)."""
    for cell, column in zip(_cells(table, tr), columns, strict=True):
        colour = source.get(column.colour_key) if column.colour_key else None
        if colour:
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(colour)


KINDS = {
    "title": title_slide,
    "columns": columns_slide,
    "tiles": tiles_slide,
    "grid": grid_slide,
    "chart": chart_slide,
    "matrix": matrix_slide,
    "org": org_slide,
    "table": table_slide,
}


def build_deck(deck: Deck, title: str, author: str, when: date | None) -> bytes:
    """Return the .pptx bytes of a deck on the master."""
    canvas = Canvas(Presentation(io.BytesIO(master_bytes())), deck.footer)
    for spec in deck.slides:
        KINDS[spec.kind](canvas, spec)
    props = canvas.prs.core_properties
    stamp = datetime.combine(when or date(2000, 1, 1), datetime.min.time(), tzinfo=UTC)
    props.title, props.author, props.last_modified_by = title[:255], author[:255], "accountplan"
    props.created = props.modified = stamp
    props.revision = 1
    out = io.BytesIO()
    canvas.prs.save(out)
    return out.getvalue()


class PowerPointWriter:
    """Writes a family view as a .pptx deck."""

    name: str = "pptx"
    out_suffix: str = ".pptx"
    families: tuple[str, ...] = tuple(DECKS)

    def write(self, family: str, plan: AccountPlan) -> bytes:
        """Return the .pptx bytes of one family."""
        view = VIEWS[family](plan)
        doc = view["doc"]
        deck = DECKS[family](view)
        return build_deck(deck, f"{doc['title']} — {doc['account']}", doc["prepared_by"], plan.plan.date)
