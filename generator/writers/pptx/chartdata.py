"""A deck chart's data, with the workbook PowerPoint opens for "Edit Data" written by the workbook writer (python-pptx's
own, through XlsxWriter, was half of what a chart cost)."""

from __future__ import annotations

from pptx.chart.data import CategoryChartData

from generator.ooxml import escape
from generator.writers.package import package
from generator.writers.xlsx.book import Sheet
from generator.writers.xlsx.parts import Book
from generator.writers.xlsx.styles import Look

CATEGORY_WIDTH = 10  # characters: python-pptx's category column


class ChartData(CategoryChartData):
    """Category chart data whose workbook is written here, in python-pptx's layout: the categories in column A from
    row 2, each series' name in row 1 and its values below it, in the number format the chart shows."""

    @property
    def xlsx_blob(self) -> bytes:
        """Return the chart's data workbook."""
        book = Book()
        sheet = book.sheet("Sheet1")
        sheet.widths[1] = CATEGORY_WIDTH
        for row, category in enumerate(self.categories, 2):
            _put(book, sheet, (row, 1), category.label, Look(number_format=self.categories.number_format))
        for column, series in enumerate(self, 2):
            _put(book, sheet, (1, column), series.name, Look())
            for row, value in enumerate(series.values, 2):
                _put(book, sheet, (row, column), value, Look(number_format=series.number_format))
        return package(book.parts(), None)


def _put(book: Book, sheet: Sheet, where: tuple[int, int], value: object, look: Look) -> None:
    """Write a value (text as text, '_xHHHH_' kept as typed, as the workbooks write it) with a look into the chart's
    sheet."""
    book.styles.use(look)
    if isinstance(value, str):
        sheet.put(*where, escape(value), look, as_text=True)
    else:
        sheet.put(*where, value, look)
