"""Read back what a person sees in a .docx: every paragraph, table cell, header and footer."""

from __future__ import annotations

from pathlib import Path

from docx import Document


def docx_text(path: Path) -> str:
    """Return all visible text of a Word document, one paragraph per line."""
    document = Document(str(path))
    body = document.element.body
    texts = ["".join(t.text or "" for t in p.iter(_qn("w:t"))) for p in body.iter(_qn("w:p"))]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            texts += [p.text for p in part.paragraphs]
    return "\n".join(texts)


def _qn(tag: str) -> str:
    """Return the Clark name of a w: tag."""
    from docx.oxml.ns import qn

    return str(qn(tag))
