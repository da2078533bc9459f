"""Word writer: a document's Word part -> .docx through the family's docxtpl template (restylable in Word)."""

from __future__ import annotations

from generator.document.blocks import Document
from generator.writers.docx.context import context
from generator.writers.docx.render import picture, prepared


class DocxWriter:
    """Writes a document's Word part as a .docx document."""

    name: str = "docx"
    out_suffix: str = ".docx"
    package: bool = True

    def write(self, document: Document) -> bytes:
        """Return the .docx bytes."""
        meta = document.meta
        template = prepared(meta.family)
        return template.render_bytes(context(document, picture(template)), meta.title, meta.author, meta.when)
