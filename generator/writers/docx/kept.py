"""Short Word tables kept on one page: every paragraph of their rows but the last keeps with the next, so a table of
a few rows moves whole to the next page (with its heading, which keeps with it) instead of leaving a row or two
behind at the foot of a page."""

from __future__ import annotations

import re

KEPT_TABLE_POINTS = 240.0  # a third of an A4 page's text (20 lines of 10 pt): a table at most this tall is kept
KEEP = "<w:keepNext/>"
_PARAGRAPH = re.compile(r"<w:p((?: [^>]*?)?)(/?)>(?:<w:pPr(/?)>(<w:pStyle\b[^>]*/>)?)?")  # and its properties' start


def keeping(xml: str) -> str:
    """Return xml with every paragraph in it set to keep with the next one (its properties' first child, or the
    second after its style, as the schema orders them)."""
    return _PARAGRAPH.sub(_kept, xml)


def _kept(found: re.Match[str]) -> str:
    """Return a paragraph's start tag and its properties' start with keep-with-next set."""
    attributes, closed, bare, style = found[1], found[2], found[3], found[4] or ""
    if closed:  # <w:p/>: an empty paragraph
        return f"<w:p{attributes}><w:pPr>{KEEP}</w:pPr></w:p>"
    if found.group(3) is None:  # no properties
        return f"<w:p{attributes}><w:pPr>{KEEP}</w:pPr>"
    if bare:  # <w:pPr/>
        return f"<w:p{attributes}><w:pPr>{KEEP}</w:pPr>"
    return f"<w:p{attributes}><w:pPr>{style}{KEEP}"
