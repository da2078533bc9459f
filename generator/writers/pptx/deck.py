"""The deck itself: a document's deck part laid out slide by slide on the master, and its package members (content
types, relationships, parts) written as python-pptx would zip them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

from generator import resources
from generator.document.blocks import Boxes, Document, Format, Section, Table, Tiles
from generator.document.charts import Chart
from generator.document.people import Matrix, OrgChart
from generator.writers.package import package, rels_member
from generator.writers.pptx import master as masters
from generator.writers.pptx.graph import base_of, content_types, rels_xml
from generator.writers.pptx.master import Master
from generator.writers.pptx.orgslide import org_slide
from generator.writers.pptx.slides import (
    Canvas,
    chart_slide,
    columns_slide,
    divider_slide,
    grid_slide,
    matrix_slide,
    tiles_slide,
    title_slide,
)
from generator.writers.pptx.table import table_slide


@lru_cache(maxsize=8)
def loaded(version: tuple[str, int, int]) -> Master:
    """Return the master deck (the user's when they gave one, else the bundled one) as its decks start from it,
    once per process (its version names the template's file and its state on disk)."""
    return masters.load(version)


def lay_out(canvas: Canvas, section: Section) -> None:
    """Add the slides of one section, by the kind of block it holds."""
    first = section.blocks[0] if section.blocks else None
    if first is None:
        divider_slide(canvas, section)
    elif isinstance(first, OrgChart):
        org_slide(canvas, section, first)
    elif isinstance(first, Matrix):
        matrix_slide(canvas, section, first)
    elif isinstance(first, Table):
        table_slide(canvas, section, first)
    elif isinstance(first, Chart):
        chart_slide(canvas, section, first)
    elif isinstance(first, Tiles):
        tiles_slide(canvas, section)
    elif isinstance(first, Boxes) and len(first.boxes) == 4:
        grid_slide(canvas, section, first)
    elif isinstance(first, Boxes):
        columns_slide(canvas, section, list(first.boxes))
    else:
        columns_slide(canvas, section, list(section.blocks))


def build_deck(document: Document) -> bytes:
    """Return the .pptx bytes of a document's deck part."""
    return package(deck_parts(document), document.meta.when)


def deck_parts(document: Document) -> list[tuple[str, bytes]]:
    """Return the package members of a document's deck part, not yet zipped."""
    return members(laid_out(document))


def laid_out(document: Document) -> Canvas:
    """Return a document's deck part laid out on the master: its slides, notes, charts and properties, not yet
    written."""
    part, meta = document.part(Format.PPTX), document.meta
    master = loaded(resources.template_version("master.pptx"))
    canvas = Canvas(master, meta.footer, meta.look.logo)
    if part.cover is not None:
        title_slide(canvas, part.cover)
    for section in part.sections:
        lay_out(canvas, section)
    stamp = datetime.combine(meta.when or date(2000, 1, 1), datetime.min.time(), tzinfo=UTC)
    canvas.core.blob = masters.core_xml(master, meta.title, meta.author, stamp)
    return canvas


def members(canvas: Canvas) -> list[tuple[str, bytes]]:
    """Return the members python-pptx would zip for a deck: content types, relationships and parts (each followed
    by its relationships); the master's own parts' relationships written once per process (decks read them, never
    change them)."""
    master, found = canvas.master, canvas.parts()
    written = [("[Content_Types].xml", content_types(found)), ("_rels/.rels", rels_xml(canvas.package_rels, "/"))]
    for part in found:
        written.append((part.name[1:], part.data()))
        if id(part) in master.shared:
            rels = master.rels_of(part)
        else:
            rels = rels_xml(part.rels, base_of(part.name)) if part.rels else None
        if rels is not None:
            written.append((rels_member(part.name), rels))
    for part in found:  # what the deck made links back (a slide to its notes, its writer to the slide): unlinked,
        if id(part) not in master.shared:  # so it is freed at once, not left for the garbage collector to find
            part.rels, part.write = {}, None
    canvas.slides.clear()
    return written


class PptxWriter:
    """Writes a document's deck part as a .pptx presentation."""

    name: str = "pptx"
    out_suffix: str = ".pptx"

    def parts(self, document: Document) -> list[tuple[str, bytes]]:
        """Return the .pptx members."""
        return deck_parts(document)
