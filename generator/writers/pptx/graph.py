"""A deck's parts as the writer keeps them: name, content type, bytes and relationships, no python-pptx object made
per deck (its parts, relationships and copies were a tenth of what a deck cost, and more again to free them), walked,
numbered and written out as python-pptx walks, numbers and writes a package's parts."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.oxml import CT_Relationships
from pptx.opc.packuri import PackURI
from pptx.opc.spec import default_content_types


class Rel(NamedTuple):
    """A relationship: its id, its type and its target (a part, or the address of an external one)."""

    rid: str
    reltype: str
    target: Part | str


@dataclass(eq=False)
class Part:
    """A package part: its bytes, or what writes them when the deck is saved."""

    name: str
    content_type: str
    blob: bytes = b""
    rels: dict[str, Rel] = field(default_factory=dict)
    write: Callable[[], bytes] | None = None

    def data(self) -> bytes:
        """Return the part's bytes."""
        return self.blob if self.write is None else self.write()


def next_rid(rels: dict[str, Rel]) -> str:
    """Return the id of a new relationship as python-pptx numbers it: the first free of rId1 up to one past their
    count, from the top."""
    for number in range(len(rels) + 1, 0, -1):
        if f"rId{number}" not in rels:
            return f"rId{number}"
    raise AssertionError("no free rId")  # pragma: no cover: one of len(rels) + 1 ids is free


def relate(source: Part, target: Part | str, reltype: str) -> str:
    """Return the id of a new relationship from a part to a target."""
    rid = next_rid(source.rels)
    source.rels[rid] = Rel(rid, reltype, target)
    return rid


def related(source: Part, target: Part, reltype: str) -> str:
    """Return the id of the part's relationship of this type to the target, made when there is none (python-pptx's
    relate_to)."""
    for rel in source.rels.values():
        if rel.reltype == reltype and rel.target is target:
            return rel.rid
    return relate(source, target, reltype)


def walk(rels: dict[str, Rel]) -> list[Part]:
    """Return every part reached from these relationships once, in the order python-pptx's iter_parts gives them
    (depth first along the relationships, each part where it is first met)."""
    found: list[Part] = []
    seen: set[int] = set()
    stack = [iter(list(rels.values()))]
    while stack:
        rel = next(stack[-1], None)
        if rel is None:
            stack.pop()
            continue
        target = rel.target
        if isinstance(target, str) or id(target) in seen:
            continue
        seen.add(id(target))
        found.append(target)
        stack.append(iter(list(target.rels.values())))
    return found


def next_partname(parts: Iterable[Part], template: str) -> str:
    """Return the next free partname like template (/ppt/charts/chart%d.xml) among these parts, as python-pptx's
    next_partname finds it."""
    prefix = template[: (template % 42).find("42")]
    taken = {p.name for p in parts if p.name.startswith(prefix)}
    for number in range(len(taken) + 1, 0, -1):
        if template % number not in taken:
            return template % number
    raise AssertionError("no free partname")  # pragma: no cover: one of len(taken) + 1 numbers is free


def from_pptx(package: Any) -> tuple[dict[str, Rel], dict[int, Part]]:
    """Return a python-pptx package's relationships and parts (by the id of python-pptx's part) as the writer
    keeps them: each part's bytes as python-pptx writes them."""
    parts: dict[int, Part] = {}

    def part_of(loaded: Any) -> Part:
        made = parts.get(id(loaded))
        if made is None:
            made = parts[id(loaded)] = Part(str(loaded.partname), loaded.content_type, bytes(loaded.blob))
            made.rels.update(rels_of(loaded.rels))
        return made

    def rels_of(loaded: Any) -> dict[str, Rel]:
        return {
            rid: Rel(rid, rel.reltype, rel.target_ref if rel.is_external else part_of(rel.target_part))
            for rid, rel in loaded.items()
        }

    return rels_of(package._rels), parts


_TYPES = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
)
_DEFAULT_TYPES = frozenset(default_content_types)


@lru_cache(maxsize=4_096)  # the same names in every deck
def extension(name: str) -> str:
    """Return a part name's extension as python-pptx's PackURI.ext gives it (lower case)."""
    found = posixpath.splitext(name)[1]
    return (found[1:] if found.startswith(".") else found).lower()


def content_types(parts: Iterable[Part]) -> bytes:
    """Return the content types of a package's parts as python-pptx writes them, written as text: a default per
    extension whose type is the usual one, an override per other part, each sorted."""
    defaults, overrides = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}, {}
    for part in parts:
        kind, ending = part.content_type, extension(part.name)
        if (ending, kind) in _DEFAULT_TYPES:
            defaults[ending] = kind
        else:
            overrides[part.name] = kind
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


def _rid_order(rid: str) -> tuple[int, str]:
    """Return a relationship's place in python-pptx's order: by the number of its rId."""
    number = rid[3:]
    return (int(number) if rid.startswith("rId") and number.isdigit() else 0), rid


def base_of(name: str) -> str:
    """Return the folder a part's relationships are based at (/ppt/slides for /ppt/slides/slide3.xml; / for the
    package's own)."""
    return posixpath.split(name)[0]


def _target(rel: Rel, base: str) -> str:
    """Return where a relationship points, as written: an external address as it is, a part relative to base."""
    return rel.target if isinstance(rel.target, str) else _relative(rel.target.name, base)


def rels_xml(rels: dict[str, Rel], base: str) -> bytes:
    """Return relationships based at a folder as python-pptx writes them (in rId order), written as text."""
    found = [(rel, _target(rel, base)) for rel in rels.values()]
    found.sort(key=lambda pair: _rid_order(pair[0].rid))
    if any(isinstance(rel.target, str) or not _SAFE_TARGET.fullmatch(target) for rel, target in found):
        written = CT_Relationships.new()  # targets that need escaping: python-pptx's own serializer
        for rel, target in found:
            written.add_rel(rel.rid, rel.reltype, target, isinstance(rel.target, str))
        return bytes(written.xml_file_bytes)
    listed = "".join(f'<Relationship Id="{r.rid}" Type="{r.reltype}" Target="{target}"/>' for r, target in found)
    return _RELATIONSHIPS + listed.encode() + b"</Relationships>"
