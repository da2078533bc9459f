"""Excel workbooks reopened with openpyxl: tables, drop-downs, formulas, conditional formats, charts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import generator as lib
from generator.cli import main
from generator.document import theme
from generator.errors import WriterError
from generator.families import FAMILIES
from generator.model.plan import AccountPlan
from tests.conftest import MINIMAL, needs_office, needs_poppler, soffice, write_yaml

WORKBOOKS = [name for name, family in FAMILIES.items() if "xlsx" in family.formats]


def workbook(paths: dict[str, Path], family: str):  # type: ignore[no-untyped-def]
    """Return a written workbook, opened with openpyxl."""
    return load_workbook(paths[f"{family}.xlsx"])


@pytest.mark.parametrize("family", list(WORKBOOKS))
def test_every_list_is_a_styled_table_with_frozen_header_and_print_setup(built: dict[str, Path], family: str) -> None:
    wb = workbook(built, family)
    tables = [(ws, t) for ws in wb.worksheets for t in ws.tables.values()]
    assert tables
    for ws, table in tables:
        assert table.tableStyleInfo.name == "TableStyleMedium2" and table.tableStyleInfo.showRowStripes
        assert ws.freeze_panes == "A4"
        assert ws.print_title_rows == "$3:$3"
        setup = ws.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9  # A4
        assert int(setup.scale) >= 70  # legible: 11 pt prints at 7.7 pt or more
        assert "Halden Freight Group" in ws.oddHeader.left.text and "&P" in ws.oddFooter.left.text
        assert len(ws.oddHeader.left.text) <= 255
        assert ws["A3"].font.bold and ws["A3"].fill.fgColor.rgb.endswith("1F3864")


@pytest.mark.parametrize("family", list(WORKBOOKS))
def test_closed_vocabularies_are_drop_downs(built: dict[str, Path], family: str) -> None:
    wb = workbook(built, family)
    validations = [dv for ws in wb.worksheets for dv in ws.data_validations.dataValidation]
    assert validations and all(dv.type == "list" and dv.formula1.startswith("=Lists!") for dv in validations)
    assert wb["Lists"].sheet_state == "hidden"


def test_strategic_workbook_derives_numbers_with_formulas(built: dict[str, Path]) -> None:
    wb = workbook(built, "strategic-account-plan")
    pipeline = wb["Pipeline"]
    assert pipeline["D4"].value == "=B4*C4" and pipeline["C4"].number_format == "0%_)"
    summary = {row[0].value: row[1].value for row in wb["Summary"].iter_rows(min_row=3)}
    # structured references: rows a user adds to the Pipeline table are counted
    assert summary["Weighted pipeline"] == '=SUMIF(Pipeline[Stage],"<>Closed lost",Pipeline[Weighted value])'
    assert summary["Growth"].startswith("=IF(")
    assert wb["Revenue streams"]["D4"].value.startswith("=IF(N(B4)=0")
    assert wb["Risks"]["D4"].value == "=B4*C4"
    assert "PlanDate" in wb.defined_names


def test_strategic_workbook_has_native_charts(built: dict[str, Path]) -> None:
    wb = workbook(built, "strategic-account-plan")
    assert len(wb["Pipeline by stage"]._charts) == 1 and len(wb["Revenue streams"]._charts) == 1


def test_conditional_formats_colour_kpis_risks_and_overdue(built: dict[str, Path]) -> None:
    wb = workbook(built, "strategic-account-plan")
    kpi_rules = [r for cf in wb["Scorecard"].conditional_formatting for r in cf.rules]
    assert {r.formula[0] for r in kpi_rules} >= {'"Green"', '"Amber"', '"Red"'}
    risk_rules = [r for cf in wb["Risks"].conditional_formatting for r in cf.rules]
    assert any(r.formula == ["15"] for r in risk_rules)
    overdue = [r for cf in wb["Actions"].conditional_formatting for r in cf.rules]
    assert any('="Overdue"' in r.formula[0] for r in overdue)


def test_account_map_shows_the_hierarchy_and_the_scatter(built: dict[str, Path], example: AccountPlan) -> None:
    wb = workbook(built, "account-map")
    people = wb["People"]
    rows = list(people.iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in rows][:2] == ["Henrik Aalto", "Sabine Krüger"]
    horak = next(i for i, r in enumerate(rows, 4) if r[1] == "Pavel Horák")
    assert people.cell(horak, 1).value == 4 and people.cell(horak, 2).alignment.indent == 3
    chart = wb["Matrix"]._charts[0]
    assert type(chart).__name__ == "ScatterChart" and len(chart.series) == len(example.stakeholders)


def test_kam_workbook_has_a_timeline(built: dict[str, Path], example: AccountPlan) -> None:
    wb = workbook(built, "kam-action-plan")
    timeline = wb["Timeline"]
    months = [c.value for c in timeline[3][5:] if c.value]
    assert len(months) >= 6 and months == sorted(months)
    assert timeline["A4"].value.startswith("=IF('Actions'!B4")
    assert next(r for cf in timeline.conditional_formatting for r in cf.rules).formula[0].startswith("AND(")


@pytest.mark.parametrize("family", list(WORKBOOKS))
def test_blank_workbooks_have_instructions_and_empty_validated_rows(built_blank: dict[str, Path], family: str) -> None:
    wb = workbook(built_blank, family)
    assert wb.sheetnames[0] == "Instructions"
    assert len([c for c in wb["Instructions"]["A"] if c.value]) >= 5
    for ws in wb.worksheets:
        for table in ws.tables.values():
            assert table.ref.endswith("6") or ws.title in {"Pipeline by stage", "Quadrants", "Scorecard", "Reviews"}
    if "Scorecard" in wb.sheetnames:  # the usual KPIs, pre-listed to fill in
        names = [r[1] for r in wb["Scorecard"].iter_rows(min_row=4, values_only=True)]
        assert "Share of wallet" in names and "User adoption" in names


FORMULAS = ["=1+1", '=HYPERLINK("http://example.com","click")', "=cmd|' /C calc'!A0", "+SUM(A1)"]


@pytest.mark.parametrize("value", FORMULAS)
def test_data_is_never_a_formula_in_any_workbook(tmp_path: Path, value: str) -> None:
    quoted = value.replace("'", "''")
    text = MINIMAL.replace("Test Account", f"'{quoted}'") + (
        f"stakeholders:\n  - {{name: '{quoted}'}}\nactions:\n  - {{action: '{quoted}', notes: '{quoted}'}}\n"
        f"opportunities:\n  - {{name: '{quoted}', value: 1, probability: 1, stage: proposal}}\n"
    )
    plan = lib.load_plan(write_yaml(tmp_path, text)).plan
    outputs = lib.generate(plan, tmp_path / "out", formats=["xlsx"])
    data_workbook = tmp_path / "data.xlsx"
    data_workbook.write_bytes(lib.source_bytes(plan, ".xlsx"))
    for path in [o.path for o in outputs] + [data_workbook]:
        wb = load_workbook(path)
        hits = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == value]
        assert hits, path.name
        assert all(c.data_type == "s" for c in hits), path.name


def test_values_beyond_the_cell_limit_are_refused_naming_the_field(tmp_path: Path) -> None:
    plan = lib.load_plan(write_yaml(tmp_path, MINIMAL + f"  overview: {'x' * 40_000}\n")).plan
    with pytest.raises(WriterError, match=r"account\.overview: 40,000 characters; an Excel cell holds at most 32,767"):
        lib.generate(plan, tmp_path / "out", formats=["xlsx"])
    result = CliRunner().invoke(main, ["build", str(tmp_path / "plan.yaml"), "-o", str(tmp_path / "cli")])
    assert result.exit_code == 1 and "account.overview" in result.stderr and not (tmp_path / "cli").exists()


def test_workbooks_are_deterministic(example: AccountPlan) -> None:
    assert lib.render(example, "kam-action-plan", "xlsx") == lib.render(example, "kam-action-plan", "xlsx")


def test_timeline_bars_show_done_and_overdue(built: dict[str, Path]) -> None:
    rules = [r for cf in workbook(built, "kam-action-plan")["Timeline"].conditional_formatting for r in cf.rules]
    fills = [r.dxf.fill.fgColor.rgb[-6:] for r in sorted(rules, key=lambda r: r.priority)]
    assert fills == ["BFBFBF", "D64545", "1A7F8E"]
    assert "PlanDate" in rules[1].formula[0] or any("PlanDate" in r.formula[0] for r in rules)


def test_wide_sheets_print_over_pages_with_their_first_columns_repeated(built: dict[str, Path]) -> None:
    people = workbook(built, "account-map")["People"]
    assert people.col_breaks.brk and people.print_title_cols == "$A:$B"  # level and name on every page


def test_formula_columns_are_grey_and_settings_do_not_print(built: dict[str, Path]) -> None:
    wb = workbook(built, "strategic-account-plan")
    assert wb["Pipeline"]["D4"].fill.fgColor.rgb.endswith(theme.FORMULA_FILL)  # weighted value: a formula
    scorecard = wb["Scorecard"]
    headers = [c.value for c in scorecard[3]]
    assert headers[-2:] == ["Direction", "Amber tolerance"]
    assert scorecard.print_area and "$F$" in str(scorecard.print_area)  # area ... status; settings left out


def test_numbers_are_never_wider_than_their_column(built: dict[str, Path]) -> None:
    for family in WORKBOOKS:
        for ws in workbook(built, family).worksheets:
            for row in ws.iter_rows(min_row=4):
                for cell in row:
                    if isinstance(cell.value, int | float) and cell.number_format != "General":
                        width = ws.column_dimensions[cell.column_letter].width
                        assert len(f"{cell.value:,.0f}") + 2 <= width, (ws.title, cell.coordinate)


@pytest.mark.parametrize("family", list(WORKBOOKS))
def test_a_figure_keeps_a_gap_from_the_text_of_the_next_column(built: dict[str, Path], family: str) -> None:
    """Every figure and date in a table (right-aligned) ends in a space as wide as ')', in every section of its
    format, so a rating of 2 beside a stance reads "2  Neutral", not "2Neutral"."""
    wb = workbook(built, family)
    formats = {
        cell.number_format
        for ws in wb.worksheets
        for table in ws.tables.values()
        for row in ws[table.ref]
        for cell in row
        if cell.number_format != "General"
    }
    assert formats
    for number_format in formats:
        assert all(section.endswith("_)") for section in number_format.split(";")), number_format


@needs_office
@needs_poppler
@pytest.mark.parametrize("language", ["de", "ru"])
def test_a_header_s_closing_bracket_stays_on_one_line_with_the_word_before_it(language: str, tmp_path: Path) -> None:
    """The contacts sheet's rating header prints "Beziehung (1–5)" on one line: LibreOffice would break a narrower
    column at the dash ("Beziehung (1–" over "5)")."""
    from tests import render_check
    from tests.conftest import ROOT

    plan = lib.load_plan(ROOT / "data" / "examples" / f"halden-freight-{language}.yaml").plan
    path = tmp_path / "sales.xlsx"
    path.write_bytes(lib.render(plan, "sales-account-plan", "xlsx"))
    pdf = render_check.to_pdf([path], tmp_path / "pdf", str(soffice()))[path]
    words = {word.text for page in render_check.pages(pdf) for word in page.words}
    assert "(1–5)" in words and "(1–" not in words


@needs_office
@needs_poppler
def test_russian_headers_keep_their_words_whole_in_libreoffice_s_serif(tmp_path: Path) -> None:
    """LibreOffice prints a Russian header in DejaVu Serif (Caladea has no Cyrillic), a quarter wider than a Latin
    one: the strategic workbook's pipeline and risk sheets still show "Количество" and "Вероятность" whole, not
    "Количеств" over "о"."""
    from tests import render_check
    from tests.conftest import ROOT

    plan = lib.load_plan(ROOT / "data" / "examples" / "halden-freight-ru.yaml").plan
    path = tmp_path / "strategic.xlsx"
    path.write_bytes(lib.render(plan, "strategic-account-plan", "xlsx"))
    pdf = render_check.to_pdf([path], tmp_path / "pdf", str(soffice()))[path]
    words = {word.text for page in render_check.pages(pdf) for word in page.words}
    assert {"Количество", "Вероятность"} <= words and not {"Количеств", "Вероятност"} & words
