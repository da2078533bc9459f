"""Raw data -> validated AccountPlan, with every problem as (location, message)."""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.model.checks import Finding, check_identity, check_plan
from generator.model.plan import AccountPlan
from generator.model.text import Loc, clean_tree
from generator.model.types import unwrap


@dataclass
class Validated:
    """The outcome of validating raw data: the plan (if valid), problems and warnings."""

    plan: AccountPlan | None
    problems: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)


def validate_data(data: Any, require_identity: bool = True) -> Validated:
    """Return the validated plan of raw data, or every problem found in it."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return Validated(None, [((), f"expected a mapping of sections; got {_kind(data)}")])
    cleaned, warnings = clean_tree(data)
    try:
        plan = AccountPlan.model_validate(cleaned)
    except ValidationError as error:
        problems = [(tuple(e["loc"]), describe(e)) for e in error.errors()]
        if require_identity:
            problems += _raw_identity(cleaned)
        return Validated(None, problems, warnings)
    problems = check_plan(plan) + (check_identity(plan) if require_identity else [])
    return Validated(None if problems else plan, problems, warnings)


def _raw_identity(data: dict[str, Any]) -> list[Finding]:
    """Return the identity problems visible in raw data that failed validation."""
    account, info = data.get("account"), data.get("plan")
    findings: list[Finding] = []
    if not isinstance(account, dict) or not account.get("name"):
        findings.append((("account", "name"), "required field is missing: the account's name"))
    if not isinstance(info, dict) or not info.get("date"):
        findings.append((("plan", "date"), "required field is missing: the plan's date (YYYY-MM-DD)"))
    return findings


_BOUNDS = {
    "greater_than_equal": ("≥", "ge"),
    "less_than_equal": ("≤", "le"),
    "greater_than": (">", "gt"),
    "less_than": ("<", "lt"),
}


def describe(error: ErrorDetails) -> str:
    """Return a user message for one pydantic error: what was found and what is expected."""
    kind = error["type"]
    found = error.get("input")
    loc = tuple(error["loc"])
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "missing":
        return f"required field is missing ({_expected(loc)})"
    if kind == "enum":
        return _enum_message(loc, found)
    if kind in {"float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"}:
        return f"expected {_expected(loc)}; got {_kind(found)} {_short(found)}"
    if kind == "finite_number":
        return f"expected a finite number; got {_short(found)}"
    if kind in {"string_type", "list_type", "model_type", "dict_type", "bool_type", "model_attributes_type"}:
        return f"expected {_expected(loc)}; got {_kind(found)} {_short(found)}"
    if kind in _BOUNDS:
        sign, key = _BOUNDS[kind]
        bound = error.get("ctx", {}).get(key)
        return f"expected a number {sign} {bound:g}; got {_short(found)}"
    return error["msg"].removeprefix("Value error, ")


def _short(value: Any) -> str:
    """Return a short repr of a found value (numbers as typed, never a whole long text)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = getattr(value, "source", None) or (repr(float(value)) if isinstance(value, float) else str(int(value)))
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    """Return a plain word for a value's type (the YAML reader's number types count as numbers)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return {
        "str": "text",
        "int": "a number",
        "float": "a number",
        "bool": "true/false",
        "dict": "a mapping",
        "list": "a list",
        "NoneType": "nothing",
        "date": "a date",
        "datetime": "a date and time",
    }.get(type(value).__name__, type(value).__name__)


def _unknown_key(loc: Loc) -> str:
    """Return the message for an unknown key, with a did-you-mean hint."""
    key = str(loc[-1])
    known = list(_fields_at(loc[:-1]))
    close = difflib.get_close_matches(key[:100], known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(known)}"
    return f"unknown key {_short(key)}{hint}"


def _enum_message(loc: Loc, found: Any) -> str:
    """Return the message for a value outside a closed vocabulary."""
    values = _enum_values(loc)
    close = difflib.get_close_matches(str(found)[:100], values, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"expected one of {', '.join(values)}; got {_short(found)}{hint}"


def _annotation_at(loc: Loc) -> Any:
    """Return the type annotation a location of AccountPlan expects (None if unknown)."""
    annotation: Any = AccountPlan
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(part, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(part)
            annotation = info.annotation if info else None
        else:
            return None
    return _unwrap(annotation)


def _unwrap(annotation: Any) -> Any:
    """Return the annotation without Optional[...] and Annotated[...] wrappers."""
    return unwrap(annotation)[0]


def _fields_at(loc: Loc) -> list[str]:
    """Return the keys a mapping at loc accepts."""
    annotation = _annotation_at(loc)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _enum_values(loc: Loc) -> list[str]:
    """Return the allowed values of the vocabulary at loc."""
    annotation = _annotation_at(loc)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(member.value) for member in annotation]
    return []


def _expected(loc: Loc) -> str:
    """Return what a location expects, in words."""
    annotation = _annotation_at(loc)
    origin = typing.get_origin(annotation)
    if origin is list:
        return "a list"
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return "one of " + ", ".join(str(m.value) for m in annotation)
        if issubclass(annotation, BaseModel):
            return "a mapping with keys " + ", ".join(annotation.model_fields)
        return _TYPE_WORDS.get(annotation.__name__, annotation.__name__)
    return "a value"


_TYPE_WORDS = {
    "str": "text",
    "float": "a number",
    "int": "a whole number",
    "bool": "true or false",
    "date": "an ISO date (YYYY-MM-DD)",
}
