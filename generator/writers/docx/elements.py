"""Elements of rendered Word XML found with plain string searches: what a lazy regular expression finds (one over a
whole body tries every character)."""

from __future__ import annotations

import re
from collections.abc import Callable

TABLE_START, ROW_START, CELL_START = re.compile("<w:tbl>"), re.compile("<w:tr[ >]"), re.compile("<w:tc>")


def holds_table(table: str) -> bool:
    """Return whether a table (its XML from its <w:tbl> on) holds another table."""
    return table.find("<w:tbl>", 1) >= 0


def element_spans(xml: str, opening: re.Pattern[str], closing: str) -> list[tuple[int, int]]:
    """Return where each element lies that runs from an opening to the first closing after it: what a lazy
    regex (opening.*?closing) finds, found with str.find."""
    spans, at = [], 0
    while (found := opening.search(xml, at)) is not None:
        end = xml.find(closing, found.end())
        if end < 0:
            break
        at = end + len(closing)
        spans.append((found.start(), at))
    return spans


def elements(xml: str, opening: re.Pattern[str], closing: str) -> list[str]:
    """Return the elements that run from an opening to the first closing after it."""
    return [xml[start:end] for start, end in element_spans(xml, opening, closing)]


def each_element(xml: str, opening: re.Pattern[str], closing: str, change: Callable[[str], str]) -> str:
    """Return xml with every element from an opening to the first closing after it changed."""
    return replaced(xml, element_spans(xml, opening, closing), change)


def replaced(xml: str, spans: list[tuple[int, int]], change: Callable[[str], str]) -> str:
    """Return xml with each of the spans (start, end; in order, apart) changed."""
    pieces, at = [], 0
    for start, end in spans:
        pieces += [xml[at:start], change(xml[start:end])]
        at = end
    pieces.append(xml[at:])
    return "".join(pieces)
