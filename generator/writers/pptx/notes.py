"""Speaker notes written as text: each slide's notes page is python-pptx's, its notes put in when the deck is saved.

python-pptx would copy a notes page per slide, set its text through its text frame, read it back for every note
added later and serialize the page again; the page is the same for every slide but for the notes.
"""

from __future__ import annotations

from typing import Any

from pptx.opc.oxml import serialize_part_xml
from pptx.oxml.slide import CT_NotesSlide
from pptx.slide import NotesSlide

from generator.writers.pptx.text import notes_frame, runs_xml

_MARK = "accountplan-notes"
_MARKED = f"<a:p><a:r><a:t>{_MARK}</a:t></a:r></a:p>".encode()

Page = tuple[bytes, bytes]  # a notes page's XML before and after its notes


def notes_page(notes_master: Any) -> Page:
    """Return a new notes page as python-pptx makes one from a notes master (python-pptx's NotesMaster: its slide
    image, body and slide number cloned), split where its notes go."""
    notes = NotesSlide(CT_NotesSlide.new(), None)  # type: ignore[arg-type]  # a page of no package yet
    notes.clone_master_placeholders(notes_master)
    notes_frame(notes).text = _MARK
    head, tail = serialize_part_xml(notes._element).split(_MARKED)
    return head, tail


def notes_xml(text: str) -> str:
    """Return notes as python-pptx's text setter writes them: a paragraph per line, a break per vertical tab, a
    run per piece between them."""
    paragraphs = (runs_xml(line) for line in text.split("\n"))
    return "".join(f"<a:p>{runs}</a:p>" if runs else "<a:p/>" for runs in paragraphs)


def notes_blob(page: Page, text: str) -> bytes:
    """Return a notes page's XML with its notes."""
    head, tail = page
    return b"".join((head, notes_xml(text).encode("utf-8"), tail))
