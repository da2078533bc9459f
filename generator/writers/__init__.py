"""Writers: a Document -> file bytes, picked by format name from a plain table; they know block kinds only."""

from __future__ import annotations

import importlib
import threading
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
_LOADING = threading.Lock()  # a Dask worker may ask for a writer from several threads at once
BUNDLED = {  # imported on first use, so reading and checking a source never loads an Office library
    "docx": ("generator.writers.docx", "DocxWriter"),
    "pptx": ("generator.writers.pptx", "PptxWriter"),
    "xlsx": ("generator.writers.xlsx", "XlsxWriter"),
}


def register(writer: Writer) -> None:
    """Add a writer to the table; a second writer of the same format (a bundled one included) is refused."""
    if writer.name in WRITERS or writer.name in BUNDLED:
        raise ValueError(f"a writer for {writer.name!r} is already registered")
    WRITERS[writer.name] = writer


def get_writer(name: str) -> Writer:
    """Return the writer of a format (a bundled one imported the first time), or an error listing the known
    formats."""
    with _LOADING:
        if name in BUNDLED:
            module_name, class_name = BUNDLED[name]
            writer = getattr(importlib.import_module(module_name), class_name)()
            del BUNDLED[name]
            register(writer)
    try:
        return WRITERS[name]
    except KeyError:
        raise UnknownNameError("format", name, sorted({*WRITERS, *BUNDLED})) from None
