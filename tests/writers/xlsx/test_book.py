"""The workbook writer's own XML: what a spreadsheet program reads back is exactly what was written, styled."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.writers.package import package
from generator.writers.xlsx.book import Printing, Rule
from generator.writers.xlsx.parts import Book
from generator.writers.xlsx.styles import Align, Border, Fill, Font, Highlight, Look
from tests.conftest import needs_office, soffice

AWKWARD = ["a & b < c > d", "  padded  ", "=1+1", "+SUM(A1)", "#N/A", "line\nbreak", "Krüger — 東京", "x\ry"]
BOLD_NAVY = Look(font=Font(bold=True, size=14, colour="1F3864"))
MONEY = Look(border=Border("B4BECF"), align=Align(vertical="top"), number_format='"€"#,##0')
WRAPPED = Look(fill=Fill("F2F2F2"), align=Align("left", "top", wrap=True, indent=2))


def sample_book() -> Book:
    """Return a workbook with awkward text, numbers, a date, a formula, looks, a table, a drop-down and rules."""
    book = Book(title="Plan — Test", author="Ann & Bob")
    ws = book.sheet("Data sheet")
    ws.printing = Printing(header="&L&10 Head", footer="&L&10 Page &P", title_rows="$1:$1")
    for row, value in enumerate(AWKWARD, 1):
        ws.put(row, 1, value, as_text=True)
    ws.put(1, 2, 1234567.5, MONEY)
    ws.put(2, 2, date(2026, 11, 16), Look(number_format="d mmm yyyy"))
    ws.put(3, 2, "=SUM(B1:B2)", WRAPPED)
    ws.put(4, 2, "Title", BOLD_NAVY, as_text=True)
    ws.put(5, 2, 7, BOLD_NAVY)
    ws.put(6, 2, Decimal("12.50"))
    ws.widths[1], ws.heights[1], ws.freeze = 30, 40, (2, 1)
    ws.tables.append(("Things", "A1:B9", ("a & b < c > d", "Value")))
    ws.validations.append(("C2:C9", '"Yes,No"', "Yes or No"))
    ws.highlight("C2:C9", Rule(Highlight("C6EFCE", bold=True), ('"Yes"',), "equal"))
    book.names["Total"] = "'Data sheet'!$B$3"
    return book


def reopened() -> object:
    """Return the sample workbook zipped and opened with openpyxl."""
    return load_workbook(io.BytesIO(package(sample_book().parts(), date(2026, 11, 16))))


def test_text_reads_back_exactly_as_written_whatever_it_holds() -> None:
    ws = reopened()["Data sheet"]  # type: ignore[index]
    assert [ws.cell(row, 1).value for row in range(1, len(AWKWARD) + 1)] == AWKWARD
    assert all(ws.cell(row, 1).data_type == "s" for row in range(1, len(AWKWARD) + 1))  # never a formula


def test_numbers_dates_and_formulas_keep_their_kind_and_format() -> None:
    ws = reopened()["Data sheet"]  # type: ignore[index]
    assert ws["B1"].value == 1234567.5 and ws["B1"].number_format == '"€"#,##0'
    assert ws["B2"].value.date() == date(2026, 11, 16) and ws["B2"].number_format == "d mmm yyyy"
    assert ws["B3"].value == "=SUM(B1:B2)" and ws["B6"].value == 12.5


def test_looks_are_shared_and_read_back() -> None:
    ws = reopened()["Data sheet"]  # type: ignore[index]
    title, count = ws["B4"], ws["B5"]
    assert title.font.b and title.font.sz == 14 and title.font.color.rgb == "001F3864"
    assert title.style_id == count.style_id  # one cell format for one look
    wrapped = ws["B3"]
    assert wrapped.alignment.wrap_text and wrapped.alignment.indent == 2 and wrapped.alignment.horizontal == "left"
    assert wrapped.fill.fgColor.rgb == "00F2F2F2"
    assert ws["B1"].border.bottom.style == "thin" and ws["B1"].border.bottom.color.rgb == "00B4BECF"
    assert not ws["A1"].has_style  # the default look writes no style


def test_settings_tables_drop_downs_rules_and_names_read_back() -> None:
    wb = reopened()
    ws = wb["Data sheet"]  # type: ignore[index]
    assert ws.column_dimensions["A"].width == 30 and ws.row_dimensions[1].height == 40
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    assert ws.oddHeader.left.text == "Head" and ws.page_setup.orientation == "landscape"
    assert ws.tables["Things"].ref == "A1:B9"
    assert [c.name for c in ws.tables["Things"].tableColumns] == ["a & b < c > d", "Value"]
    assert ws.data_validations.dataValidation[0].error == "Yes or No"
    (rule,) = [r for rules in ws.conditional_formatting for r in rules.rules]
    assert rule.formula == ['"Yes"'] and rule.dxf.font.b and rule.dxf.fill.fgColor.rgb == "00C6EFCE"
    assert wb.defined_names["Total"].attr_text == "'Data sheet'!$B$3"  # type: ignore[attr-defined]
    assert wb.properties.title == "Plan — Test" and wb.properties.creator == "Ann & Bob"  # type: ignore[attr-defined]


def test_characters_a_worksheet_cannot_hold_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot hold"):
        Book().sheet("S").put(1, 1, "bell\x07", as_text=True)


@needs_office
def test_libreoffice_reads_the_text_and_computes_the_formula(tmp_path: Path) -> None:
    path = tmp_path / "sample.xlsx"
    path.write_bytes(package(sample_book().parts(), date(2026, 11, 16)))
    utf8_csv = "csv:Text - txt - csv (StarCalc):44,34,76"
    command = [str(soffice()), "--headless", "--convert-to", utf8_csv, "--outdir", str(tmp_path), str(path)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    shown = (tmp_path / "sample.csv").read_text("utf-8")
    rows = shown.splitlines()
    assert rows[0] == 'a & b < c > d,"€1,234,568"'  # text as text, the amount in its money format
    assert rows[2].startswith("=1+1,") and "SUM" not in rows[2]  # data never computes; the formula does
    assert "Krüger — 東京" in shown


def test_text_that_looks_like_an_excel_character_code_is_written_to_show_as_typed(tmp_path: Path) -> None:
    """Excel reads '_x0041_' in a cell as the letter A: the workbook escapes it, so the reader sees what was typed."""
    import zipfile

    import generator as lib
    from tests.conftest import MINIMAL, write_yaml

    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL + "  overview: 'code _x0041_ here'\n")).plan
    data = lib.render(plan, "kam-action-plan", "xlsx")
    sheets = zipfile.ZipFile(io.BytesIO(data))
    xml = "".join(sheets.read(n).decode() for n in sheets.namelist() if n.startswith("xl/worksheets/sheet"))
    assert "code _x005F_x0041_ here" in xml and "code _x0041_ here" not in xml


@pytest.mark.parametrize("title", ["", "x" * 32, "Q1/Q2", "a:b", "[x]", "'quoted", "Data Sheet"])
def test_sheet_names_excel_refuses_or_repeats_are_refused_before_anything_is_written(title: str) -> None:
    book = Book()
    book.sheet("Data sheet")
    with pytest.raises(ValueError, match="worksheet"):
        book.sheet(title)


def test_a_drop_down_s_error_message_stays_within_what_excel_allows() -> None:
    """Excel repairs a workbook whose drop-down message runs past 225 characters: a long vocabulary is cut."""
    from generator.document.blocks import Column, Table
    from generator.writers.xlsx import rules

    sheet = Book().sheet("S")
    table = Table("T", (Column("stage", "Stage", options="stage"),), ())
    stages = {"stage": tuple(f"Stage number {i}" for i in range(40))}
    rules.validations(sheet, table, {"stage": "A"}, stages, range(4, 9))
    ((area, source, error),) = sheet.validations
    assert area == "A4:A8" and source == "=Lists!$A$2:$A$41"
    assert len(error) == rules.ERROR_LIMIT and error.startswith("Stage: Stage number 0, ") and error.endswith("…")


def test_a_sheet_s_extent_follows_its_cells_in_whatever_order_they_are_written() -> None:
    """The used range (dimension), last row and last column a spreadsheet program and the print area read."""
    book = Book()
    ws = book.sheet("S")
    assert (ws.max_row, ws.max_column) == (1, 1)
    for row, column in [(7, 3), (4, 30), (9, 2), (5, 2), (7, 3)]:
        ws.put(row, column, f"{row}/{column}", as_text=True)
    assert (ws.max_row, ws.max_column) == (9, 30)
    sheet = dict(book.parts())["xl/worksheets/sheet1.xml"]
    assert b'<dimension ref="B4:AD9"/>' in sheet
    cells = [
        c.coordinate
        for row in load_workbook(io.BytesIO(package(book.parts(), None)))["S"].iter_rows()
        for c in row
        if c.value
    ]
    assert cells == ["AD4", "B5", "C7", "B9"]  # row by row, left to right, as Excel expects


@pytest.mark.parametrize(
    ("column", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (702, "ZZ"), (1023, "AMI"), (1024, "AMJ"), (16384, "XFD")]
)
def test_column_letters_are_excel_s_on_both_sides_of_the_looked_up_ones(column: int, letters: str) -> None:
    from generator.writers.xlsx.xml import letter

    assert letter(column) == letters


def test_text_beyond_ascii_is_written_as_the_character_references_openpyxl_writes() -> None:
    book = Book()
    ws = book.sheet("S")
    ws.put(1, 1, "Krüger — 東京 😀", as_text=True)
    ws.put(2, 1, '="Größe"&A1')
    sheet = dict(book.parts())["xl/worksheets/sheet1.xml"]
    assert b"<t>Kr&#252;ger &#8212; &#26481;&#20140; &#128512;</t>" in sheet
    assert b'<f>"Gr&#246;&#223;e"&amp;A1</f>' in sheet
    assert sheet.isascii()


@pytest.mark.parametrize(
    "value", [0, 7, -42, 2**53 - 1, -(2**53 - 1), 2**53 + 1, 10**16 + 3, 1234567.5, -0.0, 1e-7, Decimal("12.50")]
)
def test_numbers_are_written_with_the_digits_openpyxl_writes(value: float | Decimal) -> None:
    book = Book()
    book.sheet("S").put(1, 1, value)
    assert f"<v>{value:.16g}</v>".encode() in dict(book.parts())["xl/worksheets/sheet1.xml"]


def test_numbers_that_are_not_finite_are_written_empty() -> None:
    book = Book()
    ws = book.sheet("S")
    for row, value in enumerate([float("nan"), float("inf"), float("-inf"), Decimal("NaN")], 1):
        ws.put(row, 1, value)
    assert dict(book.parts())["xl/worksheets/sheet1.xml"].count(b't="n"><v></v>') == 4
