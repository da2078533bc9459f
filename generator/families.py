"""The template families and the formats each is produced in."""

from __future__ import annotations

from generator.errors import UnknownNameError
from generator.views import VIEWS
from generator.writers import WRITERS

FAMILY_IDS = tuple(VIEWS)


def formats_of(family: str) -> list[str]:
    """Return the formats a family is written in."""
    return [name for name, writer in WRITERS.items() if family in writer.families]


def families_table() -> dict[str, list[str]]:
    """Return every family with its formats."""
    return {family: formats_of(family) for family in FAMILY_IDS}


def check_family(family: str) -> str:
    """Return family if it is known, else raise an error listing the known ones."""
    if family not in VIEWS:
        raise UnknownNameError("family", family, list(FAMILY_IDS))
    return family
