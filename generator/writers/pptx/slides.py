"""Slide layouts by block kind: title, columns, tiles, grid, chart, matrix and org chart, on the master's layouts.

Layouts are picked by name and content goes where their placeholders are, so a branded master with the
same layout names gives its look.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

from PIL import Image
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.shapes.picture import CT_Picture
from pptx.parts.image import Image as Picture
from pptx.shapes.autoshape import Shape
from pptx.util import Emu

from generator.document import theme
from generator.document.blocks import Block, Box, Boxes, Bullets, Cover, Fields, Section, Tiles
from generator.document.charts import Chart
from generator.document.people import Matrix
from generator.writers.pptx import master as masters
from generator.writers.pptx.chart import add_chart
from generator.writers.pptx.graph import Part, Rel, relate, related, walk
from generator.writers.pptx.master import Layout, Master
from generator.writers.pptx.notes import notes_blob
from generator.writers.pptx.text import (
    Para,
    TextSlide,
    entitle,
    fill,
    fitted_xml,
    flush,
    line_textbox,
    placed_shape,
    saved,
    textbox,
    textboxes,
)

Rect = tuple[int, int, int, int]
GAP = Emu(228600)
MARGIN, LOGO_WIDEST = Emu(457200), Emu(1828800)  # half an inch from the edges; a logo at most two inches wide
_FOOTER_HEIGHT, _FOOTER_RISE = Emu(301752), Emu(338328)  # the footer line's height, its top above the slide's foot
_FOOTER_RIGHT, _NUMBER_RIGHT, _NUMBER_WIDTH = Emu(2286000), Emu(1600200), Emu(1143000)  # from the right edge
_FOOTER_LOOK: dict[str, Any] = {"size": 10, "colour": theme.MUTED}
_NUMBER_LOOK: dict[str, Any] = {**_FOOTER_LOOK, "align": PP_ALIGN.RIGHT}


class Canvas:
    """One presentation being built on a master deck: its slides, their notes pages, charts and pictures kept as
    the writer's parts (see graph), no python-pptx object made for them."""

    def __init__(self, master: Master, footer: str, logo: bytes | None = None) -> None:
        self.master, self.footer, self.logo = master, footer, logo
        self.slides: list[TextSlide] = []
        self.listed: list[tuple[int, str]] = []  # each slide's id and relationship id, in the presentation's list
        self.current = ""  # the layout of the last slide added
        self.notes_master: Part | None = None  # the notes master, once the first slide has notes
        loaded = master.presentation
        self.presentation = Part(loaded.name, loaded.content_type, rels=dict(loaded.rels))
        self.presentation.write = lambda: masters.listing(master, self.listed)
        self.core = Part(master.core.name, master.core.content_type)
        own = {id(loaded): self.presentation, id(master.core): self.core}
        self.package_rels = {
            rid: Rel(rid, rel.reltype, own.get(id(rel.target), rel.target)) for rid, rel in master.package_rels.items()
        }
        self.pictures: dict[str, Part] = {}  # the image parts added, by the SHA-1 of their bytes

    @property
    def size(self) -> tuple[int, int]:
        """Return the slides' width and height."""
        return self.master.size

    def layout(self, name: str) -> Layout:
        """Return a named layout with its placeholder boxes."""
        return masters.geometry(self.master, name)

    def parts(self) -> list[Part]:
        """Return the deck's parts, in the order python-pptx would zip them."""
        return walk(self.package_rels)

    def slide(self, layout: str, title: str, notes: str) -> TextSlide:
        """Add a slide of a named layout with its title and notes."""
        blank = masters.blank(self.master, layout, masters.title_anchor(layout))
        number = self.master.listed + len(self.slides) + 1
        part = Part(f"/ppt/slides/slide{number}.xml", CT.PML_SLIDE)
        slide = TextSlide(part, blank, notes)
        part.write = lambda: saved(slide)
        relate(part, self.layout(layout).part, RT.SLIDE_LAYOUT)
        self.listed.append((self.master.first_id + len(self.slides), relate(self.presentation, part, RT.SLIDE)))
        self.slides.append(slide)
        self.current = layout
        if blank.titled is not None:
            self._title(slide, title, layout, blank.titled[0])
        self._notes(slide, number)
        self._footer(slide)
        return slide

    def _notes(self, slide: TextSlide, number: int) -> None:
        """Give a new slide its notes page (the page made once per process as python-pptx makes it, the notes put in
        when the deck is saved), related as python-pptx relates one."""
        found, added, page = masters.notes(self.master)
        if self.notes_master is None:
            self.notes_master = found
            if added:
                relate(self.presentation, found, RT.NOTES_MASTER)
        notes = Part(f"/ppt/notesSlides/notesSlide{number}.xml", CT.PML_NOTES_SLIDE)
        notes.write = lambda: notes_blob(page, slide.notes)
        relate(notes, found, RT.NOTES_MASTER)
        relate(notes, slide.part, RT.SLIDE)
        relate(slide.part, notes, RT.NOTES_SLIDE)

    def body(self, slide: TextSlide) -> list[Rect]:
        """Return the boxes of the current slide's body placeholders (left to right) and take them out of it."""
        if slide.element is None:
            slide.bare = True
        else:
            tree = slide.tree()
            for index in reversed([i for i, shape in enumerate(tree) if masters.body_placeholder(shape)]):
                del tree[index]
        return list(self.layout(self.current).bodies)

    def placeholder(self, slide: TextSlide, idx: int) -> tuple[Any, tuple[int, int]]:
        """Return a new slide's placeholder by number (python-pptx's shape, in the slide's tree) and its size (its
        layout's: python-pptx looks it up through the layout on every access)."""
        extent = masters.extent(self.master, self.current, idx)
        element = masters.placeholder_in(slide.tree(), idx)
        if extent is not None and element is not None:
            return Shape(element, None), extent  # type: ignore[arg-type]  # filled: no parent asked for
        raise KeyError(f"no placeholder on this slide with idx == {idx}")

    def _title(self, slide: TextSlide, title: str, layout: str, kept: str | None) -> None:
        """Write a title fitted into the title placeholder (white and centred on the title slide, large on a
        chapter divider), its first line aligned as the placeholder's was (kept)."""
        box = self.layout(layout).title
        assert box is not None
        style: dict[str, Any] = {"bold": True, "colour": theme.NAVY}
        largest = 26 if box[1] < Emu(914400) else 40
        if layout == "Title":
            style, largest = {"bold": True, "colour": theme.WHITE, "align": PP_ALIGN.CENTER}, 40
        entitle(slide, fitted_xml([(title, style)], box[2:], (largest, 14), slide, kept)[0])

    def _footer(self, slide: TextSlide) -> None:
        """Add the footer line and the slide number."""
        number = self.master.listed + len(self.slides)
        width, top = self.size[0], self.size[1] - _FOOTER_RISE
        logo_w = self._logo(slide, (width - MARGIN, top, _FOOTER_HEIGHT)) if self.logo else 0
        left_box = (MARGIN, top, width - _FOOTER_RIGHT - logo_w, _FOOTER_HEIGHT)
        right_box = (width - _NUMBER_RIGHT - logo_w, top, _NUMBER_WIDTH, _FOOTER_HEIGHT)
        line_textbox(slide, left_box, (self.footer, _FOOTER_LOOK), 10)
        line_textbox(slide, right_box, (str(number), _NUMBER_LOOK), 10)

    def _logo(self, slide: TextSlide, corner: tuple[int, int, int]) -> int:
        """Add the logo with its right edge at corner's x, at its top and height, as python-pptx's add_picture adds
        it; return the width it takes."""
        right, top, height = corner
        with Image.open(io.BytesIO(self.logo or b"")) as image:
            width = min(int(height * image.width / max(image.height, 1)), LOGO_WIDEST)
        flush(slide)  # python-pptx numbers the picture from every id in the slide's tree
        picture = self._picture(self.logo or b"")
        rid = related(slide.part, picture, RT.IMAGE)
        tree = slide.tree()
        ids = [int(found) for found in tree.xpath("//@id") if found.isdigit()]
        number = max(ids) + 1 if ids else 1
        description = f"image.{PackURI(picture.name).ext}"
        pic = CT_Picture.new_pic(number, f"Picture {number - 1}", description, rid, right - width, top, width, height)
        tree.insert_element_before(pic, "p:extLst")
        return width + int(GAP)

    def _picture(self, data: bytes) -> Part:
        """Return the image part of a picture: one of the deck's with the same bytes (python-pptx's, found by SHA-1),
        else a new one named as python-pptx names it."""
        sha1 = hashlib.sha1(data).hexdigest()  # python-pptx's way to tell images apart
        found = self.pictures.get(sha1)
        if found is not None:
            return found
        parts = self.parts()
        for part in parts:
            for rel in part.rels.values():
                target = rel.target
                if rel.reltype == RT.IMAGE and not isinstance(target, str) and _same_picture(target, sha1):
                    self.pictures[sha1] = target
                    return target
        image = Picture.from_blob(data)
        name = f"/ppt/media/image{_free_image_number(parts)}.{image.ext}"
        found = self.pictures[sha1] = Part(name, image.content_type, data)
        return found


def _free_image_number(parts: list[Part]) -> int:
    """Return the number of a new image part, as python-pptx's next_image_partname finds it: the first gap in the
    numbers of the images, else one past their count."""
    numbers = []
    for part in parts:
        number = PackURI(part.name).idx if part.name.startswith("/ppt/media/image") else None
        if number is not None:
            numbers.append(number)
    for expected, number in enumerate(sorted(numbers), 1):
        if expected < number:
            return expected
    return len(numbers) + 1


def _same_picture(part: Part, sha1: str) -> bool:
    """Return whether an image part holds a picture of this SHA-1 (python-pptx compares image parts only)."""
    return (
        part.content_type.startswith("image/")
        and "svg" not in part.content_type
        and (hashlib.sha1(part.blob).hexdigest() == sha1)
    )


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
        canvas._logo(slide, (canvas.size[0] - MARGIN, MARGIN, Emu(731520)))


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
        add_chart(slide, chart_box, chart, canvas.package_rels)
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
