"""A master deck as every deck on it starts, worked out once per process: loaded by python-pptx and kept as the
writer's parts (graph.Part), with a new slide of each layout, a new notes page and the XML of the presentation and
its document properties around what each deck puts in them. Decks read it and never change it."""

from __future__ import annotations

import io
import re
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lxml.etree import SubElement
from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesMaster
from pptx.oxml.theme import CT_OfficeStyleSheet
from pptx.parts.coreprops import CorePropertiesPart
from pptx.parts.slide import NotesMasterPart
from pptx.shapes.autoshape import Shape

from generator import resources
from generator.errors import TemplateError
from generator.writers.pptx.graph import Part, Rel, base_of, from_pptx, next_partname, rels_xml, walk
from generator.writers.pptx.notes import Page, notes_page
from generator.writers.pptx.text import Blank, awaiting_title, next_shape_id

Rect = tuple[int, int, int, int]
BODY = range(1, 10)  # placeholder numbers of a layout's content boxes
PH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"  # a shape's placeholder properties
_MARKED_ID = "accountplan-slide"  # the relationship id of the entry marking where a deck's slides are listed


@dataclass(frozen=True)
class Layout:
    """A master layout's part and where its placeholders are (read once: python-pptx looks inherited positions up
    through the layout on every access)."""

    part: Part
    title: Rect | None
    bodies: list[Rect]  # left to right; read, never changed


@dataclass
class Master:
    """A master deck's parts and what its decks start from."""

    prs: Any  # python-pptx's presentation as loaded: its layouts and sizes are read, nothing changed
    package_rels: dict[str, Rel]  # the package's relationships (each deck's presentation and properties its own)
    parts: dict[int, Part]  # the loaded parts, by the id of python-pptx's
    presentation: Part  # the presentation as loaded (each deck's relates to its slides too)
    core: Part  # the document properties as loaded
    listing: tuple[bytes, bytes, bytes]  # the presentation's XML with its slide list as loaded; before, after new ones
    first_id: int  # the id of a deck's first slide
    listed: int  # how many slides the master holds
    size: tuple[int, int]  # the slides' width and height
    scratch: Any = None  # a copy of the presentation new slides of each layout are made on, once
    blanks: dict[str, Blank] = field(default_factory=dict)
    geometry: dict[str, Layout] = field(default_factory=dict)  # each layout's part and placeholder boxes
    layouts: dict[str, Any] = field(default_factory=dict)  # python-pptx's layout by name
    extents: dict[tuple[str, int], tuple[int, int] | None] = field(default_factory=dict)  # placeholder sizes
    notes: tuple[Part, bool, Page] | None = None  # the notes master, whether decks add it, a new notes page
    shared: set[int] = field(default_factory=set)  # the ids of the parts every deck shares, never changed
    written: dict[int, bytes | None] = field(default_factory=dict)  # the shared parts' relationships as written
    core_form: tuple[bytes, ...] = ()  # a deck's document properties around its values (see core_xml)

    def rels_of(self, part: Part) -> bytes | None:
        """Return a shared part's relationships as written (None without any), worked out once."""
        if id(part) not in self.written:
            self.written[id(part)] = rels_xml(part.rels, base_of(part.name)) if part.rels else None
        return self.written[id(part)]


def load(version: tuple[str, int, int]) -> Master:
    """Return the master deck (the user's when they gave one, else the bundled one) as its decks start from it."""
    prs = Presentation(io.BytesIO(resources.template("master.pptx")))
    core = prs.part.package.core_properties  # made (python-pptx's default) when the master has none
    package_rels, parts = from_pptx(prs.part.package)
    presentation = deepcopy(prs.part._element)
    listed = presentation.get_or_add_sldIdLst()
    ids = [int(s) for s in listed.xpath("./p:sldId/@id")]
    SubElement(listed, qn("p:sldId"), {"id": "1", qn("r:id"): _MARKED_ID})  # as a deck's slides are listed
    before, mark, after = serialize_part_xml(presentation).partition(f'<p:sldId id="1" r:id="{_MARKED_ID}"/>'.encode())
    if not mark:  # its relationships' namespace not declared where PowerPoint declares it
        raise TemplateError("master.pptx: its presentation part is not written as PowerPoint writes it; save it again")
    made = Master(
        prs,
        package_rels,
        parts,
        parts[id(prs.part)],
        parts[id(core)],
        (parts[id(prs.part)].blob, before, after),
        max([255, *ids]) + 1,
        len(ids),
        (int(prs.slide_width or 0), int(prs.slide_height or 0)),
    )
    made.shared.update(id(part) for part in parts.values())
    made.core_form = _core_form(made)
    return made


def blank(master: Master, name: str, anchor: Any) -> Blank:
    """Return a new slide of a named layout, made by python-pptx once per process (it clones the layout's
    placeholders), its title placeholder set up to take a title anchored so."""
    found = master.blanks.get(name)
    if found is not None:
        return found
    if master.scratch is None:
        prs, shared = master.prs, {id(p): p for p in master.prs.part.package.iter_parts() if p is not master.prs.part}
        master.scratch = deepcopy(prs, shared)
    slide = master.scratch.slides.add_slide(layout(master, name))
    found_title = placeholder_in(slide.shapes._spTree, 0)
    heading = None if found_title is None else Shape(found_title, slide.shapes)
    titled = None if heading is None else (awaiting_title(heading, anchor),)
    tree = slide.shapes._spTree
    xml, top = serialize_part_xml(slide._element), next_shape_id(tree) - 1
    for index in reversed([i for i, shape in enumerate(tree) if body_placeholder(shape)]):
        del tree[index]
    bare, bare_top = serialize_part_xml(slide._element), next_shape_id(tree) - 1
    found = master.blanks[name] = Blank(xml, bare, top, bare_top, path_of(tree), titled)
    return found


def layout(master: Master, name: str) -> Any:
    """Return python-pptx's layout of a name."""
    found = master.layouts.get(name)
    if found is None:
        found = master.layouts[name] = master.prs.slide_layouts.get_by_name(name)
    return found


def geometry(master: Master, name: str) -> Layout:
    """Return a named layout's part, title box and body boxes (left to right), worked out once."""
    found = master.geometry.get(name)
    if found is None:
        loaded, title, bodies = layout(master, name), None, []
        for ph in loaded.placeholders:
            box = (ph.left, ph.top, ph.width, ph.height)
            if ph.placeholder_format.idx == 0:
                title = box
            elif ph.placeholder_format.idx in BODY:
                bodies.append(box)
        found = master.geometry[name] = Layout(master.parts[id(loaded.part)], title, sorted(bodies))
    return found


def extent(master: Master, name: str, idx: int) -> tuple[int, int] | None:
    """Return the size of a layout's placeholder of a number (None when it has none)."""
    key = (name, idx)
    if key not in master.extents:
        found = layout(master, name).placeholders.get(idx=idx)
        master.extents[key] = (found.width, found.height) if found is not None else None
    return master.extents[key]


def notes(master: Master) -> tuple[Part, bool, Page]:
    """Return the notes master of the decks: the master deck's own, else python-pptx's default made as python-pptx
    makes it (its theme named as python-pptx names it, after the master's parts); whether each deck relates its
    presentation to it (the default); and a new notes page as python-pptx clones it from the notes master."""
    if master.notes is not None:
        return master.notes
    try:
        loaded = master.prs.part.part_related_by(RT.NOTES_MASTER)
        found, added, cloned = master.parts[id(loaded)], False, loaded.notes_master
    except KeyError:
        theme_name = next_partname(walk(master.package_rels), "/ppt/theme/theme%d.xml")
        theme = Part(theme_name, CT.OFC_THEME, serialize_part_xml(CT_OfficeStyleSheet.new_default()))
        element = CT_NotesMaster.new_default()
        name = "/ppt/notesMasters/notesMaster1.xml"
        found, added = Part(name, CT.PML_NOTES_MASTER, serialize_part_xml(element)), True
        found.rels["rId1"] = Rel("rId1", RT.THEME, theme)
        master.shared.update((id(found), id(theme)))
        cloned = NotesMasterPart(PackURI(name), CT.PML_NOTES_MASTER, None, element).notes_master  # type: ignore[arg-type]
    master.notes = found, added, notes_page(cloned)
    return master.notes


def core_xml(master: Master, title: str, author: str, stamp: datetime) -> bytes:
    """Return a deck's document properties as python-pptx writes them: the master's, with its title and author,
    made and changed at stamp, first revision (python-pptx fills a form of them once a master; each deck's values
    are escaped as lxml escapes text)."""
    when = stamp.strftime(_W3CDTF).encode()
    values = {_TITLE: _xml_text(title[:255]), _AUTHOR: _xml_text(author[:255]), _STAMP: when}
    return b"".join(values.get(piece, piece) for piece in master.core_form)


_TITLE, _AUTHOR = "\ue000title\ue000".encode(), "\ue000author\ue000".encode()  # never in a master's properties
_STAMP_SEEN = datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC)
_W3CDTF = "%Y-%m-%dT%H:%M:%SZ"  # a document date as python-pptx writes it
_STAMP = _STAMP_SEEN.strftime(_W3CDTF).encode()
_FORM_PIECES = re.compile(b"(" + b"|".join(map(re.escape, (_TITLE, _AUTHOR, _STAMP))) + b")")


def _core_form(master: Master) -> tuple[bytes, ...]:
    """Return the master's document properties as python-pptx writes them for a deck, split around where a deck's
    title, author and dates go (each such piece the placeholder it stands for)."""
    props = CorePropertiesPart(PackURI(master.core.name), master.core.content_type, None, deepcopy(_core(master)))  # type: ignore[arg-type]
    props.title, props.author, props.last_modified_by = _TITLE.decode(), _AUTHOR.decode(), "accountplan"
    props.created = props.modified = _STAMP_SEEN
    props.revision = 1
    return tuple(_FORM_PIECES.split(bytes(serialize_part_xml(props._element))))


def _xml_text(text: str) -> bytes:
    """Return text as lxml writes an element's text in UTF-8 (checked text: no control character but line ends)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;").encode()


def _core(master: Master) -> Any:
    """Return the master's document properties as python-pptx loaded them."""
    return master.prs.part.package.core_properties._element


def listing(master: Master, entries: list[tuple[int, str]]) -> bytes:
    """Return the presentation's XML listing the master's slides and then a deck's (id, relationship id) pairs."""
    empty, before, after = master.listing
    if not entries:
        return empty
    listed = "".join(f'<p:sldId id="{number}" r:id="{rid}"/>' for number, rid in entries)
    return b"".join((before, listed.encode(), after))


def path_of(element: Any) -> tuple[int, ...]:
    """Return where an element is in its tree: the index of each ancestor's child leading to it, from the root."""
    path: list[int] = []
    while (parent := element.getparent()) is not None:
        path.insert(0, parent.index(element))
        element = parent
    return tuple(path)


def body_placeholder(shape: Any) -> bool:
    """Return whether a shape of a slide's tree is one of its layout's content boxes."""
    ph = shape.find(PH)
    return ph is not None and int(ph.get("idx", "0")) in BODY


def title_anchor(name: str) -> Any:
    """Return where a layout's title sits in its placeholder: in the middle on the title slide, else at the top."""
    return MSO_ANCHOR.MIDDLE if name == "Title" else MSO_ANCHOR.TOP


def placeholder_in(tree: Any, idx: int) -> Any:
    """Return the element of a shape tree that is the placeholder of a number (0: the title), or None (python-pptx's
    look-up runs an XPath per shape)."""
    for element in tree:
        ph = element.find(PH)
        if ph is not None and ph.get("idx", "0") == str(idx):
            return element
    return None
