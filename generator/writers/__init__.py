"""Writers: a Document -> file bytes, picked by format name from a plain table; they know block kinds only."""

from __future__ import annotations

import importlib
from typing import Protocol

from generator.document.blocks import Document
from generator.errors import UnknownNameError


class Writer(Protocol):
    """What a writer declares and does."""

    name: str
    out_suffix: str

    def parts(self, document: Document) -> list[tuple[str, bytes]]:
        """Return the package members of a document's part in this writer's format, in order, not yet zipped."""


WRITERS: dict[str, Writer] = {}


def register(writer: Writer) -> None:
    """Add a writer to the table; a second writer of the same format is refused."""
    if writer.name in WRITERS:
        raise ValueError(f"a writer for {writer.name!r} is already registered")
    WRITERS[writer.name] = writer


def get_writer(name: str) -> Writer:
    """Return the writer of a format, or an error listing the known formats."""
    try:
        return WRITERS[name]
    except KeyError:
        raise UnknownNameError("format", name, sorted(WRITERS)) from None


BUNDLED = (
    ("generator.writers.docx", "DocxWriter"),
    ("generator.writers.pptx", "PptxWriter"),
    ("generator.writers.xlsx", "XlsxWriter"),
)


def _register_bundled() -> None:
    """Register the writers that ship with the package (docx, pptx, xlsx), in that order."""
    for module_name, class_name in BUNDLED:
        register(getattr(importlib.import_module(module_name), class_name)())


_register_bundled()
