"""The Excel writer turns any document's sheets into tables, fields, heat maps and timelines with live formulas."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from generator.writers.xlsx import build_workbook
from tests.writers import sample


def workbook() -> Any:
    """Return the sample workbook reopened with openpyxl."""
    return load_workbook(io.BytesIO(build_workbook(sample.document())))


def test_fields_resolve_references_to_tables_and_to_each_other() -> None:
    ws = workbook()["Summary"]
    assert ws["B4"].value == "=SUM(Deals[Value])"  # a structured reference: added rows count
    assert ws["B5"].value == "=B4*2"


def test_a_table_writes_raw_values_row_formulas_drop_downs_and_highlights() -> None:
    wb = workbook()
    ws = wb["Deals"]
    assert ws["A4"].value == "Quartz deal" and ws["B4"].value == 1000 and ws["C4"].value == "=B4*2"
    assert ws.tables["Deals"].ref == "A3:D5"
    assert any("Lists" in dv.formula1 for dv in ws.data_validations.dataValidation)
    assert any(r.formula == ['"Won"'] for rules in ws.conditional_formatting for r in rules.rules)
    assert ws._charts


def test_the_plan_date_is_a_defined_name_and_lists_are_hidden() -> None:
    wb = workbook()
    assert "PlanDate" in wb.defined_names
    assert wb["Lists"].sheet_state == "hidden"


def test_heat_map_and_timeline_count_and_follow_the_table() -> None:
    wb = workbook()
    assert wb["Heat"]["B4"].value.startswith("=COUNTIFS(")
    assert wb["Time"]["A4"].value.startswith("=IF(")


def test_each_row_of_a_table_gets_its_own_row_formula() -> None:
    ws = workbook()["Deals"]
    assert [ws[f"C{row}"].value for row in (4, 5)] == ["=B4*2", "=B5*2"]


def test_a_column_formula_worked_out_once_is_the_one_resolved_for_every_row() -> None:
    from generator.document.blocks import Format, Table
    from generator.writers.xlsx.sheets import Layout, _columns, resolve
    from generator.writers.xlsx.xml import letter

    part = sample.document().part(Format.XLSX)
    layout = Layout()
    layout.plan(part)
    tables = [t for section in part.sections for t in section.of(Table) if isinstance(t, Table)]
    checked = 0
    for table in tables:
        letters = {c.key: letter(i) for i, c in enumerate(table.columns, 1)}
        for column in _columns(table, layout, letters, lambda kind: "General"):
            own = column.column.formula
            for template in filter(None, (own, own and f"{own}+1")):
                for row in (4, 9, 3004):
                    assert column.formula_at(template, layout, letters, row) == resolve(template, layout, letters, row)
                    checked += 1
    assert checked >= 6


def test_the_heat_map_caption_is_whole_in_every_language() -> None:
    """The caption left of the grid (Auswirkung ↓ / Wahrscheinlichkeit →) fits its column: the counts beside it
    would cut it off otherwise."""
    import generator as lib
    from generator.catalog import LANGUAGES
    from generator.writers.textfit import text_width
    from generator.writers.xlsx.sheets import CHAR_POINTS, FONT_POINTS

    plan = lib.load_plan().plan
    for language in LANGUAGES:
        data = lib.render(lib.in_language(plan, language), "strategic-account-plan", "xlsx")
        sheets = load_workbook(io.BytesIO(data)).worksheets
        ws = next(ws for ws in sheets if "↓" in str(ws["A3"].value or ""))
        needed = text_width(str(ws["A3"].value), FONT_POINTS) / CHAR_POINTS
        assert ws.column_dimensions["A"].width >= needed, (language, ws["A3"].value)
