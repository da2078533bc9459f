"""Frozen records that survive pickling compiled as well as interpreted (a script may send documents to workers)."""

from __future__ import annotations

import copyreg
from dataclasses import fields, is_dataclass
from typing import Any


class Compared:
    """Equality and hashing by the fields compared() gives, written out: compiled, where dataclass's own are
    interpreted (caches compare columns, rows and cells many times an account)."""

    def __eq__(self, other: object) -> bool:
        """Return whether another record of the same class has the same fields."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Compared)
        return self.compared() == other.compared()

    def __hash__(self) -> int:
        """Return the hash of the compared fields."""
        return hash(self.compared())

    def compared(self) -> tuple[object, ...]:
        """Return the fields equality and hashing go by: every field a dataclass would compare."""
        raise NotImplementedError


def picklable(namespace: dict[str, Any], module: str) -> None:
    """Make the records (dataclasses) a module defines picklable: made again by their own __init__ from the fields
    it takes (compiled, pickle's default sets each attribute through __setattr__, which a frozen record refuses)."""
    for kind in list(namespace.values()):
        if isinstance(kind, type) and is_dataclass(kind) and kind.__module__ == module:
            copyreg.pickle(kind, _reduced)


def _reduced(record: Any) -> tuple[Any, tuple[Any, dict[str, Any]]]:
    """Return how pickle makes a record again: its kind and the fields its __init__ takes (the rest it derives)."""
    return _made, (type(record), {f.name: getattr(record, f.name) for f in fields(record) if f.init})


def _made(kind: Any, values: dict[str, Any]) -> Any:
    """Return a record of a kind made from the fields its __init__ takes."""
    return kind(**values)
