"""The workbook a deck chart's "Edit Data" opens, written by the workbook writer in python-pptx's layout (python-pptx's
own, through XlsxWriter, was half of what a chart cost)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.ooxml import escape
from generator.writers.package import package
from generator.writers.xlsx.book import Sheet
from generator.writers.xlsx.parts import Book
from generator.writers.xlsx.styles import Look

CATEGORY_WIDTH = 10  # characters: python-pptx's category column
CATEGORY_FORMAT = "General"  # python-pptx's number format of text categories


def chart_workbook(
    categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], number_format: str
) -> bytes:
    """Return a chart's data workbook: the categories in column A from row 2, each series' name in row 1 and its
    values below it, in the number format the chart's figures have."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.widths[1] = CATEGORY_WIDTH
    for row, category in enumerate(categories, 2):
        _put(book, sheet, (row, 1), category, Look(number_format=CATEGORY_FORMAT))
    for column, (name, values) in enumerate(series, 2):
        _put(book, sheet, (1, column), name, Look())
        for row, value in enumerate(values, 2):
            _put(book, sheet, (row, column), value, Look(number_format=number_format))
    return package(book.parts(), None)


def _put(book: Book, sheet: Sheet, where: tuple[int, int], value: object, look: Look) -> None:
    """Write a value (text as text, '_xHHHH_' kept as typed, as the workbooks write it) with a look into the chart's
    sheet."""
    book.styles.use(look)
    row, column = where
    if isinstance(value, str):
        sheet.put(row, column, escape(value), look, as_text=True)
    else:
        sheet.put(row, column, value, look)
