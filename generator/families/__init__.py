"""The families: one module each builds a plan's Document; a plain table registers them and refuses duplicates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.document.blocks import Document
from generator.errors import UnknownNameError
from generator.families import (
    account_map,
    kam_action_plan,
    sales_account_plan,
    simple_account_plan,
    strategic_account_plan,
)
from generator.model.plan import AccountPlan


@dataclass(frozen=True)
class Family:
    """A registered family: its name, the formats it is written in, and how its document is built."""

    name: str
    formats: tuple[str, ...]
    build: Callable[[AccountPlan, tuple[str, ...]], Document]


FAMILIES: dict[str, Family] = {}


def register(family: Family) -> None:
    """Add a family to the table; a second family of the same name is refused."""
    if family.name in FAMILIES:
        raise ValueError(f"a family named {family.name!r} is already registered")
    FAMILIES[family.name] = family


for _module in (strategic_account_plan, sales_account_plan, account_map, kam_action_plan, simple_account_plan):
    register(Family(_module.FAMILY, _module.FORMATS, _module.build))

FAMILY_IDS = tuple(FAMILIES)


def get_family(name: str) -> Family:
    """Return a registered family, or an error listing the known ones."""
    try:
        return FAMILIES[name]
    except KeyError:
        raise UnknownNameError("family", name, list(FAMILY_IDS)) from None


def check_family(name: str) -> str:
    """Return name if it is a known family, else raise an error listing the known ones."""
    return get_family(name).name


def formats_of(name: str) -> list[str]:
    """Return the formats a family is written in."""
    return list(get_family(name).formats)


def families_table() -> dict[str, list[str]]:
    """Return every family with its formats."""
    return {name: list(family.formats) for name, family in FAMILIES.items()}


def document(plan: AccountPlan, name: str, formats: Sequence[str] = ()) -> Document:
    """Return the document of one family of a plan, with the parts of the chosen formats (none chosen: every one)."""
    return get_family(name).build(plan, tuple(formats))
