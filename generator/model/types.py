"""Field types shared by the models: text, money, percentages, ISO dates, quarters."""

from __future__ import annotations

import re
import types
import typing
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

QUARTER = re.compile(r"^Q([1-4]) (\d{4})$")


def number_to_text(value: Any) -> Any:
    """Return numbers and dates as the text the user typed; leave everything else alone."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return getattr(value, "source", str(value))
    if isinstance(value, date):
        return value.isoformat()
    return value


def iso_date(value: Any) -> Any:
    """Return a date from a date, a datetime at midnight or an ISO YYYY-MM-DD string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"expected an ISO date (YYYY-MM-DD); got {value!r}") from None
    raise ValueError(f"expected an ISO date (YYYY-MM-DD); got {type(value).__name__} {value!r}")


def quarter(value: str) -> str:
    """Return value if it names a quarter like 'Q3 2027'."""
    if value and not QUARTER.match(value):
        raise ValueError(f"expected a quarter like 'Q3 2027'; got {value!r}")
    return value


def currency(value: str) -> str:
    """Return value if it is a three-letter ISO 4217 code like EUR."""
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError(f"expected a three-letter currency code like EUR or USD; got {value!r}")
    return value


Text = Annotated[str, BeforeValidator(number_to_text)]
Money = Annotated[float, Field(ge=0, strict=True)]
Count = Annotated[int, Field(ge=0, strict=True)]
Percent = Annotated[float, Field(ge=0, le=100, strict=True)]
Score = Annotated[int, Field(ge=1, le=5, strict=True)]
Number = Annotated[float, Field(strict=True)]
IsoDate = Annotated[date, BeforeValidator(iso_date)]
Currency = Annotated[str, AfterValidator(currency)]
Quarter = Annotated[str, BeforeValidator(number_to_text), AfterValidator(quarter)]


def unwrap(annotation: Any) -> tuple[Any, bool]:
    """Return the core type of an annotation without Annotated[...] and Optional[...], and whether it was optional."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional
