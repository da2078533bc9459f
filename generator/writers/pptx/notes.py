"""Speaker notes written as text: each slide's notes page is python-pptx's, its notes put in when the deck is saved.

python-pptx would copy a notes page per slide, set its text through its text frame, read it back for every note
added later and serialize the page again; the page is the same for every slide but for the notes.
"""

from __future__ import annotations

from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part, XmlPart
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesMaster, CT_NotesSlide
from pptx.oxml.theme import CT_OfficeStyleSheet
from pptx.parts.slide import NotesMasterPart
from pptx.slide import NotesSlide

from generator.writers.pptx.graph import relate_new, with_relationships
from generator.writers.pptx.text import notes_frame, runs_xml

_MARK = "accountplan-notes"
_MARKED = f"<a:p><a:r><a:t>{_MARK}</a:t></a:r></a:p>".encode()

Page = tuple[bytes, bytes]  # a notes page's XML before and after its notes


class NotesPart(Part):
    """A slide's notes page: python-pptx's page with the notes as its text setter writes them."""

    def __init__(self, partname: PackURI, package: Any, page: Page, text: str) -> None:
        super().__init__(partname, CT.PML_NOTES_SLIDE, package)
        self.page, self.text = page, text

    @property  # type: ignore[misc]  # read only: python-pptx never sets a notes page's bytes
    def blob(self) -> bytes:
        """Return the page's XML with its notes."""
        head, tail = self.page
        return b"".join((head, notes_xml(self.text).encode("utf-8"), tail))


DefaultNotes = tuple[PackURI, Any, Any]  # the default notes master's theme name, its XML and its theme's XML


def notes_master(presentation: Any, made: DefaultNotes | None) -> tuple[Any, DefaultNotes | None]:
    """Return a deck's notes master part: the master deck's own, else python-pptx's default made as python-pptx
    makes it, its theme named as python-pptx names it; and what the default is made of (worked out when None,
    the same for every deck of one master deck: its XML is shared, never changed)."""
    try:
        return presentation.part_related_by(RT.NOTES_MASTER), made
    except KeyError:
        package = presentation.package
    if made is None:  # python-pptx walks every part for the theme's name and parses both templates: once
        theme_name = package.next_partname("/ppt/theme/theme%d.xml")
        made = theme_name, CT_NotesMaster.new_default(), CT_OfficeStyleSheet.new_default()
    theme, master_xml, theme_xml = made
    master = NotesMasterPart(PackURI("/ppt/notesMasters/notesMaster1.xml"), CT.PML_NOTES_MASTER, package, master_xml)
    master.relate_to(XmlPart(theme, CT.OFC_THEME, package, theme_xml), RT.THEME)
    presentation.relate_to(master, RT.NOTES_MASTER)
    return master, made


def notes_page(notes_master: Any) -> Page:
    """Return a new notes page as python-pptx makes one (the master's slide image, body and slide number cloned),
    split where its notes go."""
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


def add_notes(slide: Any, number: int, master: Any, page: Page, text: str) -> None:
    """Give a new slide (the deck's number-th) its notes page with text, related as python-pptx relates one."""
    part = slide.part
    name = PackURI(f"/ppt/notesSlides/notesSlide{number}.xml")
    notes = with_relationships(NotesPart(name, part.package, page, text), "/ppt/notesSlides")
    relate_new(notes, master, RT.NOTES_MASTER)  # each a new relationship: python-pptx's search would find none
    relate_new(notes, part, RT.SLIDE)
    relate_new(part, notes, RT.NOTES_SLIDE)
