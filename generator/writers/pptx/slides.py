"""Slide layouts by block kind: title, columns, tiles, grid, chart, matrix and org chart, on the master's layouts.

Layouts are picked by name and content goes where their placeholders are, so a branded master with the
same layout names gives its look.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass, field
from functools import reduce
from operator import getitem
from typing import Any, NamedTuple

from lxml.etree import SubElement
from PIL import Image
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart
from pptx.shapes.autoshape import Shape
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import Slide
from pptx.util import Emu

from generator.document import theme
from generator.document.blocks import Block, Box, Boxes, Bullets, Chart, Cover, Fields, Section, Tiles
from generator.document.people import Matrix
from generator.writers.pptx.chart import add_chart
from generator.writers.pptx.graph import relate_new, with_relationships
from generator.writers.pptx.notes import DefaultNotes, Page, add_notes, notes_master, notes_page
from generator.writers.pptx.text import (
    Para,
    awaiting_title,
    entitle,
    fill,
    fitted_xml,
    flush,
    line_textbox,
    next_shape_id,
    placed_shape,
    shapes_expected_in,
    shapes_removed,
    textbox,
    textboxes,
)

Rect = tuple[int, int, int, int]
GAP = Emu(228600)
MARGIN, LOGO_WIDEST = Emu(457200), Emu(1828800)  # half an inch from the edges; a logo at most two inches wide
BODY = range(1, 10)  # placeholder numbers of a layout's content boxes
_PH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
_SLIDE_ID, _RELATIONSHIP_ID = qn("p:sldId"), qn("r:id")
_SLIDES = "/ppt/slides"  # the folder of a deck's slides: their relationships' base
_FOOTER_HEIGHT, _FOOTER_RISE = Emu(301752), Emu(338328)  # the footer line's height, its top above the slide's foot
_FOOTER_RIGHT, _NUMBER_RIGHT, _NUMBER_WIDTH = Emu(2286000), Emu(1600200), Emu(1143000)  # from the right edge
_FOOTER_LOOK: dict[str, Any] = {"size": 10, "colour": theme.MUTED}
_NUMBER_LOOK: dict[str, Any] = {**_FOOTER_LOOK, "align": PP_ALIGN.RIGHT}


@dataclass(frozen=True)
class Layout:
    """A master layout and where its placeholders are (read once: python-pptx looks inherited positions up
    through the layout on every access)."""

    layout: Any
    title: Rect | None
    bodies: list[Rect]


class Blank(NamedTuple):
    """A layout's new slide as python-pptx made it, copied for each next slide of the layout."""

    element: Any
    held: int  # how many elements its shape tree holds
    next_id: int  # the id its next shape takes
    path: tuple[int, ...]  # where its shape tree is (see _path)


@dataclass
class Prepared:
    """What every deck on one master starts from, worked out once per process."""

    geometry: dict[str, tuple[Rect | None, list[Rect]]] = field(default_factory=dict)  # placeholder boxes by layout
    blanks: dict[str, Blank] = field(default_factory=dict)  # per layout, a new slide as python-pptx made it
    titled: dict[str, tuple[str | None] | None] = field(default_factory=dict)  # per layout, its title's alignment
    extents: dict[tuple[str, int], tuple[int, int] | None] = field(default_factory=dict)  # placeholder sizes
    notes_page: Page | None = None  # a new notes page as python-pptx clones it from the notes master
    notes_default: DefaultNotes | None = None  # the default notes master and its theme, when the master has none
    serialized: dict[str, tuple[bytes, bytes | None]] = field(default_factory=dict)  # the master's parts as XML
    layouts: dict[str, Any] = field(default_factory=dict)  # python-pptx's layout by name (the decks share its part)
    bodies: dict[str, tuple[int, list[int]]] = field(default_factory=dict)  # per layout: a new slide's shape count
    # and the places of its content boxes among them


@dataclass
class Canvas:
    """One presentation being built."""

    prs: Any
    footer: str
    layouts: dict[str, Layout] = field(default_factory=dict)
    shared: Prepared = field(default_factory=Prepared)  # shared by the decks on one master
    current: str = ""
    slide_id: int = 0  # the id given to the last slide added
    logo: bytes | None = None  # the seller's logo (PNG): on the title slide and in every slide's footer
    notes_master: Any = None  # the deck's notes master part, once its first slide has notes
    size: tuple[int, int] = (0, 0)  # the slides' width and height, read from the deck once

    def layout(self, name: str) -> Layout:
        """Return a named layout with its placeholder boxes."""
        if name not in self.layouts:
            layout = self.shared.layouts.get(name)
            if layout is None:
                layout = self.shared.layouts[name] = self.prs.slide_layouts.get_by_name(name)
            if name not in self.shared.geometry:
                self.shared.geometry[name] = _geometry(layout)
            title, bodies = self.shared.geometry[name]
            self.layouts[name] = Layout(layout, title, list(bodies))
        return self.layouts[name]

    def slide(self, layout: str, title: str, notes: str) -> Any:
        """Add a slide of a named layout with its title and notes."""
        slide = self._new_slide(layout)
        self.current = layout
        titled = self.shared.titled[layout]
        if titled is not None:
            self._title(slide, title, layout, titled[0])
        self._notes(slide, notes)
        self._footer(slide)
        return slide

    def _new_slide(self, name: str) -> Any:
        """Return a new slide of a layout: the first made by python-pptx (it clones the layout's placeholders),
        the rest copied from that one, related and listed as python-pptx does."""
        layout = self.layout(name).layout
        if name not in self.shared.blanks:
            slide = self.prs.slides.add_slide(layout)
            heading = _title_shape(slide)
            self.shared.titled[name] = None if heading is None else (awaiting_title(heading, _anchor(name)),)
            tree = slide.shapes._spTree
            self.shared.blanks[name] = Blank(deepcopy(slide._element), len(tree), next_shape_id(tree), _path(tree))
            return slide
        presentation, listed = self.prs.part, self.prs.slides._sldIdLst
        name_of_part = PackURI(f"/ppt/slides/slide{len(listed) + 1}.xml")  # python-pptx's, without its look-up
        blank = self.shared.blanks[name]
        element = deepcopy(blank.element)
        part = with_relationships(SlidePart(name_of_part, CT.PML_SLIDE, presentation.package, element), _SLIDES)
        slide = part.__dict__["slide"] = Slide(element, part)  # what python-pptx's lazy properties would make
        tree = reduce(getitem, blank.path, element)
        slide.__dict__["shapes"] = SlideShapes(tree, slide)
        shapes_expected_in(part, tree, blank.held, blank.next_id)  # its tree's ids are its blank's: not looked for
        relate_new(part, layout.part, RT.SLIDE_LAYOUT)  # a new part: nothing to search
        number, rid = self._next_slide_id(listed), relate_new(presentation, part, RT.SLIDE)
        SubElement(listed, _SLIDE_ID, {"id": str(number), _RELATIONSHIP_ID: rid})  # python-pptx's _add_sldId, at once
        return slide

    def _next_slide_id(self, listed: Any) -> int:
        """Return the id of the next slide in the list, as python-pptx numbers them (one more than the largest,
        from 256), without searching the list for every slide."""
        if listed[-1:] and int(listed[-1].get("id")) == self.slide_id:
            self.slide_id += 1
        else:
            self.slide_id = listed._next_id
        return self.slide_id

    def _notes(self, slide: Any, text: str) -> None:
        """Give a new slide its notes page with text: the page made once per process as python-pptx makes it
        (cloned from the notes master), the notes put in when the deck is saved."""
        if self.notes_master is None:
            self.notes_master, self.shared.notes_default = notes_master(self.prs.part, self.shared.notes_default)
        if self.shared.notes_page is None:
            self.shared.notes_page = notes_page(self.notes_master.notes_master)
        add_notes(slide, len(self.prs.slides), self.notes_master, self.shared.notes_page, text)

    def body(self, slide: Any) -> list[Rect]:
        """Return the boxes of the current slide's body placeholders (left to right) and remove them: found once
        per layout (looking into each shape cost more than the rest of a new slide), by their places in the tree
        while it holds what the layout's new slides hold."""
        tree = slide.shapes._spTree
        before = len(tree)
        found = self.shared.bodies.get(self.current)
        if found is None or found[0] != before:
            places = [i for i, shape in enumerate(tree) if _body_placeholder(shape)]
            found = self.shared.bodies[self.current] = (before, places)
        for index in reversed(found[1]):
            del tree[index]
        shapes_removed(slide, before)
        return list(self.layout(self.current).bodies)

    def placeholder(self, slide: Any, idx: int) -> tuple[Any, tuple[int, int]]:
        """Return a new slide's placeholder by number and its size (its layout's: python-pptx looks it up through
        the layout on every access), found without a shape made for every placeholder."""
        key = (self.current, idx)
        if key not in self.shared.extents:
            found = self.layout(self.current).layout.placeholders.get(idx=idx)
            self.shared.extents[key] = (found.width, found.height) if found is not None else None
        extent = self.shared.extents[key]
        for element in slide.shapes._spTree:
            ph = element.find(_PH)
            if extent is not None and ph is not None and ph.get("idx", "0") == str(idx):
                return Shape(element, slide.shapes), extent
        shape = slide.placeholders[idx]  # python-pptx's own look-up (and its error when there is none)
        return shape, (shape.width, shape.height)

    def _title(self, slide: Any, title: str, layout: str, kept: str | None) -> None:
        """Write a title fitted into the title placeholder (white and centred on the title slide, large on a
        chapter divider), its first line aligned as the placeholder's was (kept)."""
        box = self.layout(layout).title
        assert box is not None
        style: dict[str, Any] = {"bold": True, "colour": theme.NAVY}
        largest = 26 if box[1] < Emu(914400) else 40
        if layout == "Title":
            style, largest = {"bold": True, "colour": theme.WHITE, "align": PP_ALIGN.CENTER}, 40
        entitle(slide, fitted_xml([(title, style)], box[2:], (largest, 14), slide, kept)[0])

    def _footer(self, slide: Any) -> None:
        """Add the footer line and the slide number."""
        number = len(self.prs.slides)
        if not self.size[0]:
            self.size = self.prs.slide_width, self.prs.slide_height
        width, top = self.size[0], self.size[1] - _FOOTER_RISE
        logo_w = self._logo(slide, (width - MARGIN, top, _FOOTER_HEIGHT)) if self.logo else 0
        left_box = (MARGIN, top, width - _FOOTER_RIGHT - logo_w, _FOOTER_HEIGHT)
        right_box = (width - _NUMBER_RIGHT - logo_w, top, _NUMBER_WIDTH, _FOOTER_HEIGHT)
        line_textbox(slide, left_box, (self.footer, _FOOTER_LOOK), 10)
        line_textbox(slide, right_box, (str(number), _NUMBER_LOOK), 10)

    def _logo(self, slide: Any, corner: tuple[int, int, int]) -> int:
        """Add the logo with its right edge at corner's x, at its top and height; return the width it takes."""
        right, top, height = corner
        flush(slide)  # python-pptx numbers the picture from the shapes in the slide's tree
        with Image.open(io.BytesIO(self.logo or b"")) as image:
            width = min(int(height * image.width / max(image.height, 1)), LOGO_WIDEST)
        slide.shapes.add_picture(io.BytesIO(self.logo or b""), right - width, top, width, height)
        return width + int(GAP)


def _path(element: Any) -> tuple[int, ...]:
    """Return where an element is in its tree: the index of each ancestor's child leading to it, from the root."""
    path: list[int] = []
    while (parent := element.getparent()) is not None:
        path.insert(0, parent.index(element))
        element = parent
    return tuple(path)


def _body_placeholder(shape: Any) -> bool:
    """Return whether a shape of a slide's tree is one of its layout's content boxes."""
    ph = shape.find(_PH)
    return ph is not None and int(ph.get("idx", "0")) in BODY


def _anchor(layout: str) -> Any:
    """Return where a layout's title sits in its placeholder: in the middle on the title slide, else at the top."""
    return MSO_ANCHOR.MIDDLE if layout == "Title" else MSO_ANCHOR.TOP


def _title_shape(slide: Any) -> Any:
    """Return a slide's title placeholder (python-pptx's lookup runs an XPath per shape), or None."""
    for element in slide.shapes._spTree:
        ph = element.find(_PH)
        if ph is not None and ph.get("idx", "0") == "0":
            return Shape(element, slide.shapes)
    return None


def _geometry(layout: Any) -> tuple[Rect | None, list[Rect]]:
    """Return a layout's title box and its body boxes, left to right."""
    title, bodies = None, []
    for ph in layout.placeholders:
        box = (ph.left, ph.top, ph.width, ph.height)
        if ph.placeholder_format.idx == 0:
            title = box
        elif ph.placeholder_format.idx in BODY:
            bodies.append(box)
    return title, sorted(bodies)


def paragraphs(block: Block | Box) -> list[Para]:
    """Return a text block as paragraphs: a bold heading, then its lines."""
    title, lines = _lines(block)
    heading: list[Para] = [(title, {"bold": True, "colour": theme.NAVY, "scale": 1.1})] if title else []
    bullet = not (isinstance(block, Bullets) and block.numbered)
    return heading + [(line, {"bullet": bullet}) for line in lines]


def _lines(block: Block | Box) -> tuple[str, list[str]]:
    """Return a text block's heading and its lines (bullets, numbered steps, 'Label: value' fields)."""
    if isinstance(block, Fields):
        return block.title, [f"{field.label}: {field.value.text}" for field in block.fields]
    if isinstance(block, Box):
        return block.title, list(block.items)
    assert isinstance(block, Bullets), block
    if block.numbered:
        return block.title, [f"{i}. {item}" for i, item in enumerate(block.items, 1)]
    return block.title, list(block.items)


def title_slide(canvas: Canvas, cover: Cover) -> None:
    """Lay out the title slide (the seller's logo in its top right corner)."""
    slide = canvas.slide("Title", cover.title, cover.notes)
    white = {"colour": theme.WHITE, "align": PP_ALIGN.CENTER}
    subtitle, extent = canvas.placeholder(slide, 1)
    fill(subtitle, [(line, white) for line in cover.subtitle], 20, 12, notes=slide, extent=extent)
    if canvas.logo:
        canvas._logo(slide, (canvas.prs.slide_width - MARGIN, MARGIN, Emu(731520)))


def divider_slide(canvas: Canvas, section: Section) -> None:
    """Lay out a chapter divider: the chapter's title alone on the master's section layout."""
    canvas.body(canvas.slide("Section", section.title, section.notes))


def columns_slide(canvas: Canvas, section: Section, blocks: list[Any]) -> None:
    """Lay out text blocks side by side in the column placeholders."""
    layout = {1: "Title and Content", 2: "Two Columns"}.get(len(blocks), "Three Columns")
    slide = canvas.slide(layout, section.title, section.notes)
    largest = 24 if len(blocks) == 1 else 18  # a lone list (an agenda) reads from the back of the room
    textboxes(slide, [(box, paragraphs(b)) for box, b in zip(canvas.body(slide), blocks, strict=False)], largest)


def tiles_slide(canvas: Canvas, section: Section) -> None:
    """Lay out big-figure tiles above three text columns."""
    slide = canvas.slide("Three Columns", section.title, section.notes)
    boxes = canvas.body(slide)
    left, top = boxes[0][0], boxes[0][1]
    right = boxes[-1][0] + boxes[-1][2]
    tile_h = Emu(1188720)
    tiles = next(b for b in section.blocks if isinstance(b, Tiles)).tiles
    tile_w = (right - left - GAP * (len(tiles) - 1)) // len(tiles)
    white = {"colour": theme.WHITE, "align": PP_ALIGN.CENTER}
    figures: list[tuple[Rect, list[Para]]] = [
        (
            (left + index * (tile_w + GAP), top, tile_w, tile_h),
            [(tile.value, {**white, "bold": True, "scale": 2.0}), (tile.label, white)],
        )
        for index, tile in enumerate(tiles)
    ]
    textboxes(slide, figures, 14, tint=theme.NAVY, anchor=MSO_ANCHOR.MIDDLE, shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
    below = top + tile_h + GAP
    columns = [b for b in section.blocks if not isinstance(b, Tiles)]
    placed = zip(boxes, columns, strict=False)
    textboxes(slide, [((x, below, w, top + h - below), paragraphs(block)) for (x, _, w, h), block in placed], 16)


def grid_slide(canvas: Canvas, section: Section, boxes: Boxes) -> None:
    """Lay out four boxes as a 2x2 grid of tinted boxes."""
    slide = canvas.slide("Title and Content", section.title, section.notes)
    left, top, width, height = canvas.body(slide)[0]
    w, h = (width - GAP) // 2, (height - GAP) // 2
    shown = boxes.boxes[:4]
    rects = [(left + (i % 2) * (w + GAP), top + (i // 2) * (h + GAP), w, h) for i in range(len(shown))]
    items = [(rect, paragraphs(box)) for rect, box in zip(rects, shown, strict=True)]
    textboxes(slide, items, 16, tints=[box.fill or theme.BAND for box in shown])


def chart_slide(canvas: Canvas, section: Section, chart: Chart) -> None:
    """Lay out a native column chart (or an empty frame with a hint) beside the section's text blocks."""
    slide = canvas.slide("Chart", section.title, section.notes)
    left, top, width, height = canvas.body(slide)[0]
    chart_w = int(width * 0.64)
    chart_box = (left, top, chart_w, height)
    if chart.hint:
        grey = {"colour": theme.MUTED, "align": PP_ALIGN.CENTER}
        frame = textbox(slide, chart_box, [(chart.hint, grey)], 16, tint="F7F9FC", anchor=MSO_ANCHOR.MIDDLE)
        placed_shape(slide, frame).line.dash_style = 4
    else:
        add_chart(slide, chart_box, chart)
    side_left = left + chart_w + GAP
    side = (side_left, top, left + width - side_left, height)
    texts = [p for block in section.blocks if not isinstance(block, Chart) for p in paragraphs(block)]
    textbox(slide, side, texts, largest=16)


MATRIX_ORDER = ("influencers", "champions", "others", "users")


def matrix_slide(canvas: Canvas, section: Section, matrix: Matrix) -> None:
    """Lay out the influence-interest matrix, every stakeholder named in their quadrant."""
    slide = canvas.slide("Title and Content", section.title, section.notes)
    left, top, width, height = canvas.body(slide)[0]
    axis_w, axis_h = Emu(1097280), Emu(365760)
    grid_left, grid_w, grid_h = left + axis_w, width - axis_w, height - axis_h
    w, h = (grid_w - GAP) // 2, (grid_h - GAP) // 2
    quadrants = [matrix.quadrant(key) for key in MATRIX_ORDER]
    texts: list[list[Para]] = [
        [
            (q.heading(), {"bold": True, "colour": theme.NAVY, "scale": 1.1}),
            (q.description, {"colour": theme.SUBTLE, "scale": 0.9}),
            (" · ".join(q.names), {}),
        ]
        for q in quadrants
    ]
    boxes = [(grid_left + (i % 2) * (w + GAP), top + (i // 2) * (h + GAP), w, h) for i in range(len(quadrants))]
    textboxes(slide, list(zip(boxes, texts, strict=True)), 16, tints=[q.fill for q in quadrants])
    for row, word in enumerate((matrix.high, matrix.lower)):
        box = (left, top + row * (h + GAP), axis_w - Emu(91440), h)
        axis: list[Para] = [(matrix.influence, {"bold": True, "colour": theme.TEAL}), (word, {})]
        textbox(slide, box, axis, largest=14, anchor=MSO_ANCHOR.MIDDLE)
    for column, word in enumerate((matrix.lower, matrix.high)):
        box = (grid_left + column * (w + GAP), top + grid_h + Emu(45720), w, axis_h - Emu(45720))
        style = {"bold": True, "colour": theme.TEAL, "align": PP_ALIGN.CENTER}
        textbox(slide, box, [(f"{matrix.interest}: {word}", style)], largest=12)
