"""The deck itself: a document's deck part laid out slide by slide on a fresh copy of the master, and its package
members (content types, relationships, parts) written as python-pptx would zip them."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from copy import deepcopy
from datetime import UTC, date, datetime
from functools import lru_cache, partial
from typing import Any

from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.packuri import PackURI
from pptx.opc.spec import default_content_types

from generator import resources
from generator.document.blocks import Boxes, Chart, Document, Format, Section, Table, Tiles
from generator.document.people import Matrix, OrgChart
from generator.writers.package import Parts, package
from generator.writers.pptx import graph
from generator.writers.pptx.orgslide import org_slide
from generator.writers.pptx.slides import (
    Canvas,
    Prepared,
    chart_slide,
    columns_slide,
    divider_slide,
    grid_slide,
    matrix_slide,
    tiles_slide,
    title_slide,
)
from generator.writers.pptx.table import table_slide
from generator.writers.pptx.text import saved

_PREPARED: dict[tuple[str, int, int], Prepared] = {}  # what each master's decks start from, worked out once


@lru_cache(maxsize=8)
def _loaded(version: tuple[str, int, int]) -> tuple[Any, dict[int, Any]]:
    """Return the master deck (the user's when they gave one, else the bundled one) as python-pptx loads it,
    once per process and never changed itself, with the parts its decks share: all but the presentation (its
    slide list) and the document properties, which each deck changes in its own copy."""
    prs = Presentation(io.BytesIO(resources.template("master.pptx")))
    changed = (prs.part, prs.part.package.core_properties.part)
    return prs, {id(part): part for part in prs.part.package.iter_parts() if part not in changed}


def _fresh(version: tuple[str, int, int]) -> Any:
    """Return a new deck on the master: a copy of the loaded one whose unchanged parts (layouts, masters,
    themes) are the loaded deck's own, not copied (copying them was an eighth of writing a deck)."""
    prs, shared = _loaded(version)
    return copied(prs, dict(shared))


_KEPT = (str, int, float, bytes, type(None))  # immutable: shared by the copy (a PackURI is a str)


def copied(value: Any, memo: dict[int, Any]) -> Any:
    """Return a deep copy of a loaded deck's object as copy.deepcopy makes it, objects in memo (by id) taken as
    they are there: python-pptx's objects rebuilt from their attributes, dicts and lists item by item (deepcopy
    does the same, interpreted), anything else (XML elements, the loaded file) by deepcopy itself."""
    found = memo.get(id(value))
    if found is not None:
        return found
    if isinstance(value, _KEPT):
        return value
    kind: type = type(value)
    if kind is dict:
        items: dict[Any, Any] = memo.setdefault(id(value), {})
        items.update((key, copied(item, memo)) for key, item in value.items())
        return items
    if kind is list:
        listed: list[Any] = memo.setdefault(id(value), [])
        listed.extend(copied(item, memo) for item in value)
        return listed
    if not _plain(kind):
        return deepcopy(value, memo)
    made: Any = object.__new__(kind)
    memo[id(value)] = made
    made.__dict__.update((name, copied(item, memo)) for name, item in value.__dict__.items())
    return made


_OWN_COPYING = frozenset(  # what makes deepcopy copy an object otherwise than by its attributes (slots: _slots)
    ("__deepcopy__", "__copy__", "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__new__")
)


@lru_cache(maxsize=64)
def _plain(kind: type) -> bool:
    """Return whether deepcopy copies an object of a class by its attributes alone: python-pptx's own classes
    (not its XML elements, which are lxml's) that define none of the ways to copy or pickle otherwise and hold
    no slots (the abstract collections they may derive from declare empty ones)."""
    defined = {name for base in kind.__mro__[:-1] for name in vars(base)}  # all but object's
    return kind.__module__.startswith("pptx.") and not defined & _OWN_COPYING and not _slots(kind)


def _slots(kind: type) -> list[str]:
    """Return the slots a class and its bases declare (a name alone, or several)."""
    declared = [vars(base).get("__slots__", ()) for base in kind.__mro__]
    return [name for names in declared for name in ([names] if isinstance(names, str) else names)]


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


def deck_parts(document: Document, save: Callable[[Any], bytes] = saved) -> list[tuple[str, bytes]]:
    """Return the package members of a document's deck part, not yet zipped (each new part written by save)."""
    part, meta = document.part(Format.PPTX), document.meta
    version = resources.template_version("master.pptx")
    shared = _PREPARED.setdefault(version, Prepared())
    canvas = Canvas(_fresh(version), meta.footer, shared=shared, logo=meta.look.logo)
    deck = canvas.prs.part.package
    deck.next_partname = partial(graph.next_partname, deck)  # python-pptx's own (charts) walks its lazy properties
    if part.cover is not None:
        title_slide(canvas, part.cover)
    for section in part.sections:
        lay_out(canvas, section)
    props = canvas.prs.core_properties
    stamp = datetime.combine(meta.when or date(2000, 1, 1), datetime.min.time(), tzinfo=UTC)
    props.title, props.author, props.last_modified_by = meta.title[:255], meta.author[:255], "accountplan"
    props.created = props.modified = stamp
    props.revision = 1
    return members(canvas.prs.part.package, shared.serialized, save)


MASTER_PARTS = ("/ppt/slideLayouts/", "/ppt/slideMasters/", "/ppt/theme/", "/ppt/notesMasters/")  # read, never changed


def members(
    pkg: Any, serialized: dict[str, tuple[bytes, bytes | None]], save: Callable[[Any], bytes] = saved
) -> list[tuple[str, bytes]]:
    """Return the members python-pptx would zip for a package: content types, relationships and parts (each
    written by save); the master's own parts are serialized once per process (decks read them, never change
    them)."""
    parts, found = Parts(), tuple(graph.parts(pkg))
    parts.write(PackURI("/[Content_Types].xml"), content_types(found))
    parts.write(PackURI("/_rels/.rels"), rels_xml(pkg))
    for part in found:
        name = str(part.partname)
        blob, rels = serialized.get(name) or (save(part), rels_xml(part) if graph.relationships(part) else None)
        if name.startswith(MASTER_PARTS):
            serialized[name] = blob, rels
        parts.part(part.partname, blob, rels)
    return parts.members


_TYPES = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
)
_DEFAULT_TYPES = frozenset(default_content_types)


def content_types(found: tuple[Any, ...]) -> bytes:
    """Return the content types of a package's parts as python-pptx writes them, written as text: a default per
    extension whose type is the usual one, an override per other part, each sorted."""
    defaults, overrides = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}, {}
    for part in found:
        kind, extension = part.content_type, part.partname.ext.lower()
        if (extension, kind) in _DEFAULT_TYPES:
            defaults[extension] = kind
        else:
            overrides[str(part.partname)] = kind
    listed = [f'<Default Extension="{e}" ContentType="{k}"/>' for e, k in sorted(defaults.items())]
    listed += [f'<Override PartName="{p}" ContentType="{k}"/>' for p, k in sorted(overrides.items())]
    return _TYPES + "".join(listed).encode() + b"</Types>"


_SAFE_TARGET = re.compile(r"[\w./#:%-]*")
_RELATIONSHIPS = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)


@lru_cache(maxsize=4_096)  # the same few targets (layouts, notes, media) from every deck's slides
def _relative(partname: str, base: str) -> str:
    """Return a part's name relative to a base, as python-pptx writes a relationship's target."""
    return str(PackURI(partname).relative_ref(base))


def _rid_order(rel: Any) -> tuple[int, str]:
    """Return a relationship's place in python-pptx's order: by the number of its rId."""
    number = rel._rId[3:]
    return (int(number) if rel._rId.startswith("rId") and number.isdigit() else 0), rel._rId


def rels_xml(part: Any) -> bytes:
    """Return a part's relationships as python-pptx writes them (in rId order), written as text."""
    external = graph.is_external
    found = [
        (r, "" if external(r) else _relative(r._target.partname, r._base_uri))
        for r in graph.relationships(part).values()
    ]
    found.sort(key=lambda pair: _rid_order(pair[0]))
    if any(external(r) or not _SAFE_TARGET.fullmatch(target) for r, target in found):
        return bytes(part.rels.xml)  # targets that need escaping: python-pptx's own serializer
    listed = "".join(f'<Relationship Id="{r._rId}" Type="{r._reltype}" Target="{target}"/>' for r, target in found)
    return _RELATIONSHIPS + listed.encode() + b"</Relationships>"


class PptxWriter:
    """Writes a document's deck part as a .pptx presentation."""

    name: str = "pptx"
    out_suffix: str = ".pptx"

    def parts(self, document: Document) -> list[tuple[str, bytes]]:
        """Return the .pptx members."""
        return deck_parts(document)
