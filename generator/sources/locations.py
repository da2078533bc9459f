"""Where a value came from: locations of fields in a source, and problem building."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.errors import Problem
from generator.model.text import Loc, field_path


@dataclass
class Locations:
    """Maps field locations to where they are in the source ('file:line:col' or 'Sheet!A1')."""

    source: str
    places: dict[Loc, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, loc: Loc) -> str:
        """Return the place of loc, or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            place = self.places.get(tuple(loc[:end]))
            if place is not None:
                return place
        return self.source

    def problem(self, loc: Loc, message: str) -> Problem:
        """Return a Problem located at loc."""
        return Problem(self.where(loc), field_path(loc), message)
