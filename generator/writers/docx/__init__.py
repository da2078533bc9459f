"""Word writer: a document's Word part -> .docx through the family's docxtpl template (restylable in Word)."""

from __future__ import annotations

from typing import Any

from generator.document.blocks import Document
from generator.writers.docx.context import context
from generator.writers.docx.render import PreparedTemplate, logos, picture, prepared


class DocxWriter:
    """Writes a document's Word part as a .docx document."""

    name: str = "docx"
    out_suffix: str = ".docx"

    def parts(self, document: Document) -> list[tuple[str, bytes]]:
        """Return the .docx members."""
        meta = document.meta
        template = prepared(meta.family)
        return template.render_parts(values(template, document), meta.title, meta.author, meta.when)


def values(template: PreparedTemplate, document: Document) -> dict[str, Any]:
    """Return everything a family's Word template renders: the document's context and the seller's logo."""
    rendered = context(document, picture(template))
    rendered["doc"].update(logos(template, document.meta.look.logo))
    return rendered
