"""The data workbook's shape, derived from the model: which sheet, column or row holds each field.

Single values go to the 'Plan' sheet (field | value), lists of text to the 'Lists' sheet
(list | item), and each list of records to a sheet of its own with one column per field.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from generator.catalog import Catalog
from generator.model.enums import Vocabulary
from generator.model.plan import AccountPlan
from generator.model.types import unwrap

PLAN_SHEET, LISTS_SHEET = "Plan", "Lists"
PLAN_HEADERS = ("field", "value", "note")
LISTS_HEADERS = ("list", "item")
SPECIAL_TITLES = {"kpis": "KPIs", "swot": "SWOT"}


@dataclass(frozen=True)
class FieldInfo:
    """One field of the data workbook: its dotted path, type, whether it is required, its vocabulary."""

    path: str
    kind: str  # text | number | int | date | bool | enum | text_list
    required: bool
    options: tuple[str, ...] = ()
    description: str = ""
    vocabulary: str = ""  # the catalogue's name of an enum's labels

    def labels(self, cat: Catalog) -> tuple[str, ...]:
        """Return the allowed values as the catalogue's language shows them (the values when it has no labels)."""
        shown = cat.enums.get(self.vocabulary, {})
        return tuple(shown.get(option, option) for option in self.options)


def _kind(annotation: Any) -> tuple[str, tuple[str, ...]]:
    """Return the kind of a scalar annotation and its allowed values."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "enum", tuple(str(m.value) for m in annotation)
    if annotation is bool:
        return "bool", ()
    if annotation is int:
        return "int", ()
    if annotation is float:
        return "number", ()
    if annotation is date:
        return "date", ()
    return "text", ()


def flatten(model: type[BaseModel], prefix: str = "") -> list[FieldInfo]:
    """Return the scalar and text-list fields of a model, nested models flattened with dotted paths."""
    fields: list[FieldInfo] = []
    for name, info in model.model_fields.items():
        annotation, _ = unwrap(info.annotation)
        path = f"{prefix}{name}"
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            fields += flatten(annotation, path + ".")
        elif typing.get_origin(annotation) is list:
            item, _ = unwrap(typing.get_args(annotation)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                continue
            fields.append(FieldInfo(path, "text_list", False, description=info.description or ""))
        else:
            kind, options = _kind(annotation)
            named = isinstance(annotation, type) and issubclass(annotation, Vocabulary)
            vocabulary = annotation.vocabulary() if named else ""
            fields.append(FieldInfo(path, kind, info.is_required(), options, info.description or "", vocabulary))
    return fields


def record_lists() -> dict[str, type[BaseModel]]:
    """Return the top-level lists of records and their item model (team, stakeholders, ...)."""
    result = {}
    for name, info in AccountPlan.model_fields.items():
        annotation, _ = unwrap(info.annotation)
        if typing.get_origin(annotation) is list:
            item, _ = unwrap(typing.get_args(annotation)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                result[name] = item
    return result


def sheet_title(field: str) -> str:
    """Return the sheet name of a list of records."""
    return SPECIAL_TITLES.get(field, field.replace("_", " ").capitalize())


def single_fields() -> list[FieldInfo]:
    """Return the fields of the Plan sheet (everything outside the lists of records and text lists)."""
    return [f for f in flatten(AccountPlan) if f.kind != "text_list"]


def text_lists() -> list[FieldInfo]:
    """Return the lists of text of the Lists sheet."""
    return [f for f in flatten(AccountPlan) if f.kind == "text_list"]


def record_columns(field: str) -> list[FieldInfo]:
    """Return the columns of one list-of-records sheet."""
    return flatten(record_lists()[field])


def sheets() -> dict[str, str]:
    """Return every sheet name of the data workbook and the model field it holds ('' for Plan/Lists)."""
    result = {PLAN_SHEET: "", LISTS_SHEET: ""}
    result.update({sheet_title(name): name for name in record_lists()})
    return result


def get_path(data: dict[str, Any], path: str) -> Any:
    """Return the value at a dotted path of nested dicts (None when absent)."""
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path, creating the nested dicts."""
    parts = path.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value
