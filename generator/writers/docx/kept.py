"""Short Word tables kept on one page: every paragraph of their rows but the last keeps with the next, so a table of
a few rows moves whole to the next page (with its heading, which keeps with it) instead of leaving a row or two
behind at the foot of a page."""

from __future__ import annotations

KEPT_TABLE_POINTS = 240.0  # a third of an A4 page's text (20 lines of 10 pt): a table at most this tall is kept
KEEP = "<w:keepNext/>"
_PROPERTIES, _CLOSED_PROPERTIES, _STYLE = "<w:pPr>", "<w:pPr/>", "<w:pStyle"


def keeping(xml: str) -> str:
    """Return xml with every paragraph in it set to keep with the next one: its properties' first child, or the
    second after its style, as the schema orders them (a paragraph that says whether it keeps is left as it is)."""
    if any(mark in xml for mark in _WALKED):
        return _walked(xml)
    parts = (xml.replace("<w:p/>", _EMPTY) if "<w:p/>" in xml else xml).split("<w:p>")
    for index in range(1, len(parts)):  # each paragraph's start tag's end on: its properties given the keep
        part = parts[index]
        if part.startswith(_PROPERTIES):
            parts[index] = f"{_PROPERTIES}{KEEP}{part[len(_PROPERTIES) :]}"
        elif part.startswith(_CLOSED_PROPERTIES):
            parts[index] = f"{_PROPERTIES}{KEEP}</w:pPr>{part[len(_CLOSED_PROPERTIES) :]}"
        else:
            parts[index] = f"{_PROPERTIES}{KEEP}</w:pPr>{part}"
    return "<w:p>".join(parts)


_WALKED = ("<w:pStyle", "<w:keepNext", "<w:p ")  # what only a walk paragraph by paragraph gets right
_EMPTY = "<w:p></w:p>"  # an empty paragraph, to be given properties as the others are (and closed after)


def _walked(xml: str) -> str:
    """Return what keeping returns, each paragraph found by its start tag (<w:p>, <w:p .../>...) with str.find."""
    pieces, at = [], 0
    found = xml.find("<w:p")
    while found >= 0:
        after = found + 4
        if after < len(xml) and xml[after] in ">/ ":  # a paragraph's start tag, not <w:pPr> or <w:pStyle>
            end = xml.find(">", after)
            if end < 0:
                break
            pieces.append(xml[at:found])
            if xml[end - 1] == "/":  # <w:p/>: an empty paragraph, given properties and an end
                pieces.append(f"{xml[found : end - 1]}><w:pPr>{KEEP}</w:pPr></w:p>")
                at = end + 1
            else:
                piece, at = _kept_properties(xml, end + 1)
                pieces += [xml[found : end + 1], piece]
        found = xml.find("<w:p", after)
    pieces.append(xml[at:])
    return "".join(pieces)


def _kept_properties(xml: str, at: int) -> tuple[str, int]:
    """Return what a paragraph's properties start with once it keeps with the next (at: right after its start tag),
    and where the rest of the XML resumes."""
    if xml.startswith(_CLOSED_PROPERTIES, at):
        return f"<w:pPr>{KEEP}</w:pPr>", at + len(_CLOSED_PROPERTIES)
    if not xml.startswith(_PROPERTIES, at):
        return f"<w:pPr>{KEEP}</w:pPr>", at
    start = at + len(_PROPERTIES)
    close = xml.find("</w:pPr>", start)
    if xml.find("<w:keepNext", start, close if close >= 0 else len(xml)) >= 0:
        return "", at  # it says so itself
    if xml.startswith(_STYLE, start):  # its style comes first
        start = xml.find(">", start) + 1
        start = start if xml[start - 2] == "/" else xml.find("</w:pStyle>", start) + len("</w:pStyle>")
    return f"{xml[at:start]}{KEEP}", start
