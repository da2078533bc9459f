"""The document's blocks stay frozen records: the cells and rows whose __init__ is written out (for speed) take and
keep every field, compare and hash by value, and refuse changes, as the dataclass's own __init__ would."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import types
from datetime import date
from typing import Any

import pytest

import generator as lib
from generator.document.blocks import Cell, Column, Highlight, Kind, Row
from generator.writers import get_writer

DISTINCT: dict[type, dict[str, Any]] = {
    Cell: {"text": "Umsatz", "raw": date(2027, 1, 15), "items": ("a", "b"), "fill": "C6EFCE", "formula": "=B2*2"},
    Row: {"cells": (("name", Cell("Ann")),), "placeholder": True, "group": "risk", "bold": True, "message": "—"},
}
COMPARED: dict[type, dict[str, Any]] = {  # the records whose equality and hash are written out: every field set
    **DISTINCT,
    Highlight: {
        "fill": "FFC7CE",
        "equals": "High",
        "low": 0.5,
        "high": 0.9,
        "font": "9C0006",
        "bold": True,
        "whole_row": True,
    },
    Column: {
        "key": "value",
        "label": "Wert",
        "kind": Kind.MONEY,
        "weight": 1.5,
        "chars": 12.0,
        "formula": "=B2",
        "options": "a,b",
        "indent_key": "level",
        "highlights": (Highlight("C6EFCE"),),
        "coloured": True,
        "own_formulas": True,
        "internal": True,
        "note": True,
    },
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


@pytest.mark.parametrize("kind", list(COMPARED))
def test_written_out_equality_goes_by_every_field_the_dataclass_compares(kind: type) -> None:
    """Records compare and hash by exactly the fields a dataclass would compare, in order (a field added to the
    class but not to compared() fails here), and a change in any one of them makes them unequal."""
    record = kind(**COMPARED[kind])
    compared = [f.name for f in dataclasses.fields(kind) if f.compare]
    assert record.compared() == tuple(getattr(record, name) for name in compared)
    assert record == kind(**COMPARED[kind]) and hash(record) == hash(kind(**COMPARED[kind]))
    defaults = kind(**{name: COMPARED[kind][name] for name in ("key", "label", "fill", "cells") if name in compared})
    for name in compared:
        if getattr(defaults, name) != COMPARED[kind][name]:
            assert dataclasses.replace(defaults, **{name: COMPARED[kind][name]}) != defaults, name
    assert record != object() and record.__eq__(object()) is NotImplemented


def test_a_row_finds_its_first_cell_of_each_key_also_after_replace() -> None:
    """A row's cells are found by key (the first of a repeated key), in a copy made by replace() too."""
    row = Row((("name", Cell("Ann")), ("name", Cell("Bob")), ("role", Cell("CFO"))))
    assert row.cell("name").text == "Ann" and row.cell("missing") == Cell()
    again = dataclasses.replace(row, cells=(("role", Cell("CEO")),))
    assert again.cell("role").text == "CEO" and again.cell("name") == Cell()


@pytest.mark.parametrize("make", [lambda: lib.load_plan().plan, lib.blank_plan], ids=["example", "blank"])
def test_every_family_document_comes_back_whole_from_a_pickle(make: Any) -> None:
    """A script that hands documents to worker processes (multiprocessing, Dask) gets each back equal, compiled or
    not (compiled records used to refuse pickle's restore: FrozenInstanceError), and a writer writes the same
    bytes from the copy."""
    documents = lib.check(make())
    copies = [pickle.loads(pickle.dumps(document)) for document in documents]
    assert copies == documents
    assert [type(block) for copy in copies for block in copy.blocks()] == [
        type(block) for document in documents for block in document.blocks()
    ]
    strategic = next(i for i, d in enumerate(documents) if d.meta.family == "strategic-account-plan")
    assert get_writer("xlsx").parts(copies[strategic]) == get_writer("xlsx").parts(documents[strategic])


def test_a_row_copied_by_pickle_still_finds_its_cells() -> None:
    """A row's look-up by column (set by its __init__, not a field) comes back with it."""
    row = pickle.loads(pickle.dumps(Row((("name", Cell("Ann")), ("role", Cell("CFO"))))))
    assert row.cell("role").text == "CFO"


def test_a_script_can_import_the_document_modules_by_their_dotted_names() -> None:
    """`import generator.document.blocks as blocks` works: the package's namespace once held a function named
    document, which hid the subpackage ("cannot import name 'blocks' from 'document'")."""
    blocks = importlib.import_module("generator.document.blocks")
    namespace: dict[str, Any] = {}
    exec("import generator.document.blocks as dotted", namespace)  # the statement a script writes
    assert namespace["dotted"] is blocks and blocks.Cell is Cell
    assert isinstance(lib.document, types.ModuleType)
