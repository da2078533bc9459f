"""Field types shared by the models: text, money, percentages, ISO dates, quarters."""

from __future__ import annotations

import re
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any

from babel.numbers import list_currencies
from pydantic import AfterValidator, BeforeValidator, Field

from generator.catalog import LANGUAGES

QUARTER = re.compile(r"^Q([1-4]) (\d{4})$")
# every format can show these: workbooks count days from 1900-03-01, timelines need the month after
FIRST_DATE, LAST_DATE = date(1900, 3, 1), date(9998, 12, 31)
# amounts, counts and measures stay far from where sums, products and charts overflow
LARGEST = 1e15


def number_to_text(value: Any) -> Any:
    """Return numbers and dates as the text the user typed; leave everything else alone."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):  # a tuple: a union would be made at every call
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
            raise ValueError(f"expected an ISO date (YYYY-MM-DD); got {value[:40]!r}") from None
    raise ValueError(f"expected an ISO date (YYYY-MM-DD); got {type(value).__name__} {str(value)[:40]!r}")


def date_in_range(value: date) -> date:
    """Return value if every output format can show it."""
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(f"expected a date from {FIRST_DATE} to {LAST_DATE}; got {value}")
    return value


def quarter(value: str) -> str:
    """Return value if it names a quarter like 'Q3 2027'."""
    if value and not QUARTER.match(value):
        raise ValueError(f"expected a quarter like 'Q3 2027'; got {value[:40]!r}")
    return value


def currency(value: str) -> str:
    """Return value if it is an ISO 4217 currency code like EUR (Babel's list of currencies)."""
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError(f"expected a three-letter currency code like EUR or USD; got {value[:40]!r}")
    if value not in _currencies():
        raise ValueError(f"expected an ISO 4217 currency code like EUR, USD or CHF; got {value!r}")
    return value


def hex_colour(value: str) -> str:
    """Return a colour written as #RRGGBB, upper-case without the '#'."""
    if not re.fullmatch(r"#?[0-9A-Fa-f]{6}", value):
        raise ValueError(f'expected a colour like "#7A1F5C"; got {value[:40]!r}')
    return value.removeprefix("#").upper()


def language(value: str) -> str:
    """Return value if there is a catalogue for that language (en, de, fr, ru)."""
    if value not in LANGUAGES:
        raise ValueError(f"expected one of {', '.join(LANGUAGES)}; got {value[:40]!r}")
    return value


@cache
def _currencies() -> frozenset[str]:
    """Return the ISO 4217 codes Babel knows."""
    return frozenset(list_currencies())


def filled(value: str) -> str:
    """Return value if it has more than white space (a required text may not be left empty)."""
    if not value.strip():
        raise ValueError("required field is empty")
    return value


def one_line(value: str) -> str:
    """Return a list item without surrounding white space; an empty or multi-line item is refused."""
    value = value.strip()
    if not value:
        raise ValueError("an empty list item; remove it or write something")
    if "\n" in value:
        raise ValueError(f"a list item is one line; split {value[:40]!r}... into separate items")
    return value


Text = Annotated[str, BeforeValidator(number_to_text)]
Item = Annotated[str, BeforeValidator(number_to_text), AfterValidator(one_line)]
Required = Annotated[str, BeforeValidator(number_to_text), AfterValidator(filled)]


def fifteen_digits(value: float) -> float:
    """Return value if a workbook keeps it exactly (15 significant digits, as Excel does)."""
    if float(f"{value:.15g}") != value:
        raise ValueError(f"expected at most 15 significant digits (a workbook keeps no more); got {value!r}")
    return value


Money = Annotated[float, Field(ge=0, le=LARGEST, strict=True, allow_inf_nan=False), AfterValidator(fifteen_digits)]
Count = Annotated[int, Field(ge=0, le=int(LARGEST), strict=True)]
Percent = Annotated[float, Field(ge=0, le=100, strict=True, allow_inf_nan=False), AfterValidator(fifteen_digits)]
Score = Annotated[int, Field(ge=1, le=5, strict=True)]
Number = Annotated[
    float, Field(ge=-LARGEST, le=LARGEST, strict=True, allow_inf_nan=False), AfterValidator(fifteen_digits)
]
IsoDate = Annotated[date, BeforeValidator(iso_date), AfterValidator(date_in_range)]
Currency = Annotated[str, AfterValidator(currency)]
Language = Annotated[str, AfterValidator(language)]
Colour = Annotated[str, BeforeValidator(number_to_text), AfterValidator(hex_colour)]
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
