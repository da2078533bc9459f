"""A rendered Word body written as the bytes lxml would write for it, without parsing it.

Only for the bundled templates: their XML was written by lxml and their values by Jinja, so a rendered body is
well-formed and differs from lxml's own writing only where markupsafe escapes quotes and where a value left an
element empty. Anything else (nested tables, content controls, other character references, a table whose grid
docxtpl would mend, pictures numbered differently) is left to the parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from generator.writers.docx.elements import TABLE_START, elements, holds_table
from generator.writers.docx.grids import grid_fits

_REFERENCE = re.compile(r"&#(?!34;|39;)")  # a character reference markupsafe does not write
_PICTURE_ID = re.compile(r'(<wp:docPr id=")\d+(")')
AFTER_RENDERING = {"w:t"}  # emptied after rendering: docxtpl's resolving of a break that ends a text
_BEFORE_CODE = re.compile(r"<([\w:]+)(?: [^<>]*)?>\s*\{[{%#]")  # a start tag right before template code (or a comment)


Emptied = tuple[str, ...]  # the names of the elements a template's code can leave empty


def emptied(source: str) -> Emptied | None:
    """Return the names of the elements a template's code can leave empty: those whose start tag comes right
    before code (every other element keeps what follows its start tag); None when the template holds what only a
    parse writes as lxml does (comments, instructions, other character references, content controls, text
    boxes)."""
    if any(mark in source for mark in ("<!", "<?", "<w:sdt", "txbxContent")) or _REFERENCE.search(source):
        return None
    return tuple(sorted(set(_BEFORE_CODE.findall(source)) | AFTER_RENDERING))


def _closed(xml: str, empty: Emptied) -> str:
    """Return xml with every element of those names left empty closed at once (<w:t/>), as lxml writes it."""
    for name in empty:
        xml = _closed_by(xml, name, f"></{name}>")
    return xml


def _closed_by(xml: str, name: str, closing: str) -> str:
    """Return xml with each element of a name whose start tag runs right into its closing tag closed at once
    (what <name( [^<>]*)?></name> finds, found with plain string searches: the name's start tags are many, the
    closings right after a '>' few, as text is escaped: a '>' before a closing tag is a start tag's or a child's
    end); xml itself when there is none (one look over it)."""
    found = xml.find(closing)
    if found < 0:
        return xml
    start, pieces, at = f"<{name}", [], 0
    while found >= 0:
        opened = xml.rfind("<", at, found)  # the last tag's start before the closing, since the last closing
        tag = xml[opened:found] if opened >= 0 else ""
        closed = tag == start or (tag.startswith(start + " ") and ">" not in tag)
        pieces += [xml[at:found], "/>" if closed else closing]
        at = found + len(closing)
        found = xml.find(closing, at)
    pieces.append(xml[at:])
    return "".join(pieces)


@dataclass(frozen=True)
class TextBody:
    """A rendered body as lxml would write it, its pictures not yet numbered (how many it has)."""

    xml: str
    pictures: int = 0


def as_text(xml: str, empty: Emptied, grids: bool | None = None, pictured: bool = True) -> TextBody | None:
    """Return a rendered body (its inherited namespace declarations dropped) as lxml would write it, or None when
    only parsing it gets that right; empty finds the elements the template's code may have left empty (values
    are escaped: what they add is text, quotes as character references, and pictures as lxml wrote them); grids
    says whether its tables' grids fit their rows (grids_fit) when that is known already; pictured, whether it may
    hold pictures (False: known to hold none)."""
    quoted = _quoted(xml)  # markupsafe's quotes, &#34; and &#39; (no other reference: see emptied), looked for once
    if (quoted and _quote_in_tag(xml)) or not (grids_fit(xml) if grids is None else grids):
        return None
    pictures = xml.count("<wp:docPr") if pictured else 0
    if pictures and pictures != len(_PICTURE_ID.findall(xml)):
        return None
    written = _closed(xml, empty)
    return TextBody(written.replace("&#34;", '"').replace("&#39;", "'") if quoted else written, pictures)


def _quoted(xml: str) -> bool:
    """Return whether xml holds "&#3", found from its "#"s: a body seldom holds any, and one character is looked
    for many times faster than three (a long body: 0.01 ms against 0.5)."""
    at = xml.find("#")
    while at >= 0:
        if at and xml.startswith("&#3", at - 1):
            return True
        at = xml.find("#", at + 1)
    return False


def _quote_in_tag(xml: str) -> bool:
    """Return whether a quote markupsafe escaped is in an attribute (lxml writes it otherwise there than in text)."""
    for reference in ("&#34;", "&#39;"):
        at = xml.find(reference)
        while at >= 0:
            if xml.rfind("<", 0, at) > xml.rfind(">", 0, at):
                return True
            at = xml.find(reference, at + 1)
    return False


def grids_fit(xml: str) -> bool:
    """Return whether every table's grid has as many columns as its widest row spans and no row has more cells
    (docxtpl's fix_tables would change nothing), counted as docxtpl counts them; False for a nested table."""
    if "<w:tbl " in xml:
        return False  # a table start written otherwise
    tables = elements(xml, TABLE_START, "</w:tbl>")
    return not any(map(holds_table, tables)) and all(map(grid_fits, tables))


def number_pictures(body: TextBody, first: int) -> tuple[TextBody, int]:
    """Return the body with its pictures numbered from first + 1 in document order, as docxtpl numbers them, and
    the last number given."""
    if not body.pictures:
        return body, first
    numbers = iter(range(first + 1, first + 1 + body.pictures))
    numbered = _PICTURE_ID.sub(lambda m: f"{m[1]}{next(numbers)}{m[2]}", body.xml)
    return TextBody(numbered, body.pictures), first + body.pictures


_SPECIAL = ("&", "<", ">", "'", '"')  # what markupsafe escapes


def _c_escaping() -> Callable[[str], str] | None:
    """Return markupsafe's escaping of a plain string in C (one pass, where escaped makes five searches), or None
    where it has none (without its speedups, or in a version that moved it: the name is private)."""
    try:
        from markupsafe._speedups import _escape_inner
    except ImportError:
        return None
    return _escape_inner


_escape_text = _c_escaping()


def escaped(value: object) -> object:
    """Return a value as a template writes it into XML: a plain string escaped as markupsafe escapes it, without
    the Markup markupsafe makes (a template's own escape only ever wraps what it writes out, which is joined as
    text), in one pass of markupsafe's C code where it has it; anything else as markupsafe escapes it."""
    if type(value) is not str:
        return escape(value)
    if _escape_text is not None:
        return _escape_text(value)
    text: str = value
    if not any(special in text for special in _SPECIAL):
        return text
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace('"', "&#34;")
    )
