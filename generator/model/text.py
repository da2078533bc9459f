"""Cleaning of text values: what XML cannot hold is removed, line endings normalised."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

Loc = tuple[str | int, ...]

# XML 1.0 allows tab, newline, carriage return and these ranges; the rest (C0 controls,
# lone surrogates, U+FFFE/U+FFFF) cannot be written and would corrupt a document.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(value: str) -> str:
    """Return value with CR LF / CR turned into LF and characters XML cannot hold removed."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", value)


def clean_tree(data: Any, loc: Loc = ()) -> tuple[Any, list[tuple[Loc, str]]]:
    """Return data with every string cleaned, and a warning per field that lost characters."""
    warnings: list[tuple[Loc, str]] = []
    return _clean(data, loc, warnings), warnings


def _clean(data: Any, loc: Loc, warnings: list[tuple[Loc, str]]) -> Any:
    """Return the cleaned copy of one value, recording warnings."""
    if isinstance(data, dict):
        return {k: _clean(v, (*loc, k), warnings) for k, v in data.items()}
    if isinstance(data, list):
        return [_clean(v, (*loc, i), warnings) for i, v in enumerate(data)]
    if isinstance(data, str):
        if data.isprintable():  # most text: no line ending, control, surrogate or non-character to take out
            return data
        removed = sorted({f"U+{ord(c):04X}" for c in _NOT_XML.findall(data)})
        if removed:
            warnings.append((loc, f"removed characters a document cannot hold: {', '.join(removed)}"))
        return clean_text(data)
    return data


def iter_strings(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Yield every string of a nested value with its location."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_strings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_strings(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data


def field_path(loc: Loc) -> str:
    """Return a location as a field path like stakeholders[3].reports_to (an overlong key shortened)."""
    text = ""
    for part in loc:
        name = str(part) if len(str(part)) <= 60 else str(part)[:57] + "..."
        text += f"[{part}]" if isinstance(part, int) else (f".{name}" if text else name)
    return text
