"""Excel as a data source: round trip with YAML, Sheet!Cell messages, hostile workbooks refused fast."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import generator as lib
from generator.cli import main
from generator.errors import SourceError
from generator.model.plan import AccountPlan
from tests.conftest import EXAMPLE, ROOT

EXAMPLE_XLSX = ROOT / "data" / "example.xlsx"


def messages(path: Path) -> list[str]:
    """Return the problems loading a source gives, without the folder."""
    with pytest.raises(SourceError) as caught:
        lib.load_plan(path)
    return [m.replace(f"{path.parent}/", "") for m in caught.value.messages()]


def edited(tmp_path: Path, edit, name: str = "edited.xlsx") -> Path:  # type: ignore[no-untyped-def]
    """Return a copy of the example data workbook changed by edit(workbook)."""
    wb = load_workbook(EXAMPLE_XLSX)
    edit(wb)
    path = tmp_path / name
    wb.save(path)
    return path


def test_yaml_and_excel_sources_are_the_same_plan(example: AccountPlan) -> None:
    assert lib.load_plan(EXAMPLE_XLSX).plan == example


def test_committed_example_workbook_is_what_convert_makes(tmp_path: Path) -> None:
    out = lib.convert(EXAMPLE, tmp_path / "example.xlsx")
    assert out.read_bytes() == EXAMPLE_XLSX.read_bytes(), "run: accountplan convert data/example.yaml data/example.xlsx"


def test_building_from_yaml_or_excel_gives_identical_files(tmp_path: Path) -> None:
    from_yaml = lib.generate(lib.load_plan(EXAMPLE).plan, tmp_path / "y")
    from_excel = lib.generate(lib.load_plan(EXAMPLE_XLSX).plan, tmp_path / "x")
    assert [o.path.read_bytes() for o in from_yaml] == [o.path.read_bytes() for o in from_excel]


def test_convert_back_to_yaml_round_trips(tmp_path: Path, example: AccountPlan) -> None:
    back = lib.convert(EXAMPLE_XLSX, tmp_path / "back.yaml")
    assert lib.load_plan(back).plan == example


def test_init_writes_a_blank_data_workbook_with_drop_downs_and_notes(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", "-o", str(tmp_path / "mine.xlsx")])
    assert result.exit_code == 0
    wb = load_workbook(tmp_path / "mine.xlsx")
    assert wb.sheetnames[:4] == ["Instructions", "Plan", "Lists", "Team"] and "Stakeholders" in wb.sheetnames
    stakeholders = wb["Stakeholders"]
    assert stakeholders["A1"].value == "name" and "Required" in stakeholders["A1"].comment.text
    assert any("Champion" in dv.formula1 for dv in stakeholders.data_validations.dataValidation)
    assert wb["Plan"]["A2"].value == "plan.title"


def test_init_in_german_gives_german_help_drop_downs_and_instructions(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", "--language", "de", "-o", str(tmp_path / "de.xlsx")])
    assert result.exit_code == 0, result.output
    wb = load_workbook(tmp_path / "de.xlsx")
    assert wb.sheetnames[:2] == ["Anleitung", "Plan"] and "Arbeitsmappe" in wb["Anleitung"]["A1"].value
    actions = wb["Actions"]
    assert "Pflichtfeld" in actions["A1"].comment.text  # headers stay field names, the same in every language
    assert any("In Arbeit" in dv.formula1 for dv in actions.data_validations.dataValidation)


def test_a_workbook_in_another_language_reads_as_the_same_plan(tmp_path: Path, example: AccountPlan) -> None:
    german = lib.in_language(example, "de")
    path = tmp_path / "de.xlsx"
    path.write_bytes(lib.source_bytes(german, ".xlsx"))
    assert load_workbook(path)["Stakeholders"]["E2"].value == "Wirtschaftliche Entscheidung"
    assert lib.load_plan(path).plan == german


def test_vocabulary_labels_of_any_language_are_read(tmp_path: Path) -> None:
    def french_status(wb: Any) -> None:
        wb["Actions"]["H2"] = "En cours"  # a French label typed into an English workbook

    path = edited(tmp_path, french_status)
    column = [c.value for c in load_workbook(path)["Actions"][1]].index("status")
    assert column == 7 and lib.load_plan(path).plan.actions[0].status.value == "in_progress"


def test_blank_data_workbook_reads_as_an_empty_plan_with_clear_requirements(tmp_path: Path) -> None:
    path = lib.init_workbook(tmp_path / "blank.xlsx")
    assert messages(path) == [
        "blank.xlsx:Plan!B12: account.name: required field is missing: the account's name",
        "blank.xlsx:Plan!B5: plan.date: required field is missing: the plan's date (YYYY-MM-DD)",
    ]


def test_wrong_values_are_reported_with_sheet_and_cell(tmp_path: Path) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        wb["Opportunities"]["B2"] = "lots"  # value
        wb["Opportunities"]["E2"] = "won"  # stage outside the drop-down
        wb["Stakeholders"]["A3"] = None  # a required name missing
        wb["Plan"]["B5"] = "not a date"  # plan.date
        wb["Risks"]["B2"] = 9  # impact 1-5

    got = messages(edited(tmp_path, edit))
    assert "edited.xlsx:Plan!B5: plan.date: expected an ISO date (YYYY-MM-DD); got 'not a date'" in got
    assert "edited.xlsx:Opportunities!B2: opportunities[0].value: expected a number; got text 'lots'" in got
    assert any(
        m.startswith("edited.xlsx:Opportunities!E2: opportunities[0].stage: expected one of discovery") for m in got
    )
    assert any(
        m.startswith("edited.xlsx:Stakeholders!A3: stakeholders[1].name: required field is missing") for m in got
    )
    assert "edited.xlsx:Risks!B2: risks[0].impact: expected a number ≤ 5; got 9" in got


def test_renamed_and_missing_headers_are_reported(tmp_path: Path) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        wb["Stakeholders"]["C1"] = "departement"
        wb["Opportunities"]["A1"] = "opportunity"

    got = messages(edited(tmp_path, edit))
    assert "edited.xlsx:Stakeholders!C1: unknown column 'departement' (renamed?); did you mean 'department'?" in got
    assert "edited.xlsx:Opportunities!1: missing column 'name' (required)" in got


def test_unknown_sheet_and_field_are_reported(tmp_path: Path) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        wb.create_sheet("Stakeholder")
        wb["Plan"]["A3"] = "plan.prepared"

    got = messages(edited(tmp_path, edit))
    assert "edited.xlsx:Stakeholder!A1: unknown sheet 'Stakeholder'; did you mean 'Stakeholders'?" in got
    assert "edited.xlsx:Plan!A3: unknown field 'plan.prepared'; did you mean 'plan.prepared_by'?" in got


def test_formula_cells_are_reported_never_copied(tmp_path: Path) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        wb["Opportunities"]["B2"] = "=1000*2"

    got = messages(edited(tmp_path, edit))
    assert got == [
        "edited.xlsx:Opportunities!B2: opportunities[0].value: a formula; the data workbook takes "
        "values — type the value itself"
    ]


def test_labels_are_accepted_for_closed_vocabularies(tmp_path: Path) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        wb["Opportunities"]["E2"] = "Closed won"

    assert lib.load_plan(edited(tmp_path, edit)).plan.opportunities[0].stage.value == "closed_won"


def test_dates_typed_as_dates_are_read_as_dates(tmp_path: Path) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        wb["Actions"]["G2"] = date(2027, 5, 1)

    assert lib.load_plan(edited(tmp_path, edit)).plan.actions[0].due == date(2027, 5, 1)


# -- hostile workbooks ----------------------------------------------------------------------------
def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("name,value\n", encoding="utf-8")
    assert messages(path) == ["fake.xlsx: not an Excel workbook (.xlsx): the file is not a zip package"]


def test_truncated_workbook(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(EXAMPLE_XLSX.read_bytes()[:20_000])
    assert "damaged or truncated" in messages(path)[0]


def test_zip_bomb_is_refused_in_under_a_second(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
        with package.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * 1_000_000
            for _ in range(400):
                member.write(chunk)
    assert path.stat().st_size < 1_000_000 * 1.1
    start = time.perf_counter()
    got = messages(path)
    assert time.perf_counter() - start < 1.0
    assert "inflates to 400,0" in got[0] and "zip bomb" in got[0]


def test_macro_workbook_is_refused(tmp_path: Path) -> None:
    source = zipfile.ZipFile(EXAMPLE_XLSX)
    path = tmp_path / "macro.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        for name in source.namelist():
            package.writestr(name, source.read(name))
        package.writestr("xl/vbaProject.bin", b"\0" * 100)
    assert "macro-enabled workbook" in messages(path)[0]


def test_entities_are_refused(tmp_path: Path) -> None:
    source = zipfile.ZipFile(EXAMPLE_XLSX)
    path = tmp_path / "xxe.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        for name in source.namelist():
            body = source.read(name)
            if name == "xl/workbook.xml":
                body = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + body.split(b"?>", 1)[-1]
            package.writestr(name, body)
    assert "declares a DTD or entities" in messages(path)[0]


def test_cli_validate_reports_excel_problems_with_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "damaged or truncated" in result.stderr


def test_convert_rejects_an_unknown_target_type(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(EXAMPLE), str(tmp_path / "out.csv")])
    assert result.exit_code == 2 and "unknown source type '.csv'" in result.stderr


def test_data_workbook_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    wb_bytes = lib.source_bytes(
        lib.load_plan(EXAMPLE).plan.model_copy(update={"documentation_standards": ["=1+1"]}), ".xlsx"
    )
    wb = load_workbook(io.BytesIO(wb_bytes))
    cells = [c for row in wb["Lists"].iter_rows() for c in row if c.value == "=1+1"]
    assert cells and cells[0].data_type == "s"
    path = tmp_path / "f.xlsx"
    path.write_bytes(wb_bytes)
    assert lib.load_plan(path).plan.documentation_standards == ["=1+1"]


@pytest.mark.parametrize("suffix", [".xlsm", ".xls", ".xlsb"])
def test_macro_and_old_formats_are_refused_by_name(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(EXAMPLE_XLSX.read_bytes())
    assert "save it as a plain .xlsx workbook" in messages(path)[0]


def test_a_duplicate_column_or_plan_field_is_reported_not_dropped(tmp_path: Path) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        people = wb["Stakeholders"]
        people.cell(1, people.max_column + 1, "title")
        plan = wb["Plan"]
        plan.cell(plan.max_row + 1, 1, "account.name")
        plan.cell(plan.max_row, 2, "Other name")

    got = messages(edited(tmp_path, edit))
    assert any("Stakeholders!" in m and "the column 'title' is given twice" in m for m in got)
    assert any("Plan!A" in m and "the field 'account.name' is given twice" in m for m in got)


def test_a_value_beyond_the_last_read_column_is_reported(tmp_path: Path) -> None:
    got = messages(edited(tmp_path, lambda wb: wb["Actions"].cell(2, 61, "stray note")))
    assert any("Actions!BI2" in m and "beyond column BH" in m for m in got)


def test_thousands_of_formatted_empty_rows_are_ignored(tmp_path: Path, example: AccountPlan) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        from openpyxl.styles import Font

        for row in range(100, 7000):
            wb["Risks"].cell(row, 1).font = Font(bold=True)

    assert lib.load_plan(edited(tmp_path, edit)).plan == example


def test_a_dtd_in_a_part_with_any_name_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(EXAMPLE_XLSX) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("xl/worksheets/sheet99.bin", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
    path = tmp_path / "dtd.xlsx"
    path.write_bytes(out.getvalue())
    assert any("sheet99.bin declares a DTD" in m for m in messages(path))


def test_text_like_a_spreadsheet_escape_survives_the_data_workbook(tmp_path: Path) -> None:
    source = tmp_path / "plan.yaml"
    source.write_text("plan: {date: 2026-11-16}\naccount: {name: Esc, overview: 'a_x000D_b _x0041_'}\n", "utf-8")
    back = lib.convert(lib.convert(source, tmp_path / "plan.xlsx"), tmp_path / "back.yaml")
    assert lib.load_plan(back).plan.account.overview == "a_x000D_b _x0041_"


def test_convert_refuses_a_list_that_would_not_fit_one_cell_rather_than_cut_it(tmp_path: Path) -> None:
    tactic = "t" * 9000
    source = tmp_path / "plan.yaml"
    tactics = ", ".join([tactic] * 4)
    source.write_text(
        f"plan: {{date: 2026-11-16}}\naccount: {{name: Long}}\nstrategies: [{{strategy: S, tactics: [{tactics}]}}]\n"
    )
    result = CliRunner().invoke(main, ["convert", str(source), str(tmp_path / "plan.xlsx")])
    assert result.exit_code == 1 and "strategies[0].tactics: 36,003 characters" in result.stderr
    assert not (tmp_path / "plan.xlsx").exists()


def test_convert_keeps_the_language_and_the_german_workbook_builds_its_yaml_twin(tmp_path: Path) -> None:
    german = EXAMPLE.parent / "examples" / "halden-freight-de.yaml"
    workbook = lib.convert(german, tmp_path / "de.xlsx")
    assert load_workbook(workbook).sheetnames[0] == "Anleitung"
    assert lib.load_plan(workbook).plan == lib.load_plan(german).plan
    back = lib.convert(workbook, tmp_path / "de.yaml")
    assert "language: de" in back.read_text(encoding="utf-8")
    built = lib.generate(lib.load_plan(workbook).plan, tmp_path / "out", families=["kam-action-plan"])
    assert [o.path.parent.name.endswith("-de") for o in built] == [True, True, True]
