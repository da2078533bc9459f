"""Writers: a family view -> file bytes, picked by format name from a plain table."""

from __future__ import annotations

import importlib
from typing import Protocol

from generator.errors import UnknownNameError
from generator.model.plan import AccountPlan


class Writer(Protocol):
    """What a writer declares and does."""

    name: str
    out_suffix: str
    families: tuple[str, ...]

    def write(self, family: str, plan: AccountPlan) -> bytes:
        """Return the file bytes of one family of a plan (the writer builds the view it needs)."""


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
    ("generator.writers.word", "WordWriter"),
    ("generator.writers.powerpoint", "PowerPointWriter"),
    ("generator.writers.excel", "ExcelWriter"),
)


def _register_bundled() -> None:
    """Register the writers that ship with the package (docx, pptx, xlsx), in that order."""
    for module_name, class_name in BUNDLED:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        register(getattr(module, class_name)())


_register_bundled()
