"""The one naming of a Word document's parts in the render context, shared by the template and the context.

A section is S.<key> (its title and its blocks b[i]); a table has head.<key>, rows, groups and total; fields
are f.<key>.label / .value; boxes and bullet lists have lines; the matrix has q.<key>. Templates are drawn
from these names and the context is filled by them, so the two cannot drift.
"""

from __future__ import annotations

from generator.document.blocks import Column, Kind

RESERVED = {"items", "keys", "values", "get", "pop", "copy", "update", "clear", "setdefault", "popitem", "fromkeys"}


def section(key: str) -> str:
    """Return the context path of a section."""
    return f"S.{key}"


def block(section_key: str, index: int) -> str:
    """Return the context path of a section's index-th block."""
    return f"{section(section_key)}.b[{index}]"


def background(key: str) -> str:
    """Return the context key of a cell's fill colour."""
    return f"{key}_bg"


def cell(item: str, column: Column) -> str:
    """Return the template expression of one table cell of a loop item."""
    value = f"{item}.{column.key}"
    if column.kind is Kind.BULLETS:
        return value + "|bullets"
    if column.kind is Kind.LINES:
        return value + "|lines"
    if column.coloured:
        return "{% cellbg " + f"{item}.{background(column.key)}" + " %}{{ " + value + " }}"
    return value


def is_image(column: Column) -> bool:
    """Return True for a column of pictures."""
    return column.kind is Kind.IMAGE


def check(key: str) -> str:
    """Return a context key, refusing one that Jinja would read as a dict method."""
    if key in RESERVED:
        raise ValueError(f"{key!r} cannot name a value in a Word template's context")
    return key
