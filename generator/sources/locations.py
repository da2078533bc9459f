"""Where a value came from: locations of fields in a source, and problem building."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from generator.errors import Problem
from generator.model.text import Loc, field_path


class Mark(Protocol):
    """A place in a text file as a parser marks it (0-based line and column)."""

    line: int
    column: int


def at_mark(source: object, mark: Any) -> str:
    """Return 'file:line:column' for a parser's mark (shown 1-based)."""
    return f"{source}:{mark.line + 1}:{mark.column + 1}"


@dataclass
class Locations:
    """Maps field locations to where they are in the source ('Sheet!A1', or a parser's mark in the source file:
    written as 'file:line:col' only when a problem is told, most fields never are)."""

    source: str
    places: dict[Loc, str | Mark] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    noting: Callable[[], dict[Loc, Any]] | None = None  # finds the places when first asked (a valid source never is)

    def noted(self) -> dict[Loc, str | Mark]:
        """Return every field's place, found now if the source was read without noting them."""
        if self.noting is not None:
            self.places.update(self.noting())
            self.noting = None
        return self.places

    def where(self, loc: Loc) -> str:
        """Return the place of loc, or of its nearest ancestor that has one."""
        places = self.noted()
        for end in range(len(loc), -1, -1):
            place = places.get(tuple(loc[:end]))
            if place is not None:
                return place if isinstance(place, str) else at_mark(self.source, place)
        return self.source

    def problem(self, loc: Loc, message: str) -> Problem:
        """Return a Problem located at loc."""
        return Problem(self.where(loc), field_path(loc), message)
