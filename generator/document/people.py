"""The stakeholder blocks: the influence-interest matrix with its quadrants, and the org chart with its people."""

from __future__ import annotations

from dataclasses import dataclass

from generator.document.records import picklable


@dataclass(frozen=True)
class Quadrant:
    """One quadrant of the influence-interest matrix with the people in it."""

    key: str
    title: str
    description: str
    names: tuple[str, ...]
    count: int | None  # None where nobody is placed yet (a blank plan): no "(0)" to read
    fill: str

    def heading(self) -> str:
        """Return the title with the number of people in the quadrant, e.g. 'Keep satisfied (3)'."""
        return self.title if self.count is None else f"{self.title} ({self.count})"


@dataclass(frozen=True)
class Matrix:
    """The influence-interest matrix: four quadrants and the axis captions."""

    quadrants: tuple[Quadrant, ...]
    caption: str
    influence: str
    interest: str
    high: str
    lower: str

    def quadrant(self, key: str) -> Quadrant:
        """Return the quadrant with this key."""
        return next(q for q in self.quadrants if q.key == key)


@dataclass(frozen=True)
class Person:
    """One box of the org chart."""

    name: str
    title: str
    reports_to: str
    fill: str
    text_colour: str
    decision_maker: bool
    mark: str


@dataclass(frozen=True)
class OrgChart:
    """The hierarchy from 'reports to', with the stance legend and the decision-maker note."""

    people: tuple[Person, ...]
    legend: tuple[tuple[str, str], ...]
    note: str


picklable(globals(), __name__)
