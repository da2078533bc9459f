"""python-pptx's own slides as the deck writer keeps its slides: for comparing what the writer writes with what
python-pptx's object model writes."""

from __future__ import annotations

from typing import Any

from generator.writers.package import rels_member
from generator.writers.pptx.graph import Rel, base_of, from_pptx, rels_xml, walk
from generator.writers.pptx.master import path_of
from generator.writers.pptx.text import Blank, TextSlide, next_shape_id, saved


def text_slide(slide: Any) -> tuple[TextSlide, dict[str, Rel]]:
    """Return a python-pptx slide (the shapes python-pptx put on it kept) as the writer's slide, with the
    relationships of its deck as the writer keeps them."""
    package_rels, parts = from_pptx(slide.part.package)
    part = parts[id(slide.part)]
    tree = slide.shapes._spTree
    xml, top = bytes(slide.part.blob), next_shape_id(tree) - 1
    made = TextSlide(part, Blank(xml, xml, top, top, path_of(tree), None), "")
    part.write = lambda: saved(made)
    return made, package_rels


def written(package_rels: dict[str, Rel]) -> dict[str, bytes]:
    """Return a deck's members as the writer writes them, parts and relationships, by member name."""
    found = {}
    for part in walk(package_rels):
        found[part.name[1:]] = part.data()
        if part.rels:
            found[rels_member(part.name)] = rels_xml(part.rels, base_of(part.name))
    return found
