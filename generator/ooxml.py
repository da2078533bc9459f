"""Spreadsheet text escaping: a literal '_xHHHH_' in a value must stay text, not become the character HHHH."""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x005[Ff]_(x[0-9A-Fa-f]{4}_)")
MAX_CELL = 32_767


def escape(value: str) -> str:
    """Return value with every '_xHHHH_' written as '_x005F_xHHHH_', which spreadsheet programs show as typed."""
    return _CODE.sub(r"_x005F_\1", value) if "_x" in value else value


def set_text(cell: Any, value: str) -> None:
    """Write a string into a workbook cell as text, never as a formula, whatever it starts with; '_xHHHH_' stays."""
    cell.value = escape(value)
    cell.data_type = "s"


def unescape(value: str) -> str:
    """Return what a cell written by escape() holds."""
    return _ESCAPED.sub(r"_\1", value)
