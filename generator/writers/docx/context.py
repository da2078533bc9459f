"""Document -> the render context of its Word template, named as the template names its parts (paths)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.document.blocks import (
    Block,
    Boxes,
    Bullets,
    Cards,
    Cell,
    Document,
    Fields,
    Format,
    Kind,
    Paragraph,
    Row,
    Table,
    Tiles,
)
from generator.document.people import Matrix
from generator.writers.docx import paths

Context = dict[str, Any]
Picture = Callable[[Any], Any]
_DICT_ATTRIBUTES = frozenset(dir(dict))


def looked_up(sandboxed: Callable[[Any, str], Any], obj: Any, attribute: str) -> Any:
    """Return obj.attribute as a template reads it (Jinja's sandbox, sandboxed): a plain dict's key at once when no
    attribute of a dict has its name (a context's row.name), without the failed attribute lookup Jinja tries first
    (an AttributeError raised and caught for every value a template reads) or a Python call."""
    if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
        found = obj.get(attribute, _DICT_ATTRIBUTES)
        if found is not _DICT_ATTRIBUTES:
            return found
    return sandboxed(obj, attribute)


def context(document: Document, picture: Picture = str) -> Context:
    """Return the values a Word template renders: the header and footer, the cover, every section; picture
    makes the inline image of a picture cell's raw value."""
    part, meta = document.part(Format.DOCX), document.meta
    assert part.cover is not None
    cover = {"title": part.cover.title, "subtitle": list(part.cover.subtitle), "contents": part.cover.contents}
    sections: Context = {}
    for section in part.sections:
        if section.key in sections:
            raise ValueError(f"two sections are named {section.key!r}")
        sections[paths.check(section.key)] = {"title": section.title, "b": [_block(b, picture) for b in section.blocks]}
    return {
        "doc": {"header": meta.header, "page_footer": list(meta.page_footer)},
        "cover": {**cover, "f": _fields(part.cover.fields)},
        "S": sections,
    }


def _fields(fields: Fields) -> Context:
    """Return fields by key: label and value (a list for bullet values)."""
    return {paths.check(f.key): {"label": f.label, "value": _value(f.value)} for f in fields.fields}


def _value(cell: Cell) -> Any:
    """Return what a cell shows: its list, or its text."""
    return list(cell.items) if cell.items else cell.text


def _row(row: Row, table: Table, picture: Picture) -> Context:
    """Return one table row: each column's value (lists for list columns), the fill of coloured columns."""
    values: Context = {}
    for column in table.columns:
        cell = row.cell(column.key)
        if paths.is_image(column):
            values[column.key] = picture(cell.raw)
        elif column.kind in (Kind.BULLETS, Kind.LINES):
            values[column.key] = list(cell.items)
        else:
            values[column.key] = cell.text
        if column.coloured:
            values[paths.background(column.key)] = cell.fill
    return values


def _table(table: Table, picture: Picture) -> Context:
    """Return a table: header labels, rows (or placeholders), groups and total."""
    return {
        "head": {paths.check(c.key): c.label for c in table.columns},
        "rows": [_row(r, table, picture) for r in table.shown()],
        "groups": [{"title": g.title, "rows": [_row(r, table, picture) for r in rows]} for g, rows in table.grouped()],
        "total": {k: c.text for k, c in table.total.cells} if table.total else {},
    }


def _block(block: Block, picture: Picture) -> Context:
    """Return one block's values."""
    if isinstance(block, Paragraph):
        return {"text": block.text}
    if isinstance(block, Fields):
        return {"f": _fields(block)}
    if isinstance(block, Bullets):
        return {"lines": list(block.items)}
    if isinstance(block, Tiles):
        return {"tiles": [{"label": t.label, "full": t.full} for t in block.tiles]}
    if isinstance(block, Table):
        return _table(block, picture)
    if isinstance(block, Boxes):
        return {"boxes": [{"title": b.title, "lines": list(b.items)} for b in block.boxes]}
    if isinstance(block, Matrix):
        return {
            "q": {q.key: {"title": q.heading(), "names": list(q.names)} for q in block.quadrants},
            "caption": block.caption,
        }
    if isinstance(block, Cards):
        groups = [
            {"title": t, "cards": [{"title": c.title, "f": _fields(c.fields)} for c in cards]}
            for t, cards in block.groups
        ]
        return {"groups": groups}
    raise TypeError(f"a Word document cannot show a {type(block).__name__}")
