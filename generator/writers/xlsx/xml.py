"""Spreadsheet XML text: escaping as lxml escapes, cell references and quoted sheet names."""

from __future__ import annotations

import re
from typing import Final

_ATTRIBUTE = re.compile('[&<>"\r\n\t]')
_ATTRIBUTE_CODES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # what XML 1.0 cannot hold (openpyxl refuses it too)


def text(value: str) -> str:
    """Return text escaped as lxml escapes element text."""
    if "&" not in value and "<" not in value and ">" not in value and "\r" not in value:  # most text: no regex call
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def attribute(value: str) -> str:
    """Return text escaped as lxml escapes an attribute's value."""
    if not _ATTRIBUTE.search(value):
        return value
    return _ATTRIBUTE.sub(lambda m: _ATTRIBUTE_CODES[m[0]], value)


def letter(column: int) -> str:
    """Return a column's letters (1 is A, 27 is AA): looked up for the columns sheets use (every cell asks; a
    cached function's call cost more than working them out), worked out beyond."""
    if 0 <= column < _KNOWN:
        return _LETTERS[column]
    return _letters(column)


def _letters(column: int) -> str:
    """Return a column's letters, worked out (0 gives '')."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_KNOWN: Final = 1024
_LETTERS: Final = tuple(_letters(column) for column in range(_KNOWN))


def quoted(sheet: str) -> str:
    """Return a sheet name as a formula names it: in single quotes, its own quotes doubled."""
    return "'" + sheet.replace("'", "''") + "'"


def ascii_xml(xml: str) -> bytes:
    """Return XML text as the ASCII bytes openpyxl writes, characters beyond ASCII as character references."""
    return xml.encode("ascii", "xmlcharrefreplace")
