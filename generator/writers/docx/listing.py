"""Tabs, bells, line and page breaks in a rendered body's text made Word's, exactly as docxtpl's resolve_listing makes
them, with str.find instead of three nested regular expression substitutions (interpreted callbacks a paragraph,
a run and a text)."""

from __future__ import annotations

from collections.abc import Callable

BREAKS = "\t\a\n\f"  # what docxtpl's resolve_listing turns into Word's runs, breaks and paragraphs


def resolved(xml: str) -> str:
    """Return xml as docxtpl's resolve_listing returns it: in each paragraph, each run's texts with their breaks
    made Word's (a tab its own run, a bell a new paragraph, a newline a line break, a form feed a page break)."""
    return _each(xml, "<w:p", "</w:p>", _paragraph)


def _each(xml: str, opening: str, closing: str, change: Callable[[str], str]) -> str:
    """Return xml with each element that re.sub(opening + r"(?: [^>]*)?>.*?" + closing, ..., flags=re.S) finds
    changed: an opening tag followed by a space or its end, to the first closing tag after that tag's end."""
    pieces, at = [], 0
    start = xml.find(opening)
    while start >= 0:
        after = start + len(opening)
        if after < len(xml) and xml[after] in " >":
            tag_end = xml.find(">", after)
            end = xml.find(closing, tag_end + 1) if tag_end >= 0 else -1
            if end < 0:
                break  # no element here, and none later: a later one would close after this one's closing
            end += len(closing)
            pieces += [xml[at:start], change(xml[start:end])]
            at, start = end, xml.find(opening, end)
        else:
            start = xml.find(opening, after)
    pieces.append(xml[at:])
    return "".join(pieces)


def _first(xml: str, opening: str, closing: str) -> str:
    """Return what re.search(opening + ".*?" + closing, xml, re.S) finds ('' for nothing): the first opening, to
    the first closing after it."""
    start = xml.find(opening)
    end = xml.find(closing, start + len(opening)) if start >= 0 else -1
    return xml[start : end + len(closing)] if end >= 0 else ""


def _paragraph(paragraph: str) -> str:
    """Return a paragraph with its runs' breaks made Word's (a bell or form feed opens a paragraph like it)."""
    if not any(mark in paragraph for mark in BREAKS):
        return paragraph
    properties = _first(paragraph, "<w:pPr>", "</w:pPr>")
    return _each(paragraph, "<w:r", "</w:r>", lambda run: _run(run, properties))


def _run(run: str, paragraph_properties: str) -> str:
    """Return a run with its texts' breaks made Word's (a tab gets a run like it)."""
    properties = _first(run, "<w:rPr>", "</w:rPr>")
    return _each(run, "<w:t", "</w:t>", lambda text: _text(text, properties, paragraph_properties))


def _text(text: str, run: str, paragraph: str) -> str:
    """Return a text element with its breaks made Word's, replaced one kind after the other as docxtpl does."""
    if not any(mark in text for mark in BREAKS):
        return text
    preserved = '<w:t xml:space="preserve">'
    text = text.replace("\t", f"</w:t></w:r><w:r>{run}<w:tab/></w:r><w:r>{run}{preserved}")
    text = text.replace("\a", f"</w:t></w:r></w:p><w:p>{paragraph}<w:r>{run}{preserved}")
    text = text.replace("\n", f"</w:t><w:br/>{preserved}")
    page = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    return text.replace("\f", f"</w:t></w:r></w:p>{page}<w:p>{paragraph}<w:r>{run}{preserved}")
