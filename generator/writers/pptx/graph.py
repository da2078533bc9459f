"""A deck's part graph read as python-pptx walks it, past its lazy properties (each a Python call on every read:
a twelfth of writing a deck went into them)."""

from __future__ import annotations

from typing import Any

from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.package import _Relationship, _Relationships
from pptx.opc.packuri import PackURI


def relationships(holder: Any) -> dict[str, Any]:
    """Return the {rId: relationship} dict of a package or part, as python-pptx keeps it."""
    found: dict[str, Any] = _rels(_rels(holder))
    return found


def _rels(owner: Any) -> Any:
    """Return what python-pptx keeps as _rels: a part's relationships object, or that object's {rId: relationship}
    dict; read from the instance where it is set (an empty one is false: not asked with or), else its lazy
    property."""
    found = owner.__dict__.get("_rels")
    return owner._rels if found is None else found


def parts(package: Any) -> list[Any]:
    """Return every part of a package once, in the order python-pptx's iter_parts gives them (depth first along
    the relationships, each part where it is first met)."""
    found: list[Any] = []
    seen: set[int] = set()

    def walk(rels: dict[str, Any]) -> None:
        for rel in rels.values():
            if is_external(rel) or id(rel._target) in seen:
                continue
            seen.add(id(rel._target))
            found.append(rel._target)
            walk(relationships(rel._target))

    walk(relationships(package))
    return found


def next_partname(package: Any, template: str) -> PackURI:
    """Return the next free partname like template (/ppt/charts/chart%d.xml), as python-pptx's next_partname
    finds it."""
    prefix = template[: (template % 42).find("42")]
    taken = {str(p.partname) for p in parts(package) if p.partname.startswith(prefix)}
    for number in range(len(taken) + 1, 0, -1):
        if template % number not in taken:
            return PackURI(template % number)
    raise AssertionError("no free partname")  # pragma: no cover: one of len(taken) + 1 numbers is free


def is_external(rel: Any) -> bool:
    """Return True when a relationship points outside the package."""
    return bool(rel._target_mode == RTM.EXTERNAL)


def relate_new(source: Any, target: Any, reltype: str) -> str:
    """Return the rId of a new relationship from a part to a part just made, numbered as python-pptx's relate_to
    numbers it (the first free of rId1 up to one past their count, from the top), without its search of all the
    part's relationships for one to the same part (which made a deck of hundreds of slides cost the square of its
    length) or its lazy properties."""
    rels = _rels(source)
    found: dict[str, Any] = _rels(rels)
    rid = f"rId{len(found) + 1}"
    if rid in found:  # numbers left free below: python-pptx's own count
        return str(rels._add_relationship(reltype, target))
    found[rid] = _Relationship(rels._base_uri, rid, reltype, RTM.INTERNAL, target)
    return rid


def with_relationships(part: Any, base_uri: str) -> Any:
    """Return a part just made with its (empty) relationships, based at its folder (/ppt/slides for
    /ppt/slides/slide3.xml), as python-pptx would make them on first use."""
    part.__dict__["_rels"] = _Relationships(base_uri)
    return part
