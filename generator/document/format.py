"""Formatting of values for display: money, percentages, dates, vocabularies, hints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TypeVar

from generator.catalog import Catalog
from generator.document.blocks import NOTHING, Cell, Row
from generator.model.enums import Vocabulary

T = TypeVar("T")

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "CNY": "¥"}
BLANK_ROWS = 3
EMPTY = NOTHING


class Formatter:
    """Formats values of one plan in one language; empty values become bracketed hints."""

    def __init__(self, cat: Catalog, currency: str, blank: bool = True) -> None:
        self.cat = cat
        self.currency = currency
        self.blank = blank
        self.symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")

    def hint(self, key: str) -> str:
        """Return what an empty field shows: its bracketed hint in a blank plan, a dash in a filled one."""
        return self.cat.hint(key) if self.blank else EMPTY

    def text(self, value: str | None, hint: str) -> str:
        """Return value, or the hint in brackets when it is empty."""
        return value if value and value.strip() else self.hint(hint)

    def given(self, value: object, shown: str) -> str:
        """Return shown where the plan gives the value or is blank (then shown holds its hint); nothing where a
        filled plan lacks it, so no dash is composed into a sentence."""
        return shown if value or self.blank else ""

    def items(self, values: Sequence[str], hint: str) -> list[str]:
        """Return the list, or one bracketed hint when it is empty."""
        return list(values) if values else [self.hint(hint)]

    def joined(self, values: Iterable[str], hint: str, sep: str = ", ") -> str:
        """Return the values joined, or the hint when there are none."""
        return self.text(sep.join(v for v in values if v), hint)

    def money(self, value: float | None, hint: str = "amount") -> str:
        """Return an amount with currency symbol and thousands separators."""
        if value is None:
            return self.hint(hint)
        return f"{self.symbol}{value:,.0f}"

    def money_short(self, value: float | None, hint: str = "amount") -> str:
        """Return an amount abbreviated for big-number tiles (1.3M, 250K)."""
        if value is None:
            return self.hint(hint)
        for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
            if abs(value) >= size:
                return f"{self.symbol}{value / size:,.1f}{suffix}".replace(".0" + suffix, suffix)
        return f"{self.symbol}{value:,.0f}"

    def percent(self, value: float | None, hint: str = "percent", signed: bool = False) -> str:
        """Return a percentage like 40% (or +12.5% when signed)."""
        if value is None:
            return self.hint(hint)
        text = f"{value:+.1f}" if signed else f"{value:.1f}"
        return text.replace(".0", "") + "%"

    def number(self, value: float | None, hint: str = "number") -> str:
        """Return a number with thousands separators and no needless decimals."""
        if value is None:
            return self.hint(hint)
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")

    def date(self, value: date | None, hint: str = "date") -> str:
        """Return a date like 15 Jan 2027."""
        if value is None:
            return self.hint(hint)
        return f"{value.day} {self.cat.label(f'month_{value.month}')} {value.year}"

    def enum(self, value: Vocabulary | None, hint: str) -> str:
        """Return the label of a vocabulary value, or the hint."""
        if value is None:
            return self.hint(hint)
        return self.cat.enum(type(value).vocabulary(), value.value)

    def score(self, value: int | None, hint: str = "score") -> str:
        """Return a 1-5 score as '4/5'."""
        return self.hint(hint) if value is None else f"{value}/5"

    def label(self, key: str) -> str:
        """Return a catalogue label."""
        return self.cat.label(key)

    def rows(self, items: Sequence[T], to_row: Callable[[T], Row]) -> tuple[Row, ...]:
        """Return one row per item."""
        return tuple(to_row(item) for item in items)

    def placeholders(self, hint: Row) -> tuple[Row, ...]:
        """Return what an empty list shows: the hint row and empty formatted rows in a blank plan, one row of
        dashes in a filled one."""
        first = Row(hint.cells, placeholder=True, group=hint.group)
        if not self.blank:  # one styled line, not a row of dashes
            said = self.cat.label("not_assessed")
            keys = [k for k, _ in hint.cells]
            cells = tuple((k, Cell(said if k == keys[0] else "")) for k in keys)
            return (Row(cells, placeholder=True, group=hint.group, message=said),)
        empty = Row(tuple((k, Cell(fill=c.fill)) for k, c in hint.cells), placeholder=True)
        return (first,) + (empty,) * (BLANK_ROWS - 1)

    def hint_row(self, **hints: str) -> Row:
        """Return a row whose cells show the given hints."""
        return Row(tuple((key, Cell(self.hint(hint))) for key, hint in hints.items()))

    def money_format(self) -> str:
        """Return the workbook number format of an amount in the plan's currency."""
        return f'"{self.symbol}"#,##0'
