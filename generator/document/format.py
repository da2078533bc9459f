"""Formatting of values for display: money, percentages, dates, vocabularies, hints."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import TypeVar

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    NumberPattern,
    format_compact_currency,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
    parse_pattern,
)

from generator.catalog import Catalog
from generator.document.blocks import NOTHING, Cell, NumberFormats, Row
from generator.model.enums import Vocabulary

T = TypeVar("T")

BLANK_ROWS = 3
EMPTY = NOTHING
_GROUPED = re.compile(r"\d{4}")  # a compact amount the locale does not abbreviate (German thousands)
_CODE_BESIDE_DIGIT = re.compile(r"(?<=[A-Za-z]{2})(?=[\d-])|(?<=\d)(?=[A-Za-z]{2})")


class Formatter:
    """Formats values of one plan in one language and its locale (Babel); empty values become bracketed hints."""

    def __init__(self, cat: Catalog, currency: str, blank: bool = True) -> None:
        self.cat = cat
        self.currency = currency
        self.blank = blank
        self.locale_name = cat.formats["locale"]  # the caches' key: a Locale hashes and compares in Python
        self.locale = _locale(self.locale_name)
        pattern = self.locale.currency_formats["standard"].pattern.split(";")[0]
        self._money_pattern = pattern.replace("#,##0.00", "#,##0")
        self._percent_pattern = self.locale.percent_formats[None].pattern.split(";")[0].replace("#,##0", "#,##0.#")

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
        """Return a whole amount in the locale's shape: €1,250,000, 1.250.000 €, 1 250 000 €."""
        if value is None:
            return self.hint(hint)
        return _money(value, self.currency, self._money_pattern, self.locale_name)

    def money_short(self, value: float | None, hint: str = "amount") -> str:
        """Return an amount abbreviated for big-number tiles: €1.3M, 1,3 Mio. €, 1,3 млн €."""
        if value is None:
            return self.hint(hint)
        short = _compact(value, self.currency, self.locale_name)
        return self.money(value) if _GROUPED.search(short) else _spaced(short)

    def percent(self, value: float | None, hint: str = "percent", signed: bool = False) -> str:
        """Return a percentage in the locale's shape, one decimal at most: 40%, 12,5 %, +58,5 %."""
        if value is None:
            return self.hint(hint)
        shown = _percent(value, self._percent_pattern, self.locale_name)
        return f"+{shown}" if signed and value > 0 else shown

    def number(self, value: float | None, hint: str) -> str:
        """Return a number with the locale's separators and no needless decimals."""
        if value is None:
            return self.hint(hint)
        return _number(value, self.locale_name)

    def date(self, value: date | None, hint: str = "date") -> str:
        """Return a date in the language's shape: 15 Jan 2027, 15.01.2027, 15 janv. 2027."""
        if value is None:
            return self.hint(hint)
        return _date(value, self.cat.formats["date"], self.locale_name)

    def quarter(self, value: str, hint: str = "quarter") -> str:
        """Return a quarter given as 'Q3 2027' in the locale's shape: Q3 2027, T3 2027, 3-й кв. 2027."""
        if not value:
            return self.hint(hint)
        return _quarter(value, self.locale_name)

    def enum(self, value: Vocabulary | None, hint: str) -> str:
        """Return the label of a vocabulary value, or the hint."""
        if value is None:
            return self.hint(hint)
        return self.cat.enums[vocabulary_of(type(value))][str(value)]  # str(): the value; .value is interpreted

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

    def _money_sides(self) -> tuple[str, str]:
        """Return what stands before and after an amount's digits: the currency where the locale puts it, a
        letter code (CHF) set apart from the digits."""
        symbol = get_currency_symbol(self.currency, self.locale)
        before, _, after = self._money_pattern.partition("#,##0")
        spaced = len(symbol) > 1 and symbol.isalpha()
        before = before.replace("¤", symbol + ("\u00a0" if spaced and before.endswith("¤") else ""))
        return before, after.replace("¤", ("\u00a0" if spaced and after.startswith("¤") else "") + symbol)

    def money_format(self, short: bool = False) -> str:
        """Return the workbook number format of an amount, the currency where the locale puts it ("€"#,##0,
        #,##0" €"); short abbreviates millions and thousands in the language (chart labels: €1.4M, 1,4 Mio. €)."""
        before, after = self._money_sides()
        locale = self.cat.formats["excel_locale"]  # the language's separators (1,4 Mio. €), in every section
        if not short:
            return f"{locale}{_quoted(before)}#,##0{_quoted(after)}"
        million, thousand = self.cat.formats["compact_million"], self.cat.formats["compact_thousand"]
        big = f"{_quoted(before)}#,##0.0,,{_quoted(million + after)}"
        small = f"{_quoted(before)}#,##0,{_quoted(thousand + after)}"
        return f"{locale}[>=1000000]{big};{locale}[>=1000]{small};{locale}{_quoted(before)}0{_quoted(after)}"

    def money_label(self, value: float) -> str:
        """Return an amount as money_format(short=True) shows it: €1.4M, 589 Tsd. €, €900 (to measure a label)."""
        before, after = self._money_sides()
        million, thousand = self.cat.formats["compact_million"], self.cat.formats["compact_thousand"]
        if abs(value) >= 1_000_000:
            return before + format_decimal(value / 1_000_000, "#,##0.0", locale=self.locale) + million + after
        if abs(value) >= 1_000:
            return before + format_decimal(value / 1_000, "#,##0", locale=self.locale) + thousand + after
        return before + format_decimal(value, "0", locale=self.locale) + after

    def workbook_formats(self) -> NumberFormats:
        """Return the workbook number formats of money, dates and the timeline's months in this locale."""
        formats = self.cat.formats
        return NumberFormats(
            money=self.money_format(),
            short_money=self.money_format(short=True),
            date=formats["excel_date"],
            month=formats["excel_month"],
            locale=formats["excel_locale"],
        )


def _quoted(text: str) -> str:
    """Return text as a literal of a workbook number format ("" for none)."""
    return f'"{text}"' if text else ""


# Babel's formatting, each figure formatted once per locale: families show the same amounts, dates and shares again
FORMATTED = 4_096  # bounded: a batch of many accounts must not grow memory


@cache
def vocabulary_of(kind: type[Vocabulary]) -> str:
    """Return a vocabulary's catalogue key, worked out once (Vocabulary.vocabulary is interpreted)."""
    return kind.vocabulary()


@cache
def _locale(name: str) -> Locale:
    """Return Babel's locale of a name (de_DE), parsed once."""
    return Locale.parse(name)


@cache
def _pattern(text: str) -> NumberPattern:
    """Return Babel's number pattern of a text, parsed once (Babel parses the text again at every call)."""
    return parse_pattern(text)


@lru_cache(maxsize=FORMATTED)
def _money(value: float, currency: str, pattern: str, locale: str) -> str:
    """Return a whole amount formatted by Babel, its letter code kept apart from the digits."""
    return _spaced(format_currency(value, currency, _pattern(pattern), _locale(locale), currency_digits=False))


@lru_cache(maxsize=FORMATTED)
def _compact(value: float, currency: str, locale: str) -> str:
    """Return an amount abbreviated by Babel (1,3 Mio. €)."""
    return format_compact_currency(value, currency, locale=_locale(locale), fraction_digits=1)


@lru_cache(maxsize=FORMATTED)
def _percent(value: float, pattern: str, locale: str) -> str:
    """Return a percentage (40 for 40 %) formatted by Babel."""
    return format_percent(Decimal(str(value)) / 100, _pattern(pattern), _locale(locale))


@lru_cache(maxsize=FORMATTED)
def _date(value: date, pattern: str, locale: str) -> str:
    """Return a date formatted by Babel."""
    return format_date(value, pattern, _locale(locale))


@lru_cache(maxsize=FORMATTED)
def _number(value: float, locale: str) -> str:
    """Return a number formatted by Babel, with no needless decimals."""
    return format_decimal(value, _pattern("#,##0.##"), _locale(locale))


@lru_cache(maxsize=FORMATTED)
def _quarter(value: str, locale: str) -> str:
    """Return a quarter given as 'Q3 2027' formatted by Babel."""
    number, year = value.split()
    return format_date(date(int(year), 3 * int(number[1]) - 2, 1), "QQQ y", _locale(locale))


def _spaced(amount: str) -> str:
    """Return an amount whose letter code (CHF) is kept apart from the digits by a no-break space."""
    return _CODE_BESIDE_DIGIT.sub("\u00a0", amount)
