"""Writers: a family view -> file bytes, picked by format name from a plain table."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from generator.errors import UnknownNameError
from generator.views import View


class Writer(Protocol):
    """What a writer declares and does."""

    name: str
    out_suffix: str
    families: tuple[str, ...]

    def write(self, family: str, view: View, when: date | None) -> bytes:
        """Return the file bytes of one family view."""


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


def _register_bundled() -> None:
    """Register the writers that ship with the package."""
    from generator.writers.word import WordWriter

    register(WordWriter())
    try:
        from generator.writers.powerpoint import PowerPointWriter
    except ImportError:
        pass
    else:
        register(PowerPointWriter())
    try:
        from generator.writers.excel import ExcelWriter
    except ImportError:
        pass
    else:
        register(ExcelWriter())


_register_bundled()
