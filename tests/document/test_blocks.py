"""The document's blocks stay frozen records: the cells and rows whose __init__ is written out (for speed) take and
keep every field, compare and hash by value, and refuse changes, as the dataclass's own __init__ would."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from generator.document.blocks import Cell, Row

DISTINCT: dict[type, dict[str, Any]] = {
    Cell: {"text": "Umsatz", "raw": date(2027, 1, 15), "items": ("a", "b"), "fill": "C6EFCE", "formula": "=B2*2"},
    Row: {"cells": (("name", Cell("Ann")),), "placeholder": True, "group": "risk", "bold": True, "message": "—"},
}


@pytest.mark.parametrize("kind", list(DISTINCT))
def test_a_written_out_init_takes_every_field_by_name_and_keeps_it(kind: type) -> None:
    """Every field the dataclass declares for __init__ is a parameter of the written-out one, set as given, and the
    defaults are the declared ones (a field added to the class but not to its __init__ fails here)."""
    declared = [f for f in dataclasses.fields(kind) if f.init]
    assert sorted(f.name for f in declared) == sorted(DISTINCT[kind])
    made = kind(**DISTINCT[kind])
    assert {name: getattr(made, name) for name in DISTINCT[kind]} == DISTINCT[kind]
    required = {f.name: DISTINCT[kind][f.name] for f in declared if f.default is dataclasses.MISSING}
    plain = kind(**required)
    assert all(getattr(plain, f.name) == f.default for f in declared if f.default is not dataclasses.MISSING)


@pytest.mark.parametrize("kind", list(DISTINCT))
def test_cells_and_rows_are_frozen_values(kind: type) -> None:
    """Two records of the same fields are equal and hash alike; replace() makes a changed copy; setting a field
    is refused."""
    one, two = kind(**DISTINCT[kind]), kind(**DISTINCT[kind])
    assert one == two and hash(one) == hash(two)
    name = next(iter(DISTINCT[kind]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(one, name, DISTINCT[kind][name])
    changed = dataclasses.replace(one, bold=False) if kind is Row else dataclasses.replace(one, fill="FFC7CE")
    assert changed != one and one == two


def test_a_row_finds_its_first_cell_of_each_key_also_after_replace() -> None:
    """A row's cells are found by key (the first of a repeated key), in a copy made by replace() too."""
    row = Row((("name", Cell("Ann")), ("name", Cell("Bob")), ("role", Cell("CFO"))))
    assert row.cell("name").text == "Ann" and row.cell("missing") == Cell()
    again = dataclasses.replace(row, cells=(("role", Cell("CEO")),))
    assert again.cell("role").text == "CEO" and again.cell("name") == Cell()
